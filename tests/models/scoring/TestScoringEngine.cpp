#include "demo/DemoWorkspace.h"
#include "scoring/ScorecardScorer.h"
#include "scoring/ScoringEngine.h"
#include "storage/EvaluationStore.h"
#include "storage/InteractionBatchReader.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

namespace {

qint64 scalar(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Everything an evaluation says, without its id and creation time.
QString fingerprint(const Evaluation &e)
{
    QString out = QStringLiteral("%1|%2|%3|%4|%5\n")
                      .arg(e.interactionId)
                      .arg(e.total ? QString::number(*e.total, 'g', 17) : QStringLiteral("-"))
                      .arg(e.passed)
                      .arg(e.autoFailed)
                      .arg(e.scorecardVersionId);
    for (const CriterionResult &r : e.criteria) {
        out += QStringLiteral("%1=%2/%3 na=%4 %5").arg(r.criterionId)
                   .arg(r.value ? QString::number(*r.value) : QStringLiteral("-"))
                   .arg(r.max)
                   .arg(r.na)
                   .arg(r.rationale);
        for (const EvidenceSpan &s : r.evidence)
            out += QStringLiteral(" [%1:%2-%3@%4]").arg(s.turn).arg(s.charStart).arg(s.charEnd).arg(
                s.timeMs);
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace

//! The engine over a real (demo) workspace: every interaction scored, history kept
//! across re-scoring and scorecard versions, only new or changed interactions scored by
//! default, cancellation leaving whole chunks, and results independent of thread count.
class TestScoringEngine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Workspace m_ws;
    static constexpr int kCount = 300;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("engine.qaw")),
                          Workspace::OpenMode::CreateIfMissing));
        DemoOptions options;
        options.interactions = kCount;
        QString error;
        QVERIFY2(buildDemoWorkspace(m_ws, options, &error), qPrintable(error));
    }

    void demoIsScored()
    {
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                             "evaluator_kind = 'auto'")),
                 qint64(kCount));
        // 200 reviewed interactions: the first 30 by all three reviewers, the rest by one.
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                             "evaluator_kind = 'human'")),
                 qint64(30 * 3 + 170));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(DISTINCT evaluator) FROM evaluations "
                                             "WHERE evaluator_kind = 'human'")),
                 qint64(3));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM interactions WHERE "
                                             "has_human = 1")),
                 qint64(200));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM interactions WHERE "
                                             "needs_scoring = 1 OR auto_evaluation_id IS NULL")),
                 qint64(0));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(DISTINCT criterion_id) FROM "
                                             "automated_scores")),
                 qint64(13));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(DISTINCT criterion_id) FROM "
                                             "criterion_scores")),
                 qint64(13)); // the human reviews' rows
        const auto e = EvaluationStore(m_ws).currentAutomated(1);
        QVERIFY(e.has_value());
        QCOMPARE(e->criteria.size(), size_t(13));
    }

    void batchReaderMatchesSingleReads()
    {
        InteractionBatchReader reader(m_ws);
        // Scattered ids are read in separate runs; the result must not depend on it.
        const std::vector<qint64> ids{1, 2, 150, 299};
        const auto loaded = reader.load(ids);
        QCOMPARE(loaded.size(), ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            const auto single = queries::interaction(m_ws, ids[i]);
            QVERIFY(single.has_value());
            QCOMPARE(loaded[i].id, ids[i]);
            QCOMPARE(loaded[i].interaction.externalId, single->interaction.externalId);
            QCOMPARE(loaded[i].interaction.turns.size(), single->interaction.turns.size());
            QCOMPARE(loaded[i].interaction.turns.back().text, single->interaction.turns.back().text);
            QCOMPARE(loaded[i].repeatContact, single->repeatContact);
            QCOMPARE(loaded[i].interaction.attributes, single->interaction.attributes);
        }
    }

    void onlyNewOrChangedByDefault()
    {
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE interactions SET needs_scoring = 1 WHERE id <= 10")));
        ScoringEngine engine(m_ws);
        QString error;
        const auto summary = engine.run(ScoringOptions{}, &error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->scored, qint64(10));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                             "evaluator_kind = 'auto'")),
                 qint64(kCount + 10));
    }

    void historyKeptAcrossRescoringAndVersions()
    {
        ScorecardRepository repository(m_ws);
        const auto v1 = repository.active();
        QVERIFY(v1.has_value());
        Scorecard changed = v1->scorecard;
        changed.passMark = 50;
        QString error;
        const qint64 v2 = repository.saveNewVersion(changed, QStringLiteral("test"),
                                                    QStringLiteral("lower pass mark"), &error);
        QVERIFY2(v2 > 0, qPrintable(error));
        QVERIFY(repository.activate(v2, &error));
        ScoringOptions options;
        options.all = true;
        options.chunkSize = 64;
        const auto summary = ScoringEngine(m_ws).run(options, &error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->scored, qint64(kCount));
        QCOMPARE(summary->scorecardVersionId, v2);
        // Nothing lost: the first run, the partial run and the full run under version 2.
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                             "evaluator_kind = 'auto'")),
                 qint64(2 * kCount + 10));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                             "evaluator_kind = 'auto' AND "
                                             "scorecard_version_id = %1").arg(v1->versionId)),
                 qint64(kCount + 10));
        // Each interaction's summary points at its newest automated evaluation.
        QCOMPARE(scalar(m_ws, QStringLiteral(
                                  "SELECT count(*) FROM interactions i WHERE auto_evaluation_id "
                                  "<> (SELECT max(id) FROM evaluations e WHERE e.interaction_id "
                                  "= i.id AND evaluator_kind = 'auto') OR auto_evaluation_id IN "
                                  "(SELECT id FROM evaluations WHERE scorecard_version_id <> %1)")
                                  .arg(v2)),
                 qint64(0));
        // Interaction 1: three automated evaluations and the three reviewers' ones.
        QCOMPARE(EvaluationStore(m_ws).forInteraction(1).size(), size_t(6));
        // The engine writes in BulkWriteMode (no foreign key enforcement, rarer WAL
        // checkpoints): every score still has its evaluation, every evaluation its
        // interaction, and both settings are back.
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")),
                 qint64(0));
        QCOMPARE(scalar(m_ws, QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        QCOMPARE(scalar(m_ws, QStringLiteral("PRAGMA wal_autocheckpoint")), qint64(1000));
    }

    void cancelKeepsWholeChunks()
    {
        ScoringEngine engine(m_ws);
        engine.setProgress([&engine](qint64 done, qint64) {
            if (done > 0)
                engine.cancel();
        });
        ScoringOptions options;
        options.all = true;
        options.chunkSize = 50;
        const qint64 before = scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations"));
        QVERIFY(before > 0);
        QString error;
        const auto summary = engine.run(options, &error);
        QVERIFY2(summary, qPrintable(error));
        QVERIFY(summary->cancelled);
        QCOMPARE(summary->scored, qint64(50));
        QCOMPARE(scalar(m_ws, QStringLiteral("SELECT count(*) FROM evaluations")), before + 50);
    }

    void sameResultWhateverTheThreadCount()
    {
        const auto card = ScorecardRepository(m_ws).active();
        QStringList errors;
        const auto scorer = ScorecardScorer::compile(card->scorecard, &errors);
        QVERIFY(scorer);
        InteractionBatchReader reader(m_ws);
        const auto interactions = reader.load(reader.idsToScore(true));
        QCOMPARE(interactions.size(), size_t(kCount));
        const auto one = ScoringEngine::scoreAll(*scorer, interactions, 1);
        const auto four = ScoringEngine::scoreAll(*scorer, interactions, 4);
        QCOMPARE(one.size(), four.size());
        for (size_t i = 0; i < one.size(); ++i)
            QCOMPARE(fingerprint(one[i]), fingerprint(four[i]));

        // And through the engine: two full runs, 1 and 4 threads, store the same scores.
        for (int threads : {1, 4}) {
            ScoringOptions options;
            options.all = true;
            options.threads = threads;
            options.chunkSize = 37;
            QString error;
            QVERIFY(ScoringEngine(m_ws).run(options, &error));
        }
        QSqlQuery q(m_ws.database());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT count(*) FROM (SELECT e.interaction_id, c.criterion_id, c.value, c.na, "
            "r.text, c.evidence, c.ordinal, e.total FROM evaluations e JOIN automated_scores c "
            "ON c.evaluation_id "
            "= e.id JOIN rationale_texts r ON r.id = c.rationale_id WHERE e.id IN (SELECT id FROM evaluations WHERE evaluator_kind = 'auto' "
            "ORDER BY id DESC LIMIT %1) "
            "EXCEPT SELECT e.interaction_id, c.criterion_id, c.value, c.na, r.text, "
            "c.evidence, c.ordinal, e.total "
            "FROM evaluations e JOIN automated_scores c ON c.evaluation_id = e.id "
            "JOIN rationale_texts r ON r.id = c.rationale_id WHERE e.id IN "
            "(SELECT id FROM evaluations WHERE evaluator_kind = 'auto' "
            "ORDER BY id DESC LIMIT %1 OFFSET %1))")
                               .arg(kCount)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(0));
        // Not vacuous: both runs wrote every interaction's scores.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM automated_scores c WHERE "
                                      "c.evaluation_id IN (SELECT id FROM evaluations WHERE "
                                      "evaluator_kind = 'auto' ORDER BY id DESC LIMIT %1)")
                           .arg(2 * kCount)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(2 * kCount * 13));
    }
};

QTEST_GUILESS_MAIN(TestScoringEngine)
#include "TestScoringEngine.moc"
