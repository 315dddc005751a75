// The statistics behind agent pattern items: weeks, the window, Wilson intervals,
// Benjamini-Hochberg, and which agents a set of verdicts flags.
#include "coaching/AgentPatterns.h"
#include "coaching/CoachingBudget.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

#include <random>

using namespace qaw;

namespace {

qint64 ms(const QDate &day, int hour = 12)
{
    return QDateTime(day, QTime(hour, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

//! \a fails fails out of \a n verdicts of one agent, spread over the four weeks
//! before 2026-03-18.
void add(std::vector<PatternVerdict> &out, qint64 agent, qint64 team, int n, int fails,
         const QDate &last = QDate(2026, 3, 18))
{
    for (int k = 0; k < n; ++k)
        out.push_back({agent * 10000 + k, agent, team, ms(last.addDays(-(k % 24))), k < fails});
}

} // namespace

class TestAgentPatterns : public QObject
{
    Q_OBJECT

private slots:
    void weeksStartOnMondayUtc()
    {
        // 2026-03-16 is a Monday; 1970-01-01 was a Thursday.
        QCOMPARE(weekStartMs(ms(QDate(2026, 3, 18))), ms(QDate(2026, 3, 16), 0));
        QCOMPARE(weekStartMs(ms(QDate(2026, 3, 16), 0)), ms(QDate(2026, 3, 16), 0));
        QCOMPARE(weekStartMs(ms(QDate(2026, 3, 22), 23)), ms(QDate(2026, 3, 16), 0));
        QCOMPARE(weekStartMs(0), ms(QDate(1969, 12, 29), 0));
    }

    void windowEndsWithTheLatestWeek()
    {
        const PatternWindow w = patternWindow(ms(QDate(2026, 3, 18)), 4);
        QCOMPARE(w.startMs, ms(QDate(2026, 2, 23), 0));
        QCOMPARE(w.previousStartMs, ms(QDate(2026, 1, 26), 0));
        QCOMPARE(w.endMs, ms(QDate(2026, 3, 18)));
    }

    void wilsonIntervalMatchesTheTextbook()
    {
        // 5 of 10 at 95%: 0.2366 to 0.7634.
        const auto i = *wilsonInterval(5, 10);
        QVERIFY(std::abs(i.low - 0.2366) < 1e-4);
        QVERIFY(std::abs(i.high - 0.7634) < 1e-4);
        QVERIFY(!wilsonInterval(0, 0));
        QCOMPARE(wilsonInterval(0, 20)->low, 0.0);
    }

    void benjaminiHochbergByHand()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04: p * 4 / rank = 0.02, 0.02, 0.04, 0.04.
        const std::vector<double> q = benjaminiHochberg({0.01, 0.04, 0.03, 0.005});
        const std::vector<double> expected{0.02, 0.04, 0.04, 0.02};
        for (size_t i = 0; i < q.size(); ++i)
            QVERIFY2(std::abs(q[i] - expected[i]) < 1e-12, qPrintable(QString::number(q[i])));
        // The running minimum from the top: 0.02 * 3 / 2 = 0.03 also for rank 1.
        const std::vector<double> q2 = benjaminiHochberg({0.02, 0.02, 0.5});
        QVERIFY(std::abs(q2[0] - 0.03) < 1e-12 && std::abs(q2[2] - 0.5) < 1e-12);
    }

    void weakAgentFlaggedAgainstTheRestOfTheTeam()
    {
        std::vector<PatternVerdict> v;
        add(v, 1, 7, 100, 40); // weak
        add(v, 2, 7, 100, 5);
        add(v, 3, 7, 100, 5);
        add(v, 4, 7, 100, 5);
        add(v, 5, 7, 100, 0); // strong
        add(v, 1, 7, 50, 10, QDate(2026, 2, 20)); // the four weeks before: 20%
        add(v, 1, 7, 500, 500, QDate(2025, 12, 1)); // long before: not read
        const PatternSettings settings;
        const PatternWindow window = patternWindow(ms(QDate(2026, 3, 18)), settings.weeks);
        auto patterns = analysePatterns(QStringLiteral("empathy"), v, window, settings);
        flagPatterns(patterns, settings);
        QCOMPARE(patterns.size(), size_t(5));
        const AgentPattern &weak = patterns[0];
        QCOMPARE(weak.agentId, 1);
        QCOMPARE(weak.n, 100);
        QCOMPARE(weak.fails, 40);
        // The rest of the team: agents 2-5, 400 verdicts, 15 fails.
        QCOMPARE(weak.teamN, 400);
        QCOMPARE(weak.teamFails, 15);
        QVERIFY(weak.flagged);
        QVERIFY(weak.gapInterval.low > 0.2);
        QVERIFY(weak.rateInterval.contains(0.4));
        QCOMPARE(weak.previousRate.value_or(-1), 0.2);
        QCOMPARE(weak.weekly.size(), size_t(4));
        qint64 weeklyN = 0;
        for (const WeeklyRate &w : weak.weekly)
            weeklyN += w.n;
        QCOMPARE(weeklyN, 100);
        QCOMPARE(weak.failedInteractions.size(), size_t(40));
        for (size_t i = 1; i < patterns.size(); ++i)
            QVERIFY2(!patterns[i].flagged, qPrintable(QString::number(patterns[i].agentId)));
    }

    void gapBelowTheThresholdOrTooFewVerdictsIsNoPattern()
    {
        std::vector<PatternVerdict> v;
        add(v, 1, 7, 400, 60); // 15% against 6%: significant, but 9 points
        add(v, 2, 7, 400, 24);
        add(v, 3, 7, 400, 24);
        add(v, 4, 7, 5, 5); // every call failed, but only five of them
        PatternSettings settings;
        const PatternWindow window = patternWindow(ms(QDate(2026, 3, 18)), settings.weeks);
        auto patterns = analysePatterns(QStringLiteral("greeting"), v, window, settings);
        flagPatterns(patterns, settings);
        QCOMPARE(patterns.size(), size_t(3)); // agent 4 has fewer than min_n verdicts
        QVERIFY(patterns[0].qValue < 0.05);
        QVERIFY(!patterns[0].flagged);
        settings.minGapPoints = 5;
        flagPatterns(patterns, settings);
        QVERIFY(patterns[0].flagged);
    }

    void equalAgentsAreNotFlaggedByChance()
    {
        // 40 agents with the same true fail rate (10%), 200 verdicts each, and no gap
        // threshold: only the false discovery control stands between chance and a flag.
        // Without it about two of them would have p < 0.05.
        std::mt19937 random(20261208);
        std::bernoulli_distribution fails(0.10);
        std::vector<PatternVerdict> v;
        for (qint64 agent = 1; agent <= 40; ++agent)
            for (int k = 0; k < 200; ++k)
                v.push_back({agent * 1000 + k, agent, agent % 4, ms(QDate(2026, 3, 1 + k % 17)),
                             fails(random)});
        PatternSettings settings;
        settings.minGapPoints = 0;
        auto patterns = analysePatterns(QStringLiteral("closing"), v,
                                        patternWindow(ms(QDate(2026, 3, 18)), 4), settings);
        int raw = 0;
        for (const AgentPattern &p : patterns)
            raw += p.pValue < 0.05 ? 1 : 0;
        flagPatterns(patterns, settings);
        int flagged = 0;
        for (const AgentPattern &p : patterns)
            flagged += p.flagged ? 1 : 0;
        QVERIFY2(raw >= 1, "the seed should give at least one chance finding to control");
        QCOMPARE(flagged, 0);
    }

    void budgetTakesTheHighestPriorityPerAgentWeek()
    {
        const qint64 w1 = ms(QDate(2026, 3, 2), 0), w2 = ms(QDate(2026, 3, 9), 0);
        const std::vector<BudgetCandidate> c{
            {1, w1, 2.1}, {1, w1, 4.5}, {1, w1, 2.9}, {1, w1, 3.0}, {1, w2, 2.0}, {2, w1, 1.0}};
        // Agent 1 already has one open item in week 1: two places left there.
        const BudgetDecision d = applyWeeklyBudget(c, {{{1, w1}, 1}}, 3);
        QCOMPARE(d.accepted, (std::vector<size_t>{1, 3, 4, 5}));
        QCOMPARE(d.overBudget.size(), size_t(1));
        QCOMPARE(d.overBudget.at({1, w1}), 2);
    }
};

QTEST_GUILESS_MAIN(TestAgentPatterns)
#include "TestAgentPatterns.moc"
