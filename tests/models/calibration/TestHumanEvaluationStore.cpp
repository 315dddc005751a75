#include "CalibrationFixture.h"

#include "calibration/HumanEvaluationStore.h"

#include <QTest>

using namespace qaw;
using namespace qaw::testing;

class TestHumanEvaluationStore : public QObject
{
    Q_OBJECT
private slots:
    void saveThenChangeIsAudited();
    void rejectsValuesOffTheScale();
};

struct AuditRow
{
    QString user, field, oldValue, newValue;
};

static std::vector<AuditRow> auditOf(Workspace &ws, qint64 evaluation)
{
    std::vector<AuditRow> out;
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT user, field, old_value, new_value FROM audit_log WHERE "
                             "entity = 'evaluation' AND entity_id = ? ORDER BY id"));
    q.addBindValue(evaluation);
    q.exec();
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString()});
    return out;
}

void TestHumanEvaluationStore::saveThenChangeIsAudited()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(1));
    HumanEvaluationStore store(f.ws);
    Evaluation e = f.evaluation(f.ids[0], {{QStringLiteral("greeting"), 1.0},
                                           {QStringLiteral("professional_tone"), 4.0}});
    e.evaluator = QStringLiteral("alice");
    QString error;
    const qint64 id = store.save(e, f.card.scorecard, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QCOMPARE(auditOf(f.ws, id).size(), size_t(1)); // "created"

    QSqlQuery has(f.ws.database());
    has.exec(QStringLiteral("SELECT has_human FROM interactions"));
    QVERIFY(has.next());
    QCOMPARE(has.value(0).toInt(), 1);

    // Change: greeting to no, tone to N/A with a comment.
    e.criteria[0].value = 0.0;
    e.criteria[1].na = true;
    e.criteria[1].value.reset();
    e.criteria[1].comment = QStringLiteral("no speech");
    QCOMPARE(store.save(e, f.card.scorecard, &error), id); // same evaluation, updated
    const auto rows = auditOf(f.ws, id);
    std::map<QString, AuditRow> byField;
    for (const AuditRow &r : rows)
        byField[r.field] = r;
    QCOMPARE(byField[QStringLiteral("greeting.value")].oldValue, QStringLiteral("1"));
    QCOMPARE(byField[QStringLiteral("greeting.value")].newValue, QStringLiteral("0"));
    QCOMPARE(byField[QStringLiteral("professional_tone.value")].oldValue, QStringLiteral("4"));
    QCOMPARE(byField[QStringLiteral("professional_tone.value")].newValue, QStringLiteral("N/A"));
    QCOMPARE(byField[QStringLiteral("professional_tone.comment")].newValue, QStringLiteral("no speech"));
    QVERIFY(byField.count(QStringLiteral("total")) == 1);
    QCOMPARE(byField[QStringLiteral("greeting.value")].user, QStringLiteral("alice"));

    const auto stored = store.find(f.ids[0], QStringLiteral("alice"), -1);
    QVERIFY(stored);
    QCOMPARE(*stored->criterion(QStringLiteral("greeting"))->value, 0.0);
    QVERIFY(stored->criterion(QStringLiteral("professional_tone"))->na);
    QCOMPARE(*stored->total, 0.0); // greeting is the only applicable criterion left, and failed

    // Saving the same again logs nothing new.
    const size_t before = auditOf(f.ws, id).size();
    QCOMPARE(store.save(e, f.card.scorecard, &error), id);
    QCOMPARE(auditOf(f.ws, id).size(), before);
}

void TestHumanEvaluationStore::rejectsValuesOffTheScale()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(1));
    Evaluation e = f.evaluation(f.ids[0], {{QStringLiteral("professional_tone"), 4.0}});
    e.criteria[0].value = 7.0;
    e.evaluator = QStringLiteral("alice");
    QString error;
    QCOMPARE(HumanEvaluationStore(f.ws).save(e, f.card.scorecard, &error), qint64(-1));
    QVERIFY(error.contains(QLatin1String("not on its scale")));
    e.criteria[0].value = 4.0;
    e.evaluator.clear();
    QCOMPARE(HumanEvaluationStore(f.ws).save(e, f.card.scorecard, &error), qint64(-1));
}

QTEST_GUILESS_MAIN(TestHumanEvaluationStore)
#include "TestHumanEvaluationStore.moc"
