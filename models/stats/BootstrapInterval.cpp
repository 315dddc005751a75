#include "stats/BootstrapInterval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace qaw {
namespace {

//! Uniform whole numbers in [0, n) from mt19937_64 by rejection: unlike
//! std::uniform_int_distribution (whose algorithm each standard library chooses), this gives
//! the same resamples for a seed on every platform.
class ItemSampler
{
public:
    explicit ItemSampler(quint64 seed) : m_engine(seed) {}

    int next(int n)
    {
        const quint64 range = quint64(n);
        const quint64 limit =
            std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % range;
        quint64 draw = 0;
        do {
            draw = m_engine();
        } while (draw >= limit);
        return int(draw % range);
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace

double sortedQuantile(const std::vector<double> &values, double q)
{
    const double h = (double(values.size()) - 1.0) * std::clamp(q, 0.0, 1.0);
    const size_t below = size_t(std::floor(h));
    const size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (h - double(below)) * (values[above] - values[below]);
}

std::vector<ConfidenceInterval> bootstrapIntervals(int itemCount,
                                                   const std::vector<WeightedStatistic> &statistics,
                                                   const BootstrapOptions &options)
{
    const auto allUndefined = [&](const QString &reason) {
        return std::vector<ConfidenceInterval>(statistics.size(),
                                               ConfidenceInterval::undefined(reason));
    };
    if (options.resamples <= 0)
        return allUndefined(QStringLiteral("the bootstrap was turned off (0 resamples)"));
    if (itemCount < 2)
        return allUndefined(QStringLiteral("fewer than two items to resample"));

    ItemSampler sampler(options.seed);
    std::vector<std::vector<double>> samples(statistics.size());
    std::vector<int> weights(static_cast<size_t>(itemCount), 0);
    for (int b = 0; b < options.resamples; ++b) {
        std::fill(weights.begin(), weights.end(), 0);
        for (int draw = 0; draw < itemCount; ++draw)
            ++weights[size_t(sampler.next(itemCount))];
        for (size_t s = 0; s < statistics.size(); ++s) {
            const StatValue v = statistics[s](weights);
            if (v.isDefined())
                samples[s].push_back(*v.value);
        }
    }

    std::vector<ConfidenceInterval> intervals;
    for (auto &values : samples) {
        ConfidenceInterval ci;
        ci.level = options.level;
        ci.resamples = options.resamples;
        ci.undefinedResamples = options.resamples - int(values.size());
        if (2 * values.size() < size_t(options.resamples)) {
            ci.undefinedReason = QStringLiteral("the statistic was undefined on %1 of %2 resamples")
                                     .arg(ci.undefinedResamples)
                                     .arg(options.resamples);
        } else {
            std::sort(values.begin(), values.end());
            ci.lower = sortedQuantile(values, (1.0 - options.level) / 2.0);
            ci.upper = sortedQuantile(values, (1.0 + options.level) / 2.0);
        }
        intervals.push_back(ci);
    }
    return intervals;
}

std::vector<ConfidenceInterval> bootstrapIntervals(const RatingMatrix &m,
                                                   const std::vector<MatrixStatistic> &statistics,
                                                   const BootstrapOptions &options)
{
    // Expand each multiplicity vector into the resampled matrix (rows in item order; every
    // statistic here is indifferent to row order).
    std::vector<WeightedStatistic> weighted;
    for (const MatrixStatistic &statistic : statistics) {
        weighted.push_back([&m, statistic](const std::vector<int> &weights) {
            std::vector<int> rows;
            rows.reserve(size_t(m.itemCount()));
            for (size_t item = 0; item < weights.size(); ++item)
                rows.insert(rows.end(), size_t(weights[item]), int(item));
            return statistic(m.selectItems(rows));
        });
    }
    return bootstrapIntervals(m.itemCount(), weighted, options);
}

ConfidenceInterval bootstrapInterval(const RatingMatrix &m, const MatrixStatistic &statistic,
                                     const BootstrapOptions &options)
{
    return bootstrapIntervals(m, {statistic}, options).front();
}

} // namespace qaw
