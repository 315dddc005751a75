// Automated evaluations' packed scores (storage/PackedScores.h): the documented format,
// escapes and exact numbers through both writers, the SQL function and view that read
// them, malformed text, and the migration that packed the old rows.
#include "calibration/TrustGate.h"
#include "storage/EvaluationBatchWriter.h"
#include "storage/EvaluationExport.h"
#include "storage/EvaluationStore.h"
#include "storage/PackedScores.h"
#include "storage/Schema.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include "OldWorkspace.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace qaw;

namespace {

// Values that do not survive 15 significant digits, a comment and an id with every
// character the format escapes.
std::vector<CriterionResult> awkwardScores()
{
    return {
        {QStringLiteral("greeting"), 0.1, 1, false, QStringLiteral("said hello"), {}, {{0, 0, 5, 900}}},
        {QStringLiteral("odd\tid\\x"), 2.0 / 3.0, 5, false, QStringLiteral("why"),
         QStringLiteral("line one\nline\ttwo \\n not an escape"), {}},
        {QStringLiteral("hold_etiquette"), std::nullopt, 1, true, QStringLiteral("no hold"), {}, {}},
        {QStringLiteral("caf\u00e9"), 1e-7, 1e20, false, QString(), {}, {{2, 1, 3, -1}, {4, 0, 9, 7}}},
    };
}

void compareScores(const std::vector<CriterionResult> &actual,
                   const std::vector<CriterionResult> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].criterionId, expected[i].criterionId);
        QCOMPARE(actual[i].na, expected[i].na);
        QCOMPARE(actual[i].value.has_value(), expected[i].value.has_value());
        if (expected[i].value) // exactly, not within a tolerance
            QVERIFY(*actual[i].value == *expected[i].value);
        QVERIFY(actual[i].max == expected[i].max);
        QCOMPARE(actual[i].rationale, expected[i].rationale.isNull() ? QStringLiteral("")
                                                                     : expected[i].rationale);
        QCOMPARE(actual[i].comment, expected[i].comment.isNull() ? QStringLiteral("")
                                                                 : expected[i].comment);
        QCOMPARE(actual[i].evidence, expected[i].evidence);
    }
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestPackedScores : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    //! Opens a new workspace \a name holding one agent and one interaction, and fills
    //! \a blank with an automated evaluation of it under the active scorecard, no scores.
    void startWorkspace(Workspace &ws, const QString &name, Evaluation *blank)
    {
        QVERIFY(ws.open(m_dir.filePath(name), Workspace::OpenMode::CreateIfMissing));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(id, external_id, name) VALUES(1, 'a1', 'Dana')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO interactions(id, source, external_id, channel, "
                                      "started_at, agent_id) VALUES(1, 't', 'c1', 'chat', 0, 1)")));
        blank->interactionId = 1;
        blank->scorecardVersionId = ScorecardRepository(ws).active()->versionId;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void documentedFormat()
    {
        CriterionResult r{QStringLiteral("greeting"), 1.0, 1, false, QStringLiteral("hi"), {},
                          {{3, 10, 29, 5000}, {4, 0, 12, -1}}};
        std::string packed;
        packed_scores::appendRecord("greeting", 0, r, 17, &packed);
        QCOMPARE(QByteArray::fromStdString(packed), QByteArray("greeting\t0\t1\t1\t0\t17\t3:10-29@5000;4:0-12\t\tc"));
        r.na = true;
        r.comment = QStringLiteral("a\tb");
        r.confidence = Confidence::None;
        packed_scores::appendRecord("tab\there", 1, r, 2, &packed);
        QCOMPARE(QByteArray::fromStdString(packed),
                 QByteArray("greeting\t0\t1\t1\t0\t17\t3:10-29@5000;4:0-12\t\tc\n"
                            "tab\\there\t1\t\t1\t1\t2\t3:10-29@5000;4:0-12\ta\\tb\tn"));
        std::vector<packed_scores::Record> records;
        std::string error;
        QVERIFY2(packed_scores::parse(packed, &records, &error), error.c_str());
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(packed_scores::unescape(records[1].criterionId), std::string("tab\there"));
        QCOMPARE(records[1].ordinal, 1);
        QVERIFY(!records[1].value.has_value());
        QVERIFY(records[1].na);
        QCOMPARE(records[1].rationaleId, 2LL);
        QCOMPARE(packed_scores::unescape(records[1].comment), std::string("a\tb"));
        QCOMPARE(records[0].confidence, packed_scores::kClear);
        QCOMPARE(records[1].confidence, packed_scores::kNone);
        // Records written before schema 13 have no confidence field.
        QVERIFY(packed_scores::parse("g\t0\t1\t1\t0\t3\t\t", &records, &error));
        QCOMPARE(records[0].confidence, '\0');
        QVERIFY(packed_scores::parse("", &records, &error));
        QVERIFY(records.empty());
    }

    // SQL shows the confidence by the domain's names (automated_scores.confidence), which
    // the reader below the core spells out for itself.
    void confidenceNamesAreTheDomains()
    {
        for (const Confidence c : {Confidence::Clear, Confidence::Weak, Confidence::None})
            QCOMPARE(QString::fromLatin1(packed_scores::confidenceName(packed_scores::confidenceLetter(c))),
                     confidenceName(c));
        QCOMPARE(packed_scores::confidenceName('x'), nullptr);
    }

    void malformedTextSaysWhich_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        const QByteArray good("g\t0\t1\t1\t0\t3\t\t");
        QTest::addRow("too few fields") << QByteArray("g\t0\t1\t1\t0\t3\t") << QStringLiteral("7 fields");
        QTest::addRow("too many fields") << good + "\tc\tx" << QStringLiteral("10 fields");
        QTest::addRow("confidence") << good + "\tx" << QStringLiteral("confidence");
        QTest::addRow("empty id") << QByteArray("\t0\t1\t1\t0\t3\t\t") << QStringLiteral("criterion id");
        QTest::addRow("bad escape") << QByteArray("g\\q\t0\t1\t1\t0\t3\t\t") << QStringLiteral("criterion id");
        QTest::addRow("ordinal") << QByteArray("g\tx\t1\t1\t0\t3\t\t") << QStringLiteral("ordinal");
        QTest::addRow("value") << QByteArray("g\t0\t1x\t1\t0\t3\t\t") << QStringLiteral("value");
        QTest::addRow("max") << QByteArray("g\t0\t1\t\t0\t3\t\t") << QStringLiteral("maximum");
        QTest::addRow("na") << QByteArray("g\t0\t1\t1\t2\t3\t\t") << QStringLiteral("N/A");
        QTest::addRow("rationale") << QByteArray("g\t0\t1\t1\t0\t-\t\t") << QStringLiteral("rationale");
        QTest::addRow("comment") << QByteArray("g\t0\t1\t1\t0\t3\t\tend\\") << QStringLiteral("comment");
        QTest::addRow("second record") << good + "\n" + "g\t0" << QStringLiteral("score 2");
        QTest::addRow("blank line") << good + "\n\n" + good << QStringLiteral("score 2");
    }

    void malformedTextSaysWhich()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        std::vector<packed_scores::Record> records;
        std::string error;
        QVERIFY(!packed_scores::parse(text.toStdString(), &records, &error));
        QVERIFY2(QString::fromStdString(error).contains(reason), error.c_str());
    }

    void bothWritersKeepEveryValueExactly()
    {
        Workspace ws;
        Evaluation e;
        startWorkspace(ws, QStringLiteral("writers.qaw"), &e);
        e.total = 40;
        e.criteria = awkwardScores();
        EvaluationStore store(ws);
        const qint64 single = store.save(e);
        QVERIFY2(single > 0, qPrintable(store.lastError()));
        EvaluationBatchWriter writer(ws);
        QVERIFY2(writer.write({e}, 1000), qPrintable(writer.lastError()));
        for (const qint64 id : {single, single + 1}) {
            const auto loaded = store.load(id);
            QVERIFY(loaded.has_value());
            compareScores(loaded->criteria, e.criteria);
        }
        // Packed, not rows; both writers write the same text.
        QCOMPARE(scalar(ws.database(), QStringLiteral("SELECT count(*) FROM criterion_scores")),
                 qint64(0));
        QCOMPARE(scalar(ws.database(), QStringLiteral("SELECT count(DISTINCT scores) FROM evaluations")),
                 qint64(1));
        // The view answers SQL with the same values.
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT criterion_id, ordinal, value, max, na, comment, "
                                      "evidence FROM automated_scores WHERE evaluation_id = %1 "
                                      "ORDER BY ordinal").arg(single)));
        for (size_t i = 0; i < e.criteria.size(); ++i) {
            QVERIFY(q.next());
            const CriterionResult &r = e.criteria[i];
            QCOMPARE(q.value(0).toString(), r.criterionId);
            QCOMPARE(q.value(1).toInt(), int(i));
            QCOMPARE(q.value(2).isNull(), !r.value.has_value());
            if (r.value)
                QVERIFY(q.value(2).toDouble() == *r.value);
            QVERIFY(q.value(3).toDouble() == r.max);
            QCOMPARE(q.value(4).toBool(), r.na);
            QCOMPARE(q.value(5).toString(), r.comment.isNull() ? QStringLiteral("") : r.comment);
        }
        QVERIFY(!q.next());
    }

    void malformedTextFailsTheQuery()
    {
        Workspace ws;
        QVERIFY(ws.open(m_dir.filePath(QStringLiteral("damaged.qaw")),
                        Workspace::OpenMode::CreateIfMissing));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM packed_scores(NULL)")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM packed_scores('')")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.prepare(QStringLiteral("SELECT criterion_id, value FROM packed_scores(?)")));
        q.addBindValue(QStringLiteral("g\t0\t0.5\t1\t0\t3\t\t"));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("g"));
        QCOMPARE(q.value(1).toDouble(), 0.5);
        QVERIFY(!q.next());
        // Damage is reported, never read as fewer scores.
        q.addBindValue(QStringLiteral("g\t0\t0.5\t1\t0\t3\t\t\ng\tzero"));
        const bool ran = q.exec() && q.next() && q.next();
        QVERIFY(!ran);
        QVERIFY2(q.lastError().text().contains(QStringLiteral("malformed")),
                 qPrintable(q.lastError().text()));
        // Without its argument the function cannot be planned.
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM packed_scores")));
    }

    void migrationPacksEveryValueExactly()
    {
        const int oldVersion = testing::lastVersionWhere(
            m_dir.filePath(QStringLiteral("probe.qaw")), [](QSqlDatabase &db) {
                QSqlQuery q(db);
                return q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('evaluations') "
                                             "WHERE name = 'scores'")) &&
                       q.next() && q.value(0).toInt() == 0;
            });
        QVERIFY(oldVersion > 0);
        QVERIFY(oldVersion < schema::kCurrentVersion);
        const QString file = m_dir.filePath(QStringLiteral("old.qaw"));
        const QString error = testing::writeOldWorkspace(file, oldVersion, {
            "INSERT INTO rationale_texts(id, text) VALUES(5, 'said hello'), (6, 'why'), (7, '')",
            // Automated (evaluation 1), in no particular order; awkward numbers and texts.
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale_id, comment, evidence) VALUES"
            "(1, 'greeting', 1, 0.1, 1, 0, 5, '', '0:0-5@900'),"
            "(1, 'odd' || char(9) || 'id\\x', 0, 2.0 / 3.0, 5, 0, 6, 'line one' || char(10) || "
            "'line' || char(9) || 'two \\n not', ''),"
            "(1, 'hold_etiquette', 2, NULL, 1, 1, 7, '', ''),"
            "(1, 'caf\xc3\xa9', 3, 1e-7, 1e20, 0, 7, '', '2:1-3;4:0-9@7'),"
            "(1, 'points', 4, -2.5, 10, 0, 7, '', '')",
            // An automated evaluation without scores.
            "INSERT INTO evaluations(id, interaction_id, scorecard_version_id, evaluator_kind, "
            "evaluator, created_at, updated_at) VALUES(3, 1, 1, 'auto', 'auto', 0, 0)",
            // Human (evaluation 2): stays a row.
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale_id, comment, evidence) VALUES(2, 'greeting', 0, 0, 1, 0, 5, 'too late', '')",
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));

        Workspace ws;
        QVERIFY2(ws.open(file, Workspace::OpenMode::CreateIfMissing), qPrintable(ws.errorMessage()));
        QCOMPARE(ws.schemaVersion(), schema::kCurrentVersion);
        const auto automated = EvaluationStore(ws).load(1);
        QVERIFY(automated.has_value());
        const std::vector<CriterionResult> expected{
            {QStringLiteral("odd\tid\\x"), 2.0 / 3.0, 5, false, QStringLiteral("why"),
             QStringLiteral("line one\nline\ttwo \\n not"), {}},
            {QStringLiteral("greeting"), 0.1, 1, false, QStringLiteral("said hello"), {}, {{0, 0, 5, 900}}},
            {QStringLiteral("hold_etiquette"), std::nullopt, 1, true, QString(), {}, {}},
            {QStringLiteral("caf\u00e9"), 1e-7, 1e20, false, QString(), {}, {{2, 1, 3, -1}, {4, 0, 9, 7}}},
            {QStringLiteral("points"), -2.5, 10, false, QString(), {}, {}},
        };
        compareScores(automated->criteria, expected);
        const auto empty = EvaluationStore(ws).load(3);
        QVERIFY(empty.has_value());
        QVERIFY(empty->criteria.empty());
        QCOMPARE(scalar(ws.database(), QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                                      "id = 3 AND scores = ''")),
                 qint64(1));
        const auto human = EvaluationStore(ws).load(2);
        QVERIFY(human.has_value());
        QCOMPARE(human->criteria.size(), size_t(1));
        QCOMPARE(human->criteria[0].comment, QStringLiteral("too late"));
        QCOMPARE(scalar(ws.database(), QStringLiteral("SELECT count(*) FROM criterion_scores")),
                 qint64(1));
        QCOMPARE(scalar(ws.database(), QStringLiteral("SELECT count(*) FROM evaluations WHERE "
                                                      "evaluator_kind = 'human' AND scores IS NOT NULL")),
                 qint64(0));
    }

    void damagedScoresAreNeverReadAsFewer()
    {
        Workspace ws;
        Evaluation automated;
        startWorkspace(ws, QStringLiteral("damaged-store.qaw"), &automated);
        const auto card = ScorecardRepository(ws).active();
        automated.criteria = {{QStringLiteral("greeting"), 1.0, 1, false, QStringLiteral("hi"), {}, {}}};
        EvaluationStore store(ws);
        const qint64 id = store.save(automated);
        QVERIFY2(id > 0, qPrintable(store.lastError()));
        Evaluation human = automated;
        human.kind = EvaluatorKind::Human;
        human.evaluator = QStringLiteral("Robin");
        QVERIFY(store.save(human) > 0);
        QCOMPARE(TrustGate::compute(ws, card->scorecard).error, QString());

        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE evaluations SET scores = scores || char(10) || "
                                      "'greeting' WHERE id = %1").arg(id)));
        const QRegularExpression warning(QStringLiteral("scores of evaluation .* cannot be read"));
        QTest::ignoreMessage(QtWarningMsg, warning);
        QVERIFY(!store.load(id).has_value());
        QVERIFY2(store.lastError().contains(QStringLiteral("malformed")), qPrintable(store.lastError()));
        // The human evaluation still loads.
        QTest::ignoreMessage(QtWarningMsg, warning);
        QCOMPARE(store.forInteraction(1).size(), size_t(1));
        const CalibrationStatus status = TrustGate::compute(ws, card->scorecard);
        QVERIFY2(status.error.contains(QStringLiteral("malformed")), qPrintable(status.error));
        QVERIFY(status.criteria.empty());
    }

    void exportMergesPackedAndRowScores()
    {
        Workspace ws;
        Evaluation e;
        startWorkspace(ws, QStringLiteral("export.qaw"), &e);
        // Ordinal order differs from the ids' alphabetical order.
        e.criteria = {{QStringLiteral("resolution"), 1.0, 1, false, QStringLiteral("a"), {}, {}},
                      {QStringLiteral("empathy"), 0.0, 1, false, QStringLiteral("b"), {}, {}}};
        EvaluationStore store(ws);
        QVERIFY(store.save(e) > 0); // evaluation 1: packed
        Evaluation human = e;
        human.kind = EvaluatorKind::Human;
        human.evaluator = QStringLiteral("Robin");
        QVERIFY(store.save(human) > 0); // 2: rows
        QVERIFY(store.save(e) > 0);     // 3: packed
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;
        QCOMPARE(exportEvaluations(ws, out, false, &error), qint64(6));
        const QList<QByteArray> lines = out.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QStringList order;
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(',');
            order << QString::fromUtf8(f[3] + ' ' + f[4] + ' ' + f[7]);
        }
        QCOMPARE(order, (QStringList{QStringLiteral("auto 1 resolution"),
                                     QStringLiteral("auto 1 empathy"),
                                     QStringLiteral("Robin 2 resolution"),
                                     QStringLiteral("Robin 2 empathy"),
                                     QStringLiteral("auto 3 resolution"),
                                     QStringLiteral("auto 3 empathy")}));
    }
};

QTEST_GUILESS_MAIN(TestPackedScores)
#include "TestPackedScores.moc"
