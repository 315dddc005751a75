#include "ImportTestSupport.h"

#include "demo/DemoWorkspace.h"
#include "import/ImportBatches.h"
#include "import/ImportPreview.h"
#include "import/ImportSource.h"
#include "import/Importer.h"

#include <QBuffer>
#include <QTest>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

using namespace qaw;
using namespace qaw::test;

namespace {

//! Root reads any file whatever its permission bits (the capabilities CAP_DAC_OVERRIDE
//! and CAP_DAC_READ_SEARCH), and CI runs the tests as root. Takes both from the calling
//! thread for good, effective and permitted (the permitted set is what access(2), behind
//! QFileInfo::isReadable, consults for root): permission bits then apply to it as to any
//! user. Capabilities belong to a thread, so the rest of the test keeps them. Changes
//! nothing for other users.
bool dropReadOverride()
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3]{};
    if (syscall(SYS_capget, &header, caps) != 0)
        return false;
    for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH}) {
        caps[CAP_TO_INDEX(cap)].effective &= ~CAP_TO_MASK(cap);
        caps[CAP_TO_INDEX(cap)].permitted &= ~CAP_TO_MASK(cap);
    }
    return syscall(SYS_capset, &header, caps) == 0;
}

} // namespace

class TestJsonlImport : public QObject
{
    Q_OBJECT

private slots:
    void importsGoodFile();
    void badRecords_data();
    void badRecords();
    void tenMegabyteLine();
    void unreadableFiles_data();
    void unreadableFiles();
    void permissionDenied();
    void reimportIsIdempotent();
    void changedRecordUpdates();
    void cancelKeepsWholeChunks();
    void redactionCanBeTurnedOff();
    void rejectsExportAsCsv();
    void interruptedBatchIsMarked();
    void databaseErrorFailsTheBatch();
    void preview();
    void detectsFormats_data();
    void detectsFormats();
};

void TestJsonlImport::importsGoodFile()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    QVERIFY(ws);
    std::vector<ImportProgress> progress;
    const ImportResult r = Importer().run({importData(QStringLiteral("jsonl/good.jsonl"))}, *ws,
                                          [&](const ImportProgress &p) { progress.push_back(p); });
    QCOMPARE(r.files.size(), size_t(1));
    const FileImportResult &f = r.files.front();
    QCOMPARE(f.status, QStringLiteral("done"));
    QCOMPARE(f.format, QStringLiteral("jsonl"));
    QCOMPARE(f.imported, qint64(3));
    QCOMPARE(f.rejected, qint64(0));
    // The voice call's card (Luhn-valid) and the chat's SSN; the chat's invalid number stays.
    QCOMPARE(f.redacted, qint64(2));
    QVERIFY(!progress.empty());
    QCOMPARE(progress.back().bytesDone, progress.back().bytesTotal);

    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM turns t JOIN interactions i ON "
                                        "i.id = t.interaction_id WHERE i.external_id = 'v-001'"))
                 .toInt(),
             4);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT csat FROM interactions WHERE external_id = 'v-001'"))
                 .toInt(),
             4);
    QVERIFY(scalar(*ws, QStringLiteral("SELECT csat FROM interactions WHERE external_id = 'c-002'"))
                .isNull());
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT text FROM turns WHERE seq = 1 AND interaction_id = "
                                        "(SELECT id FROM interactions WHERE external_id = 'v-001')"))
                 .toString(),
             QStringLiteral("Hi, my card [CARD] was charged twice."));
    QVERIFY(scalar(*ws, QStringLiteral("SELECT text FROM turns WHERE text LIKE '%4111 1111 1111 "
                                       "1112%'"))
                .isValid());
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT speaker FROM turns WHERE seq = 1 AND interaction_id = "
                                        "(SELECT id FROM interactions WHERE external_id = 'c-002')"))
                 .toString(),
             QStringLiteral("bot"));
    // 09:00 at +01:00 is 08:00 UTC.
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT started_at FROM interactions WHERE external_id = "
                                        "'e-003'"))
                 .toLongLong(),
             QDateTime(QDate(2026, 3, 3), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
    // Full-text search and derived metrics came with the import.
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE "
                                        "transcript_fts MATCH 'refund'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT silence_count FROM interactions WHERE external_id "
                                        "= 'v-001'"))
                 .toInt(),
             1); // 9.0 s -> 13.0 s
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT sha256 FROM import_batches")).toString().size(), 64);
    // Enforcement and the usual WAL checkpoints are off while the import writes
    // (BulkWriteMode): both are back, and every reference the import wrote resolves.
    QCOMPARE(scalar(*ws, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(!scalar(*ws, QStringLiteral("PRAGMA foreign_key_check")).isValid());
    QCOMPARE(scalar(*ws, QStringLiteral("PRAGMA wal_autocheckpoint")).toInt(), 1000);
}

void TestJsonlImport::badRecords_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("recordNo");
    QTest::addColumn<QString>("reason");
    auto row = [](const char *file, qint64 line, const char *reason) {
        QTest::newRow(file) << QString::fromLatin1(file) << line << QString::fromLatin1(reason);
    };
    row("truncated", 2, "truncated JSON");
    row("wrong-type-csat", 2, "field 'csat' must be a whole number from 1 to 5, or null");
    row("wrong-type-turns", 2, "field 'turns' must be an array");
    row("wrong-type-id", 2, "field 'id' must be a string");
    row("missing-id", 2, "missing required field 'id'");
    row("missing-agent-id", 2, "missing required field 'agent.id'");
    row("missing-turn-text", 2, "missing required field 'turns[0].text'");
    row("missing-started-at", 2, "missing required field 'started_at'");
    row("bad-channel", 2, "field 'channel' has unknown value 'fax'");
    row("bad-speaker", 2, "field 'turns[0].speaker' has unknown value 'manager'");
    row("bad-time", 2, "field 'started_at' is not an ISO 8601 time");
    row("not-object", 2, "not a JSON object");
    row("invalid-utf8", 2, "invalid UTF-8");
    row("duplicate-ids", 3, "duplicate id 'ok-1' in this file (first used by record 1)");
}

void TestJsonlImport::badRecords()
{
    QFETCH(QString, file);
    QFETCH(qint64, recordNo);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r =
        Importer().run({importData(QStringLiteral("bad/%1.jsonl").arg(file))}, *ws);
    QCOMPARE(r.files.front().status, QStringLiteral("done"));
    QCOMPARE(r.files.front().rejected, qint64(1));
    QVERIFY(r.files.front().imported >= 1); // the good line around it is kept
    const std::vector<RejectedRecord> rejects = listRejects(*ws);
    QCOMPARE(rejects.size(), size_t(1));
    QCOMPARE(rejects.front().recordNo, recordNo);
    QVERIFY2(rejects.front().reason.startsWith(reason), qPrintable(rejects.front().reason));
    QVERIFY(!rejects.front().raw.isEmpty());
}

void TestJsonlImport::tenMegabyteLine()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const QByteArray good = R"({"id":"g","channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                            R"("agent":{"id":"a"},"turns":[{"speaker":"agent","text":"hi"}]})";
    QByteArray huge = R"({"id":"h","channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                      R"("agent":{"id":"a"},"turns":[{"speaker":"agent","text":")";
    huge.append(QByteArray(10 * 1024 * 1024, 'x'));
    huge.append(R"("}]})");
    const QString path = dir.filePath(QStringLiteral("huge.jsonl"));
    QVERIFY(writeFile(path, huge + '\n' + good + '\n'));
    const ImportResult r = Importer().run({path}, *ws);
    QCOMPARE(r.files.front().imported, qint64(1));
    QCOMPARE(r.files.front().rejected, qint64(1));
    const RejectedRecord reject = listRejects(*ws).front();
    QCOMPARE(reject.recordNo, qint64(1));
    QVERIFY2(reject.reason.startsWith(QStringLiteral("line is %1 bytes").arg(huge.size())),
             qPrintable(reject.reason));
    QVERIFY(reject.raw.size() <= 1024 * 1024);
    QVERIFY(reject.raw.size() >= 1000 * 1000);
}

void TestJsonlImport::unreadableFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("whitespace") << QByteArray("\n \n") << QStringLiteral("is empty");
    QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10)
                            << QStringLiteral("is not a text file");
    QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\x00", 4) << QStringLiteral("gzip archive");
    QTest::newRow("missing") << QByteArray("-") << QStringLiteral("no such file");
    QTest::newRow("folder") << QByteArray("/") << QStringLiteral("is a folder");
}

void TestJsonlImport::unreadableFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    QString path = dir.filePath(QStringLiteral("input.jsonl"));
    if (content == "-")
        path = dir.filePath(QStringLiteral("absent.jsonl"));
    else if (content == "/")
        path = dir.path();
    else
        QVERIFY(writeFile(path, content));
    const ImportResult r = Importer().run({path}, *ws);
    QVERIFY(!r.allRead());
    QCOMPARE(r.files.front().status, QStringLiteral("failed"));
    QVERIFY2(r.files.front().message.contains(message), qPrintable(r.files.front().message));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT status FROM import_batches")).toString(),
             QStringLiteral("failed"));
}

void TestJsonlImport::permissionDenied()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.jsonl"));
    QVERIFY(writeFile(path, "{}\n"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    // On a thread of its own that cannot override permission bits; the workspace is
    // opened there too, as a database connection belongs to the thread that opened it.
    bool dropped = false;
    bool probeRead = true;
    ImportResult r;
    std::thread asAnyUser([&] {
        dropped = dropReadOverride();
        QFile probe(path);
        probeRead = probe.open(QIODevice::ReadOnly);
        if (auto ws = newWorkspace(dir))
            r = Importer().run({path}, *ws);
    });
    asAnyUser.join();
    QVERIFY(dropped);
    QVERIFY2(!probeRead, "a file without read permission was read");
    QCOMPARE(r.files.size(), size_t(1));
    QCOMPARE(r.files.front().status, QStringLiteral("failed"));
    QVERIFY2(r.files.front().message.contains(QStringLiteral("permission denied")),
             qPrintable(r.files.front().message));
}

void TestJsonlImport::reimportIsIdempotent()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const QString path = dir.filePath(QStringLiteral("demo.jsonl"));
    QString error;
    DemoOptions options;
    options.interactions = 300;
    QVERIFY(writeDemoJsonl(path, options, &error));
    const ImportResult first = Importer().run({path}, *ws);
    QCOMPARE(first.files.front().imported, qint64(300));
    const WorkspaceCounts before = ws->counts();
    const ImportResult second = Importer().run({path}, *ws);
    QCOMPARE(second.files.front().imported, qint64(0));
    QCOMPARE(second.files.front().updated, qint64(0));
    QCOMPARE(second.files.front().unchanged, qint64(300));
    const WorkspaceCounts after = ws->counts();
    QCOMPARE(after.interactions, before.interactions);
    QCOMPARE(after.turns, before.turns);
    // A transcript indexed twice would fail the index's check against the turns.
    QVERIFY(searchIndexAgreesWithTurns(*ws));
    QCOMPARE(after.importBatches, before.importBatches + 1);
}

void TestJsonlImport::changedRecordUpdates()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const QString path = dir.filePath(QStringLiteral("one.jsonl"));
    const QByteArray v1 = R"({"id":"u-1","channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                          R"("agent":{"id":"a"},"csat":2,"turns":[{"speaker":"agent","text":"hi"}]})";
    QVERIFY(writeFile(path, v1 + '\n'));
    QCOMPARE(Importer().run({path}, *ws).files.front().imported, qint64(1));
    QByteArray v2 = v1;
    v2.replace("\"csat\":2", "\"csat\":5");
    v2.replace(R"({"speaker":"agent","text":"hi"})",
               R"({"speaker":"agent","text":"hello there"},{"speaker":"customer","text":"refunded?"})");
    QVERIFY(writeFile(path, v2 + '\n'));
    const ImportResult r = Importer().run({path}, *ws);
    QCOMPARE(r.files.front().updated, qint64(1));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT csat FROM interactions")).toInt(), 5);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 1);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM turns")).toInt(), 2);
    QVERIFY(!scalar(*ws, QStringLiteral("PRAGMA foreign_key_check")).isValid());
    // The search index forgot the old transcript and holds the new one, words of both turns.
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE transcript_fts "
                                        "MATCH 'hi'")).toInt(),
             0);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE transcript_fts "
                                        "MATCH 'hello refund'")).toInt(),
             1);
    QVERIFY(searchIndexAgreesWithTurns(*ws));
}

void TestJsonlImport::cancelKeepsWholeChunks()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const QString path = dir.filePath(QStringLiteral("demo.jsonl"));
    QString error;
    DemoOptions options;
    options.interactions = 500;
    QVERIFY(writeDemoJsonl(path, options, &error));
    ImportOptions importOptions;
    importOptions.chunkSize = 100;
    std::atomic_bool cancel{false};
    // Cancel once the second chunk is committed: the importer stops before the next record.
    const ImportResult r = Importer(importOptions).run({path}, *ws, [&](const ImportProgress &p) {
        if (p.records >= 200)
            cancel = true;
    }, &cancel);
    QVERIFY(r.cancelled);
    QCOMPARE(r.files.front().status, QStringLiteral("cancelled"));
    QCOMPARE(r.files.front().imported, qint64(200));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 200);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT status FROM import_batches")).toString(),
             QStringLiteral("cancelled"));
    // Running it again completes the file.
    const ImportResult again = Importer().run({path}, *ws);
    QCOMPARE(again.files.front().imported, qint64(300));
    QCOMPARE(again.files.front().unchanged, qint64(200));
}

void TestJsonlImport::redactionCanBeTurnedOff()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    ImportOptions options;
    options.redact = RedactionKind::None;
    const ImportResult r =
        Importer(options).run({importData(QStringLiteral("jsonl/good.jsonl"))}, *ws);
    QCOMPARE(r.files.front().redacted, qint64(0));
    QVERIFY(scalar(*ws, QStringLiteral("SELECT 1 FROM turns WHERE text LIKE '%4111 1111 1111 1111%'"))
                .isValid());
}

void TestJsonlImport::rejectsExportAsCsv()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    Importer().run({importData(QStringLiteral("bad/truncated.jsonl")),
                    importData(QStringLiteral("bad/bad-channel.jsonl"))},
                   *ws);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QString error;
    QCOMPARE(exportRejectsCsv(*ws, -1, &out, &error), qint64(2));
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.first(), QByteArray("batch,file,record,reason,raw\r"));
    QVERIFY(out.data().contains("truncated JSON"));
    QVERIFY(out.data().contains("\"\"channel\"\": \"\"fax\"\"")); // raw JSON, quotes doubled
    const qint64 firstBatch = listImportBatches(*ws).back().id;
    QBuffer one;
    one.open(QIODevice::WriteOnly);
    QCOMPARE(exportRejectsCsv(*ws, firstBatch, &one, &error), qint64(1));
}

void TestJsonlImport::interruptedBatchIsMarked()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO import_batches(file_path, started_at, status) "
                                  "VALUES('x.jsonl', 1, 'running')")));
    QCOMPARE(recoverInterruptedImports(*ws), 1);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT status FROM import_batches")).toString(),
             QStringLiteral("failed"));
    QVERIFY(scalar(*ws, QStringLiteral("SELECT message FROM import_batches")).toString().startsWith(
        QStringLiteral("interrupted")));
}

void TestJsonlImport::databaseErrorFailsTheBatch()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON interactions WHEN "
                                  "NEW.external_id = 'e-003' BEGIN SELECT RAISE(ABORT, 'disk "
                                  "says no'); END")));
    ImportOptions options;
    options.chunkSize = 1;
    const ImportResult r =
        Importer(options).run({importData(QStringLiteral("jsonl/good.jsonl"))}, *ws);
    QCOMPARE(r.files.front().status, QStringLiteral("failed"));
    QVERIFY2(r.files.front().message.contains(QStringLiteral("disk says no")),
             qPrintable(r.files.front().message));
    QCOMPARE(r.files.front().imported, qint64(2)); // the chunks before it stay
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 2);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT status || n_imported FROM import_batches")).toString(),
             QStringLiteral("failed2"));
}

void TestJsonlImport::preview()
{
    ImportOptions options;
    const ImportPreview p =
        previewImportFile(importData(QStringLiteral("jsonl/good.jsonl")), options, 2);
    QVERIFY(p.readable);
    QCOMPARE(p.format, QStringLiteral("jsonl"));
    QCOMPARE(p.records.size(), size_t(2));
    QCOMPARE(p.records[0].interaction->turns.size(), size_t(4));
    QCOMPARE(p.records[0].interaction->turns[1].text,
             QStringLiteral("Hi, my card [CARD] was charged twice."));
}

void TestJsonlImport::detectsFormats_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format"); // empty: the file is refused
    const QByteArray line = R"({"id":"a","channel":"chat","turns":[]})";
    QTest::newRow("json lines") << line + '\n' + line + '\n' << QStringLiteral("jsonl");
    QTest::newRow("one long line") << line << QStringLiteral("jsonl");
    QTest::newRow("first line broken") << QByteArray(R"({"id":"a","chan)") + '\n' + line + '\n'
                                       << QStringLiteral("jsonl");
    QTest::newRow("csv") << QByteArray("id,text\n1,hello\n") << QStringLiteral("csv");
    QTest::newRow("utf-16 csv") << QByteArray("\xff\xfei\0d\0\n\0", 8) << QStringLiteral("csv");
    QTest::newRow("unknown json document") << QByteArray("{\n  \"hello\": [1, 2]\n}\n") << QString();
    QTest::newRow("pretty document with one-line objects")
        << QByteArray("{\n  \"items\": [\n    {\"a\": 1}\n  ]\n}\n") << QString();
}

void TestJsonlImport::detectsFormats()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input"));
    QVERIFY(writeFile(path, content));
    QString error;
    const std::optional<SourceFormat> detected = detectSourceFormat(path, &error);
    if (format.isEmpty()) {
        QVERIFY(!detected);
        QVERIFY2(error.contains(QStringLiteral("no supported format")), qPrintable(error));
    } else {
        QVERIFY2(detected, qPrintable(error));
        QCOMPARE(detected->name(), format);
    }
}

QTEST_GUILESS_MAIN(TestJsonlImport)
#include "TestJsonlImport.moc"
