#include "stats/AgreementReport.h"

#include "stats/FleissKappa.h"
#include "stats/PairedStatistics.h"
#include "stats/PercentAgreement.h"

namespace qaw {
namespace {

StatValue needsTwoRaters(const RatingMatrix &m, int a, int b)
{
    if (m.raterCount() < 2)
        return StatValue::undefined(QStringLiteral("fewer than two raters"));
    if (a < 0 || b < 0 || a >= m.raterCount() || b >= m.raterCount() || a == b)
        return StatValue::undefined(QStringLiteral("the two raters to compare are not valid"));
    return StatValue::defined(0.0);
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
    const QList<double> scale = r.scale;
    const int a = options.firstRater;
    const int b = options.secondRater;

    // Statistics of the two raters; each closure is reused for the bootstrap.
    const MatrixStatistic unweighted = [=](const RatingMatrix &x) {
        return cohenKappa(x, a, b, KappaWeighting::Unweighted, scale);
    };
    const MatrixStatistic linear = [=](const RatingMatrix &x) {
        return cohenKappa(x, a, b, KappaWeighting::Linear, scale);
    };
    const MatrixStatistic quadratic = [=](const RatingMatrix &x) {
        return cohenKappa(x, a, b, KappaWeighting::Quadratic, scale);
    };
    const StatValue pairCheck = needsTwoRaters(m, a, b);
    const auto pairStat = [&](const std::function<StatValue()> &compute) {
        return pairCheck.isDefined() ? compute() : pairCheck;
    };
    r.cohenUnweighted = pairStat([&] { return unweighted(m); });
    r.cohenLinear = pairStat([&] { return linear(m); });
    r.cohenQuadratic = pairStat([&] { return quadratic(m); });
    r.pearsonR = pairStat([&] { return pearsonCorrelation(m, a, b); });
    r.spearmanRho = pairStat([&] { return spearmanCorrelation(m, a, b); });
    r.meanAbsoluteError = pairStat([&] { return qaw::meanAbsoluteError(m, a, b); });
    r.rootMeanSquaredError = pairStat([&] { return qaw::rootMeanSquaredError(m, a, b); });
    r.meanSignedBias = pairStat([&] { return qaw::meanSignedBias(m, a, b); });
    r.percentExact = pairStat([&] { return pairwisePercentAgreement(m, a, b, 0.0); });
    r.percentWithin1 = pairStat([&] { return pairwisePercentAgreement(m, a, b, 1.0); });
    r.percentWithin2 = pairStat([&] { return pairwisePercentAgreement(m, a, b, 2.0); });

    // Statistics of all raters.
    const MatrixStatistic fleiss = [=](const RatingMatrix &x) { return qaw::fleissKappa(x, scale); };
    const MatrixStatistic randolph = [=](const RatingMatrix &x) {
        return qaw::randolphKappa(x, scale);
    };
    const auto alpha = [](AlphaLevel level) {
        return MatrixStatistic(
            [level](const RatingMatrix &x) { return krippendorffAlpha(x, level); });
    };
    const MatrixStatistic nominal = alpha(AlphaLevel::Nominal);
    const MatrixStatistic ordinal = alpha(AlphaLevel::Ordinal);
    const MatrixStatistic interval = alpha(AlphaLevel::Interval);
    const MatrixStatistic ratio = alpha(AlphaLevel::Ratio);
    r.fleissKappa = fleiss(m);
    r.randolphKappa = randolph(m);
    r.alphaNominal = nominal(m);
    r.alphaOrdinal = ordinal(m);
    r.alphaInterval = interval(m);
    r.alphaRatio = ratio(m);
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
        MatrixStatistic statistic;
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
    std::vector<MatrixStatistic> toResample;
    std::vector<ConfidenceInterval *> destinations;
    for (const Target &t : targets) {
        if (t.estimate->isDefined()) {
            toResample.push_back(t.statistic);
            destinations.push_back(t.interval);
        } else {
            *t.interval = ConfidenceInterval::undefined(
                QStringLiteral("the statistic itself is undefined"));
        }
    }
    if (!toResample.empty()) {
        const std::vector<ConfidenceInterval> cis =
            bootstrapIntervals(m, toResample, options.bootstrap);
        for (size_t i = 0; i < cis.size(); ++i)
            *destinations[i] = cis[i];
    }
    return r;
}

} // namespace qaw
