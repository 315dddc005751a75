#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <utility>
#include <vector>

namespace qaw {

//! Two raters' ratings of the items both rated (items where either is missing left out).
std::vector<std::pair<double, double>> pairedRatings(const RatingMatrix &m, int raterA, int raterB);

//! Correlations need this many paired items: with two, r is always +1 or -1 and says nothing.
constexpr int kMinimumItemsForCorrelation = 3;

//! Pearson's product-moment r. Undefined with fewer than kMinimumItemsForCorrelation paired
//! items or when either rater's ratings do not vary.
StatValue pearsonCorrelation(const RatingMatrix &m, int raterA, int raterB);

//! Spearman's rho: Pearson's r of the ranks, tied values sharing their average rank.
StatValue spearmanCorrelation(const RatingMatrix &m, int raterA, int raterB);

//! Mean of |a - b| over paired items. Undefined when no item was rated by both.
StatValue meanAbsoluteError(const RatingMatrix &m, int raterA, int raterB);

//! Square root of the mean of (a - b)^2 over paired items.
StatValue rootMeanSquaredError(const RatingMatrix &m, int raterA, int raterB);

//! Mean of (a - b): positive when \a raterA rates higher (automated minus human when the
//! automated scorer is \a raterA).
StatValue meanSignedBias(const RatingMatrix &m, int raterA, int raterB);

//! Average ranks (1-based) of \a values, ties sharing the mean of the ranks they span.
std::vector<double> averageRanks(const std::vector<double> &values);

} // namespace qaw
