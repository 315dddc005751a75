#include "stats/CohenKappa.h"

#include <cmath>
#include <vector>

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

StatValue cohenKappa(const RatingMatrix &m, int raterA, int raterB, KappaWeighting weighting,
                     const QList<double> &scale)
{
    const int k = int(scale.size());
    // Joint counts of (category by A, category by B) over items both rated.
    std::vector<double> joint(size_t(k) * size_t(k), 0.0);
    std::vector<double> marginA(size_t(k), 0.0);
    std::vector<double> marginB(size_t(k), 0.0);
    int n = 0;
    for (int item = 0; item < m.itemCount(); ++item) {
        const auto a = m.rating(item, raterA);
        const auto b = m.rating(item, raterB);
        if (!a || !b)
            continue;
        const int i = categoryIndex(scale, *a);
        const int j = categoryIndex(scale, *b);
        if (i < 0 || j < 0)
            return StatValue::undefined(
                QStringLiteral("rating %1 is not on the category scale")
                    .arg(i < 0 ? *a : *b));
        joint[size_t(i) * size_t(k) + size_t(j)] += 1.0;
        marginA[size_t(i)] += 1.0;
        marginB[size_t(j)] += 1.0;
        ++n;
    }
    if (n == 0)
        return StatValue::undefined(QStringLiteral("no item was rated by both raters"));

    // kappa_w = 1 - sum(w * observed) / sum(w * expected), with disagreement weights w;
    // unweighted kappa is the case w = 1 off the diagonal.
    double observed = 0.0;
    double expected = 0.0;
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < k; ++j) {
            const double w = disagreementWeight(weighting, i, j, k);
            observed += w * joint[size_t(i) * size_t(k) + size_t(j)] / n;
            expected += w * (marginA[size_t(i)] / n) * (marginB[size_t(j)] / n);
        }
    }
    if (expected <= 0.0)
        return StatValue::undefined(
            QStringLiteral("both raters gave every item the same single category, so "
                           "chance agreement is complete"));
    return StatValue::defined(1.0 - observed / expected);
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
