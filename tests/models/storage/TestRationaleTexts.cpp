// Rationales stored once per distinct text (rationale_texts): the migration that converts
// the scores of older workspaces, and the writers (batch and one at a time) sharing the
// texts without changing what a loaded evaluation says.
#include "storage/EvaluationBatchWriter.h"
#include "storage/EvaluationStore.h"
#include "storage/InteractionStore.h"
#include "storage/Schema.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include "OldWorkspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QVariant>

using namespace qaw;

namespace {

bool scoresHaveRationaleColumn(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('criterion_scores') "
                               "WHERE name = 'rationale'")))
        return false;
    return q.next() && q.value(0).toInt() == 1;
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

CriterionResult result(const QString &id, double value, const QString &rationale)
{
    CriterionResult r;
    r.criterionId = id;
    r.value = value;
    r.rationale = rationale;
    return r;
}

} // namespace

class TestRationaleTexts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    //! The newest schema version whose scores still hold their rationale text, found by
    //! migrating step by step (migrations from other branches may be numbered around it).
    int lastVersionWithRationaleColumn()
    {
        return testing::lastVersionWhere(m_dir.filePath(QStringLiteral("probe.qaw")),
                                         [](QSqlDatabase &db) { return scoresHaveRationaleColumn(db); });
    }

    qint64 addInteraction(Workspace &ws, const QString &externalId)
    {
        Interaction in;
        in.source = QStringLiteral("t");
        in.externalId = externalId;
        in.channel = QStringLiteral("chat");
        in.startedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc());
        in.agentId = QStringLiteral("a1");
        in.turns = {{Speaker::Agent, QStringLiteral("Hello"), -1, -1, -1}};
        if (InteractionStore(ws).write(in, -1) != InteractionStore::Outcome::Inserted)
            return -1;
        QSqlQuery q(ws.database());
        q.prepare(QStringLiteral("SELECT id FROM interactions WHERE external_id = ?"));
        q.addBindValue(externalId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void migrationKeepsEveryText()
    {
        const int oldVersion = lastVersionWithRationaleColumn();
        QVERIFY(oldVersion > 0);
        QVERIFY(oldVersion < schema::kCurrentVersion);
        const QString file = m_dir.filePath(QStringLiteral("old.qaw"));
        const QString error = testing::writeOldWorkspace(file, oldVersion, {
            // The same text three times, a non-ASCII one, an empty one.
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale, comment, evidence) VALUES(1, 'greeting', 0, 1, 1, 0, 'said hello', '', "
            "'0:0-5')",
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale, comment, evidence) VALUES(1, 'empathy', 1, 0, 1, 0, "
            "'Nothing caf\u00e9-like was said', 'x', '')",
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale, comment, evidence) VALUES(1, 'hold_etiquette', 2, NULL, 1, 1, "
            "'said hello', '', '')",
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale, comment, evidence) VALUES(2, 'greeting', 0, 0, 1, 0, 'said hello', "
            "'too late', '')",
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale, comment, evidence) VALUES(2, 'empathy', 1, 1, 1, 0, '', '', '')",
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));

        Workspace ws;
        QVERIFY2(ws.open(file, Workspace::OpenMode::CreateIfMissing), qPrintable(ws.errorMessage()));
        QCOMPARE(ws.schemaVersion(), schema::kCurrentVersion);
        QSqlDatabase db = ws.database();
        QVERIFY(!scoresHaveRationaleColumn(db));
        // The automated evaluation's three scores are packed, the human one's two are rows.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM automated_scores")), qint64(3));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM criterion_scores")), qint64(2));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM rationale_texts")), qint64(3));
        const auto automated = EvaluationStore(ws).load(1);
        QVERIFY(automated.has_value());
        QCOMPARE(automated->criteria.size(), size_t(3));
        QCOMPARE(automated->criteria[0].rationale, QStringLiteral("said hello"));
        QCOMPARE(automated->criteria[0].evidence, (std::vector<EvidenceSpan>{{0, 0, 5, -1}}));
        QCOMPARE(automated->criteria[1].rationale,
                 QStringLiteral("Nothing caf\u00e9-like was said"));
        QCOMPARE(automated->criteria[1].comment, QStringLiteral("x"));
        QCOMPARE(automated->criteria[2].rationale, QStringLiteral("said hello"));
        QVERIFY(automated->criteria[2].na);
        const auto human = EvaluationStore(ws).load(2);
        QVERIFY(human.has_value());
        QCOMPARE(human->criteria.size(), size_t(2));
        QCOMPARE(human->criteria[0].rationale, QStringLiteral("said hello"));
        QCOMPARE(human->criteria[0].comment, QStringLiteral("too late"));
        QCOMPARE(human->criteria[1].rationale, QStringLiteral(""));
        // Deleting an evaluation still takes its scores with it; the texts stay.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM evaluations WHERE id = 2")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM criterion_scores")), qint64(0));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM rationale_texts")), qint64(3));
    }

    void writersShareEachTextOnce()
    {
        Workspace ws;
        QVERIFY(ws.open(m_dir.filePath(QStringLiteral("writers.qaw")),
                        Workspace::OpenMode::CreateIfMissing));
        const auto card = ScorecardRepository(ws).active();
        QVERIFY(card.has_value());
        const qint64 first = addInteraction(ws, QStringLiteral("c1"));
        const qint64 second = addInteraction(ws, QStringLiteral("c2"));
        QVERIFY(first > 0 && second > 0);
        const QString greeted = QStringLiteral("Greeted: \u201chello\u201d");
        const QString silent = QStringLiteral("No greeting in the first 2 agent turns.");

        std::vector<Evaluation> batch(3);
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i].interactionId = i == 1 ? second : first;
            batch[i].scorecardVersionId = card->versionId;
            batch[i].total = 50.0 * double(i);
            batch[i].criteria = {result(QStringLiteral("greeting"), i == 1 ? 0 : 1,
                                        i == 1 ? silent : greeted),
                                 result(QStringLiteral("closing"), 1, greeted)};
        }
        QSqlDatabase db = ws.database();
        {
            EvaluationBatchWriter writer(ws);
            QVERIFY(beginWriteTransaction(db));
            QVERIFY2(writer.write(batch, 1000), qPrintable(writer.lastError()));
            QVERIFY(db.commit());
            // A second batch through the same writer reuses what it has seen.
            QVERIFY(beginWriteTransaction(db));
            QVERIFY2(writer.write({batch[0]}, 2000), qPrintable(writer.lastError()));
            QVERIFY(db.commit());
        }
        // The one-at-a-time store finds the texts the batch writer added.
        Evaluation single = batch[1];
        single.criteria.push_back(result(QStringLiteral("empathy"), 1, QString()));
        EvaluationStore store(ws);
        const qint64 singleId = store.save(single);
        QVERIFY2(singleId > 0, qPrintable(store.lastError()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM rationale_texts")), qint64(3));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM evaluations")), qint64(5));

        // Loaded back, each evaluation says what was written, and the summary of an
        // interaction points at its newest automated evaluation.
        const auto all = store.forInteraction(first);
        QCOMPARE(all.size(), size_t(3));
        for (const Evaluation &e : all) {
            QCOMPARE(e.criteria.size(), size_t(2));
            QCOMPARE(e.criteria[0].rationale, greeted);
            QCOMPARE(e.criteria[1].rationale, greeted);
        }
        const auto current = store.currentAutomated(second);
        QVERIFY(current.has_value());
        QCOMPARE(current->id, singleId);
        QCOMPARE(current->criteria.size(), size_t(3));
        QCOMPARE(current->criteria[0].rationale, silent);
        QCOMPARE(current->criteria[2].rationale, QStringLiteral(""));
        QCOMPARE(scalar(db, QStringLiteral("SELECT auto_evaluation_id FROM interactions WHERE "
                                           "id = %1").arg(first)),
                 scalar(db, QStringLiteral("SELECT max(id) FROM evaluations WHERE "
                                           "interaction_id = %1").arg(first)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT auto_total FROM interactions WHERE id = %1")
                                .arg(first)),
                 qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRationaleTexts)
#include "TestRationaleTexts.moc"
