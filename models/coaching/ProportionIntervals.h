#pragma once

#include <QtGlobal>

#include <optional>

namespace qaw {

//! A count of passes out of n verdicts.
struct PassCount
{
    qint64 n = 0;
    qint64 passed = 0;
    std::optional<double> rate() const
    {
        return n > 0 ? std::optional<double>(double(passed) / double(n)) : std::nullopt;
    }
};

struct Interval
{
    double low = 0;
    double high = 0;
    bool contains(double v) const { return low <= v && v <= high; }
};

//! The two-sided normal quantile for a confidence \a level (0.95 -> 1.959964).
double normalQuantile(double level);

//! Agresti-Caffo interval for the difference of two proportions (after - before): one
//! success and one failure are added to each group, and the Wald interval is taken
//! around the adjusted difference. Undefined (nullopt) when a group is empty.
std::optional<Interval> differenceInterval(const PassCount &before, const PassCount &after,
                                           double level = 0.95);

//! The same adjustment for a difference in differences,
//! (agentAfter - agentBefore) - (teamAfter - teamBefore): the adjusted difference in
//! differences +- z * sqrt(sum of the four adjusted variances), the four groups being
//! independent. Undefined when any group is empty.
std::optional<Interval> differenceInDifferencesInterval(const PassCount &agentBefore,
                                                        const PassCount &agentAfter,
                                                        const PassCount &teamBefore,
                                                        const PassCount &teamAfter,
                                                        double level = 0.95);

} // namespace qaw
