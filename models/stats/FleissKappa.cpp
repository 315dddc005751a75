#include "stats/FleissKappa.h"

#include <algorithm>

namespace qaw {

MultiRaterKappaCalculator::MultiRaterKappaCalculator(const RatingMatrix &m,
                                                     const QList<double> &scale)
    : m_raters(m.raterCount()), m_k(int(scale.size()))
{
    if (m_raters < 2) {
        m_error = QStringLiteral("fewer than two raters");
        return;
    }
    std::vector<double> counts(static_cast<size_t>(m_k), 0.0);
    for (int item = 0; item < m.itemCount(); ++item) {
        if (!m.isComplete(item))
            continue;
        std::fill(counts.begin(), counts.end(), 0.0);
        for (int r = 0; r < m_raters; ++r) {
            const double v = *m.rating(item, r);
            const int c = categoryIndex(scale, v);
            if (c < 0) {
                m_error = QStringLiteral("rating %1 is not on the category scale").arg(v);
                return;
            }
            counts[size_t(c)] += 1.0;
            m_categories.push_back(c);
        }
        // P_i: the share of ordered rater pairs on this item that agree.
        double agreeingPairs = 0.0;
        for (double n : counts)
            agreeingPairs += n * (n - 1.0);
        m_items.push_back(item);
        m_agreement.push_back(agreeingPairs / (double(m_raters) * double(m_raters - 1)));
    }
}

bool MultiRaterKappaCalculator::totals(const std::vector<int> *itemWeights, Totals *out,
                                       QString *reason) const
{
    if (!m_error.isEmpty()) {
        *reason = m_error;
        return false;
    }
    out->proportions.assign(size_t(m_k), 0.0);
    double agreementSum = 0.0;
    for (size_t e = 0; e < m_items.size(); ++e) {
        const double w = itemWeights ? (*itemWeights)[size_t(m_items[e])] : 1.0;
        if (w == 0.0)
            continue;
        out->items += w;
        agreementSum += w * m_agreement[e];
        for (int r = 0; r < m_raters; ++r)
            out->proportions[size_t(m_categories[e * size_t(m_raters) + size_t(r)])] += w;
    }
    if (out->items == 0.0) {
        *reason = QStringLiteral("no item was rated by every rater (items with a missing "
                                 "rating are left out)");
        return false;
    }
    out->meanObserved = agreementSum / out->items;
    for (double &p : out->proportions)
        p /= out->items * m_raters;
    return true;
}

StatValue MultiRaterKappaCalculator::fleiss(const std::vector<int> *itemWeights) const
{
    Totals t;
    QString reason;
    if (!totals(itemWeights, &t, &reason))
        return StatValue::undefined(reason);
    double expected = 0.0; // P_e = sum of squared category proportions
    for (double p : t.proportions)
        expected += p * p;
    if (expected >= 1.0 - 1e-12)
        return StatValue::undefined(
            QStringLiteral("every rating is the same category, so chance agreement is "
                           "complete"));
    return StatValue::defined((t.meanObserved - expected) / (1.0 - expected));
}

StatValue MultiRaterKappaCalculator::randolph(const std::vector<int> *itemWeights) const
{
    Totals t;
    QString reason;
    if (!totals(itemWeights, &t, &reason))
        return StatValue::undefined(reason);
    if (m_k < 2)
        return StatValue::undefined(
            QStringLiteral("the category scale has fewer than two categories"));
    const double chance = 1.0 / m_k;
    return StatValue::defined((t.meanObserved - chance) / (1.0 - chance));
}

StatValue fleissKappa(const RatingMatrix &m, const QList<double> &scale)
{
    return MultiRaterKappaCalculator(m, scale).fleiss();
}

StatValue randolphKappa(const RatingMatrix &m, const QList<double> &scale)
{
    return MultiRaterKappaCalculator(m, scale).randolph();
}

} // namespace qaw
