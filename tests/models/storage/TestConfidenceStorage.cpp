// How a verdict's confidence (domain/Evaluation.h) is kept: both writers store it with
// the packed scores and count the verdicts that need review, the view and the loader
// read it back, the export has a confidence column, and scores written before schema 13
// read as a person's or a clear verdict.
#include "storage/EvaluationBatchWriter.h"
#include "storage/EvaluationExport.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

namespace {

CriterionResult result(const char *id, std::optional<double> value, Confidence confidence)
{
    CriterionResult r;
    r.criterionId = QString::fromLatin1(id);
    r.value = value;
    r.na = !value;
    r.rationale = QStringLiteral("why");
    r.confidence = value ? confidence : Confidence::None;
    return r;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestConfidenceStorage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    void startWorkspace(Workspace &ws, const QString &name, Evaluation *e)
    {
        QVERIFY(ws.open(m_dir.filePath(name), Workspace::OpenMode::CreateIfMissing));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(id, external_id, name) VALUES(1, 'a1', 'Dana')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO interactions(id, source, external_id, channel, "
                                      "started_at, agent_id) VALUES(1, 't', 'c1', 'voice', 0, 1)")));
        e->interactionId = 1;
        e->scorecardVersionId = ScorecardRepository(ws).active()->versionId;
        e->criteria = {result("greeting", 1.0, Confidence::Clear),
                       result("verification", 1.0, Confidence::Weak),
                       result("resolution", 0.0, Confidence::None),
                       result("hold_etiquette", std::nullopt, Confidence::None)};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void bothWritersKeepConfidenceAndCountWhatNeedsReview()
    {
        Workspace ws;
        Evaluation e;
        startWorkspace(ws, QStringLiteral("writers.qaw"), &e);
        QCOMPARE(e.needsReview(), 2); // the weak pass and the fail on no evidence, not N/A
        EvaluationStore store(ws);
        const qint64 single = store.save(e);
        QVERIFY2(single > 0, qPrintable(store.lastError()));
        EvaluationBatchWriter writer(ws);
        QVERIFY2(writer.write({e}, 1000), qPrintable(writer.lastError()));
        for (const qint64 id : {single, single + 1}) {
            const auto loaded = store.load(id);
            QVERIFY(loaded.has_value());
            QCOMPARE(loaded->criteria.size(), e.criteria.size());
            for (size_t i = 0; i < e.criteria.size(); ++i)
                QCOMPARE(loaded->criteria[i].confidence, e.criteria[i].confidence);
            QCOMPARE(scalar(ws.database(),
                            QStringLiteral("SELECT needs_review FROM evaluations WHERE id = %1").arg(id)),
                     qint64(2));
        }
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT confidence FROM automated_scores WHERE "
                                      "evaluation_id = %1 ORDER BY ordinal").arg(single)));
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("clear"), QStringLiteral("weak"),
                                     QStringLiteral("none"), QStringLiteral("none")}));
    }

    void exportHasAConfidenceColumn()
    {
        Workspace ws;
        Evaluation e;
        startWorkspace(ws, QStringLiteral("export.qaw"), &e);
        EvaluationStore store(ws);
        QVERIFY(store.save(e) > 0);
        Evaluation human = e;
        human.kind = EvaluatorKind::Human;
        human.evaluator = QStringLiteral("Robin");
        QVERIFY(store.save(human) > 0);
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        QCOMPARE(exportEvaluations(ws, out, false, &error), qint64(8));
        const QList<QByteArray> lines = out.data().trimmed().split('\n');
        QVERIFY(lines.front().endsWith(",rationale,confidence,comment"));
        QStringList column;
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].split(',');
            column << QString::fromUtf8(cells.at(cells.size() - 2));
        }
        QCOMPARE(column, (QStringList{QStringLiteral("clear"), QStringLiteral("weak"),
                                      QStringLiteral("none"), QStringLiteral("none"),
                                      // a person's verdicts are clear
                                      QStringLiteral("clear"), QStringLiteral("clear"),
                                      QStringLiteral("clear"), QStringLiteral("clear")}));
    }

    void scoresFromBeforeConfidenceReadAsClear()
    {
        Workspace ws;
        Evaluation e;
        startWorkspace(ws, QStringLiteral("old.qaw"), &e);
        EvaluationStore store(ws);
        const qint64 id = store.save(e);
        QVERIFY(id > 0);
        // What schema 12 wrote: eight fields, no confidence.
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE evaluations SET scores = "
                                      "'greeting' || char(9) || '0' || char(9) || '0' || char(9) || "
                                      "'1' || char(9) || '0' || char(9) || '1' || char(9) || '' || "
                                      "char(9) || '' WHERE id = %1").arg(id)));
        const auto loaded = store.load(id);
        QVERIFY2(loaded.has_value(), qPrintable(store.lastError()));
        QCOMPARE(loaded->criteria.size(), size_t(1));
        QCOMPARE(loaded->criteria[0].confidence, Confidence::Clear);
        QVERIFY(q.exec(QStringLiteral("SELECT confidence IS NULL FROM automated_scores")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toBool());
    }
};

QTEST_GUILESS_MAIN(TestConfidenceStorage)
#include "TestConfidenceStorage.moc"
