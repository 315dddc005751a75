#include "stats/AgreementReportJson.h"

#include <QJsonArray>

namespace qaw {
namespace {

//! Collects the statistics and, beside them, the reasons for the undefined ones.
class JsonBuilder
{
public:
    QJsonValue value(const QString &name, const StatValue &v)
    {
        if (v.isDefined())
            return *v.value;
        m_undefined.insert(name, v.undefinedReason);
        return QJsonValue::Null;
    }

    QJsonObject group(const QString &prefix,
                      const std::vector<std::pair<QString, const StatValue *>> &members)
    {
        QJsonObject o;
        for (const auto &[key, v] : members)
            o.insert(key, value(prefix + QLatin1Char('.') + key, *v));
        return o;
    }

    QJsonObject
    intervals(const std::vector<std::pair<QString, const ConfidenceInterval *>> &members)
    {
        QJsonObject o;
        for (const auto &[key, ci] : members) {
            QJsonObject entry;
            entry.insert(QStringLiteral("lower"),
                         ci->lower ? QJsonValue(*ci->lower) : QJsonValue(QJsonValue::Null));
            entry.insert(QStringLiteral("upper"),
                         ci->upper ? QJsonValue(*ci->upper) : QJsonValue(QJsonValue::Null));
            if (!ci->isDefined())
                entry.insert(QStringLiteral("undefined_reason"), ci->undefinedReason);
            if (ci->undefinedResamples > 0)
                entry.insert(QStringLiteral("undefined_resamples"), ci->undefinedResamples);
            o.insert(key, entry);
        }
        return o;
    }

    const QJsonObject &undefined() const { return m_undefined; }

private:
    QJsonObject m_undefined;
};

} // namespace

QJsonObject agreementReportToJson(const AgreementReport &r)
{
    JsonBuilder b;
    QJsonObject o;
    o.insert(QStringLiteral("items"), r.items);
    o.insert(QStringLiteral("raters"), r.raters);
    o.insert(QStringLiteral("items_used"),
             QJsonObject{{QStringLiteral("paired"), r.pairedItems},
                         {QStringLiteral("complete"), r.completeItems},
                         {QStringLiteral("pairable"), r.pairableItems}});
    QJsonArray scale;
    for (double c : r.scale)
        scale.append(c);
    o.insert(QStringLiteral("categories"), scale);

    const auto S = [](const char *key) { return QString::fromLatin1(key); };
    o.insert(S("cohen_kappa"), b.group(S("cohen_kappa"), {{S("unweighted"), &r.cohenUnweighted},
                                                          {S("linear"), &r.cohenLinear},
                                                          {S("quadratic"), &r.cohenQuadratic}}));
    o.insert(S("fleiss_kappa"),
             b.group(S("fleiss_kappa"), {{S("fleiss"), &r.fleissKappa},
                                         {S("randolph_free_marginal"), &r.randolphKappa}}));
    o.insert(S("krippendorff_alpha"),
             b.group(S("krippendorff_alpha"), {{S("nominal"), &r.alphaNominal},
                                               {S("ordinal"), &r.alphaOrdinal},
                                               {S("interval"), &r.alphaInterval},
                                               {S("ratio"), &r.alphaRatio}}));
    std::vector<std::pair<QString, const StatValue *>> iccMembers;
    for (size_t i = 0; i < kAllIccForms.size(); ++i)
        iccMembers.emplace_back(iccFormName(kAllIccForms[i]), &r.icc[i]);
    o.insert(S("icc"), b.group(S("icc"), iccMembers));
    o.insert(S("pearson_r"), b.value(S("pearson_r"), r.pearsonR));
    o.insert(S("spearman_rho"), b.value(S("spearman_rho"), r.spearmanRho));
    o.insert(S("mean_absolute_error"), b.value(S("mean_absolute_error"), r.meanAbsoluteError));
    o.insert(S("root_mean_squared_error"),
             b.value(S("root_mean_squared_error"), r.rootMeanSquaredError));
    o.insert(S("mean_signed_bias"), b.value(S("mean_signed_bias"), r.meanSignedBias));
    o.insert(
        S("percent_agreement"),
        b.group(S("percent_agreement"), {{S("exact"), &r.percentExact},
                                         {S("within_1"), &r.percentWithin1},
                                         {S("within_2"), &r.percentWithin2},
                                         {S("all_raters_exact_listwise"), &r.percentAllExact},
                                         {S("all_raters_within_1_listwise"), &r.percentAllWithin1},
                                         {S("all_raters_within_2_listwise"), &r.percentAllWithin2},
                                         {S("mean_pairwise_exact"), &r.percentMeanPairwiseExact}}));

    QJsonObject cis;
    cis.insert(S("method"), S("percentile bootstrap, resampling items with replacement"));
    cis.insert(S("level"), r.bootstrap.level);
    cis.insert(S("resamples"), r.bootstrap.resamples);
    cis.insert(S("seed"), QString::number(r.bootstrap.seed));
    cis.insert(S("cohen_kappa"), b.intervals({{S("unweighted"), &r.cohenUnweightedCi},
                                              {S("linear"), &r.cohenLinearCi},
                                              {S("quadratic"), &r.cohenQuadraticCi}}));
    cis.insert(S("fleiss_kappa"), b.intervals({{S("fleiss"), &r.fleissKappaCi},
                                               {S("randolph_free_marginal"), &r.randolphKappaCi}}));
    cis.insert(S("krippendorff_alpha"), b.intervals({{S("nominal"), &r.alphaNominalCi},
                                                     {S("ordinal"), &r.alphaOrdinalCi},
                                                     {S("interval"), &r.alphaIntervalCi},
                                                     {S("ratio"), &r.alphaRatioCi}}));
    o.insert(S("confidence_intervals"), cis);
    o.insert(S("undefined"), b.undefined());
    return o;
}

} // namespace qaw
