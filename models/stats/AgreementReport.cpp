#include "stats/AgreementReport.h"

#include "stats/FleissKappa.h"
#include "stats/PairedStatistics.h"
#include "stats/PercentAgreement.h"

#include <functional>

namespace qaw {
namespace {

//! Why the two-rater statistics cannot be computed, or empty when they can.
QString twoRaterProblem(const RatingMatrix &m, int a, int b)
{
    if (m.raterCount() < 2)
        return QStringLiteral("fewer than two raters");
    if (a < 0 || b < 0 || a >= m.raterCount() || b >= m.raterCount() || a == b)
        return QStringLiteral("the two raters to compare are not valid");
    return QString();
}

} // namespace

StatValue AgreementReport::iccValue(IccForm form) const
{
    for (size_t i = 0; i < kAllIccForms.size(); ++i) {
        if (kAllIccForms[i] == form)
            return icc[i];
    }
    return StatValue::undefined(QStringLiteral("unknown ICC form"));
}

AgreementReport computeAgreement(const RatingMatrix &m, const AgreementOptions &options)
{
    AgreementReport r;
    r.items = m.itemCount();
    r.raters = m.raterCount();
    r.scale = categoryScale(m, options.categories);
    r.bootstrap = options.bootstrap;
    for (int item = 0; item < m.itemCount(); ++item) {
        const int ratings = m.ratingCount(item);
        r.completeItems += ratings == m.raterCount() && ratings > 0 ? 1 : 0;
        r.pairableItems += ratings >= 2 ? 1 : 0;
        r.pairedItems +=
            m.rating(item, options.firstRater) && m.rating(item, options.secondRater) ? 1 : 0;
    }
    const QList<double> scale = r.scale;
    const int a = options.firstRater;
    const int b = options.secondRater;

    // The kappas and alphas are computed by calculators prepared once from the matrix, then
    // evaluated on the full data (weights null) and on each bootstrap resample (weights).
    const CohenKappaCalculator cohen(m, a, b, scale);
    const MultiRaterKappaCalculator multiRater(m, scale);
    const KrippendorffAlphaCalculator krippendorff(m);
    using Weighted = std::function<StatValue(const std::vector<int> *)>;
    const auto kappaOf = [&](KappaWeighting w) {
        return Weighted(
            [&cohen, w](const std::vector<int> *weights) { return cohen.kappa(w, weights); });
    };
    const Weighted unweighted = kappaOf(KappaWeighting::Unweighted);
    const Weighted linear = kappaOf(KappaWeighting::Linear);
    const Weighted quadratic = kappaOf(KappaWeighting::Quadratic);
    const QString pairProblem = twoRaterProblem(m, a, b);
    const auto pairStat = [&](const std::function<StatValue()> &compute) {
        return pairProblem.isEmpty() ? compute() : StatValue::undefined(pairProblem);
    };
    r.cohenUnweighted = pairStat([&] { return unweighted(nullptr); });
    r.cohenLinear = pairStat([&] { return linear(nullptr); });
    r.cohenQuadratic = pairStat([&] { return quadratic(nullptr); });
    r.pearsonR = pairStat([&] { return pearsonCorrelation(m, a, b); });
    r.spearmanRho = pairStat([&] { return spearmanCorrelation(m, a, b); });
    r.meanAbsoluteError = pairStat([&] { return qaw::meanAbsoluteError(m, a, b); });
    r.rootMeanSquaredError = pairStat([&] { return qaw::rootMeanSquaredError(m, a, b); });
    r.meanSignedBias = pairStat([&] { return qaw::meanSignedBias(m, a, b); });
    r.percentExact = pairStat([&] { return pairwisePercentAgreement(m, a, b, 0.0); });
    r.percentWithin1 = pairStat([&] { return pairwisePercentAgreement(m, a, b, 1.0); });
    r.percentWithin2 = pairStat([&] { return pairwisePercentAgreement(m, a, b, 2.0); });

    // Statistics of all raters.
    const Weighted fleiss = [&](const std::vector<int> *w) { return multiRater.fleiss(w); };
    const Weighted randolph = [&](const std::vector<int> *w) { return multiRater.randolph(w); };
    const auto alphaOf = [&](AlphaLevel level) {
        return Weighted([&krippendorff, level](const std::vector<int> *weights) {
            return krippendorff.alpha(level, weights);
        });
    };
    const Weighted nominal = alphaOf(AlphaLevel::Nominal);
    const Weighted ordinal = alphaOf(AlphaLevel::Ordinal);
    const Weighted interval = alphaOf(AlphaLevel::Interval);
    const Weighted ratio = alphaOf(AlphaLevel::Ratio);
    r.fleissKappa = fleiss(nullptr);
    r.randolphKappa = randolph(nullptr);
    r.alphaNominal = nominal(nullptr);
    r.alphaOrdinal = ordinal(nullptr);
    r.alphaInterval = interval(nullptr);
    r.alphaRatio = ratio(nullptr);
    const IccMeanSquares meanSquares = iccMeanSquares(m);
    for (size_t i = 0; i < kAllIccForms.size(); ++i)
        r.icc[i] = intraclassCorrelation(meanSquares, kAllIccForms[i]);
    r.percentAllExact = allRatersPercentAgreement(m, 0.0);
    r.percentAllWithin1 = allRatersPercentAgreement(m, 1.0);
    r.percentAllWithin2 = allRatersPercentAgreement(m, 2.0);
    r.percentMeanPairwiseExact = meanPairwisePercentAgreement(m);

    // One bootstrap run for all nine, so they share resamples. A statistic undefined on the
    // full data gets no interval: an interval around an undefined value would mislead.
    struct Target
    {
        const StatValue *estimate;
        Weighted statistic;
        ConfidenceInterval *interval;
    };
    const std::vector<Target> targets{
        {&r.cohenUnweighted, unweighted, &r.cohenUnweightedCi},
        {&r.cohenLinear, linear, &r.cohenLinearCi},
        {&r.cohenQuadratic, quadratic, &r.cohenQuadraticCi},
        {&r.fleissKappa, fleiss, &r.fleissKappaCi},
        {&r.randolphKappa, randolph, &r.randolphKappaCi},
        {&r.alphaNominal, nominal, &r.alphaNominalCi},
        {&r.alphaOrdinal, ordinal, &r.alphaOrdinalCi},
        {&r.alphaInterval, interval, &r.alphaIntervalCi},
        {&r.alphaRatio, ratio, &r.alphaRatioCi},
    };
    std::vector<WeightedStatistic> toResample;
    std::vector<ConfidenceInterval *> destinations;
    for (const Target &t : targets) {
        if (t.estimate->isDefined()) {
            const Weighted statistic = t.statistic;
            toResample.push_back(
                [statistic](const std::vector<int> &weights) { return statistic(&weights); });
            destinations.push_back(t.interval);
        } else {
            *t.interval =
                ConfidenceInterval::undefined(QStringLiteral("the statistic itself is undefined"));
        }
    }
    if (!toResample.empty()) {
        const std::vector<ConfidenceInterval> cis =
            bootstrapIntervals(m.itemCount(), toResample, options.bootstrap);
        for (size_t i = 0; i < cis.size(); ++i)
            *destinations[i] = cis[i];
    }
    return r;
}

} // namespace qaw
