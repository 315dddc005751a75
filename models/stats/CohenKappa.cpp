#include "stats/CohenKappa.h"

#include <cmath>

namespace qaw {
namespace {

double disagreementWeight(KappaWeighting weighting, int i, int j, int k)
{
    if (i == j)
        return 0.0;
    switch (weighting) {
    case KappaWeighting::Unweighted:
        return 1.0;
    case KappaWeighting::Linear:
        return std::abs(double(i - j)) / double(k - 1);
    case KappaWeighting::Quadratic: {
        const double d = double(i - j) / double(k - 1);
        return d * d;
    }
    }
    return 1.0;
}

} // namespace

CohenKappaCalculator::CohenKappaCalculator(const RatingMatrix &m, int raterA, int raterB,
                                           const QList<double> &scale)
    : m_k(int(scale.size()))
{
    for (int item = 0; item < m.itemCount(); ++item) {
        const auto a = m.rating(item, raterA);
        const auto b = m.rating(item, raterB);
        if (!a || !b)
            continue;
        const int i = categoryIndex(scale, *a);
        const int j = categoryIndex(scale, *b);
        if (i < 0 || j < 0) {
            m_error = QStringLiteral("rating %1 is not on the category scale").arg(i < 0 ? *a : *b);
            return;
        }
        m_items.push_back(item);
        m_first.push_back(i);
        m_second.push_back(j);
    }
}

StatValue CohenKappaCalculator::kappa(KappaWeighting weighting,
                                      const std::vector<int> *itemWeights) const
{
    if (!m_error.isEmpty())
        return StatValue::undefined(m_error);
    const size_t k = size_t(m_k);
    // Joint counts of (category by A, category by B) over items both rated.
    std::vector<double> joint(k * k, 0.0);
    std::vector<double> marginA(k, 0.0);
    std::vector<double> marginB(k, 0.0);
    double n = 0.0;
    for (size_t e = 0; e < m_items.size(); ++e) {
        const double w = itemWeights ? (*itemWeights)[size_t(m_items[e])] : 1.0;
        if (w == 0.0)
            continue;
        joint[size_t(m_first[e]) * k + size_t(m_second[e])] += w;
        marginA[size_t(m_first[e])] += w;
        marginB[size_t(m_second[e])] += w;
        n += w;
    }
    if (n == 0.0)
        return StatValue::undefined(QStringLiteral("no item was rated by both raters"));

    // kappa_w = 1 - sum(w * observed) / sum(w * expected), with disagreement weights w;
    // unweighted kappa is the case w = 1 off the diagonal.
    double observed = 0.0;
    double expected = 0.0;
    for (size_t i = 0; i < k; ++i) {
        if (marginA[i] == 0.0)
            continue;
        for (size_t j = 0; j < k; ++j) {
            const double w = disagreementWeight(weighting, int(i), int(j), m_k);
            observed += w * joint[i * k + j] / n;
            expected += w * (marginA[i] / n) * (marginB[j] / n);
        }
    }
    if (expected <= 0.0)
        return StatValue::undefined(
            QStringLiteral("both raters gave every item the same single category, so "
                           "chance agreement is complete"));
    return StatValue::defined(1.0 - observed / expected);
}

StatValue cohenKappa(const RatingMatrix &m, int raterA, int raterB, KappaWeighting weighting,
                     const QList<double> &scale)
{
    return CohenKappaCalculator(m, raterA, raterB, scale).kappa(weighting);
}

StatValue cohenKappa(const RatingMatrix &m, int raterA, int raterB, KappaWeighting weighting)
{
    RatingMatrix pair(m.itemCount(), {QStringLiteral("a"), QStringLiteral("b")});
    for (int item = 0; item < m.itemCount(); ++item) {
        const auto a = m.rating(item, raterA);
        const auto b = m.rating(item, raterB);
        if (a && b) {
            pair.setRating(item, 0, a);
            pair.setRating(item, 1, b);
        }
    }
    return cohenKappa(pair, 0, 1, weighting, pair.observedValues());
}

} // namespace qaw
