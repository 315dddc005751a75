// Kills `qaw import` in the middle of a large file, then checks that the workspace opens,
// passes the integrity checks, holds whole chunks only, and that importing again
// completes it. The kill comes from the kernel at a fixed number of bytes written (a
// file-size limit, as a full disk would stop it), never from a timer: an import that
// finished before a timed kill would prove nothing.
#include "demo/DemoWorkspace.h"
#include "import/ImportBatches.h"
#include "storage/Workspace.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace qaw;

class TestImportKill : public QObject
{
    Q_OBJECT

private slots:
    void killMidImport();
};

namespace {

constexpr int kInteractions = 8000;
constexpr int kChunk = 100;
// The write-ahead log of the whole import grows past 40 MB (it is checkpointed only at
// the end), and the empty workspace's is under 1 MB: the import dies a few thousand
// interactions in.
constexpr rlim_t kFileSizeLimit = 16 * 1024 * 1024;

qint64 value(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return (q.exec(sql) && q.next()) ? q.value(0).toLongLong() : -1;
}

} // namespace

void TestImportKill::killMidImport()
{
    QTemporaryDir dir;
    const QString jsonl = dir.filePath(QStringLiteral("big.jsonl"));
    const QString path = dir.filePath(QStringLiteral("w.qaw"));
    QString error;
    DemoOptions options;
    options.interactions = kInteractions;
    QVERIFY(writeDemoJsonl(jsonl, options, &error));
    const QStringList args{QStringLiteral("import"), jsonl, QStringLiteral("--workspace"), path,
                           QStringLiteral("--chunk"), QString::number(kChunk),
                           QStringLiteral("--quiet")};

    QProcess importer;
    // In the child: a write past the limit brings SIGXFSZ, which ends the process on the
    // spot like SIGKILL (no handler runs); no core file is left behind.
    importer.setChildProcessModifier([] {
        const rlimit size{kFileSizeLimit, kFileSizeLimit};
        const rlimit noCore{0, 0};
        setrlimit(RLIMIT_FSIZE, &size);
        setrlimit(RLIMIT_CORE, &noCore);
    });
    importer.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
    QVERIFY(importer.waitForFinished(300000));
    QVERIFY2(importer.exitStatus() == QProcess::CrashExit,
             "the import finished under the file-size limit: lower kFileSizeLimit");

    {
        Workspace ws;
        QVERIFY2(ws.open(path), qPrintable(ws.errorMessage()));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        // The full-text index agrees with the transcripts it indexes.
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO transcript_fts(transcript_fts, rank) VALUES('integrity-check', 1)")));
        const qint64 interactions = value(ws, QStringLiteral("SELECT count(*) FROM interactions"));
        QVERIFY(interactions >= 3 * kChunk);
        QVERIFY(interactions < kInteractions);
        QCOMPARE(interactions % kChunk, qint64(0)); // whole chunks only
        QCOMPARE(value(ws, QStringLiteral("SELECT n_imported FROM import_batches")), interactions);
        QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM interactions i WHERE turn_count <> "
                                          "(SELECT count(*) FROM turns t WHERE t.interaction_id = "
                                          "i.id)")),
                 qint64(0)); // no half interaction
        QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM import_batches WHERE status = "
                                          "'running'")),
                 qint64(1));
    }

    QProcess again;
    again.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
    QVERIFY(again.waitForFinished(300000));
    QCOMPARE(again.exitCode(), 0);
    Workspace ws;
    QVERIFY(ws.open(path));
    QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM interactions")), qint64(kInteractions));
    QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM import_batches WHERE status = 'failed' "
                                      "AND message LIKE 'interrupted%'")),
             qint64(1));
    QCOMPARE(value(ws, QStringLiteral("SELECT n_imported + n_unchanged FROM import_batches WHERE "
                                      "status = 'done'")),
             qint64(kInteractions));
    QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM interactions i WHERE turn_count <> "
                                      "(SELECT count(*) FROM turns t WHERE t.interaction_id = i.id)")),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestImportKill)
#include "TestImportKill.moc"
