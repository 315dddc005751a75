#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

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

} // namespace qaw
