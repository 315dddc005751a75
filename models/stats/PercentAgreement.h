#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

namespace qaw {

//! Pairwise percent agreement within \a points, in percent: of the items rated by both
//! \a raterA and \a raterB, the share where |a - b| <= points (points = 0: exact agreement).
//! Undefined when no item was rated by both.
StatValue pairwisePercentAgreement(const RatingMatrix &m, int raterA, int raterB,
                                   double points = 0.0);

//! All-raters percent agreement within \a points, listwise, in percent: of the items every
//! rater rated (items with a missing rating are left out), the share where the highest and
//! lowest rating differ by at most \a points. Undefined with fewer than two raters or no
//! complete item.
StatValue allRatersPercentAgreement(const RatingMatrix &m, double points = 0.0);

//! Mean pairwise exact agreement, in percent: pairwise exact agreement computed for every
//! pair of raters (each pair over the items both rated), then averaged over the pairs that
//! share at least one item. Undefined with fewer than two raters or no such pair.
StatValue meanPairwisePercentAgreement(const RatingMatrix &m);

} // namespace qaw
