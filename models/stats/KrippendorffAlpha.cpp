#include "stats/KrippendorffAlpha.h"

#include <algorithm>

namespace qaw {

KrippendorffAlphaCalculator::KrippendorffAlphaCalculator(const RatingMatrix &m)
{
    std::vector<double> all;
    for (int item = 0; item < m.itemCount(); ++item) {
        if (m.ratingCount(item) < 2)
            continue; // not pairable
        for (int r = 0; r < m.raterCount(); ++r) {
            if (const auto v = m.rating(item, r))
                all.push_back(*v);
        }
    }
    std::sort(all.begin(), all.end());
    for (double v : all) {
        if (m_values.isEmpty() || !sameRating(m_values.back(), v))
            m_values.append(v);
    }
    m_starts.push_back(0);
    for (int item = 0; item < m.itemCount(); ++item) {
        if (m.ratingCount(item) < 2)
            continue;
        for (int r = 0; r < m.raterCount(); ++r) {
            if (const auto v = m.rating(item, r))
                m_positions.push_back(categoryIndex(m_values, *v));
        }
        m_items.push_back(item);
        m_starts.push_back(int(m_positions.size()));
    }
}

StatValue KrippendorffAlphaCalculator::alpha(AlphaLevel level,
                                             const std::vector<int> *itemWeights) const
{
    const size_t v = size_t(m_values.size());
    // n_c: how often each value occurs among the pairable values (the margins of the
    // coincidence matrix), with each item counted as often as it was drawn.
    std::vector<double> counts(v, 0.0);
    double total = 0.0;
    for (size_t e = 0; e < m_items.size(); ++e) {
        const double w = itemWeights ? (*itemWeights)[size_t(m_items[e])] : 1.0;
        for (int p = m_starts[e]; p < m_starts[e + 1]; ++p)
            counts[size_t(m_positions[size_t(p)])] += w;
        total += w * (m_starts[e + 1] - m_starts[e]);
    }
    if (total < 2.0)
        return StatValue::undefined(
            QStringLiteral("no item has two or more ratings, so there are no pairable values"));
    if (level == AlphaLevel::Ratio && m_values.front() < 0.0)
        return StatValue::undefined(QStringLiteral("the ratio level needs non-negative values"));

    // delta^2 for every pair of value positions, per Krippendorff's difference functions.
    // Running totals of n_g let the ordinal difference use a subtraction, not a loop.
    std::vector<double> cumulative(v + 1, 0.0);
    for (size_t g = 0; g < v; ++g)
        cumulative[g + 1] = cumulative[g] + counts[g];
    std::vector<double> delta(v * v, 0.0);
    for (size_t c = 0; c < v; ++c) {
        for (size_t k = c + 1; k < v; ++k) {
            const double a = m_values[qsizetype(c)];
            const double b = m_values[qsizetype(k)];
            double d = 1.0; // nominal
            if (level == AlphaLevel::Ordinal) {
                // (sum of n_g for g from c to k) - (n_c + n_k) / 2, squared.
                d = cumulative[k + 1] - cumulative[c] - (counts[c] + counts[k]) / 2.0;
                d *= d;
            } else if (level == AlphaLevel::Interval) {
                d = (a - b) * (a - b);
            } else if (level == AlphaLevel::Ratio) {
                d = (a - b) / (a + b);
                d *= d;
            }
            delta[c * v + k] = d;
            delta[k * v + c] = d;
        }
    }

    // Observed: each unit with m_u >= 2 values adds, for every ordered pair of its values,
    // delta^2 / (m_u - 1); this is sum over c,k of o_ck * delta_ck without building o.
    double observed = 0.0;
    for (size_t e = 0; e < m_items.size(); ++e) {
        const double w = itemWeights ? (*itemWeights)[size_t(m_items[e])] : 1.0;
        if (w == 0.0)
            continue;
        double unitSum = 0.0;
        for (int i = m_starts[e]; i < m_starts[e + 1]; ++i) {
            for (int j = m_starts[e]; j < m_starts[e + 1]; ++j)
                unitSum +=
                    delta[size_t(m_positions[size_t(i)]) * v + size_t(m_positions[size_t(j)])];
        }
        observed += w * unitSum / double(m_starts[e + 1] - m_starts[e] - 1);
    }

    // Expected: sum over c,k of n_c * n_k * delta_ck.
    double expected = 0.0;
    for (size_t c = 0; c < v; ++c) {
        if (counts[c] == 0.0)
            continue;
        for (size_t k = 0; k < v; ++k)
            expected += counts[c] * counts[k] * delta[c * v + k];
    }
    if (expected <= 0.0)
        return StatValue::undefined(
            QStringLiteral("every pairable rating is the same value, so there is no expected "
                           "disagreement"));
    return StatValue::defined(1.0 - (total - 1.0) * observed / expected);
}

StatValue krippendorffAlpha(const RatingMatrix &m, AlphaLevel level)
{
    return KrippendorffAlphaCalculator(m).alpha(level);
}

} // namespace qaw
