#include "CalibrationFixture.h"

#include "calibration/AgreementAdapter.h"
#include "calibration/HumanEvaluationStore.h"
#include "calibration/TrustGate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace qaw;
using namespace qaw::testing;

//! Trust gating on constructed yes/no data whose Krippendorff's alpha follows from its
//! definition: two coders, n units, no missing values, d disagreeing units and n0 / n1
//! zeros / ones among the 2n values give alpha = 1 - d (2n - 1) / (n0 n1).
class TestTrustGate : public QObject
{
    Q_OBJECT
private slots:
    void gate_data();
    void gate();
    void defaultsAndSettings();
};

static double expectedAlpha(int n, int d, int n0, int n1)
{
    return 1.0 - double(d) * (2.0 * n - 1.0) / (double(n0) * double(n1));
}

void TestTrustGate::gate_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("yesToNo");  // human yes, automated no
    QTest::addColumn<int>("noToYes");  // human no, automated yes
    QTest::addColumn<QString>("threshold");
    QTest::addColumn<bool>("calibrated");
    QTest::newRow("perfect, enough items") << 30 << 0 << 0 << QString() << true;
    QTest::newRow("perfect, 29 items") << 29 << 0 << 0 << QString() << false;
    QTest::newRow("3 disagreements: alpha 0.803") << 30 << 2 << 1 << QString() << true;
    QTest::newRow("6 disagreements: alpha 0.607") << 30 << 3 << 3 << QString() << false;
    QTest::newRow("6 disagreements, threshold 0.6") << 30 << 3 << 3 << QStringLiteral("0.6") << true;
    QTest::newRow("3 disagreements, threshold 0.9") << 30 << 2 << 1 << QStringLiteral("0.9") << false;
}

void TestTrustGate::gate()
{
    QFETCH(int, items);
    QFETCH(int, yesToNo);
    QFETCH(int, noToYes);
    QFETCH(QString, threshold);
    QFETCH(bool, calibrated);
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(items));
    if (!threshold.isEmpty())
        QVERIFY(f.ws.setSetting(TrustGate::kThresholdKey, threshold));
    HumanEvaluationStore humans(f.ws);
    // The first half is "yes" for the human, the second half "no".
    int n0 = 0, n1 = 0;
    for (int k = 0; k < items; ++k) {
        const double human = k < items / 2 ? 1.0 : 0.0;
        double automated = human;
        if (human == 1.0 && k < yesToNo)
            automated = 0.0;
        if (human == 0.0 && k >= items - noToYes)
            automated = 1.0;
        (human == 1.0 ? n1 : n0)++;
        (automated == 1.0 ? n1 : n0)++;
        QVERIFY(f.addAutomated(f.ids[size_t(k)], {{QStringLiteral("greeting"), automated}}) > 0);
        Evaluation e = f.evaluation(f.ids[size_t(k)], {{QStringLiteral("greeting"), human}});
        e.evaluator = QStringLiteral("alice");
        QString error;
        QVERIFY2(humans.save(e, f.card.scorecard, &error) > 0, qPrintable(error));
    }
    const CalibrationStatus status = TrustGate::refresh(f.ws);
    const CriterionCalibration *g = status.criterion(QStringLiteral("greeting"));
    QVERIFY(g);
    QCOMPARE(g->calibratedItems, items);
    QCOMPARE(g->alpha.key, QStringLiteral("krippendorff_alpha_nominal"));
    QVERIFY(g->alpha.value);
    QVERIFY(qAbs(*g->alpha.value - expectedAlpha(items, yesToNo + noToYes, n0, n1)) < 1e-9);
    QCOMPARE(g->calibrated, calibrated);
    QCOMPARE(g->reason.isEmpty(), calibrated);
    QCOMPARE(status.isCalibrated(QStringLiteral("greeting")), calibrated);
    // Criteria without human scores are never calibrated.
    QVERIFY(!status.isCalibrated(QStringLiteral("empathy")));
    const QJsonArray published =
        QJsonDocument::fromJson(f.ws.setting(TrustGate::kCalibratedKey).toUtf8()).array();
    QCOMPARE(published.contains(QStringLiteral("greeting")), calibrated);
    QCOMPARE(TrustGate::publishedCalibratedCriteria(f.ws), status.calibratedIds());
}

void TestTrustGate::defaultsAndSettings()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QCOMPARE(TrustGate::threshold(f.ws), 0.667);
    QCOMPARE(TrustGate::minimumItems(f.ws), 30);
    QVERIFY(f.ws.setSetting(TrustGate::kMinimumItemsKey, QStringLiteral("5")));
    QCOMPARE(TrustGate::minimumItems(f.ws), 5);
    const CalibrationStatus status = TrustGate::refresh(f.ws);
    QCOMPARE(status.criteria.size(), f.card.scorecard.criteria().size());
    QVERIFY(status.calibratedIds().isEmpty());
    QCOMPARE(f.ws.setting(TrustGate::kCalibratedKey), QStringLiteral("[]"));
}

QTEST_GUILESS_MAIN(TestTrustGate)
#include "TestTrustGate.moc"
