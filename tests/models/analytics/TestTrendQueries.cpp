// Trend aggregates on the hand-computable fixture (AnalyticsFixture.h).
#include "AnalyticsFixture.h"

#include "analytics/CriterionSummary.h"
#include "analytics/TrendQueries.h"
#include "analytics/TrendsSnapshot.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace qaw;

namespace {

double meanOf(const std::vector<double> &v)
{
    return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

double sdOf(const std::vector<double> &v)
{
    const double m = meanOf(v);
    double s = 0;
    for (double x : v)
        s += (x - m) * (x - m);
    return std::sqrt(s / double(v.size() - 1));
}

bool near(double a, double b)
{
    return qAbs(a - b) < 1e-9;
}

using fixture::countWhere;

} // namespace

class TestTrendQueries : public QObject
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
        QVERIFY(m_criteria.size() > 3);
    }

    void weeklyTotalsWithAnEmptyWeek()
    {
        const auto points = trends::automatedTotal(m_ws, {}, Bucketing::Week);
        QCOMPARE(points.size(), size_t(3));
        QCOMPARE(points[0].bucket, QDate(2024, 1, 1));
        QCOMPARE(points[0].n, qint64(4));
        QVERIFY(near(points[0].mean, 67.5));
        QVERIFY(near(points[0].sd, sdOf({90, 80, 40, 60})));
        // t(3) = 3.182446 (tables); interval of the mean = mean +- t * sd / sqrt(n).
        const double half = 3.182446305284263 * sdOf({90, 80, 40, 60}) / 2;
        QVERIFY(qAbs(points[0].ciLow - (67.5 - half)) < 1e-6);
        QVERIFY(qAbs(points[0].ciHigh - (67.5 + half)) < 1e-6);
        QCOMPARE(points[1].bucket, QDate(2024, 1, 8));
        QCOMPARE(points[1].n, qint64(0));
        QVERIFY(std::isnan(points[1].mean));
        QCOMPARE(points[2].bucket, QDate(2024, 1, 15));
        QCOMPARE(points[2].n, qint64(4)); // #8 has no automated score
        QVERIFY(near(points[2].mean, meanOf({20, 70, 50, 55})));
    }

    void monthlyAndDailyBuckets()
    {
        const auto month = trends::automatedTotal(m_ws, {}, Bucketing::Month);
        QCOMPARE(month.size(), size_t(1));
        QCOMPARE(month[0].n, qint64(8));
        QVERIFY(near(month[0].mean, (90 + 80 + 40 + 60 + 20 + 70 + 50 + 55) / 8.0));
        InteractionFilter f;
        f.from = QDate(2024, 1, 1);
        f.to = QDate(2024, 1, 7);
        const auto days = trends::automatedTotal(m_ws, f, Bucketing::Day);
        QCOMPARE(days.size(), size_t(7)); // the filter's range, empty days included
        QCOMPARE(days[2].n, qint64(1));
        QVERIFY(near(days[2].mean, 40));
        QVERIFY(std::isnan(days[2].sd)); // one value: a mean but no spread
        QCOMPARE(days[6].n, qint64(0));
    }

    void teamAndAgentSeries()
    {
        InteractionFilter blue;
        blue.teamId = 1;
        const auto team = trends::automatedTotal(m_ws, blue, Bucketing::Week);
        QCOMPARE(team.size(), size_t(3));
        QCOMPARE(team[2].n, qint64(2));
        QVERIFY(near(team[2].mean, 52.5));
        InteractionFilter cara;
        cara.agentId = 3;
        const auto agent = trends::automatedTotal(m_ws, cara, Bucketing::Week);
        QCOMPARE(agent.size(), size_t(1));
        QCOMPARE(agent[0].bucket, QDate(2024, 1, 15));
        QVERIFY(near(agent[0].mean, 45));
    }

    void criterionPassRates()
    {
        const auto byCriterion = trends::criterionResults(m_ws, {}, Bucketing::Week, m_criteria);
        const auto &greeting = byCriterion.at(QStringLiteral("greeting"));
        QCOMPARE(greeting.size(), size_t(3));
        QCOMPARE(greeting[0].n, qint64(4));
        QCOMPARE(greeting[0].passed, qint64(3));
        QVERIFY(near(greeting[0].passRate, 0.75));
        QCOMPARE(greeting[1].n, qint64(0));
        QVERIFY(std::isnan(greeting[1].passRate));
        QVERIFY(near(greeting[2].passRate, 3.0 / 4.0));
        const auto &tone = byCriterion.at(QStringLiteral("professional_tone"));
        QCOMPARE(tone[0].passed, qint64(3)); // 5, 4, 3 pass; 2 fails
        QVERIFY(near(tone[0].meanNormalised, (1.0 + 0.75 + 0.25 + 0.5) / 4));
        QCOMPARE(tone[2].passed, qint64(1)); // 1, 4, 2, 1
        // Always N/A: buckets exist, with nothing in them.
        for (const CriterionPoint &p : byCriterion.at(QStringLiteral("verification")))
            QCOMPARE(p.n, qint64(0));
    }

    void histogramBins()
    {
        const auto bins = trends::histogram(m_ws, {}, 10);
        QCOMPARE(bins.size(), size_t(10));
        const qint64 expected[10] = {0, 0, 1, 0, 1, 2, 1, 1, 1, 1};
        for (int i = 0; i < 10; ++i)
            QCOMPARE(bins[size_t(i)].count, expected[i]);
        QCOMPARE(bins[9].upper, 100.0);
    }

    // The roll-ups keep bins of 10 points: the Trends workspace's default width must be a
    // multiple of 10, or its histogram reads every interaction (seconds at a million).
    void defaultHistogramWidthIsServedByTheRollUps()
    {
        const double width = TrendsRequest().histogramWidth;
        QVERIFY(width >= 10);
        QCOMPARE(std::fmod(width, 10.0), 0.0);
    }

    void heatMapCells()
    {
        const auto cells = trends::heatMap(m_ws, {}, m_criteria);
        QCOMPARE(cells.size(), size_t(6)); // 3 agents x 2 criteria that applied
        QCOMPARE(cells.front().agentName, QStringLiteral("Alice"));
        for (const HeatCell &c : cells) {
            if (c.agentName == QLatin1String("Alice") && c.criterionId == QLatin1String("greeting"))
                QVERIFY(c.n == 3 && c.passed == 3);
            if (c.agentName == QLatin1String("Bob") &&
                c.criterionId == QLatin1String("professional_tone"))
                QVERIFY(c.n == 3 && c.passed == 1);
            QVERIFY(c.criterionId != QLatin1String("verification"));
        }
    }

    void automatedVsHuman()
    {
        const auto points = trends::automatedVsHuman(m_ws, {}, Bucketing::Week);
        QCOMPARE(points.size(), size_t(1)); // only week 1 has human reviews
        QCOMPARE(points[0].automated.n, qint64(2));
        QVERIFY(near(points[0].automated.mean, 65));
        QCOMPARE(points[0].human.n, qint64(2));
        QVERIFY(near(points[0].human.mean, 67.5));
    }

    void markersForVersionsAndCoaching()
    {
        const auto all = trends::markers(m_ws, {}, 1);
        QCOMPARE(all.size(), size_t(2));
        InteractionFilter jan;
        jan.from = QDate(2024, 1, 1);
        jan.to = QDate(2024, 1, 31);
        const auto inJan = trends::markers(m_ws, jan, 1);
        QCOMPARE(inJan.size(), size_t(1));
        QCOMPARE(inJan[0].kind, Marker::Kind::Coaching);
        QCOMPARE(inJan[0].date, QDate(2024, 1, 10));
        QVERIFY(trends::markers(m_ws, jan, 2).empty());
    }

    void drillDownSelectsThePointsInteractions_data()
    {
        QTest::addColumn<int>("bucketing");
        QTest::addColumn<qint64>("team");
        QTest::newRow("week") << int(Bucketing::Week) << qint64(-1);
        QTest::newRow("day") << int(Bucketing::Day) << qint64(-1);
        QTest::newRow("week team") << int(Bucketing::Week) << qint64(1);
        QTest::newRow("month team") << int(Bucketing::Month) << qint64(2);
    }
    void drillDownSelectsThePointsInteractions()
    {
        QFETCH(int, bucketing);
        QFETCH(qint64, team);
        InteractionFilter f;
        f.teamId = team;
        const Bucketing b = Bucketing(bucketing);
        for (const TrendPoint &p : trends::automatedTotal(m_ws, f, b))
            QCOMPARE(countWhere(m_ws, trends::bucketFilter(f, p.bucket, b)), p.n);
        for (const auto &[id, points] : trends::criterionResults(m_ws, f, b, m_criteria))
            for (const CriterionPoint &p : points) {
                InteractionFilter c = trends::bucketFilter(f, p.bucket, b);
                c.criterionId = id;
                QCOMPARE(countWhere(m_ws, c), p.n);
                c.criterionResult = InteractionFilter::CriterionResult::Failed;
                c.criterionPassMark = activeMark(id);
                QCOMPARE(countWhere(m_ws, c), p.n - p.passed);
            }
    }

    void histogramDrillDown()
    {
        for (const HistogramBin &bin : trends::histogram(m_ws, {}, 10))
            QCOMPARE(countWhere(m_ws, trends::binFilter({}, bin)), bin.count);
    }

    void summaryAndRawJoinAgree_data()
    {
        QTest::addColumn<qint64>("team");
        QTest::addColumn<qint64>("agent");
        QTest::addColumn<QDate>("from");
        QTest::newRow("all") << qint64(-1) << qint64(-1) << QDate();
        QTest::newRow("team") << qint64(1) << qint64(-1) << QDate();
        QTest::newRow("agent from") << qint64(-1) << qint64(2) << QDate(2024, 1, 4);
    }
    void summaryAndRawJoinAgree()
    {
        QFETCH(qint64, team);
        QFETCH(qint64, agent);
        QFETCH(QDate, from);
        InteractionFilter summary;
        summary.teamId = team;
        summary.agentId = agent;
        summary.from = from;
        QVERIFY(criterionSummary::serves(summary));
        InteractionFilter raw = summary;
        raw.minTotal = 0.0; // the summary cannot answer this: the raw join does
        QVERIFY(!criterionSummary::serves(raw));
        const auto a = trends::criterionResults(m_ws, summary, Bucketing::Day, m_criteria);
        const auto b = trends::criterionResults(m_ws, raw, Bucketing::Day, m_criteria);
        QCOMPARE(a.size(), b.size());
        for (const auto &[id, points] : a) {
            QCOMPARE(points.size(), b.at(id).size());
            for (size_t i = 0; i < points.size(); ++i) {
                QCOMPARE(points[i].n, b.at(id)[i].n);
                QCOMPARE(points[i].passed, b.at(id)[i].passed);
            }
        }
        const auto ha = trends::heatMap(m_ws, summary, m_criteria);
        const auto hb = trends::heatMap(m_ws, raw, m_criteria);
        QCOMPARE(ha.size(), hb.size());
        for (size_t i = 0; i < ha.size(); ++i)
            QVERIFY(ha[i].n == hb[i].n && ha[i].passed == hb[i].passed &&
                    ha[i].criterionId == hb[i].criterionId);
    }

    void totalsSummaryAndRawAgree_data()
    {
        QTest::addColumn<qint64>("team");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QDate>("to");
        QTest::newRow("all") << qint64(-1) << QString() << QDate();
        QTest::newRow("team chat") << qint64(1) << QStringLiteral("chat") << QDate();
        QTest::newRow("email to") << qint64(-1) << QStringLiteral("email") << QDate(2024, 1, 16);
        QTest::newRow("to") << qint64(-1) << QString() << QDate(2024, 1, 16);
    }
    void totalsSummaryAndRawAgree()
    {
        QFETCH(qint64, team);
        QFETCH(QString, channel);
        QFETCH(QDate, to);
        InteractionFilter summary;
        summary.teamId = team;
        summary.channel = channel;
        summary.to = to;
        QVERIFY(criterionSummary::servesTotals(summary));
        InteractionFilter raw = summary;
        raw.minTotal = 0.0;
        QVERIFY(!criterionSummary::servesTotals(raw));
        const auto a = trends::automatedTotal(m_ws, summary, Bucketing::Day);
        const auto b = trends::automatedTotal(m_ws, raw, Bucketing::Day);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].n, b[i].n);
            QVERIFY(near(a[i].mean, b[i].mean) || (std::isnan(a[i].mean) && std::isnan(b[i].mean)));
        }
    }

private:
    double activeMark(const QString &id) const
    {
        for (const CriterionPassMark &c : m_criteria)
            if (c.id == id)
                return c.passMark;
        return -1;
    }

    QTemporaryDir m_dir;
    Workspace m_ws;
    std::vector<CriterionPassMark> m_criteria;
};

QTEST_GUILESS_MAIN(TestTrendQueries)
#include "TestTrendQueries.moc"
