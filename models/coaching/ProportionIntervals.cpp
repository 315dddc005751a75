#include "coaching/ProportionIntervals.h"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <initializer_list>

namespace qaw {
namespace {

struct Adjusted
{
    double p = 0;
    double variance = 0;
};

Adjusted adjusted(const PassCount &c)
{
    const double n = double(c.n) + 2;
    const double p = (double(c.passed) + 1) / n;
    return {p, p * (1 - p) / n};
}

} // namespace

double normalQuantile(double level)
{
    const boost::math::normal_distribution<double> standard;
    return boost::math::quantile(standard, 0.5 + level / 2);
}

std::optional<Interval> differenceInterval(const PassCount &before, const PassCount &after,
                                           double level)
{
    if (before.n <= 0 || after.n <= 0)
        return std::nullopt;
    const Adjusted b = adjusted(before);
    const Adjusted a = adjusted(after);
    const double centre = a.p - b.p;
    const double half = normalQuantile(level) * std::sqrt(a.variance + b.variance);
    return Interval{centre - half, centre + half};
}

std::optional<Interval> differenceInDifferencesInterval(const PassCount &agentBefore,
                                                        const PassCount &agentAfter,
                                                        const PassCount &teamBefore,
                                                        const PassCount &teamAfter, double level)
{
    for (const PassCount *c : {&agentBefore, &agentAfter, &teamBefore, &teamAfter})
        if (c->n <= 0)
            return std::nullopt;
    const Adjusted ab = adjusted(agentBefore);
    const Adjusted aa = adjusted(agentAfter);
    const Adjusted tb = adjusted(teamBefore);
    const Adjusted ta = adjusted(teamAfter);
    const double centre = (aa.p - ab.p) - (ta.p - tb.p);
    const double half =
        normalQuantile(level) * std::sqrt(ab.variance + aa.variance + tb.variance + ta.variance);
    return Interval{centre - half, centre + half};
}

} // namespace qaw
