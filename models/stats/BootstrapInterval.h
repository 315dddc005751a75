#pragma once

#include "stats/RatingMatrix.h"
#include "stats/StatValue.h"

#include <QtGlobal>

#include <functional>
#include <optional>
#include <vector>

namespace qaw {

struct BootstrapOptions
{
    int resamples = 1000;    //!< 0 turns the bootstrap off
    quint64 seed = 20110101; //!< the same seed gives the same intervals
    double level = 0.95;     //!< two-sided coverage
};

//! A percentile bootstrap confidence interval, or undefined with the reason.
struct ConfidenceInterval
{
    std::optional<double> lower;
    std::optional<double> upper;
    QString undefinedReason;
    double level = 0.95;
    int resamples = 0;          //!< resamples drawn
    int undefinedResamples = 0; //!< resamples on which the statistic was undefined (left out)

    bool isDefined() const { return lower.has_value() && upper.has_value(); }
    static ConfidenceInterval undefined(const QString &reason)
    {
        ConfidenceInterval ci;
        ci.undefinedReason = reason;
        return ci;
    }
};

using MatrixStatistic = std::function<StatValue(const RatingMatrix &)>;
//! A statistic of a resample given as how many times each item was drawn (the multiplicities
//! add up to the item count). Lets prepared calculators skip building resampled matrices.
using WeightedStatistic = std::function<StatValue(const std::vector<int> &itemWeights)>;

//! Percentile bootstrap intervals for several statistics of \a m, resampling items (rows)
//! with replacement; every statistic sees the same resamples. The bounds are the
//! (1 - level) / 2 and (1 + level) / 2 quantiles (linear interpolation between order
//! statistics) of the resampled values. Resamples on which a statistic is undefined are
//! left out and counted; the interval is undefined when fewer than half the resamples gave
//! a value, when there are fewer than two items, or when resamples is 0.
std::vector<ConfidenceInterval> bootstrapIntervals(const RatingMatrix &m,
                                                   const std::vector<MatrixStatistic> &statistics,
                                                   const BootstrapOptions &options);

ConfidenceInterval bootstrapInterval(const RatingMatrix &m, const MatrixStatistic &statistic,
                                     const BootstrapOptions &options);

//! The same resamples and intervals as bootstrapIntervals(), for statistics that take item
//! multiplicities; \a itemCount is the number of items resampled.
std::vector<ConfidenceInterval> bootstrapIntervals(int itemCount,
                                                   const std::vector<WeightedStatistic> &statistics,
                                                   const BootstrapOptions &options);

//! The q-quantile (0 <= q <= 1) of sorted \a values, interpolating linearly between order
//! statistics (Hyndman & Fan type 7). \a values must not be empty.
double sortedQuantile(const std::vector<double> &values, double q);

} // namespace qaw
