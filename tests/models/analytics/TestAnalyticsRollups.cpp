// The roll-ups (per agent, without agents, per month, histogram bins) give exactly the
// numbers of raw SQL over interactions and scores, for every filter of dates, team,
// agent, channel and queue they answer, also after interactions change (dirty days).
// Raw SQL is forced by adding a score floor no total is below (minTotal = -1000), which
// the roll-ups cannot answer; every scored interaction of this fixture has a total.
#include "AnalyticsFixture.h"

#include "analytics/CriterionSummary.h"
#include "analytics/DriverAnalysis.h"
#include "analytics/TrendQueries.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace qaw;

Q_DECLARE_METATYPE(qaw::InteractionFilter)

namespace {

bool near(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-9 * (1 + std::abs(a));
}

using fixture::countWhere;

//! A deterministic pseudo-random sequence (LCG), so that the fixture is the same each run.
class Sequence
{
public:
    int next(int bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((m_state >> 33) % quint64(bound));
    }

private:
    quint64 m_state = 42;
};

//! 600 interactions over 2024-01-03 .. 2024-04-20 (partial and whole months), two teams,
//! five agents (agent 5 moves from team 1 to team 2 in March), three channels, three
//! queues; about 1 in 6 without CSAT, 1 in 12 not scored, verification N/A in about half,
//! 1 in 15 with a human review.
bool buildMixed(Workspace &ws)
{
    using fixture::exec;
    bool ok = exec(ws, QStringLiteral("INSERT INTO teams(id, name) VALUES (1, 'Blue'), (2, 'Green')")) &&
              exec(ws, QStringLiteral("INSERT INTO agents(id, external_id, name, team_id) VALUES "
                                      "(1, 'a-1', 'Alice', 1), (2, 'a-2', 'Bob', 1), "
                                      "(3, 'a-3', 'Cara', 2), (4, 'a-4', 'Dan', 2), "
                                      "(5, 'a-5', 'Eve', 1)"));
    const std::optional<StoredScorecard> card = ScorecardRepository(ws).active();
    if (!ok || !card)
        return false;
    const QStringList channels{QStringLiteral("chat"), QStringLiteral("email"), QStringLiteral("voice")};
    const QStringList queues{QStringLiteral("billing"), QStringLiteral("orders"), QStringLiteral("tech")};
    EvaluationStore store(ws);
    Sequence r;
    const QDate first(2024, 1, 3);
    for (int n = 1; n <= 600; ++n) {
        const QDate day = first.addDays(r.next(109));
        const int agent = 1 + r.next(5);
        const int team = agent <= 2 ? 1 : agent <= 4 ? 2 : (day < QDate(2024, 3, 1) ? 1 : 2);
        const qint64 startMs =
            QDateTime(day, QTime(r.next(24), r.next(60)), QTimeZone::utc()).toMSecsSinceEpoch();
        const QVariant csat = r.next(6) == 0 ? QVariant() : QVariant(1 + r.next(5));
        ok = exec(ws,
                  QStringLiteral("INSERT INTO interactions(id, source, external_id, channel, "
                                 "started_at, duration_ms, agent_id, team_id, queue, csat, "
                                 "repeat_contact) VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {n, QString::number(n), channels[r.next(3)], startMs,
                   qint64(60 + r.next(900)) * 1000, agent, team, queues[r.next(3)], csat,
                   r.next(4) == 0 ? 1 : 0});
        if (!ok)
            return false;
        if (r.next(12) == 0)
            continue; // not scored
        Evaluation e;
        e.interactionId = n;
        e.scorecardVersionId = card->versionId;
        e.total = double(r.next(1001)) / 10; // 0.0 .. 100.0, both ends included
        e.createdAtMs = startMs;
        const QString why = QStringLiteral("fixture");
        const QString none = QStringLiteral("");
        const bool na = r.next(2) == 0;
        e.criteria = {{QStringLiteral("greeting"), double(r.next(2)), 1, false, why, none, {}},
                      {QStringLiteral("professional_tone"), double(1 + r.next(5)), 5, false, why,
                       none, {}},
                      {QStringLiteral("verification"),
                       na ? std::nullopt : std::optional<double>(r.next(2)), 1, na, why, none, {}}};
        if (store.save(e) < 0)
            return false;
        if (r.next(15) == 0) {
            Evaluation h = e;
            h.kind = EvaluatorKind::Human;
            h.evaluator = QStringLiteral("reviewer");
            h.total = double(r.next(101));
            if (store.save(h) < 0)
                return false;
        }
    }
    return true;
}

InteractionFilter raw(InteractionFilter f)
{
    f.minTotal = -1000;
    return f;
}

} // namespace

class TestAnalyticsRollups : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("m.qaw")),
                          Workspace::OpenMode::CreateIfMissing));
        QVERIFY(buildMixed(m_ws));
        m_criteria = activeCriteria(m_ws);
        QVERIFY(!m_criteria.empty());
        QVERIFY(criterionSummary::refresh(m_ws, m_criteria));
    }

    void rollupsEqualRawSql_data() { filters(); }
    void rollupsEqualRawSql() { compareAll(); }

    //! After edits the triggers mark days dirty; the next query recomputes them.
    void rollupsFollowChanges_data() { filters(); }
    void rollupsFollowChanges()
    {
        QVERIFY(fixture::exec(m_ws, QStringLiteral("UPDATE interactions SET channel = 'email', "
                                                   "csat = NULL WHERE id % 37 = 0")));
        QVERIFY(fixture::exec(m_ws, QStringLiteral("UPDATE interactions SET started_at = "
                                                   "started_at + 86400000 * 20 WHERE id % 41 = 0")));
        QVERIFY(fixture::exec(m_ws, QStringLiteral("DELETE FROM interactions WHERE id % 53 = 0")));
        compareAll();
    }

    void scatterPointOpensItsInteractions_data() { filters(); }
    void scatterPointOpensItsInteractions()
    {
        QFETCH(InteractionFilter, filter);
        const Scatter s = drivers::totalVsCsat(m_ws, filter);
        QVERIFY(!s.points.empty());
        qint64 withoutCsat = 0;
        for (const ScatterPoint &p : s.points) {
            const InteractionFilter f = drivers::pointFilter(filter, p);
            QCOMPARE(countWhere(m_ws, f), p.n);
            InteractionFilter week = f;
            week.withCsatOnly = false;
            withoutCsat += countWhere(m_ws, week) - p.n;
        }
        // The fixture has scored interactions without CSAT inside the points' weeks: a
        // filter that forgot the CSAT would have opened them too.
        if (filter == InteractionFilter{})
            QVERIFY(withoutCsat > 0);
    }

private:
    void filters()
    {
        QTest::addColumn<InteractionFilter>("filter");
        const auto with = [](auto set) {
            InteractionFilter f;
            set(f);
            return f;
        };
        QTest::newRow("all") << InteractionFilter{};
        QTest::newRow("team") << with([](InteractionFilter &f) { f.teamId = 2; });
        QTest::newRow("agent") << with([](InteractionFilter &f) { f.agentId = 5; });
        QTest::newRow("channel") << with([](InteractionFilter &f) { f.channel = QStringLiteral("chat"); });
        QTest::newRow("queue") << with([](InteractionFilter &f) { f.queue = QStringLiteral("tech"); });
        QTest::newRow("month") << with([](InteractionFilter &f) {
            f.from = QDate(2024, 2, 1);
            f.to = QDate(2024, 2, 29);
        });
        QTest::newRow("team+channel") << with([](InteractionFilter &f) {
            f.teamId = 1;
            f.channel = QStringLiteral("voice");
        });
        QTest::newRow("agent+month") << with([](InteractionFilter &f) {
            f.agentId = 2;
            f.from = QDate(2024, 3, 1);
            f.to = QDate(2024, 3, 31);
        });
        QTest::newRow("agent+queue") << with([](InteractionFilter &f) {
            f.agentId = 3;
            f.queue = QStringLiteral("billing");
        });
        QTest::newRow("partial months") << with([](InteractionFilter &f) {
            f.from = QDate(2024, 1, 20);
            f.to = QDate(2024, 3, 10);
        });
        QTest::newRow("from mid-month, queue") << with([](InteractionFilter &f) {
            f.from = QDate(2024, 2, 15);
            f.queue = QStringLiteral("orders");
        });
        QTest::newRow("to mid-month, team, channel") << with([](InteractionFilter &f) {
            f.to = QDate(2024, 3, 17);
            f.teamId = 1;
            f.channel = QStringLiteral("email");
        });
        QTest::newRow("inside one month") << with([](InteractionFilter &f) {
            f.from = QDate(2024, 4, 3);
            f.to = QDate(2024, 4, 12);
        });
    }

    void compareAll()
    {
        QFETCH(InteractionFilter, filter);
        QVERIFY(criterionSummary::serves(filter));
        QVERIFY(!criterionSummary::serves(raw(filter)));
        for (Bucketing b : {Bucketing::Day, Bucketing::Week, Bucketing::Month}) {
            const auto a = trends::automatedTotal(m_ws, filter, b);
            const auto r = trends::automatedTotal(m_ws, raw(filter), b);
            QCOMPARE(a.size(), r.size());
            for (size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].n, r[i].n);
                QVERIFY(near(a[i].mean, r[i].mean) && near(a[i].sd, r[i].sd));
            }
        }
        const auto ca = trends::criterionResults(m_ws, filter, Bucketing::Week, m_criteria);
        const auto cr = trends::criterionResults(m_ws, raw(filter), Bucketing::Week, m_criteria);
        QCOMPARE(ca.size(), cr.size());
        qint64 applicable = 0;
        for (const auto &[id, points] : ca) {
            QCOMPARE(points.size(), cr.at(id).size());
            for (size_t i = 0; i < points.size(); ++i) {
                QCOMPARE(points[i].n, cr.at(id)[i].n);
                QCOMPARE(points[i].passed, cr.at(id)[i].passed);
                QVERIFY(near(points[i].meanNormalised, cr.at(id)[i].meanNormalised));
                applicable += points[i].n;
            }
        }
        QVERIFY(applicable > 0);
        for (double width : {10.0, 20.0, 30.0, 7.5}) {
            const auto ha = trends::histogram(m_ws, filter, width);
            const auto hr = trends::histogram(m_ws, raw(filter), width);
            QCOMPARE(ha.size(), hr.size());
            for (size_t i = 0; i < ha.size(); ++i)
                QCOMPARE(ha[i].count, hr[i].count);
        }
        const auto ma = trends::heatMap(m_ws, filter, m_criteria);
        const auto mr = trends::heatMap(m_ws, raw(filter), m_criteria);
        QCOMPARE(ma.size(), mr.size());
        for (size_t i = 0; i < ma.size(); ++i) {
            QCOMPARE(ma[i].agentId, mr[i].agentId);
            QCOMPARE(ma[i].criterionId, mr[i].criterionId);
            QCOMPARE(ma[i].n, mr[i].n);
            QCOMPARE(ma[i].passed, mr[i].passed);
        }
        for (Outcome o : {Outcome::Csat, Outcome::Fcr, Outcome::Aht}) {
            const auto da = drivers::table(m_ws, filter, o, m_criteria);
            const auto dr = drivers::table(m_ws, raw(filter), o, m_criteria);
            QCOMPARE(da.size(), dr.size());
            for (size_t i = 0; i < da.size(); ++i) {
                QCOMPARE(da[i].criterionId, dr[i].criterionId);
                QCOMPARE(da[i].nPass, dr[i].nPass);
                QCOMPARE(da[i].nFail, dr[i].nFail);
                QVERIFY(near(da[i].outcomePass, dr[i].outcomePass));
                QVERIFY(near(da[i].ciLow, dr[i].ciLow) && near(da[i].ciHigh, dr[i].ciHigh));
            }
        }
        const Scatter sa = drivers::totalVsCsat(m_ws, filter);
        const Scatter sr = drivers::totalVsCsat(m_ws, raw(filter));
        QCOMPARE(sa.points.size(), sr.points.size());
        for (size_t i = 0; i < sa.points.size(); ++i) {
            QCOMPARE(sa.points[i].agentId, sr.points[i].agentId);
            QCOMPARE(sa.points[i].week, sr.points[i].week);
            QCOMPARE(sa.points[i].n, sr.points[i].n);
            QVERIFY(near(sa.points[i].total, sr.points[i].total));
            QVERIFY(near(sa.points[i].csat, sr.points[i].csat));
        }
        QVERIFY(near(sa.fit.pearson, sr.fit.pearson) && near(sa.fit.spearman, sr.fit.spearman));
        // Automated vs human reads raw rows through the partial index of reviewed
        // interactions: its counts are those of the filter with has_human.
        InteractionFilter reviewed = filter;
        reviewed.withHumanOnly = true;
        reviewed.minTotal = 0.0;
        qint64 automated = 0;
        for (const AutoVsHumanPoint &p : trends::automatedVsHuman(m_ws, filter, Bucketing::Month))
            automated += p.automated.n;
        QCOMPARE(automated, countWhere(m_ws, reviewed));
    }

    QTemporaryDir m_dir;
    Workspace m_ws;
    std::vector<CriterionPassMark> m_criteria;
};


QTEST_GUILESS_MAIN(TestAnalyticsRollups)
#include "TestAnalyticsRollups.moc"
