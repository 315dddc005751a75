#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

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

} // namespace qaw
