#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <vector>

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

//! The pairable units' values as positions among the distinct values, prepared once, so that
//! every level and every bootstrap resample (how often each item is drawn) costs one pass
//! over the pairable values plus one over the value pairs.
class KrippendorffAlphaCalculator
{
public:
    explicit KrippendorffAlphaCalculator(const RatingMatrix &m);

    StatValue alpha(AlphaLevel level, const std::vector<int> *itemWeights = nullptr) const;

private:
    QList<double> m_values;    // distinct pairable values, ascending
    std::vector<int> m_items;  // pairable items
    std::vector<int> m_starts; // m_positions[m_starts[e] .. m_starts[e + 1]) is item e
    std::vector<int> m_positions;
};

} // namespace qaw
