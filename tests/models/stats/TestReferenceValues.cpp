#include "TestPaths.h"
#include "stats/AgreementReport.h"
#include "stats/AgreementReportJson.h"
#include "stats/RatingCsvReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace qaw;

//! Our statistics against values computed by independent implementations (scikit-learn,
//! statsmodels, scipy, the krippendorff npm package) for the matrices in
//! tests/data/stats/matrices; tests/data/stats/make_reference_values.py wrote the expected
//! values (run by hand; see docs/agreement-statistics.md, "Reference implementation").
class TestReferenceValues : public QObject
{
    Q_OBJECT
private slots:
    void matchesTheReference_data();
    void matchesTheReference();
};

namespace {

QJsonObject readExpected()
{
    QFile file(QStringLiteral(QAW_TEST_DATA_DIR "/stats/reference_values.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

//! "cohen_kappa.unweighted" -> report["cohen_kappa"]["unweighted"]; "pearson_r" -> top level.
QJsonValue lookUp(const QJsonObject &report, const QString &dotted)
{
    const int dot = dotted.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return report.value(dotted);
    return report.value(dotted.left(dot)).toObject().value(dotted.mid(dot + 1));
}

} // namespace

void TestReferenceValues::matchesTheReference_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QString>("statistic");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonArray cases = readExpected().value(QStringLiteral("cases")).toArray();
    QVERIFY(cases.size() >= 9);
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        QStringList categories;
        for (const QJsonValue &v : o.value(QStringLiteral("categories")).toArray())
            categories << v.toString();
        const QJsonObject values = o.value(QStringLiteral("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it)
            QTest::addRow("%s %s", qPrintable(o.value(QStringLiteral("file")).toString()),
                          qPrintable(it.key()))
                << o.value(QStringLiteral("file")).toString() << categories << it.key()
                << QJsonValue(it.value());
    }
}

void TestReferenceValues::matchesTheReference()
{
    QFETCH(QString, file);
    QFETCH(QStringList, categories);
    QFETCH(QString, statistic);
    QFETCH(QJsonValue, expected);
    QFile csvFile(QStringLiteral(QAW_TEST_DATA_DIR "/stats/matrices/") + file);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const RatingCsv csv = readRatingCsv(QString::fromUtf8(csvFile.readAll()), categories);
    QVERIFY2(csv.ok(), qPrintable(csv.error));
    AgreementOptions options;
    options.categories = csv.categories;
    options.bootstrap.resamples = 0;
    const QJsonObject report = agreementReportToJson(computeAgreement(csv.matrix, options));
    const QJsonValue ours = lookUp(report, statistic);
    if (expected.isNull()) {
        // The reference could not compute it (nan): ours must say undefined, with a reason.
        QVERIFY2(ours.isNull(), qPrintable(QStringLiteral("ours: %1").arg(ours.toDouble())));
        QVERIFY(!report.value(QStringLiteral("undefined")).toObject().value(statistic).toString().isEmpty());
        return;
    }
    QVERIFY2(ours.isDouble(), qPrintable(QStringLiteral("ours undefined: %1, reference %2")
                                             .arg(report.value(QStringLiteral("undefined"))
                                                      .toObject().value(statistic).toString())
                                             .arg(expected.toDouble(), 0, 'g', 17)));
    QVERIFY2(std::abs(ours.toDouble() - expected.toDouble()) < 1e-9,
             qPrintable(QStringLiteral("ours %1, reference %2")
                            .arg(ours.toDouble(), 0, 'g', 17)
                            .arg(expected.toDouble(), 0, 'g', 17)));
}

QTEST_GUILESS_MAIN(TestReferenceValues)
#include "TestReferenceValues.moc"
