#pragma once

#include "stats/PairedStatistics.h"

#include <QtGlobal>

#include <cmath>
#include <limits>
#include <vector>

namespace qaw::stats {

//! Undefined statistics are NaN (shown as "n/a" / JSON null), never 0.
inline double undefined()
{
    return std::numeric_limits<double>::quiet_NaN();
}

//! Sufficient statistics of a sample: count, sum and sum of squares. SQL returns these
//! per day; coarser buckets are exact merges of them.
struct Moments
{
    qint64 n = 0;
    double sum = 0;
    double sumSquares = 0;

    void add(const Moments &o)
    {
        n += o.n;
        sum += o.sum;
        sumSquares += o.sumSquares;
    }
    double mean() const { return n > 0 ? sum / double(n) : undefined(); }
    //! Sample variance (n - 1 denominator); undefined below two values.
    double variance() const;
    double standardDeviation() const { return std::sqrt(variance()); }
};

struct Interval
{
    double low = undefined();
    double high = undefined();
};

//! Two-sided 95% quantile of Student's t with \a df degrees of freedom.
double t975(double df);
constexpr double kZ975 = 1.959963984540054;

//! 95% confidence interval of the mean (t with n - 1 degrees of freedom).
Interval meanInterval(const Moments &m);

//! Welch's unequal-variance comparison of two means: the difference a - b and its
//! 95% interval with Welch-Satterthwaite degrees of freedom. Undefined unless both
//! groups have two or more values and some variance.
struct Comparison
{
    double difference = undefined();
    Interval interval;
};
Comparison welch(const Moments &a, const Moments &b);

//! Difference of two proportions (successes / n) with the unpooled Wald 95% interval.
Comparison proportionDifference(qint64 successesA, qint64 nA, qint64 successesB, qint64 nB);

//! Least-squares line y = intercept + slope * x and correlations of paired values.
struct Fit
{
    qint64 n = 0;
    double slope = undefined();
    double intercept = undefined();
    double pearson = undefined();
    double spearman = undefined();
};
Fit fit(const std::vector<double> &x, const std::vector<double> &y);

double pearson(const std::vector<double> &x, const std::vector<double> &y);
//! Ranks 1..n, ties given the average of the ranks they span (the agreement statistics'
//! implementation, models/stats/PairedStatistics.h).
using qaw::averageRanks;
//! Pearson correlation of the average ranks.
double spearman(const std::vector<double> &x, const std::vector<double> &y);

} // namespace qaw::stats
