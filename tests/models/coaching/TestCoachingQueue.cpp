// The coaching queue as a supervisor works it: one item per interaction with every
// reason, a weekly budget per agent, and agent pattern items kept up to date in place.
#include "CoachingFixture.h"

#include "coaching/CoachingQueueQuery.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;
using qaw::test::obj;

class TestCoachingQueue : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 team = -1, anna = -1, ben = -1, cara = -1;

    qint64 addRule(FlagRuleKind kind, const QJsonObject &params, int severity)
    {
        FlagRule r;
        r.name = FlagRule::kindName(kind) + params.value(QStringLiteral("criterion")).toString();
        r.kind = kind;
        r.params = params;
        r.severity = severity;
        QString error;
        return FlagRuleStore(f->ws).save(r, QStringLiteral("test"), &error);
    }

    FlagRunResult flag(const QDate &now)
    {
        Flagger flagger(f->ws);
        flagger.setNow(f->at(now).toMSecsSinceEpoch());
        return flagger.run(QStringLiteral("test"));
    }

    std::vector<CoachingQueueRow> open(qint64 agent = -1)
    {
        CoachingQueueFilter filter;
        filter.agentId = agent;
        return queryCoachingQueue(f->ws, filter, QDate(2026, 6, 1));
    }

    //! \a n interactions of \a agent, one a day back from \a last, the first \a fails
    //! of them failing \a criterion.
    QStringList calls(qint64 agent, const QDate &last, int n, int fails, const char *criterion)
    {
        QStringList ids;
        for (int k = 0; k < n; ++k) {
            const qint64 id = f->interaction(agent, team, f->at(last.addDays(-(k % 24))));
            f->score(id, k < fails ? std::map<std::string, double>{{criterion, 0.0}}
                                   : std::map<std::string, double>{});
            ids << QStringLiteral("t-%1").arg(id, 4, 10, QLatin1Char('0'));
        }
        return ids;
    }

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        team = f->team(QStringLiteral("Billing"));
        anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), team);
        ben = f->agent(QStringLiteral("a2"), QStringLiteral("Ben"), team);
        cara = f->agent(QStringLiteral("a3"), QStringLiteral("Cara"), team);
    }

    void oneItemPerInteractionWithEveryReason()
    {
        const qint64 verification = addRule(
            FlagRuleKind::CriterionFailed, obj({{"criterion", QStringLiteral("verification")}}), 4);
        addRule(FlagRuleKind::TotalBelow, obj({{"threshold", 60}}), 2);
        const qint64 i = f->interaction(anna, team, f->at(QDate(2026, 3, 2)));
        f->score(i, {{"verification", 0}, {"empathy", 0}});
        FlagRunResult r = flag(QDate(2026, 3, 3));
        QCOMPARE(r.hits, 2);
        QCOMPARE(r.itemsCreated, 1);
        auto rows = open();
        QCOMPARE(rows.size(), size_t(1));
        QVERIFY(rows[0].reason.contains(QStringLiteral("failed")));
        QVERIFY(rows[0].reason.contains(QStringLiteral("below 60")));
        QCOMPARE(rows[0].ruleId, verification); // the more severe rule names the item
        QCOMPARE(rows[0].criteria, QStringList{QStringLiteral("verification")});
        QVERIFY(!rows[0].isPattern);
        // A rule added later joins the open item instead of filing a second one.
        addRule(FlagRuleKind::CriterionFailed, obj({{"criterion", QStringLiteral("empathy")}}), 3);
        r = flag(QDate(2026, 3, 4));
        QCOMPARE(r.itemsCreated, 0);
        QCOMPARE(r.itemsMerged, 1);
        rows = open();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].criteria,
                 (QStringList{QStringLiteral("verification"), QStringLiteral("empathy")}));
        QCOMPARE(rows[0].reason.count(QStringLiteral("below 60")), 1);
    }

    void weeklyBudgetKeepsTheHighestPriorityAndCountsTheRest()
    {
        QVERIFY(f->ws.setSetting(QLatin1String(kWeeklyBudgetSetting), QStringLiteral("3")));
        addRule(FlagRuleKind::CriterionFailed, obj({{"criterion", QStringLiteral("verification")}}),
                4);
        // Five breaches in the week of 2 March, one in the week of 9 March.
        for (int d = 2; d <= 6; ++d)
            f->score(f->interaction(anna, team, f->at(QDate(2026, 3, d))), {{"verification", 0}});
        f->score(f->interaction(anna, team, f->at(QDate(2026, 3, 9))), {{"verification", 0}});
        FlagRunResult r = flag(QDate(2026, 3, 10));
        QCOMPARE(r.itemsCreated, 4);
        QCOMPARE(r.overBudget, 2);
        const qint64 week1 = f->at(QDate(2026, 3, 2), 0).toMSecsSinceEpoch();
        auto rows = open();
        int inWeek1 = 0;
        for (const CoachingQueueRow &row : rows) {
            if (row.weekStartMs != week1)
                continue;
            ++inWeek1;
            QCOMPARE(row.overBudget, 2);
            // Recency orders items of one severity: the 4th, 5th and 6th are kept.
            QVERIFY(row.started.date() >= QDate(2026, 3, 4));
        }
        QCOMPARE(inWeek1, 3);
        QCOMPARE(f->scalar(QStringLiteral("SELECT interactions FROM coaching_overflow WHERE "
                                          "agent_id = ? AND week = ?"),
                           {anna, week1}),
                 2);
        // A re-run files nothing new and counts the same two.
        r = flag(QDate(2026, 3, 10));
        QCOMPARE(r.itemsCreated, 0);
        QCOMPARE(r.overBudget, 2);
        // Closing an item frees its place for the next in line.
        f->exec(QStringLiteral("UPDATE coaching_items SET status = 'dismissed' WHERE id = ?"),
                {rows[0].id});
        r = flag(QDate(2026, 3, 10));
        QCOMPARE(r.itemsCreated, rows[0].weekStartMs == week1 ? 1 : 0);
    }

    void singleEventsOlderThanTheHorizonAreCountedNotFiled()
    {
        addRule(FlagRuleKind::CriterionFailed, obj({{"criterion", QStringLiteral("verification")}}),
                4);
        // The latest scored call is on 30 March; a four-week horizon starts on 9 March.
        f->score(f->interaction(anna, team, f->at(QDate(2026, 3, 30))), {{"verification", 0}});
        f->score(f->interaction(anna, team, f->at(QDate(2026, 3, 9))), {{"verification", 0}});
        f->score(f->interaction(anna, team, f->at(QDate(2026, 3, 6))), {{"verification", 0}});
        FlagRunResult r = flag(QDate(2026, 3, 31));
        QCOMPARE(r.itemsCreated, 2);
        QCOMPARE(r.beforeHorizon, 1);
        QVERIFY(f->ws.setSetting(QLatin1String(kHorizonWeeksSetting), QStringLiteral("0")));
        r = flag(QDate(2026, 3, 31));
        QCOMPARE(r.itemsCreated, 1);
        QCOMPARE(r.beforeHorizon, 0);
    }

    void patternOpensUpdatesInPlaceAndCloses()
    {
        addRule(FlagRuleKind::AgentPattern, FlagRule::defaultParams(FlagRuleKind::AgentPattern), 3);
        addRule(FlagRuleKind::CriterionFailed, obj({{"criterion", QStringLiteral("verification")}}),
                4);
        const QDate last(2026, 3, 18);
        const QStringList annaCalls = calls(anna, last, 20, 12, "empathy");
        calls(ben, last, 20, 1, "empathy");
        calls(cara, last, 20, 1, "empathy");
        // One of Anna's empathy fails is also a breach: an interaction item of its own.
        const qint64 breach = f->interaction(anna, team, f->at(last));
        f->score(breach, {{"empathy", 0}, {"verification", 0}});
        FlagRunResult r = flag(last);
        QCOMPARE(r.patternsOpened, 1);
        auto rows = open(anna);
        QCOMPARE(rows.size(), size_t(2));
        const CoachingQueueRow pattern = rows[0].isPattern ? rows[0] : rows[1];
        const CoachingQueueRow single = rows[0].isPattern ? rows[1] : rows[0];
        QVERIFY(pattern.isPattern && !single.isPattern);
        QVERIFY(pattern.priority > single.priority); // patterns lead the queue
        QCOMPARE(pattern.criteria, QStringList{QStringLiteral("empathy")});
        QCOMPARE(pattern.pattern.value(QStringLiteral("n")).toInt(), 21);
        QCOMPARE(pattern.pattern.value(QStringLiteral("fails")).toInt(), 13);
        QCOMPARE(pattern.pattern.value(QStringLiteral("team_n")).toInt(), 40);
        const QStringList examples = pattern.interactions();
        QCOMPARE(examples.size(), 5);
        QVERIFY(!examples.contains(single.interaction)); // no interaction in two items
        for (const QString &e : examples)
            QVERIFY(annaCalls.contains(e));
        QVERIFY(open(ben).empty());

        // More of the same: the item is updated in place, not filed again.
        calls(anna, last, 10, 10, "empathy");
        r = flag(last);
        QCOMPARE(r.patternsOpened, 0);
        QCOMPARE(r.patternsUpdated, 1);
        rows = open(anna);
        QCOMPARE(rows.size(), size_t(2));
        const auto updated = std::find_if(rows.begin(), rows.end(),
                                          [](const CoachingQueueRow &x) { return x.isPattern; });
        QCOMPARE(updated->id, pattern.id);
        QCOMPARE(updated->pattern.value(QStringLiteral("n")).toInt(), 31);

        // Eight weeks on Anna is as good as the team: the item closes with a note.
        const QDate later(2026, 5, 13);
        calls(anna, later, 20, 0, "empathy");
        calls(ben, later, 20, 1, "empathy");
        calls(cara, later, 20, 1, "empathy");
        r = flag(later);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.patternsClosed, 1);
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items WHERE id = ? "
                                          "AND status = 'verified' AND notes LIKE '%gap closed%'"),
                           {pattern.id}),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCoachingQueue)
#include "TestCoachingQueue.moc"
