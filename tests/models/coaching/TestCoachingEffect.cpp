#include "CoachingFixture.h"

#include "coaching/CoachingSessionStore.h"
#include "coaching/EffectEstimator.h"
#include "coaching/ProportionIntervals.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;

class TestCoachingEffect : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    const QDate session{2026, 5, 1};

    //! One interaction a day for 30 days before the session (the first \a passBefore pass
    //! empathy) and 30 days after it, the session day left out (the first \a passAfter pass).
    void history(qint64 agent, qint64 team, int passBefore, int passAfter)
    {
        for (int k = 0; k < 30; ++k) {
            f->score(f->interaction(agent, team, f->at(session.addDays(-30 + k))),
                     {{"empathy", k < passBefore ? 1.0 : 0.0}});
            f->score(f->interaction(agent, team, f->at(session.addDays(1 + k))),
                     {{"empathy", k < passAfter ? 1.0 : 0.0}});
        }
        // On the session day itself: outside both windows.
        f->score(f->interaction(agent, team, f->at(session)), {{"empathy", 0.0}});
    }

    qint64 record(qint64 agent)
    {
        CoachingSession s;
        s.agentId = agent;
        s.date = session;
        s.focus = QStringList{QStringLiteral("empathy")};
        QString error;
        return CoachingSessionStore(f->ws, QStringLiteral("sam")).record(s, &error);
    }

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
    }

    void normalQuantileIsTheTextbookValue()
    {
        QVERIFY(std::abs(normalQuantile(0.95) - 1.959963985) < 1e-8);
    }

    void improvingAgent()
    {
        const qint64 team = f->team(QStringLiteral("Billing"));
        const qint64 anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), team);
        const qint64 ben = f->agent(QStringLiteral("b1"), QStringLiteral("Ben"), team);
        history(anna, team, 9, 27);
        history(ben, team, 21, 21);
        QVERIFY(record(anna) > 0);
        const auto effects = EffectEstimator(f->ws).estimateAll(anna);
        QCOMPARE(effects.size(), size_t(1));
        QCOMPARE(effects[0].focus.size(), size_t(1));
        const FocusEffect &e = effects[0].focus[0];
        QCOMPARE(e.agentBefore.n, 30);
        QCOMPARE(e.agentAfter.n, 30);
        QCOMPARE(e.agentBefore.passed, 9);
        QCOMPARE(e.agentAfter.passed, 27);
        QCOMPARE(e.teamBefore.n, 30);
        QCOMPARE(e.teamAfter.passed, 21);
        QVERIFY(std::abs(*e.change - 0.6) < 1e-12);
        QVERIFY(std::abs(*e.teamChange) < 1e-12);
        QVERIFY(std::abs(*e.did - 0.6) < 1e-12);
        // Agresti-Caffo by hand: (28/32 - 10/32) +- 1.959964 * sqrt(.3125*.6875/32 + .875*.125/32)
        const double half = 1.959963985 * std::sqrt(0.3125 * 0.6875 / 32 + 0.875 * 0.125 / 32);
        QVERIFY(std::abs(e.changeInterval->low - (0.5625 - half)) < 1e-6);
        QVERIFY(std::abs(e.changeInterval->high - (0.5625 + half)) < 1e-6);
        QVERIFY(e.changeInterval->low > 0);
        QVERIFY(e.didInterval->low > 0);
        QVERIFY(e.didInterval->contains(*e.did));
        // The team's two groups (22/32 each) widen the interval of the difference in differences.
        QVERIFY(e.didInterval->high - e.didInterval->low >
                e.changeInterval->high - e.changeInterval->low);
        const EffectOverview o = EffectEstimator::overview(effects);
        QCOMPARE(o.improved, 1);
        QCOMPARE(o.inconclusive, 0);
    }

    void agentWhoDoesNotImprove()
    {
        const qint64 team = f->team(QStringLiteral("Orders"));
        const qint64 cara = f->agent(QStringLiteral("c1"), QStringLiteral("Cara"), team);
        const qint64 dan = f->agent(QStringLiteral("d1"), QStringLiteral("Dan"), team);
        history(cara, team, 15, 16);
        history(dan, team, 20, 20);
        QVERIFY(record(cara) > 0);
        const auto effects = EffectEstimator(f->ws).estimateAll(cara);
        const FocusEffect &e = effects.at(0).focus.at(0);
        QVERIFY(std::abs(*e.change - 1.0 / 30) < 1e-12);
        QVERIFY(e.changeInterval->contains(0));
        QVERIFY(e.didInterval->contains(0));
        QCOMPARE(EffectEstimator::overview(effects).inconclusive, 1);
    }

    void emptyWindowIsUndefinedNotZero()
    {
        const qint64 team = f->team(QStringLiteral("Orders"));
        const qint64 eve = f->agent(QStringLiteral("e1"), QStringLiteral("Eve"), team);
        f->score(f->interaction(eve, team, f->at(session.addDays(-3))), {{"empathy", 1.0}});
        QVERIFY(record(eve) > 0);
        const auto effects = EffectEstimator(f->ws).estimateAll(eve);
        const FocusEffect &e = effects.at(0).focus.at(0);
        QCOMPARE(e.agentBefore.n, 1);
        QCOMPARE(e.agentAfter.n, 0);
        QVERIFY(!e.change);
        QVERIFY(!e.did);
        const QJsonObject json = EffectEstimator::toJson(effects).at(0).toObject();
        QCOMPARE(json.value(QStringLiteral("agent_id")).toString(), QStringLiteral("e1"));
        QCOMPARE(json.value(QStringLiteral("date")).toString(), QStringLiteral("2026-05-01"));
        const QJsonObject focus = json.value(QStringLiteral("focus")).toArray().at(0).toObject();
        for (const char *key : {"criterion_id", "n_before", "n_after", "before", "after", "change",
                                "ci_low", "ci_high", "did", "did_ci_low", "did_ci_high"})
            QVERIFY2(focus.contains(QLatin1String(key)), key);
        QVERIFY(focus.value(QStringLiteral("change")).isNull());
        QCOMPARE(focus.value(QStringLiteral("n_before")).toInt(), 1);
        QCOMPARE(EffectEstimator::overview(effects).undefined, 1);
    }

    void sessionValidation()
    {
        const qint64 team = f->team(QStringLiteral("Orders"));
        const qint64 eve = f->agent(QStringLiteral("e1"), QStringLiteral("Eve"), team);
        CoachingSession s;
        s.agentId = eve;
        s.date = session;
        s.followUp = session.addDays(-1);
        QString error;
        CoachingSessionStore store(f->ws, QStringLiteral("sam"));
        QCOMPARE(store.record(s, &error), -1);
        QVERIFY(error.contains(QStringLiteral("before the session date")));
        s.followUp = session.addDays(30);
        s.focus = QStringList{QStringLiteral("greeting"), QStringLiteral("empathy")};
        s.notes = QStringLiteral("listened to two calls");
        QVERIFY(store.record(s, &error) > 0);
        const auto sessions = store.sessions(eve);
        QCOMPARE(sessions.size(), size_t(1));
        QCOMPARE(sessions[0].focus, s.focus);
        QCOMPARE(sessions[0].followUp, s.followUp);
        QCOMPARE(f->scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE entity = 'coaching_session'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCoachingEffect)
#include "TestCoachingEffect.moc"
