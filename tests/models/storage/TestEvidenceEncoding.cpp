// The compact evidence encoding of criterion_scores.evidence: its documented format,
// round trips, tolerance of damaged text, and the migration that folds the old
// evidence rows into it.
#include "storage/EvaluationBatchWriter.h"
#include "storage/EvaluationStore.h"
#include "storage/EvidenceEncoding.h"
#include "storage/Schema.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include "OldWorkspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

using Spans = std::vector<EvidenceSpan>;
Q_DECLARE_METATYPE(Spans)

namespace {

bool hasTable(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() && q.value(0).toInt() == 1;
}

} // namespace

class TestEvidenceEncoding : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    //! The newest schema version that still stores evidence as rows of its own table,
    //! found by migrating step by step (no version number is hard-coded: migrations
    //! from other branches may be numbered around this one).
    int lastVersionWithEvidenceRows()
    {
        return testing::lastVersionWhere(m_dir.filePath(QStringLiteral("probe.qaw")),
                                         [](QSqlDatabase &db) { return hasTable(db, QStringLiteral("evidence")); });
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void documentedFormat()
    {
        // The example in EvidenceEncoding.h and docs/scoring.md.
        const Spans spans{{3, 10, 29, 5000}, {4, 0, 12, -1}};
        QCOMPARE(evidence_encoding::encode(spans), QStringLiteral("3:10-29@5000;4:0-12"));
        QCOMPARE(evidence_encoding::encode({}), QString());
    }

    void roundTrip_data()
    {
        QTest::addColumn<Spans>("spans");
        QTest::addRow("none") << Spans{};
        QTest::addRow("one with time") << Spans{{0, 0, 5, 1200}};
        QTest::addRow("one without time") << Spans{{7, 12, 40, -1}};
        QTest::addRow("time zero") << Spans{{1, 0, 0, 0}};
        QTest::addRow("order kept") << Spans{{9, 1, 2, 3}, {0, 4, 22, 500}, {2, 0, 5, -1}};
        QTest::addRow("large values") << Spans{{4999, 123456, 1234567, 86400000LL * 3}};
        QTest::addRow("no turn") << Spans{{-1, 0, 0, 61000}};
    }

    void roundTrip()
    {
        QFETCH(Spans, spans);
        const QString text = evidence_encoding::encode(spans);
        bool ok = false;
        QCOMPARE(evidence_encoding::decode(text, &ok), spans);
        QVERIFY(ok);
        const QByteArray utf8 = text.toUtf8();
        QCOMPARE(evidence_encoding::decodeUtf8(utf8.constData(), int(utf8.size()), &ok), spans);
        QVERIFY(ok);
        std::string appended = "x";
        evidence_encoding::append(spans, &appended);
        QCOMPARE(QString::fromStdString(appended), QLatin1String("x") + text);
    }

    void damagedTextSkipsOnlyTheBadSpan_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Spans>("expected");
        QTest::addRow("missing end") << QStringLiteral("3:10") << Spans{};
        QTest::addRow("letters") << QStringLiteral("x;1:2-3") << Spans{{1, 2, 3, -1}};
        QTest::addRow("empty span") << QStringLiteral("1:2-3;;4:5-6@7")
                                    << Spans{{1, 2, 3, -1}, {4, 5, 6, 7}};
        QTest::addRow("trailing junk") << QStringLiteral("1:2-3@4x;5:6-7")
                                       << Spans{{5, 6, 7, -1}};
        QTest::addRow("time without digits") << QStringLiteral("1:2-3@") << Spans{};
    }

    void damagedTextSkipsOnlyTheBadSpan()
    {
        QFETCH(QString, text);
        QFETCH(Spans, expected);
        bool ok = true;
        QCOMPARE(evidence_encoding::decode(text, &ok), expected);
        QVERIFY(!ok);
    }

    void bothWritersKeepCriterionOrderAndEvidence()
    {
        Workspace ws;
        QVERIFY(ws.open(m_dir.filePath(QStringLiteral("writers.qaw")),
                        Workspace::OpenMode::CreateIfMissing));
        const auto card = ScorecardRepository(ws).active();
        QVERIFY(card.has_value());
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(id, external_id, name) VALUES(1, 'a1', 'Dana')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO interactions(id, source, external_id, channel, "
                                      "started_at, agent_id) VALUES(1, 't', 'c1', 'chat', 0, 1)")));
        Evaluation e;
        e.interactionId = 1;
        e.scorecardVersionId = card->versionId;
        e.total = 50;
        // Not in alphabetical order: the stored order must be the written one.
        e.criteria = {{QStringLiteral("resolution"), 1.0, 1, false, QStringLiteral("fixed"), {},
                       {{5, 0, 9, 61000}, {2, 3, 4, -1}}},
                      {QStringLiteral("empathy"), std::nullopt, 1, true, QStringLiteral("n/a"), {}, {}},
                      {QStringLiteral("closing"), 0.0, 1, false, QStringLiteral("no"), {}, {{6, 0, 3, -1}}}};
        EvaluationStore store(ws);
        const qint64 single = store.save(e);
        QVERIFY2(single > 0, qPrintable(store.lastError()));
        EvaluationBatchWriter writer(ws);
        QVERIFY2(writer.write({e}, 1000), qPrintable(writer.lastError()));
        const qint64 batched = single + 1;
        // A human evaluation's scores are rows, in the same order and form.
        Evaluation human = e;
        human.kind = EvaluatorKind::Human;
        human.evaluator = QStringLiteral("Robin");
        QVERIFY2(writer.write({human}, 2000), qPrintable(writer.lastError()));
        const qint64 reviewed = batched + 1;
        for (const qint64 id : {single, batched, reviewed}) {
            const auto loaded = store.load(id);
            QVERIFY(loaded.has_value());
            QCOMPARE(loaded->kind, id == reviewed ? EvaluatorKind::Human : EvaluatorKind::Automated);
            QCOMPARE(loaded->criteria.size(), e.criteria.size());
            for (size_t i = 0; i < e.criteria.size(); ++i) {
                QCOMPARE(loaded->criteria[i].criterionId, e.criteria[i].criterionId);
                QCOMPARE(loaded->criteria[i].evidence, e.criteria[i].evidence);
                QCOMPARE(loaded->criteria[i].na, e.criteria[i].na);
            }
        }
        const std::pair<const char *, qint64> stored[] = {{"automated_scores", batched},
                                                          {"criterion_scores", reviewed}};
        for (const auto &[table, id] : stored) {
            QVERIFY(q.exec(QStringLiteral("SELECT evidence FROM %1 WHERE evaluation_id = %2 "
                                          "AND criterion_id = 'resolution'")
                               .arg(QLatin1String(table))
                               .arg(id)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("5:0-9@61000;2:3-4"));
        }
    }

    void migrationFoldsEvidenceRows()
    {
        const int oldVersion = lastVersionWithEvidenceRows();
        QVERIFY(oldVersion > 0);
        QVERIFY(oldVersion < schema::kCurrentVersion);
        const QString file = m_dir.filePath(QStringLiteral("old.qaw"));
        const QString error = testing::writeOldWorkspace(file, oldVersion, {
            // Written in scorecard order: empathy (id 9) before greeting (id 10).
            "INSERT INTO criterion_scores(id, evaluation_id, criterion_id, value, max, na, "
            "rationale, comment) VALUES(9, 1, 'empathy', 1, 1, 0, 'kind words', '')",
            "INSERT INTO criterion_scores(id, evaluation_id, criterion_id, value, max, na, "
            "rationale, comment) VALUES(10, 1, 'greeting', 1, 1, 0, 'said hello', 'ok')",
            "INSERT INTO criterion_scores(id, evaluation_id, criterion_id, value, max, na, "
            "rationale, comment) VALUES(11, 1, 'hold_etiquette', NULL, 1, 1, 'no hold', '')",
            "INSERT INTO criterion_scores(id, evaluation_id, criterion_id, value, max, na, "
            "rationale, comment) VALUES(12, 2, 'greeting', 0, 1, 0, '', 'too late')",
            // Spans are read in id order, whatever order they were inserted in.
            "INSERT INTO evidence(id, criterion_score_id, turn_seq, char_start, char_end, "
            "time_ms) VALUES(7, 10, 2, 0, 5, NULL)",
            "INSERT INTO evidence(id, criterion_score_id, turn_seq, char_start, char_end, "
            "time_ms) VALUES(5, 10, 0, 4, 22, 500)",
            "INSERT INTO evidence(id, criterion_score_id, turn_seq, char_start, char_end, "
            "time_ms) VALUES(6, 9, 3, 1, 8, 9000)",
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));

        Workspace ws;
        QVERIFY2(ws.open(file, Workspace::OpenMode::CreateIfMissing), qPrintable(ws.errorMessage()));
        QCOMPARE(ws.schemaVersion(), schema::kCurrentVersion);
        QSqlDatabase db = ws.database();
        QVERIFY(!hasTable(db, QStringLiteral("evidence")));
        const auto automated = EvaluationStore(ws).load(1);
        QVERIFY(automated.has_value());
        QCOMPARE(automated->criteria.size(), size_t(3));
        QCOMPARE(automated->criteria[0].criterionId, QStringLiteral("empathy"));
        QCOMPARE(automated->criteria[1].criterionId, QStringLiteral("greeting"));
        QCOMPARE(automated->criteria[2].criterionId, QStringLiteral("hold_etiquette"));
        QCOMPARE(automated->criteria[0].evidence, (Spans{{3, 1, 8, 9000}}));
        QCOMPARE(automated->criteria[1].evidence, (Spans{{0, 4, 22, 500}, {2, 0, 5, -1}}));
        QVERIFY(automated->criteria[2].evidence.empty());
        QVERIFY(automated->criteria[2].na);
        QVERIFY(!automated->criteria[2].value.has_value());
        QCOMPARE(automated->criteria[1].rationale, QStringLiteral("said hello"));
        QCOMPARE(automated->criteria[1].comment, QStringLiteral("ok"));
        const auto human = EvaluationStore(ws).load(2);
        QVERIFY(human.has_value());
        QCOMPARE(human->criteria.size(), size_t(1));
        QCOMPARE(human->criteria[0].comment, QStringLiteral("too late"));
        QCOMPARE(human->criteria[0].value, std::optional<double>(0.0));

        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT evidence FROM automated_scores WHERE "
                                      "evaluation_id = 1 AND criterion_id = 'greeting'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("0:4-22@500;2:0-5"));
        // Still one score per evaluation and criterion, and deleting an evaluation still
        // takes its scores with it.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO criterion_scores(evaluation_id, criterion_id, "
                                       "max, rationale_id) VALUES(2, 'greeting', 1, "
                                       "(SELECT min(id) FROM rationale_texts))")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM criterion_scores")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM evaluations WHERE id = 2")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM criterion_scores")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEvidenceEncoding)
#include "TestEvidenceEncoding.moc"
