#include "stats/KrippendorffAlpha.h"

#include <algorithm>
#include <vector>

namespace qaw {
namespace {

//! The pairable values: sorted distinct values, and how often each occurs among the ratings
//! of units with two or more ratings (n_c, the margins of the coincidence matrix).
struct PairableValues
{
    QList<double> values;
    std::vector<double> counts;
    double total = 0.0; // n
};

PairableValues pairableValues(const RatingMatrix &m)
{
    PairableValues p;
    RatingMatrix pairable(m.itemCount(), m.raterNames());
    for (int item = 0; item < m.itemCount(); ++item) {
        if (m.ratingCount(item) < 2)
            continue;
        for (int r = 0; r < m.raterCount(); ++r)
            pairable.setRating(item, r, m.rating(item, r));
    }
    p.values = pairable.observedValues();
    p.counts.assign(size_t(p.values.size()), 0.0);
    for (int item = 0; item < pairable.itemCount(); ++item) {
        for (double v : pairable.itemRatings(item)) {
            p.counts[size_t(categoryIndex(p.values, v))] += 1.0;
            p.total += 1.0;
        }
    }
    return p;
}

//! delta^2 for every pair of value indices, per Krippendorff's difference functions.
std::vector<double> differenceTable(const PairableValues &p, AlphaLevel level)
{
    const size_t v = size_t(p.values.size());
    std::vector<double> delta(v * v, 0.0);
    // Running totals of n_g let the ordinal difference use a subtraction, not a loop.
    std::vector<double> cumulative(v + 1, 0.0);
    for (size_t g = 0; g < v; ++g)
        cumulative[g + 1] = cumulative[g] + p.counts[g];
    for (size_t c = 0; c < v; ++c) {
        for (size_t k = 0; k < v; ++k) {
            if (c == k)
                continue;
            const double a = p.values[qsizetype(c)];
            const double b = p.values[qsizetype(k)];
            double d = 0.0;
            switch (level) {
            case AlphaLevel::Nominal:
                d = 1.0;
                break;
            case AlphaLevel::Ordinal: {
                // (sum of n_g for g from c to k) - (n_c + n_k) / 2, squared.
                const size_t lo = std::min(c, k);
                const size_t hi = std::max(c, k);
                const double between = cumulative[hi + 1] - cumulative[lo];
                d = between - (p.counts[c] + p.counts[k]) / 2.0;
                d *= d;
                break;
            }
            case AlphaLevel::Interval:
                d = (a - b) * (a - b);
                break;
            case AlphaLevel::Ratio:
                d = (a - b) / (a + b);
                d *= d;
                break;
            }
            delta[c * v + k] = d;
        }
    }
    return delta;
}

} // namespace

StatValue krippendorffAlpha(const RatingMatrix &m, AlphaLevel level)
{
    const PairableValues p = pairableValues(m);
    if (p.total < 2.0)
        return StatValue::undefined(
            QStringLiteral("no item has two or more ratings, so there are no pairable values"));
    if (level == AlphaLevel::Ratio && p.values.front() < 0.0)
        return StatValue::undefined(
            QStringLiteral("the ratio level needs non-negative values"));
    const size_t v = size_t(p.values.size());
    const std::vector<double> delta = differenceTable(p, level);

    // Observed: each unit with m_u >= 2 values adds, for every ordered pair of its values,
    // delta^2 / (m_u - 1); this is sum over c,k of o_ck * delta_ck without building o.
    double observed = 0.0;
    std::vector<size_t> indices;
    for (int item = 0; item < m.itemCount(); ++item) {
        const std::vector<double> ratings = m.itemRatings(item);
        if (ratings.size() < 2)
            continue;
        indices.clear();
        for (double r : ratings)
            indices.push_back(size_t(categoryIndex(p.values, r)));
        double unitSum = 0.0;
        for (size_t i = 0; i < indices.size(); ++i) {
            for (size_t j = 0; j < indices.size(); ++j) {
                if (i != j)
                    unitSum += delta[indices[i] * v + indices[j]];
            }
        }
        observed += unitSum / double(ratings.size() - 1);
    }

    // Expected: sum over c,k of n_c * n_k * delta_ck.
    double expected = 0.0;
    for (size_t c = 0; c < v; ++c) {
        for (size_t k = 0; k < v; ++k)
            expected += p.counts[c] * p.counts[k] * delta[c * v + k];
    }
    if (expected <= 0.0)
        return StatValue::undefined(
            QStringLiteral("every pairable rating is the same value, so there is no expected "
                           "disagreement"));
    return StatValue::defined(1.0 - (p.total - 1.0) * observed / expected);
}

} // namespace qaw
