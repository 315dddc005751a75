#include "stats/FleissKappa.h"

#include <algorithm>
#include <vector>

namespace qaw {
namespace {

//! What Fleiss' and Randolph's kappas share: the mean observed agreement over complete
//! items and the pooled category proportions.
struct MultiRaterAgreement
{
    int items = 0;
    double meanObserved = 0.0;       // P-bar
    std::vector<double> proportions; // p_j over all ratings of complete items
    QString undefinedReason;
};

MultiRaterAgreement multiRaterAgreement(const RatingMatrix &m, const QList<double> &scale)
{
    MultiRaterAgreement result;
    const int raters = m.raterCount();
    if (raters < 2) {
        result.undefinedReason = QStringLiteral("fewer than two raters");
        return result;
    }
    const size_t k = size_t(scale.size());
    result.proportions.assign(k, 0.0);
    std::vector<double> counts(k);
    double agreementSum = 0.0;
    for (int item = 0; item < m.itemCount(); ++item) {
        if (!m.isComplete(item))
            continue;
        std::fill(counts.begin(), counts.end(), 0.0);
        for (double v : m.itemRatings(item)) {
            const int c = categoryIndex(scale, v);
            if (c < 0) {
                result.undefinedReason =
                    QStringLiteral("rating %1 is not on the category scale").arg(v);
                return result;
            }
            counts[size_t(c)] += 1.0;
        }
        // P_i: the share of ordered rater pairs on this item that agree.
        double agreeingPairs = 0.0;
        for (size_t c = 0; c < k; ++c) {
            agreeingPairs += counts[c] * (counts[c] - 1.0);
            result.proportions[c] += counts[c];
        }
        agreementSum += agreeingPairs / (double(raters) * double(raters - 1));
        ++result.items;
    }
    if (result.items == 0) {
        result.undefinedReason =
            QStringLiteral("no item was rated by every rater (items with a missing rating are "
                           "left out)");
        return result;
    }
    result.meanObserved = agreementSum / result.items;
    for (double &p : result.proportions)
        p /= double(result.items) * double(raters);
    return result;
}

} // namespace

StatValue fleissKappa(const RatingMatrix &m, const QList<double> &scale)
{
    const MultiRaterAgreement a = multiRaterAgreement(m, scale);
    if (!a.undefinedReason.isEmpty())
        return StatValue::undefined(a.undefinedReason);
    double expected = 0.0; // P_e = sum of squared category proportions
    for (double p : a.proportions)
        expected += p * p;
    if (expected >= 1.0 - 1e-12)
        return StatValue::undefined(
            QStringLiteral("every rating is the same category, so chance agreement is "
                           "complete"));
    return StatValue::defined((a.meanObserved - expected) / (1.0 - expected));
}

StatValue randolphKappa(const RatingMatrix &m, const QList<double> &scale)
{
    const MultiRaterAgreement a = multiRaterAgreement(m, scale);
    if (!a.undefinedReason.isEmpty())
        return StatValue::undefined(a.undefinedReason);
    const int k = int(scale.size());
    if (k < 2)
        return StatValue::undefined(
            QStringLiteral("the category scale has fewer than two categories"));
    const double chance = 1.0 / k;
    return StatValue::defined((a.meanObserved - chance) / (1.0 - chance));
}

} // namespace qaw
