#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

namespace qaw {

//! The level of measurement, which chooses Krippendorff's difference function.
enum class AlphaLevel { Nominal, Ordinal, Interval, Ratio };

//! Krippendorff's alpha over all raters of \a m, by the coincidence-matrix method
//! (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): alpha = 1 - D_o / D_e.
//! Missing ratings are allowed; a unit (item) with fewer than two ratings is not pairable and
//! contributes nothing. Undefined when no unit is pairable, when the expected disagreement
//! is zero (every pairable rating is the same value), or, for the ratio level, when a value
//! is negative.
StatValue krippendorffAlpha(const RatingMatrix &m, AlphaLevel level);

} // namespace qaw
