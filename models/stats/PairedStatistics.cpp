#include "stats/PairedStatistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qaw {
namespace {

StatValue noPairs()
{
    return StatValue::undefined(QStringLiteral("no item was rated by both raters"));
}

StatValue correlation(const std::vector<double> &x, const std::vector<double> &y)
{
    const size_t n = x.size();
    if (n < size_t(kMinimumItemsForCorrelation))
        return StatValue::undefined(
            QStringLiteral("too few items rated by both raters (%1; at least %2 needed)")
                .arg(n)
                .arg(kMinimumItemsForCorrelation));
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
    const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / double(n);
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (size_t i = 0; i < n; ++i) {
        sxy += (x[i] - meanX) * (y[i] - meanY);
        sxx += (x[i] - meanX) * (x[i] - meanX);
        syy += (y[i] - meanY) * (y[i] - meanY);
    }
    // Relative test: sums of squares of identical values are rounding noise, not variance.
    const auto noVariance = [](double ss, double mean, size_t count) {
        return ss <= 1e-24 * (mean * mean + 1.0) * double(count);
    };
    if (noVariance(sxx, meanX, n) || noVariance(syy, meanY, n))
        return StatValue::undefined(
            QStringLiteral("%1 rater gave every item the same rating (zero variance)")
                .arg(noVariance(sxx, meanX, n) ? QStringLiteral("the first")
                                               : QStringLiteral("the second")));
    const double r = sxy / std::sqrt(sxx * syy);
    return StatValue::defined(std::clamp(r, -1.0, 1.0));
}

} // namespace

std::vector<std::pair<double, double>> pairedRatings(const RatingMatrix &m, int raterA, int raterB)
{
    std::vector<std::pair<double, double>> pairs;
    for (int item = 0; item < m.itemCount(); ++item) {
        const auto a = m.rating(item, raterA);
        const auto b = m.rating(item, raterB);
        if (a && b)
            pairs.emplace_back(*a, *b);
    }
    return pairs;
}

std::vector<double> averageRanks(const std::vector<double> &values)
{
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    size_t start = 0;
    while (start < order.size()) {
        size_t end = start + 1;
        while (end < order.size() && sameRating(values[order[end]], values[order[start]]))
            ++end;
        // Positions start..end-1 hold ranks start+1..end; each tie gets their mean.
        const double rank = (double(start + 1) + double(end)) / 2.0;
        for (size_t i = start; i < end; ++i)
            ranks[order[i]] = rank;
        start = end;
    }
    return ranks;
}

StatValue pearsonCorrelation(const RatingMatrix &m, int raterA, int raterB)
{
    std::vector<double> x;
    std::vector<double> y;
    for (const auto &[a, b] : pairedRatings(m, raterA, raterB)) {
        x.push_back(a);
        y.push_back(b);
    }
    return correlation(x, y);
}

StatValue spearmanCorrelation(const RatingMatrix &m, int raterA, int raterB)
{
    std::vector<double> x;
    std::vector<double> y;
    for (const auto &[a, b] : pairedRatings(m, raterA, raterB)) {
        x.push_back(a);
        y.push_back(b);
    }
    return correlation(averageRanks(x), averageRanks(y));
}

StatValue meanAbsoluteError(const RatingMatrix &m, int raterA, int raterB)
{
    const auto pairs = pairedRatings(m, raterA, raterB);
    if (pairs.empty())
        return noPairs();
    double sum = 0.0;
    for (const auto &[a, b] : pairs)
        sum += std::abs(a - b);
    return StatValue::defined(sum / double(pairs.size()));
}

StatValue rootMeanSquaredError(const RatingMatrix &m, int raterA, int raterB)
{
    const auto pairs = pairedRatings(m, raterA, raterB);
    if (pairs.empty())
        return noPairs();
    double sum = 0.0;
    for (const auto &[a, b] : pairs)
        sum += (a - b) * (a - b);
    return StatValue::defined(std::sqrt(sum / double(pairs.size())));
}

StatValue meanSignedBias(const RatingMatrix &m, int raterA, int raterB)
{
    const auto pairs = pairedRatings(m, raterA, raterB);
    if (pairs.empty())
        return noPairs();
    double sum = 0.0;
    for (const auto &[a, b] : pairs)
        sum += a - b;
    return StatValue::defined(sum / double(pairs.size()));
}

} // namespace qaw
