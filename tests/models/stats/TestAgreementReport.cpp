#include "PublishedRatingData.h"

#include "stats/AgreementReport.h"
#include "stats/AgreementReportJson.h"
#include "stats/CohenKappa.h"
#include "stats/FleissKappa.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/PairedStatistics.h"

#include <QJsonArray>
#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

class TestAgreementReport : public QObject
{
    Q_OBJECT

private slots:
    void publishedValuesThroughTheReport();
    void twoRaterStatisticsUseTheChosenRaters();
    void declaredScaleReachesTheKappas();
    void undefinedStatisticsHaveReasonsAndNoInterval();
    void intervalsBracketTheEstimates();
    void itemWeightsMatchResampledMatrices();
    void jsonHasTheDocumentedKeys();
    void jsonUndefinedIsNullWithReason();
};

void TestAgreementReport::publishedValuesThroughTheReport()
{
    AgreementOptions options;
    options.bootstrap.resamples = 0;
    const AgreementReport k = computeAgreement(testdata::krippendorff2011(), options);
    // Krippendorff (2011): .743, .815, .849, .797.
    QCOMPARE(qRound(*k.alphaNominal.value * 1000), 743);
    QCOMPARE(qRound(*k.alphaOrdinal.value * 1000), 815);
    QCOMPARE(qRound(*k.alphaInterval.value * 1000), 849);
    QCOMPARE(qRound(*k.alphaRatio.value * 1000), 797);
    QCOMPARE(k.items, 12);
    QCOMPARE(k.raters, 4);
    // From the table: A and B both rated units 1-9; units 2-9 are complete; unit 12 alone
    // has a single rating.
    QCOMPARE(k.pairedItems, 9);
    QCOMPARE(k.completeItems, 8);
    QCOMPARE(k.pairableItems, 11);

    // Shrout & Fleiss (1979): .17, .29, .71, .44, .62, .91.
    const AgreementReport s = computeAgreement(testdata::shroutFleiss1979(), options);
    const int published[6] = {17, 29, 71, 44, 62, 91};
    for (size_t i = 0; i < kAllIccForms.size(); ++i)
        QCOMPARE(qRound(*s.icc[i].value * 100), published[i]);
    QCOMPARE(qRound(*s.iccValue(IccForm::Icc3_k).value * 100), 91);

    // Wikipedia "Fleiss' kappa": 0.210.
    const AgreementReport f = computeAgreement(testdata::fleissWikipediaExample(), options);
    QCOMPARE(qRound(*f.fleissKappa.value * 1000), 210);
}

void TestAgreementReport::twoRaterStatisticsUseTheChosenRaters()
{
    const RatingMatrix m = testdata::krippendorff2011();
    AgreementOptions options;
    options.bootstrap.resamples = 0;
    options.firstRater = 3;
    options.secondRater = 2;
    const AgreementReport r = computeAgreement(m, options);
    QCOMPARE(*r.cohenUnweighted.value,
             *cohenKappa(m, 3, 2, KappaWeighting::Unweighted, r.scale).value);
    QCOMPARE(*r.meanSignedBias.value, *meanSignedBias(m, 3, 2).value);
    // C-D by hand (units 2-11): 7 of 10 agree exactly.
    QCOMPARE(*r.percentExact.value, 70.0);
    options.secondRater = 3;
    QVERIFY(!computeAgreement(m, options).cohenUnweighted.isDefined());
}

void TestAgreementReport::declaredScaleReachesTheKappas()
{
    // The unused-middle-points case of TestCohenKappa: 9/14 over the declared 1-5 scale.
    const RatingMatrix m = matrix({{1, 1}, {2, 2}, {5, 5}, {1, 2}, {2, 5}});
    AgreementOptions options;
    options.bootstrap.resamples = 0;
    options.categories = {1, 2, 3, 4, 5};
    const AgreementReport r = computeAgreement(m, options);
    QVERIFY(std::abs(*r.cohenQuadratic.value - 9.0 / 14.0) < 1e-12);
    QCOMPARE(r.scale, (QList<double>{1, 2, 3, 4, 5}));
}

void TestAgreementReport::undefinedStatisticsHaveReasonsAndNoInterval()
{
    // Constant raters: every chance-corrected statistic is undefined, percent agreement is 100.
    const RatingMatrix m = matrix({{4, 4, 4}, {4, 4, 4}, {4, 4, NA}});
    const AgreementReport r = computeAgreement(m, {});
    for (const StatValue *v :
         {&r.cohenUnweighted, &r.cohenLinear, &r.cohenQuadratic, &r.fleissKappa, &r.alphaNominal,
          &r.alphaOrdinal, &r.alphaInterval, &r.alphaRatio, &r.pearsonR, &r.spearmanRho}) {
        QVERIFY(!v->isDefined());
        QVERIFY(!v->undefinedReason.isEmpty());
    }
    for (const StatValue &icc : r.icc)
        QVERIFY(!icc.isDefined() && !icc.undefinedReason.isEmpty());
    QVERIFY(!r.cohenUnweightedCi.isDefined());
    QVERIFY(!r.alphaNominalCi.isDefined());
    QVERIFY(r.alphaNominalCi.undefinedReason.contains(QStringLiteral("itself is undefined")));
    QCOMPARE(*r.percentExact.value, 100.0);
    QCOMPARE(*r.percentAllExact.value, 100.0);
    QCOMPARE(*r.meanAbsoluteError.value, 0.0);
    // One declared category only: Randolph's kappa has no room for chance either.
    QVERIFY(!r.randolphKappa.isDefined());
}

void TestAgreementReport::intervalsBracketTheEstimates()
{
    // Not a theorem for percentile intervals, but for these data the estimate lies inside.
    const AgreementReport r = computeAgreement(testdata::krippendorff2011(), {});
    for (const auto &[estimate, ci] : {std::pair{&r.cohenQuadratic, &r.cohenQuadraticCi},
                                       std::pair{&r.alphaOrdinal, &r.alphaOrdinalCi},
                                       std::pair{&r.fleissKappa, &r.fleissKappaCi}}) {
        QVERIFY(ci->isDefined());
        QVERIFY(*ci->lower <= *estimate->value && *estimate->value <= *ci->upper);
        QVERIFY(*ci->upper <= 1.0 + 1e-12);
    }
    QCOMPARE(r.bootstrap.resamples, 1000);
}

void TestAgreementReport::itemWeightsMatchResampledMatrices()
{
    // The bootstrap evaluates prepared calculators on item multiplicities; they must give
    // exactly what the plain functions give on the resampled matrix itself.
    const RatingMatrix m = testdata::krippendorff2011();
    const QList<double> scale{1, 2, 3, 4, 5};
    const std::vector<int> weights{2, 0, 1, 0, 3, 1, 0, 2, 1, 1, 0, 1};
    std::vector<int> rows;
    for (size_t item = 0; item < weights.size(); ++item)
        rows.insert(rows.end(), size_t(weights[item]), int(item));
    const RatingMatrix resample = m.selectItems(rows);
    const auto same = [](const StatValue &a, const StatValue &b) {
        return a.isDefined() && b.isDefined() && std::abs(*a.value - *b.value) < 1e-12;
    };
    const CohenKappaCalculator cohen(m, 0, 1, scale);
    for (KappaWeighting w :
         {KappaWeighting::Unweighted, KappaWeighting::Linear, KappaWeighting::Quadratic})
        QVERIFY(same(cohen.kappa(w, &weights), cohenKappa(resample, 0, 1, w, scale)));
    const MultiRaterKappaCalculator multiRater(m, scale);
    QVERIFY(same(multiRater.fleiss(&weights), fleissKappa(resample, scale)));
    QVERIFY(same(multiRater.randolph(&weights), randolphKappa(resample, scale)));
    const KrippendorffAlphaCalculator alpha(m);
    for (AlphaLevel level :
         {AlphaLevel::Nominal, AlphaLevel::Ordinal, AlphaLevel::Interval, AlphaLevel::Ratio})
        QVERIFY(same(alpha.alpha(level, &weights), krippendorffAlpha(resample, level)));
}

void TestAgreementReport::jsonHasTheDocumentedKeys()
{
    AgreementOptions options;
    options.bootstrap.resamples = 20;
    const QJsonObject json =
        agreementReportToJson(computeAgreement(testdata::krippendorff2011(), options));
    const QStringList topLevel{QStringLiteral("cohen_kappa"),
                               QStringLiteral("fleiss_kappa"),
                               QStringLiteral("krippendorff_alpha"),
                               QStringLiteral("icc"),
                               QStringLiteral("pearson_r"),
                               QStringLiteral("spearman_rho"),
                               QStringLiteral("mean_absolute_error"),
                               QStringLiteral("root_mean_squared_error"),
                               QStringLiteral("mean_signed_bias"),
                               QStringLiteral("percent_agreement"),
                               QStringLiteral("confidence_intervals"),
                               QStringLiteral("undefined")};
    for (const QString &key : topLevel)
        QVERIFY2(json.contains(key), qPrintable(key));
    QCOMPARE(json.value(QStringLiteral("cohen_kappa")).toObject().keys(),
             (QStringList{QStringLiteral("linear"), QStringLiteral("quadratic"),
                          QStringLiteral("unweighted")}));
    QCOMPARE(json.value(QStringLiteral("fleiss_kappa")).toObject().keys(),
             (QStringList{QStringLiteral("fleiss"), QStringLiteral("randolph_free_marginal")}));
    QCOMPARE(json.value(QStringLiteral("krippendorff_alpha")).toObject().keys(),
             (QStringList{QStringLiteral("interval"), QStringLiteral("nominal"),
                          QStringLiteral("ordinal"), QStringLiteral("ratio")}));
    QCOMPARE(json.value(QStringLiteral("icc")).toObject().keys(),
             (QStringList{QStringLiteral("ICC(1,1)"), QStringLiteral("ICC(1,k)"),
                          QStringLiteral("ICC(2,1)"), QStringLiteral("ICC(2,k)"),
                          QStringLiteral("ICC(3,1)"), QStringLiteral("ICC(3,k)")}));
    QStringList percent{QStringLiteral("exact"),
                        QStringLiteral("within_1"),
                        QStringLiteral("within_2"),
                        QStringLiteral("all_raters_exact_listwise"),
                        QStringLiteral("all_raters_within_1_listwise"),
                        QStringLiteral("all_raters_within_2_listwise"),
                        QStringLiteral("mean_pairwise_exact")};
    percent.sort();
    QCOMPARE(json.value(QStringLiteral("percent_agreement")).toObject().keys(), percent);
    QCOMPARE(qRound(json.value(QStringLiteral("krippendorff_alpha"))
                        .toObject()
                        .value(QStringLiteral("ordinal"))
                        .toDouble() *
                    1000),
             815);
    const QJsonObject cis = json.value(QStringLiteral("confidence_intervals")).toObject();
    QVERIFY(cis.value(QStringLiteral("krippendorff_alpha"))
                .toObject()
                .value(QStringLiteral("nominal"))
                .toObject()
                .contains(QStringLiteral("lower")));
    QCOMPARE(cis.value(QStringLiteral("resamples")).toInt(), 20);
    QVERIFY(json.value(QStringLiteral("undefined")).toObject().isEmpty());
}

void TestAgreementReport::jsonUndefinedIsNullWithReason()
{
    const RatingMatrix m = matrix({{4, 4}, {4, 4}, {4, 4}});
    const QJsonObject json = agreementReportToJson(computeAgreement(m, {}));
    const QJsonValue kappa =
        json.value(QStringLiteral("cohen_kappa")).toObject().value(QStringLiteral("unweighted"));
    QVERIFY(kappa.isNull());
    QVERIFY(json.value(QStringLiteral("pearson_r")).isNull());
    const QJsonObject undefined = json.value(QStringLiteral("undefined")).toObject();
    QVERIFY(undefined.value(QStringLiteral("cohen_kappa.unweighted"))
                .toString()
                .contains(QStringLiteral("same single category")));
    QVERIFY(undefined.contains(QStringLiteral("icc.ICC(2,1)")));
    QVERIFY(undefined.contains(QStringLiteral("pearson_r")));
    QVERIFY(!undefined.contains(QStringLiteral("mean_absolute_error")));
    QCOMPARE(json.value(QStringLiteral("mean_absolute_error")).toDouble(), 0.0);
    const QJsonObject ci = json.value(QStringLiteral("confidence_intervals"))
                               .toObject()
                               .value(QStringLiteral("cohen_kappa"))
                               .toObject()
                               .value(QStringLiteral("unweighted"))
                               .toObject();
    QVERIFY(ci.value(QStringLiteral("lower")).isNull());
    QVERIFY(ci.contains(QStringLiteral("undefined_reason")));
}

QTEST_GUILESS_MAIN(TestAgreementReport)
#include "TestAgreementReport.moc"
