#include "stats/PercentAgreement.h"

#include <algorithm>

namespace qaw {
namespace {

bool within(double a, double b, double points)
{
    const double gap = a > b ? a - b : b - a;
    return gap <= points + kRatingTolerance;
}

} // namespace

StatValue pairwisePercentAgreement(const RatingMatrix &m, int raterA, int raterB, double points)
{
    int rated = 0;
    int agreeing = 0;
    for (int item = 0; item < m.itemCount(); ++item) {
        const auto a = m.rating(item, raterA);
        const auto b = m.rating(item, raterB);
        if (!a || !b)
            continue;
        ++rated;
        agreeing += within(*a, *b, points) ? 1 : 0;
    }
    if (rated == 0)
        return StatValue::undefined(QStringLiteral("no item was rated by both raters"));
    return StatValue::defined(100.0 * agreeing / rated);
}

StatValue allRatersPercentAgreement(const RatingMatrix &m, double points)
{
    if (m.raterCount() < 2)
        return StatValue::undefined(QStringLiteral("fewer than two raters"));
    int complete = 0;
    int agreeing = 0;
    for (int item = 0; item < m.itemCount(); ++item) {
        if (!m.isComplete(item))
            continue;
        const std::vector<double> ratings = m.itemRatings(item);
        const auto [lo, hi] = std::minmax_element(ratings.begin(), ratings.end());
        ++complete;
        agreeing += within(*lo, *hi, points) ? 1 : 0;
    }
    if (complete == 0)
        return StatValue::undefined(
            QStringLiteral("no item was rated by every rater (listwise: items with a missing "
                           "rating are left out)"));
    return StatValue::defined(100.0 * agreeing / complete);
}

StatValue meanPairwisePercentAgreement(const RatingMatrix &m)
{
    if (m.raterCount() < 2)
        return StatValue::undefined(QStringLiteral("fewer than two raters"));
    double sum = 0.0;
    int pairs = 0;
    for (int a = 0; a < m.raterCount(); ++a) {
        for (int b = a + 1; b < m.raterCount(); ++b) {
            const StatValue pair = pairwisePercentAgreement(m, a, b, 0.0);
            if (!pair.isDefined())
                continue;
            sum += *pair.value;
            ++pairs;
        }
    }
    if (pairs == 0)
        return StatValue::undefined(QStringLiteral("no two raters rated a common item"));
    return StatValue::defined(sum / pairs);
}

} // namespace qaw
