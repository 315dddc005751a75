#include "CoachingFixture.h"

#include "coaching/CalibratedCriteria.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"

#include <QtTest>

#include <cmath>
#include <memory>
#include <set>

using namespace qaw;
using qaw::test::CoachingFixture;
using qaw::test::obj;

class TestFlagger : public QObject
{
    Q_OBJECT

private:
    //! The interactions that have an item of \a ruleId.
    static std::set<qint64> flagged(CoachingFixture *f, qint64 ruleId)
    {
        std::set<qint64> out;
        QSqlQuery q(f->ws.database());
        q.prepare(QStringLiteral("SELECT interaction_id FROM coaching_items WHERE rule_id = ?"));
        q.addBindValue(ruleId);
        q.exec();
        while (q.next())
            out.insert(q.value(0).toLongLong());
        return out;
    }

    static qint64 addRule(CoachingFixture *f, FlagRuleKind kind, const QJsonObject &params,
                          bool calibratedOnly = false, int severity = 2)
    {
        FlagRule r;
        r.name = FlagRule::kindName(kind);
        r.kind = kind;
        r.params = params;
        r.calibratedOnly = calibratedOnly;
        r.severity = severity;
        QString error;
        return FlagRuleStore(f->ws).save(r, QStringLiteral("test"), &error);
    }

    static FlagRule rule(CoachingFixture *f, qint64 id) { return *FlagRuleStore(f->ws).find(id); }

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 teamId = -1, anna = -1, ben = -1, cara = -1;
    const QDate day{2026, 3, 2};

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        teamId = f->team(QStringLiteral("Billing"));
        anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), teamId);
        ben = f->agent(QStringLiteral("a2"), QStringLiteral("Ben"), teamId);
        cara = f->agent(QStringLiteral("a3"), QStringLiteral("Cara"), teamId);
    }

    void fixtureTotalsAreTheHandArithmetic()
    {
        // Weights add up to 100: failing resolution (20), empathy, ownership (10 each),
        // greeting and closing (5 each) leaves 50; failing closing alone leaves 95.
        const qint64 a = f->interaction(anna, teamId, f->at(day));
        QCOMPARE(*f->score(a, {{"resolution", 0},
                               {"empathy", 0},
                               {"ownership", 0},
                               {"greeting", 0},
                               {"closing", 0}})
                      .total,
                 50.0);
        const qint64 b = f->interaction(anna, teamId, f->at(day));
        QCOMPARE(*f->score(b, {{"closing", 0}}).total, 95.0);
    }

    void totalBelowThreshold()
    {
        const qint64 low = f->interaction(anna, teamId, f->at(day));
        f->score(
            low,
            {{"resolution", 0}, {"empathy", 0}, {"ownership", 0}, {"greeting", 0}, {"closing", 0}});
        const qint64 high = f->interaction(anna, teamId, f->at(day));
        f->score(high, {{"closing", 0}});
        const qint64 unscored = f->interaction(anna, teamId, f->at(day));
        Q_UNUSED(unscored);
        const qint64 id = addRule(f, FlagRuleKind::TotalBelow, obj({{"threshold", 60}}));
        const FlagRunResult r = Flagger(f->ws).runRule(rule(f, id));
        QVERIFY(r.ok);
        QCOMPARE(r.itemsCreated, 1);
        QCOMPARE(flagged(f, id), std::set<qint64>{low});
        QCOMPARE(f->scalar(QStringLiteral("SELECT flagged FROM interactions WHERE id = ?"), {low}),
                 1);
        QCOMPARE(f->scalar(QStringLiteral("SELECT flagged FROM interactions WHERE id = ?"), {high}),
                 0);
    }

    void anyAutoFail()
    {
        const qint64 failed = f->interaction(anna, teamId, f->at(day));
        QVERIFY(f->score(failed, {{"verification", 0}}).autoFailed);
        const qint64 clean = f->interaction(anna, teamId, f->at(day));
        f->score(clean, {{"empathy", 0}});
        const qint64 id = addRule(f, FlagRuleKind::AnyAutoFail, {});
        Flagger(f->ws).runRule(rule(f, id));
        QCOMPARE(flagged(f, id), std::set<qint64>{failed});
        const QString reason = QString::number(f->scalar(QStringLiteral(
            "SELECT count(*) FROM coaching_items WHERE reason LIKE '%Identity verification%'")));
        QCOMPARE(reason, QStringLiteral("1"));
    }

    void criterionFailed_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("expectFlag");
        QTest::newRow("no") << 0.0 << true;
        QTest::newRow("yes") << 1.0 << false;
        QTest::newRow("n/a") << double(NAN) << false;
    }

    void criterionFailed()
    {
        QFETCH(double, value);
        QFETCH(bool, expectFlag);
        const qint64 i = f->interaction(anna, teamId, f->at(day));
        f->score(i, {{"empathy", value}});
        const qint64 id = addRule(f, FlagRuleKind::CriterionFailed,
                                  obj({{"criterion", QStringLiteral("empathy")}}));
        Flagger(f->ws).runRule(rule(f, id));
        QCOMPARE(flagged(f, id).count(i) == 1, expectFlag);
    }

    void negativeSentiment_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("expectFlag");
        QTest::newRow("1 of 5") << 1.0 << true;
        QTest::newRow("2 of 5") << 2.0 << true;
        QTest::newRow("3 of 5") << 3.0 << false;
        QTest::newRow("5 of 5") << 5.0 << false;
    }

    void negativeSentiment()
    {
        QFETCH(double, value);
        QFETCH(bool, expectFlag);
        const qint64 i = f->interaction(anna, teamId, f->at(day));
        f->score(i, {{"customer_sentiment", value}});
        const qint64 id = addRule(f, FlagRuleKind::NegativeSentiment,
                                  FlagRule::defaultParams(FlagRuleKind::NegativeSentiment));
        Flagger(f->ws).runRule(rule(f, id));
        QCOMPARE(flagged(f, id).count(i) == 1, expectFlag);
    }

    void rollingAverage()
    {
        // Anna's last 4 totals: 50, 95, 50, 50 -> mean 61.25 < 70; Ben's all 95.
        qint64 annaWeakest = -1;
        for (int k = 0; k < 4; ++k) {
            const qint64 i = f->interaction(anna, teamId, f->at(day.addDays(k)));
            if (k == 1)
                f->score(i, {{"closing", 0}});
            else
                f->score(i, {{"resolution", 0},
                             {"empathy", 0},
                             {"ownership", 0},
                             {"greeting", 0},
                             {"closing", 0}});
            if (k == 3)
                annaWeakest = i; // ties on the lowest total go to the latest
            const qint64 b = f->interaction(ben, teamId, f->at(day.addDays(k)));
            f->score(b, {{"closing", 0}});
        }
        const qint64 id =
            addRule(f, FlagRuleKind::RollingAverage, obj({{"threshold", 70}, {"last_n", 4}}));
        Flagger flagger(f->ws);
        QCOMPARE(flagger.runRule(rule(f, id)).itemsCreated, 1);
        QCOMPARE(flagged(f, id), std::set<qint64>{annaWeakest});
        QVERIFY(f->scalar(QStringLiteral(
                    "SELECT count(*) FROM coaching_items WHERE reason LIKE '%61.3%'")) == 1);
        // While Anna has an open item for the rule, a new weak interaction adds none.
        const qint64 later = f->interaction(anna, teamId, f->at(day.addDays(9)));
        f->score(later, {{"verification", 0}});
        QCOMPARE(flagger.runRule(rule(f, id)).itemsCreated, 0);
    }

    void belowTeam()
    {
        // Over the last 30 days Anna passes empathy 2 of 10, Ben and Cara 10 of 10.
        for (int k = 0; k < 10; ++k)
            for (qint64 a : {anna, ben, cara}) {
                const qint64 i = f->interaction(a, teamId, f->at(day.addDays(k)));
                f->score(i, {{"empathy", a == anna && k >= 2 ? 0.0 : 1.0}});
            }
        const qint64 id = addRule(f, FlagRuleKind::BelowTeam,
                                  obj({{"criterion", QStringLiteral("empathy")},
                                       {"points", 20},
                                       {"days", 30},
                                       {"min_n", 5}}));
        Flagger(f->ws).runRule(rule(f, id));
        const std::set<qint64> items = flagged(f, id);
        QCOMPARE(items.size(), size_t(1));
        QCOMPARE(f->scalar(QStringLiteral("SELECT agent_id FROM coaching_items WHERE rule_id = ?"),
                           {id}),
                 anna);
        QCOMPARE(f->scalar(QStringLiteral(
                     "SELECT count(*) FROM coaching_items WHERE reason LIKE '%80 points below%'")),
                 1);
    }

    void calibratedOnlyWaitsForCalibration()
    {
        const qint64 i = f->interaction(anna, teamId, f->at(day));
        f->score(i, {{"empathy", 0}});
        const qint64 id = addRule(f, FlagRuleKind::CriterionFailed,
                                  obj({{"criterion", QStringLiteral("empathy")}}), true);
        QVERIFY(!isCriterionCalibrated(f->ws, QStringLiteral("empathy")));
        FlagRunResult r = Flagger(f->ws).runRule(rule(f, id));
        QCOMPARE(r.itemsCreated, 0);
        QCOMPARE(r.skipped.size(), 1);
        QVERIFY(r.skipped.first().contains(QStringLiteral("not calibrated")));
        QVERIFY(f->ws.setSetting(QLatin1String(kCalibratedCriteriaSetting),
                                 QStringLiteral("[\"greeting\",\"empathy\"]")));
        QVERIFY(isCriterionCalibrated(f->ws, QStringLiteral("empathy")));
        r = Flagger(f->ws).runRule(rule(f, id));
        QCOMPARE(r.itemsCreated, 1);
    }

    void noDuplicatesOnRerunAndClosedItemsStayClosed()
    {
        for (int k = 0; k < 3; ++k)
            f->score(f->interaction(anna, teamId, f->at(day)), {{"verification", 0}});
        // The default rules file interaction items only on calibrated criteria.
        QVERIFY(f->ws.setSetting(QLatin1String(kCalibratedCriteriaSetting),
                                 QStringLiteral("[\"verification\"]")));
        Flagger flagger(f->ws);
        const FlagRunResult first = flagger.run();
        QVERIFY(first.ok);
        QVERIFY(first.itemsCreated > 0);
        const qint64 count = f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items"));
        const FlagRunResult second = flagger.run();
        QCOMPARE(second.itemsCreated, 0);
        QCOMPARE(second.hits, first.hits);
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items")), count);
        f->exec(QStringLiteral("UPDATE coaching_items SET status = 'dismissed' WHERE id = "
                               "(SELECT min(id) FROM coaching_items)"),
                {});
        QCOMPARE(flagger.run().itemsCreated, 0);
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items")), count);
    }

    void defaultRulesInstalledOnce()
    {
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM flag_rules")), 0);
        Flagger(f->ws).run();
        const auto rules = FlagRuleStore(f->ws).all();
        QCOMPARE(rules.size(), FlagRule::defaults().size());
        QCOMPARE(rules[0].kind, FlagRuleKind::AgentPattern);
        QCOMPARE(rules[0].params.value(QStringLiteral("weeks")).toDouble(), 4.0);
        Flagger(f->ws).run();
        QCOMPARE(FlagRuleStore(f->ws).all().size(), FlagRule::defaults().size());
    }

    void priorityFromSeverityAndRecency_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<int>("ageDays");
        QTest::addColumn<double>("expected");
        QTest::newRow("today") << 2 << 0 << 3.0;
        QTest::newRow("two weeks") << 3 << 14 << 3.5;
        QTest::newRow("four weeks") << 1 << 28 << 1.25;
    }

    void priorityFromSeverityAndRecency()
    {
        QFETCH(int, severity);
        QFETCH(int, ageDays);
        QFETCH(double, expected);
        const qint64 now = f->at(day).toMSecsSinceEpoch();
        QCOMPARE(Flagger::priority(severity, now - qint64(ageDays) * 86400000, now), expected);
    }

    void ruleValidationAndAudit()
    {
        FlagRule bad;
        bad.kind = FlagRuleKind::CriterionFailed;
        QString error;
        QCOMPARE(FlagRuleStore(f->ws).save(bad, QStringLiteral("test"), &error), -1);
        QVERIFY(error.contains(QStringLiteral("name")));
        QVERIFY(error.contains(QStringLiteral("criterion")));
        const qint64 id = addRule(f, FlagRuleKind::TotalBelow, obj({{"threshold", 55}}));
        QCOMPARE(
            f->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'flag_rule' "
                                     "AND entity_id = ?"),
                      {id}),
            1);
    }
};

QTEST_GUILESS_MAIN(TestFlagger)
#include "TestFlagger.moc"
