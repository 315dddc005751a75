#include "TestPaths.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestImportCli : public QObject
{
    Q_OBJECT

private slots:
    void importsAndSummarises();
    void badArguments_data();
    void badArguments();
    void unreadableFileFails();
    void rejectsAreListedAndExported();
    void mappingCorrectedSavedAndReused();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run qaw(const QStringList &args);
    QTemporaryDir m_dir;
};

namespace {

QString data(const char *relative)
{
    return QStringLiteral(QAW_TEST_DATA_DIR "/import/") + QLatin1String(relative);
}

} // namespace

TestImportCli::Run TestImportCli::qaw(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestImportCli::importsAndSummarises()
{
    const QString ws = m_dir.filePath(QStringLiteral("summary.qaw"));
    const Run r = qaw({QStringLiteral("import"), data("jsonl/good.jsonl"),
                       data("csv/turns-comma.csv"), QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Imported 2 file(s)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral(": 5 new, 0 updated, 0 unchanged, 0 rejected, 2 redacted")));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // one line
    QVERIFY(r.err.contains(QStringLiteral("records")));
    const Run again = qaw({QStringLiteral("import"), data("jsonl/good.jsonl"),
                           QStringLiteral("--workspace"), ws, QStringLiteral("--quiet")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(QStringLiteral("0 new, 0 updated, 3 unchanged")));
    QVERIFY(again.err.isEmpty());
}

void TestImportCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString ws = m_dir.filePath(QStringLiteral("args.qaw"));
    QTest::newRow("no workspace") << QStringList{QStringLiteral("import"), data("jsonl/good.jsonl")}
                                  << QStringLiteral("--workspace");
    QTest::newRow("no file") << QStringList{QStringLiteral("import"), QStringLiteral("--workspace"), ws}
                             << QStringLiteral("FILE");
    QTest::newRow("format") << QStringList{QStringLiteral("import"), data("jsonl/good.jsonl"),
                                           QStringLiteral("--workspace"), ws,
                                           QStringLiteral("--format"), QStringLiteral("xml")}
                            << QStringLiteral("unknown --format 'xml'");
    QTest::newRow("redact") << QStringList{QStringLiteral("import"), data("jsonl/good.jsonl"),
                                           QStringLiteral("--workspace"), ws,
                                           QStringLiteral("--redact"), QStringLiteral("cards,iban")}
                            << QStringLiteral("unknown redaction 'iban'");
}

void TestImportCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = qaw(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestImportCli::unreadableFileFails()
{
    const QString ws = m_dir.filePath(QStringLiteral("unreadable.qaw"));
    const Run r = qaw({QStringLiteral("import"), m_dir.filePath(QStringLiteral("absent.jsonl")),
                       data("jsonl/good.jsonl"), QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("absent.jsonl: no such file")), qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("3 new"))); // the readable file was still imported
}

void TestImportCli::rejectsAreListedAndExported()
{
    const QString ws = m_dir.filePath(QStringLiteral("rejects.qaw"));
    const Run r = qaw({QStringLiteral("import"), data("bad/truncated.jsonl"),
                       data("csv/unbalanced.csv"), QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("2 rejected")));
    QVERIFY2(r.err.contains(QStringLiteral("qaw rejects --workspace")), qPrintable(r.err));
    const Run list = qaw({QStringLiteral("rejects"), QStringLiteral("--workspace"), ws});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(QStringLiteral("truncated JSON")));
    QVERIFY(list.out.contains(QStringLiteral("unbalanced quotes")));
    QVERIFY(list.out.contains(QStringLiteral("2 rejected record(s)")));
    const QString csv = m_dir.filePath(QStringLiteral("rejects.csv"));
    const Run exported = qaw({QStringLiteral("rejects"), QStringLiteral("--workspace"), ws,
                              QStringLiteral("--batch"), QStringLiteral("2"),
                              QStringLiteral("--out"), csv});
    QCOMPARE(exported.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(content.startsWith("batch,file,record,reason,raw\r\n2,"));
    QVERIFY(content.contains("unbalanced quotes"));
    QVERIFY(!content.contains("truncated JSON"));
}

void TestImportCli::mappingCorrectedSavedAndReused()
{
    const QString ws = m_dir.filePath(QStringLiteral("mapping.qaw"));
    const QString file = data("csv/custom-headers.csv");
    const Run unmapped = qaw({QStringLiteral("import"), file, QStringLiteral("--workspace"), ws});
    QCOMPARE(unmapped.exitCode, 1);
    QVERIFY2(unmapped.err.contains(QStringLiteral("cannot be mapped")), qPrintable(unmapped.err));
    const Run saved = qaw({QStringLiteral("import"), file, QStringLiteral("--workspace"), ws,
                           QStringLiteral("--map"), QStringLiteral("started_at=When"),
                           QStringLiteral("--map"), QStringLiteral("agent_id=Rep"),
                           QStringLiteral("--map"), QStringLiteral("speaker=Who"),
                           QStringLiteral("--map"), QStringLiteral("text=Said"),
                           QStringLiteral("--save-mapping"), QStringLiteral("helpdesk")});
    QCOMPARE(saved.exitCode, 0);
    QVERIFY2(saved.out.contains(QStringLiteral("1 new")), qPrintable(saved.out + saved.err));
    const Run reused = qaw({QStringLiteral("import"), file, QStringLiteral("--workspace"), ws,
                            QStringLiteral("--mapping"), QStringLiteral("helpdesk")});
    QCOMPARE(reused.exitCode, 0);
    QVERIFY2(reused.out.contains(QStringLiteral("1 unchanged")), qPrintable(reused.out));
}

QTEST_GUILESS_MAIN(TestImportCli)
#include "TestImportCli.moc"
