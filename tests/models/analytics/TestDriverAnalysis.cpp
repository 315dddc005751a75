// Outcome links on the hand-computable fixture (AnalyticsFixture.h).
#include "AnalyticsFixture.h"

#include "analytics/AnalyticsExport.h"
#include "analytics/DriverAnalysis.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace qaw;

namespace {

bool near(double a, double b, double eps = 1e-9)
{
    return qAbs(a - b) < eps;
}

const DriverRow *rowOf(const std::vector<DriverRow> &rows, const char *id)
{
    for (const DriverRow &r : rows)
        if (r.criterionId == QLatin1String(id))
            return &r;
    return nullptr;
}

} // namespace

class TestDriverAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("f.qaw")),
                          Workspace::OpenMode::CreateIfMissing));
        QVERIFY(fixture::build(m_ws));
        m_criteria = activeCriteria(m_ws);
    }

    void csatWhenPassedVsFailed()
    {
        const auto rows = drivers::table(m_ws, {}, Outcome::Csat, m_criteria);
        // Only the criteria that applied somewhere; verification is always N/A.
        QCOMPARE(rows.size(), size_t(2));
        QVERIFY(!rowOf(rows, "verification"));
        // Tone passes at 3+: CSAT {5, 4, 3} vs {2, 4, 3} (Cara has no CSAT; #8 unscored).
        const DriverRow *tone = rowOf(rows, "professional_tone");
        QVERIFY(tone);
        QCOMPARE(tone->nPass, qint64(3));
        QCOMPARE(tone->nFail, qint64(3));
        QVERIFY(near(tone->outcomePass, 4));
        QVERIFY(near(tone->outcomeFail, 3));
        QVERIFY(near(tone->difference, 1));
        // Both variances 1, n 3: Welch df = 4, t = 2.776445 (tables), se = sqrt(2/3).
        const double half = 2.7764451051977987 * std::sqrt(2.0 / 3.0);
        QVERIFY(near(tone->ciLow, 1 - half));
        QVERIFY(near(tone->ciHigh, 1 + half));
        QVERIFY(tone->tooFewToSay);
        QVERIFY(!tone->significant());
        // Greeting: CSAT {5, 4, 3, 4, 3} vs {2}: a difference, no interval from one value.
        const DriverRow *greeting = rowOf(rows, "greeting");
        QVERIFY(greeting);
        QCOMPARE(greeting->nPass, qint64(5));
        QCOMPARE(greeting->nFail, qint64(1));
        QVERIFY(near(greeting->difference, 3.8 - 2));
        QVERIFY(std::isnan(greeting->ciLow));
        // Ranked by the size of the difference.
        QCOMPARE(rows.front().criterionId, QStringLiteral("greeting"));
    }

    void repeatContactRate()
    {
        const auto rows = drivers::table(m_ws, {}, Outcome::Fcr, m_criteria);
        const DriverRow *greeting = rowOf(rows, "greeting");
        QVERIFY(greeting);
        // Passed: #1 #2 #4 #6 #7 #9, none came back; failed: #3 #5, both came back.
        QCOMPARE(greeting->nPass, qint64(6));
        QCOMPARE(greeting->nFail, qint64(2));
        QVERIFY(near(greeting->outcomePass, 0));
        QVERIFY(near(greeting->outcomeFail, 1));
        QVERIFY(near(greeting->difference, -1));
        const DriverRow *tone = rowOf(rows, "professional_tone");
        // Tone passed: #1 #2 #4 #6 (0 repeats of 4); failed: #3 #5 #7 #9 (2 of 4).
        QVERIFY(near(tone->difference, -0.5));
        const double half = 1.959963984540054 * std::sqrt(0.5 * 0.5 / 4);
        QVERIFY(near(tone->ciLow, -0.5 - half));
        QVERIFY(near(tone->ciHigh, -0.5 + half));
    }

    void handleTimeInSeconds()
    {
        const auto rows = drivers::table(m_ws, {}, Outcome::Aht, m_criteria);
        const DriverRow *tone = rowOf(rows, "professional_tone");
        QVERIFY(tone);
        QVERIFY(near(tone->outcomePass, (300 + 400 + 500 + 200) / 4.0));
        QVERIFY(near(tone->outcomeFail, (600 + 700 + 350 + 450) / 4.0));
    }

    void filterNarrowsTheTable()
    {
        InteractionFilter alice;
        alice.agentId = 1;
        const auto rows = drivers::table(m_ws, alice, Outcome::Csat, m_criteria);
        const DriverRow *greeting = rowOf(rows, "greeting");
        QVERIFY(greeting);
        QCOMPARE(greeting->nPass, qint64(3));
        QCOMPARE(greeting->nFail, qint64(0));
        QVERIFY(std::isnan(greeting->outcomeFail));
        QVERIFY(std::isnan(greeting->difference));
    }

    void scatterPerAgentWeek()
    {
        const Scatter s = drivers::totalVsCsat(m_ws, {});
        // Alice w1 (85, 4.5), Alice w3 (50, 4), Bob w1 (50, 2.5), Bob w3 (55, 3); Cara none.
        QCOMPARE(s.points.size(), size_t(4));
        for (const ScatterPoint &p : s.points)
            QVERIFY(p.agentId != 3);
        const std::vector<double> x{85, 50, 50, 55}, y{4.5, 4, 2.5, 3};
        const stats::Fit expected = stats::fit(x, y);
        QVERIFY(near(s.fit.slope, expected.slope));
        QVERIFY(near(s.fit.pearson, expected.pearson));
        // Spearman with ties: x ranks 4, 1.5, 1.5, 3; y ranks 4, 3, 1, 2.
        const double rho = stats::pearson({4, 1.5, 1.5, 3}, {4, 3, 1, 2});
        QVERIFY(near(s.fit.spearman, rho));
    }

    void jsonCarriesTheDocumentedKeys()
    {
        const auto rows = drivers::table(m_ws, {}, Outcome::Csat, m_criteria);
        const QJsonArray json = analyticsExport::driversJson(rows, Outcome::Csat);
        QCOMPARE(json.size(), 2);
        const QJsonObject first = json.first().toObject();
        for (const char *key : {"criterion_id", "n_pass", "n_fail", "outcome_pass", "outcome_fail",
                                "difference", "ci_low", "ci_high"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QVERIFY(first.value(QStringLiteral("ci_low")).isNull()); // greeting: undefined
        const QString csv = analyticsExport::driversCsv(rows, Outcome::Csat);
        QCOMPARE(csv.count(QLatin1Char('\n')), 3);
    }

    void rawJoinAgreesWithTheSummary_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::newRow("csat") << int(Outcome::Csat);
        QTest::newRow("fcr") << int(Outcome::Fcr);
        QTest::newRow("aht") << int(Outcome::Aht);
    }
    void rawJoinAgreesWithTheSummary()
    {
        QFETCH(int, outcome);
        InteractionFilter raw;
        raw.minTotal = 0.0; // not answerable from the summary
        const auto a = drivers::table(m_ws, {}, Outcome(outcome), m_criteria);
        const auto b = drivers::table(m_ws, raw, Outcome(outcome), m_criteria);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].criterionId, b[i].criterionId);
            QCOMPARE(a[i].nPass, b[i].nPass);
            QCOMPARE(a[i].nFail, b[i].nFail);
            QVERIFY(near(a[i].difference, b[i].difference) ||
                    (std::isnan(a[i].difference) && std::isnan(b[i].difference)));
        }
    }

    // Last: changes the fixture. The summary follows edits of interactions.
    void summaryFollowsAChangedCsat()
    {
        QVERIFY(
            fixture::exec(m_ws, QStringLiteral("UPDATE interactions SET csat = 1 WHERE id = 1")));
        const auto rows = drivers::table(m_ws, {}, Outcome::Csat, m_criteria);
        const DriverRow *greeting = rowOf(rows, "greeting");
        QVERIFY(greeting);
        QVERIFY(near(greeting->outcomePass, (1 + 4 + 3 + 4 + 3) / 5.0));
    }

private:
    QTemporaryDir m_dir;
    Workspace m_ws;
    std::vector<CriterionPassMark> m_criteria;
};

QTEST_GUILESS_MAIN(TestDriverAnalysis)
#include "TestDriverAnalysis.moc"
