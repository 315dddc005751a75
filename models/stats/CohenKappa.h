#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <vector>

namespace qaw {

//! How Cohen's kappa weighs a disagreement between categories i and j of a k-point scale.
enum class KappaWeighting {
    Unweighted, //!< every disagreement counts fully (Cohen 1960)
    Linear,     //!< |i - j| / (k - 1)  (Cohen 1968 weighted kappa, linear weights)
    Quadratic,  //!< ((i - j) / (k - 1))^2  (Fleiss & Cohen 1973)
};

//! Cohen's kappa between raters \a raterA and \a raterB of \a m, over the category scale
//! \a scale (sorted; see categoryScale(): the declared scale plus observed values; weights
//! use the positions on this scale, so unused scale points in the middle count as steps).
//! Items where either rating is missing are left out. Undefined when no item was rated by
//! both, or when the chance-expected disagreement is zero (both raters used one and the
//! same category for every item).
StatValue cohenKappa(const RatingMatrix &m, int raterA, int raterB, KappaWeighting weighting,
                     const QList<double> &scale);

//! Convenience: the scale is the values the two raters used.
StatValue cohenKappa(const RatingMatrix &m, int raterA, int raterB,
                     KappaWeighting weighting = KappaWeighting::Unweighted);

//! The two raters' ratings turned into scale positions once, so that each weighting and each
//! bootstrap resample (given as how often each item is drawn) costs one pass over the items
//! and the k x k table, with no re-reading of the matrix.
class CohenKappaCalculator
{
public:
    CohenKappaCalculator(const RatingMatrix &m, int raterA, int raterB, const QList<double> &scale);

    //! \a itemWeights: how many times each item counts (null: once each).
    StatValue kappa(KappaWeighting weighting, const std::vector<int> *itemWeights = nullptr) const;

private:
    int m_k = 0;
    std::vector<int> m_items; // items both rated
    std::vector<int> m_first; // scale position of raterA's rating, per entry of m_items
    std::vector<int> m_second;
    QString m_error;
};

} // namespace qaw
