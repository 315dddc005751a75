#include "calibration/AgreementAdapter.h"

#include "stats/AgreementReport.h"
#include "stats/KrippendorffAlpha.h"

namespace qaw::agreement {
namespace {

RatingMatrix matrixOf(const std::vector<RatingColumn> &raters)
{
    const size_t items = raters.empty() ? 0 : raters.front().size();
    std::vector<std::vector<std::optional<double>>> rows(items);
    for (size_t i = 0; i < items; ++i)
        for (const RatingColumn &column : raters)
            rows[i].push_back(i < column.size() ? column[i] : std::nullopt);
    return RatingMatrix::fromRows(rows);
}

NamedStatistic named(const QString &key, const QString &name, const StatValue &v,
                     const ConfidenceInterval *ci = nullptr)
{
    NamedStatistic s{key, name, v.value, v.undefinedReason, std::nullopt, std::nullopt};
    if (ci && ci->isDefined()) {
        s.ciLower = ci->lower;
        s.ciUpper = ci->upper;
    }
    return s;
}

AgreementReport reportOf(const RatingMatrix &m, const QList<double> &categories,
                         int resamples)
{
    AgreementOptions options;
    options.categories = categories;
    options.bootstrap.resamples = resamples;
    return computeAgreement(m, options);
}

NamedStatistic alphaOf(const AgreementReport &r, RatingLevel level)
{
    switch (level) {
    case RatingLevel::YesNo:
        return named(QStringLiteral("krippendorff_alpha_nominal"),
                     QStringLiteral("Krippendorff's alpha (nominal)"), r.alphaNominal,
                     &r.alphaNominalCi);
    case RatingLevel::Ordinal:
        return named(QStringLiteral("krippendorff_alpha_ordinal"),
                     QStringLiteral("Krippendorff's alpha (ordinal)"), r.alphaOrdinal,
                     &r.alphaOrdinalCi);
    case RatingLevel::Total:
        break;
    }
    return named(QStringLiteral("krippendorff_alpha_interval"),
                 QStringLiteral("Krippendorff's alpha (interval)"), r.alphaInterval,
                 &r.alphaIntervalCi);
}
} // namespace

std::vector<NamedStatistic> pair(const RatingColumn &first, const RatingColumn &second,
                                 RatingLevel level, const QList<double> &categories,
                                 int bootstrapResamples)
{
    std::vector<NamedStatistic> out;
    const AgreementReport r = reportOf(matrixOf({first, second}), categories, bootstrapResamples);
    if (level == RatingLevel::Total) {
        out.push_back(named(QStringLiteral("pearson_r"), QStringLiteral("Pearson r"), r.pearsonR));
        out.push_back(named(QStringLiteral("spearman_rho"),
                            QStringLiteral("Spearman rho (average ranks for ties)"), r.spearmanRho));
        out.push_back(named(QStringLiteral("icc_2_1"), QStringLiteral("ICC(2,1)"),
                            r.iccValue(IccForm::Icc2_1)));
        out.push_back(named(QStringLiteral("icc_3_1"), QStringLiteral("ICC(3,1)"),
                            r.iccValue(IccForm::Icc3_1)));
    } else {
        out.push_back(named(QStringLiteral("cohen_kappa_unweighted"),
                            QStringLiteral("Cohen's kappa (unweighted)"), r.cohenUnweighted,
                            &r.cohenUnweightedCi));
        if (level == RatingLevel::Ordinal) {
            out.push_back(named(QStringLiteral("cohen_kappa_linear"),
                                QStringLiteral("Cohen's kappa (linear weights)"), r.cohenLinear,
                                &r.cohenLinearCi));
            out.push_back(named(QStringLiteral("cohen_kappa_quadratic"),
                                QStringLiteral("Cohen's kappa (quadratic weights)"),
                                r.cohenQuadratic, &r.cohenQuadraticCi));
        }
    }
    out.push_back(alphaOf(r, level));
    if (level != RatingLevel::Total) {
        out.push_back(named(QStringLiteral("percent_exact"),
                            QStringLiteral("Pairwise percent agreement, exact"), r.percentExact));
        if (level == RatingLevel::Ordinal)
            out.push_back(named(QStringLiteral("percent_within_1"),
                                QStringLiteral("Pairwise percent agreement, within 1 point"),
                                r.percentWithin1));
    }
    out.push_back(named(QStringLiteral("mean_absolute_error"),
                        QStringLiteral("Mean absolute error"), r.meanAbsoluteError));
    if (level == RatingLevel::Total)
        out.push_back(named(QStringLiteral("root_mean_squared_error"), QStringLiteral("RMSE"),
                            r.rootMeanSquaredError));
    out.push_back(named(QStringLiteral("mean_signed_bias"),
                        QStringLiteral("Mean signed bias (first minus second)"), r.meanSignedBias));
    return out;
}

std::vector<NamedStatistic> group(const std::vector<RatingColumn> &raters, RatingLevel level,
                                  const QList<double> &categories, int bootstrapResamples)
{
    std::vector<NamedStatistic> out;
    const AgreementReport r = reportOf(matrixOf(raters), categories, bootstrapResamples);
    if (level == RatingLevel::Total) {
        out.push_back(named(QStringLiteral("icc_2_1"), QStringLiteral("ICC(2,1)"),
                            r.iccValue(IccForm::Icc2_1)));
        out.push_back(named(QStringLiteral("icc_2_k"), QStringLiteral("ICC(2,k)"),
                            r.iccValue(IccForm::Icc2_k)));
    } else {
        out.push_back(named(QStringLiteral("fleiss_kappa"), QStringLiteral("Fleiss' kappa"),
                            r.fleissKappa, &r.fleissKappaCi));
        out.push_back(named(QStringLiteral("randolph_free_marginal_kappa"),
                            QStringLiteral("Randolph's free-marginal kappa"), r.randolphKappa,
                            &r.randolphKappaCi));
    }
    out.push_back(alphaOf(r, level));
    if (level != RatingLevel::Total) {
        out.push_back(named(QStringLiteral("percent_all_raters_exact_listwise"),
                            QStringLiteral("All raters exact, listwise (%)"), r.percentAllExact));
        out.push_back(named(QStringLiteral("percent_mean_pairwise_exact"),
                            QStringLiteral("Mean pairwise exact agreement (%)"),
                            r.percentMeanPairwiseExact));
    }
    return out;
}

NamedStatistic alpha(const std::vector<RatingColumn> &raters, RatingLevel level)
{
    const QString key = level == RatingLevel::YesNo ? QStringLiteral("krippendorff_alpha_nominal")
                        : level == RatingLevel::Ordinal
                            ? QStringLiteral("krippendorff_alpha_ordinal")
                            : QStringLiteral("krippendorff_alpha_interval");
    const QString name = level == RatingLevel::YesNo ? QStringLiteral("Krippendorff's alpha (nominal)")
                         : level == RatingLevel::Ordinal
                             ? QStringLiteral("Krippendorff's alpha (ordinal)")
                             : QStringLiteral("Krippendorff's alpha (interval)");
    const AlphaLevel l = level == RatingLevel::YesNo    ? AlphaLevel::Nominal
                         : level == RatingLevel::Ordinal ? AlphaLevel::Ordinal
                                                         : AlphaLevel::Interval;
    return named(key, name, krippendorffAlpha(matrixOf(raters), l));
}

} // namespace qaw::agreement
