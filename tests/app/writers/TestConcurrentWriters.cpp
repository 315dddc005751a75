// Several writers on one workspace at once: `qaw import`, `qaw score --all` and `qaw flag`
// started together all finish, nothing is lost, and the file, the search index and the
// roll-ups are consistent; a writer that has to wait says so and waits.
#include "analytics/CriterionSummary.h"
#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"
#include "storage/WriterWait.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace qaw;

class TestConcurrentWriters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importScoreAndFlagTogether();
    void waitingWriterSaysSoAndFinishes();
    void lockHeldTooLongFailsCleanly();

private:
    QTemporaryDir m_dir;
    QString m_base; //!< a scored demo workspace, copied by each test
    QString m_jsonl; //!< other interactions to import
};

namespace {

constexpr int kInteractions = 4000;

qint64 value(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return (q.exec(sql) && q.next()) ? q.value(0).toLongLong() : -1;
}

QString text(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return (q.exec(sql) && q.next()) ? q.value(0).toString() : QStringLiteral("(failed)");
}

std::unique_ptr<QProcess> startQaw(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->start(qEnvironmentVariable("QAW_QAW_EXE"), args);
    return process;
}

QString copyOf(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to) ? to : QString();
}

} // namespace

void TestConcurrentWriters::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_base = m_dir.filePath(QStringLiteral("base.qaw"));
    m_jsonl = m_dir.filePath(QStringLiteral("more.jsonl"));
    DemoOptions options;
    options.interactions = kInteractions;
    QString error;
    {
        Workspace ws;
        QVERIFY2(ws.open(m_base, Workspace::OpenMode::CreateIfMissing),
                 qPrintable(ws.errorMessage()));
        QVERIFY2(buildDemoWorkspace(ws, options, &error), qPrintable(error));
    }
    options.seed = 9; // other external ids: every record is new
    QVERIFY2(writeDemoJsonl(m_jsonl, options, &error), qPrintable(error));
}

void TestConcurrentWriters::importScoreAndFlagTogether()
{
    const QString path = copyOf(m_base, m_dir.filePath(QStringLiteral("together.qaw")));
    QVERIFY(!path.isEmpty());
    // Small import chunks so that the three interleave many times.
    std::vector<std::unique_ptr<QProcess>> processes;
    processes.push_back(startQaw({QStringLiteral("import"), m_jsonl, QStringLiteral("-w"), path,
                                  QStringLiteral("--chunk"), QStringLiteral("250")}));
    processes.push_back(
        startQaw({QStringLiteral("score"), QStringLiteral("--all"), QStringLiteral("-w"), path}));
    processes.push_back(startQaw({QStringLiteral("flag"), QStringLiteral("-w"), path}));
    for (auto &p : processes) {
        QVERIFY(p->waitForFinished(240000));
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                 qPrintable(p->arguments().join(QLatin1Char(' ')) + QLatin1String(": ") +
                            QString::fromUtf8(err)));
        QVERIFY2(!err.contains("locked"), err.constData());
    }

    Workspace ws;
    QVERIFY2(ws.open(path), qPrintable(ws.errorMessage()));
    QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM interactions")), 2 * kInteractions);
    QCOMPARE(text(ws, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(text(ws, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")),
             QStringLiteral("0"));
    QSqlQuery q(ws.database());
    QVERIFY2(q.exec(QStringLiteral(
                 "INSERT INTO transcript_fts(transcript_fts, rank) VALUES('integrity-check', 1)")),
             qPrintable(q.lastError().text()));
    // Every interaction's transcript is in the search index: one document each.
    QCOMPARE(value(ws, QStringLiteral("SELECT count(*) FROM transcript_fts")), 2 * kInteractions);
    // The roll-ups, brought up to date from the days the writers marked, count every
    // interaction with an automated total.
    QVERIFY(criterionSummary::usable(ws, InteractionFilter(), {}));
    QCOMPARE(value(ws, QStringLiteral("SELECT coalesce(sum(n), 0) FROM analytics_total_days")),
             value(ws, QStringLiteral(
                           "SELECT count(*) FROM interactions WHERE auto_total IS NOT NULL")));
    QCOMPARE(text(ws, QStringLiteral("SELECT group_concat(DISTINCT status) FROM import_batches "
                                     "WHERE id = (SELECT max(id) FROM import_batches)")),
             QStringLiteral("done"));
}

// A GUI (here this test) holds the write lock for a few seconds: `qaw flag` waits, says
// so on stderr, and finishes once the lock is free.
void TestConcurrentWriters::waitingWriterSaysSoAndFinishes()
{
    const QString path = copyOf(m_base, m_dir.filePath(QStringLiteral("wait.qaw")));
    Workspace holder;
    QVERIFY2(holder.open(path), qPrintable(holder.errorMessage()));
    QSqlDatabase db = holder.database();
    QVERIFY(beginWriteTransaction(db));
    QVERIFY(inTransaction(db));
    QVERIFY(!beginWriteTransaction(db)); // already in one

    auto flag = startQaw({QStringLiteral("flag"), QStringLiteral("-w"), path});
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += flag->readAllStandardError()).contains(
                                 "waiting for another writer"),
                             30000);
    QCOMPARE(flag->state(), QProcess::Running);
    QVERIFY(db.commit());
    QVERIFY(flag->waitForFinished(60000));
    QCOMPARE(flag->exitCode(), 0);
}

// A lock held past the limit: the waiting writer gives up with a clear error and has
// written nothing outside a transaction.
void TestConcurrentWriters::lockHeldTooLongFailsCleanly()
{
    const QString path = copyOf(m_base, m_dir.filePath(QStringLiteral("limit.qaw")));
    writerWait::setLimitMs(300);
    Workspace holder;
    Workspace waiter;
    QVERIFY(holder.open(path));
    QVERIFY(waiter.open(path));
    QSqlDatabase held = holder.database();
    QVERIFY(beginWriteTransaction(held));
    QSqlDatabase waiting = waiter.database();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!beginWriteTransaction(waiting));
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(!inTransaction(waiting));
    QVERIFY(held.commit());
    QVERIFY(beginWriteTransaction(waiting));
    QVERIFY(waiting.rollback());
    writerWait::setLimitMs(writerWait::kDefaultLimitMs);
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "TestConcurrentWriters.moc"
