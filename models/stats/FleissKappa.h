#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <vector>

namespace qaw {

//! Fleiss' (1971) kappa for any number of raters, over the items every rater rated (Fleiss'
//! kappa assumes the same number of ratings per item, so items with a missing rating are
//! left out). With two raters it equals Scott's pi. Undefined with fewer than two raters,
//! no complete item, or when every rating falls in one category (expected agreement 1).
StatValue fleissKappa(const RatingMatrix &m, const QList<double> &scale);

//! Randolph's (2005) free-marginal multirater kappa, (P - 1/k) / (1 - 1/k), where P is
//! Fleiss' mean observed pairwise agreement and k the number of categories on \a scale
//! (the declared scale, so unused scale points count). Same items as fleissKappa().
//! Undefined with fewer than two raters, no complete item, or fewer than two categories.
StatValue randolphKappa(const RatingMatrix &m, const QList<double> &scale);

//! Each complete item's category counts, prepared once, so that both kappas and every
//! bootstrap resample (how often each item is drawn) cost one pass over the items.
class MultiRaterKappaCalculator
{
public:
    MultiRaterKappaCalculator(const RatingMatrix &m, const QList<double> &scale);

    StatValue fleiss(const std::vector<int> *itemWeights = nullptr) const;
    StatValue randolph(const std::vector<int> *itemWeights = nullptr) const;

private:
    struct Totals
    {
        double items = 0.0;
        double meanObserved = 0.0;       // P-bar
        std::vector<double> proportions; // p_j
    };
    //! False, with \a reason set, when the kappas are undefined.
    bool totals(const std::vector<int> *itemWeights, Totals *out, QString *reason) const;

    int m_raters = 0;
    int m_k = 0;
    QString m_error;
    std::vector<int> m_items;        // complete items
    std::vector<double> m_agreement; // P_i per entry of m_items
    std::vector<int> m_categories;   // scale position of each rating, raters per item
};

} // namespace qaw
