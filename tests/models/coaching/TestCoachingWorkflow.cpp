#include "CoachingFixture.h"

#include "coaching/CoachingItemStore.h"
#include "coaching/CoachingStatus.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"

#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;
using qaw::test::obj;

Q_DECLARE_METATYPE(qaw::CoachingStatus)

class TestCoachingWorkflow : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 teamId = -1, agentId = -1, ruleId = -1;
    QList<qint64> items; // three items, one per interaction, rule "empathy failed"

    //! The audit rows of an item as "field:old->new".
    QStringList audit(qint64 itemId) const
    {
        QStringList out;
        QSqlQuery q(f->ws.database());
        q.prepare(QStringLiteral("SELECT field, old_value, new_value, user FROM audit_log WHERE "
                                 "entity = 'coaching_item' AND entity_id = ? ORDER BY id"));
        q.addBindValue(itemId);
        q.exec();
        while (q.next())
            out << QStringLiteral("%1:%2->%3@%4")
                       .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString());
        return out;
    }

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        teamId = f->team(QStringLiteral("Billing"));
        agentId = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), teamId);
        FlagRule r;
        r.name = QStringLiteral("Empathy failed");
        r.kind = FlagRuleKind::CriterionFailed;
        r.params = obj({{"criterion", QStringLiteral("empathy")}});
        QString error;
        ruleId = FlagRuleStore(f->ws).save(r, QStringLiteral("lead"), &error);
        QVERIFY2(ruleId > 0, qPrintable(error));
        for (int k = 0; k < 3; ++k)
            f->score(f->interaction(agentId, teamId, f->at(QDate(2026, 3, 2 + k))),
                     {{"empathy", 0}});
        QCOMPARE(Flagger(f->ws).runRule(*FlagRuleStore(f->ws).find(ruleId)).itemsCreated, 3);
        items.clear();
        QSqlQuery q(f->ws.database());
        q.exec(QStringLiteral("SELECT id FROM coaching_items ORDER BY id"));
        while (q.next())
            items << q.value(0).toLongLong();
        QCOMPARE(items.size(), 3);
    }

    void transitions_data()
    {
        QTest::addColumn<CoachingStatus>("from");
        QTest::addColumn<CoachingStatus>("to");
        QTest::addColumn<bool>("allowed");
        using S = CoachingStatus;
        QTest::newRow("new->in review") << S::New << S::InReview << true;
        QTest::newRow("in review->planned") << S::InReview << S::CoachingPlanned << true;
        QTest::newRow("planned->coached") << S::CoachingPlanned << S::Coached << true;
        QTest::newRow("coached->verified") << S::Coached << S::Verified << true;
        QTest::newRow("new->dismissed") << S::New << S::Dismissed << true;
        QTest::newRow("coached->dismissed") << S::Coached << S::Dismissed << true;
        QTest::newRow("new->coached (skips)") << S::New << S::Coached << false;
        QTest::newRow("planned->in review (back)") << S::CoachingPlanned << S::InReview << false;
        QTest::newRow("verified->dismissed (closed)") << S::Verified << S::Dismissed << false;
        QTest::newRow("dismissed->new (closed)") << S::Dismissed << S::New << false;
        QTest::newRow("new->new") << S::New << S::New << false;
    }

    void transitions()
    {
        QFETCH(CoachingStatus, from);
        QFETCH(CoachingStatus, to);
        QFETCH(bool, allowed);
        QCOMPARE(coachingStatus::canMove(from, to), allowed);
        QCOMPARE(coachingStatus::refusal(from, to).isEmpty(), allowed);
    }

    void fullWorkflowIsAudited()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        const qint64 id = items[0];
        for (CoachingStatus s : {CoachingStatus::InReview, CoachingStatus::CoachingPlanned,
                                 CoachingStatus::Coached, CoachingStatus::Verified})
            QVERIFY2(store.setStatus(id, s, &error), qPrintable(error));
        QCOMPARE(store.find(id)->status, CoachingStatus::Verified);
        QCOMPARE(audit(id), (QStringList{QStringLiteral("status:new->in_review@sam"),
                                         QStringLiteral("status:in_review->coaching_planned@sam"),
                                         QStringLiteral("status:coaching_planned->coached@sam"),
                                         QStringLiteral("status:coached->verified@sam")}));
        QVERIFY(f->scalar(
                    QStringLiteral("SELECT at FROM audit_log WHERE entity = 'coaching_item'")) > 0);
    }

    void invalidTransitionRefusedWithMessage()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        QVERIFY(!store.setStatus(items[0], CoachingStatus::Coached, &error));
        QVERIFY2(error.contains(
                     QStringLiteral("can move only to In review or Dismissed, not to Coached")),
                 qPrintable(error));
        QVERIFY(!store.setStatus(items[0], CoachingStatus::Dismissed, &error));
        QVERIFY(error.contains(QStringLiteral("needs a reason")));
        QVERIFY(!store.setStatus(9999, CoachingStatus::InReview, &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
        QCOMPARE(store.find(items[0])->status, CoachingStatus::New);
        QVERIFY(audit(items[0]).isEmpty());
    }

    void dismissClearsFlagAndClosesTheItem()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        const qint64 interaction = store.find(items[1])->interactionId;
        QCOMPARE(f->scalar(QStringLiteral("SELECT flagged FROM interactions WHERE id = ?"),
                           {interaction}),
                 1);
        QVERIFY(!store.dismiss(items[1], QStringLiteral("  "), &error));
        QVERIFY(
            store.dismiss(items[1], QStringLiteral("duplicate of a call already coached"), &error));
        QCOMPARE(store.find(items[1])->status, CoachingStatus::Dismissed);
        QCOMPARE(store.find(items[1])->dismissedReason,
                 QStringLiteral("duplicate of a call already coached"));
        QCOMPARE(f->scalar(QStringLiteral("SELECT flagged FROM interactions WHERE id = ?"),
                           {interaction}),
                 0);
        QVERIFY(!store.setStatus(items[1], CoachingStatus::InReview, &error));
        QVERIFY(error.contains(QStringLiteral("closed")));
    }

    void falseFlagIsRecordedAsDisagreement()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        const CoachingItem before = *store.find(items[2]);
        QVERIFY(store.dismissFalseFlag(items[2], QStringLiteral("she did apologise"), &error));
        QCOMPARE(store.find(items[2])->dismissedReason,
                 QStringLiteral("false flag: she did apologise"));
        QSqlQuery q(f->ws.database());
        q.exec(QStringLiteral("SELECT entity_id, field, old_value, new_value, user FROM audit_log "
                              "WHERE entity = 'flag_disagreement'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), before.interactionId);
        QCOMPARE(q.value(1).toString(), QStringLiteral("empathy"));
        QCOMPARE(q.value(2).toString(), before.reason);
        QCOMPARE(q.value(3).toString(), QStringLiteral("false flag: she did apologise"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("sam"));
    }

    void ownerNotesDueDateAudited()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        QVERIFY(store.setOwner(items[0], QStringLiteral("Priya"), &error));
        QVERIFY(store.setNotes(items[0], QStringLiteral("listen together"), &error));
        QVERIFY(store.setDueDate(items[0], QDate(2026, 4, 1), &error));
        const CoachingItem item = *store.find(items[0]);
        QCOMPARE(item.owner, QStringLiteral("Priya"));
        QCOMPARE(item.notes, QStringLiteral("listen together"));
        QCOMPARE(item.dueDate, QDate(2026, 4, 1));
        QCOMPARE(audit(items[0]), (QStringList{QStringLiteral("owner:->Priya@sam"),
                                               QStringLiteral("notes:->listen together@sam"),
                                               QStringLiteral("due_date:->2026-04-01@sam")}));
    }

    void bulkActionsApplyValidAndReportRefused()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        QVERIFY(store.setStatus(items[0], CoachingStatus::InReview, &error));
        const BulkResult r = store.bulkSetStatus(items, CoachingStatus::InReview);
        QCOMPARE(r.changed, (QList<qint64>{items[1], items[2]}));
        QCOMPARE(r.refused.size(), 1);
        QVERIFY(r.refused.first().contains(QStringLiteral("already In review")));
        const BulkResult owners = store.bulkSetOwner(items, QStringLiteral("Priya"));
        QCOMPARE(owners.changed.size(), 3);
        QCOMPARE(
            f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items WHERE owner = 'Priya'")),
            3);
        const BulkResult dismissed =
            store.bulkDismiss(items, QStringLiteral("team meeting covers it"));
        QCOMPARE(dismissed.changed.size(), 3);
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM interactions WHERE flagged = 1")),
                 0);
    }

    void correctScoreSavesHumanEvaluation()
    {
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        CriterionResult fix;
        fix.criterionId = QStringLiteral("empathy");
        fix.value = 1;
        fix.comment = QStringLiteral("apology in turn 3");
        const qint64 evaluationId = store.correctScore(items[0], {fix}, &error);
        QVERIFY2(evaluationId > 0, qPrintable(error));
        const auto human = EvaluationStore(f->ws).load(evaluationId);
        QVERIFY(human);
        QCOMPARE(human->kind, EvaluatorKind::Human);
        QCOMPARE(human->evaluator, QStringLiteral("sam"));
        QCOMPARE(*human->criterion(QStringLiteral("empathy"))->value, 1.0);
        // Only empathy (weight 10 of 100) failed; corrected, every criterion passes.
        QCOMPARE(*human->total, 100.0);
        const qint64 interaction = store.find(items[0])->interactionId;
        QCOMPARE(f->scalar(QStringLiteral("SELECT has_human FROM interactions WHERE id = ?"),
                           {interaction}),
                 1);
        QVERIFY(audit(items[0]).first().startsWith(QStringLiteral("score_corrected:90.0->100.0")));
        CriterionResult bad;
        bad.criterionId = QStringLiteral("professional_tone");
        bad.value = 7;
        QCOMPARE(store.correctScore(items[0], {bad}, &error), -1);
        QVERIFY(error.contains(QStringLiteral("from 1 to 5")));
    }
};

QTEST_GUILESS_MAIN(TestCoachingWorkflow)
#include "TestCoachingWorkflow.moc"
