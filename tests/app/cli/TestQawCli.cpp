#include "storage/Schema.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestQawCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run qaw(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(!qEnvironmentVariable("QAW_QAW_EXE").isEmpty()); }

    void demoThenInfoJson()
    {
        const QString ws = m_dir.filePath(QStringLiteral("d.qaw"));
        const Run demo = qaw({QStringLiteral("demo"), QStringLiteral("--workspace"), ws,
                              QStringLiteral("--interactions"), QStringLiteral("300"),
                              QStringLiteral("--seed"), QStringLiteral("5")});
        QCOMPARE(demo.exitCode, 0);
        const Run info = qaw({QStringLiteral("info"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(o.value(QStringLiteral("interactions")).toInt(), 300);
        QVERIFY(o.value(QStringLiteral("agents")).toInt() >= 40);
        QVERIFY(o.value(QStringLiteral("turns")).toInt() > 300 * 8);
        QVERIFY(o.contains(QStringLiteral("evaluations")));
        QVERIFY(o.contains(QStringLiteral("coaching_items")));
        QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), qaw::schema::kCurrentVersion);
        // The demo refuses to overwrite an existing workspace.
        const Run again = qaw({QStringLiteral("demo"), QStringLiteral("--workspace"), ws});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("already exists"));
    }

    void errorsAreSpecificAndNonZero()
    {
        const QString text = m_dir.filePath(QStringLiteral("notes.csv"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b\n1,2\n");
        f.close();
        Run r = qaw({QStringLiteral("info"), QStringLiteral("--workspace"), text});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not an SQLite database"));
        r = qaw({QStringLiteral("info"), QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("none.qaw"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("does not exist"));
        r = qaw({QStringLiteral("nonsense")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
        r = qaw({QStringLiteral("info"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        r = qaw({QStringLiteral("demo"), QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("x.qaw")),
                 QStringLiteral("--interactions"), QStringLiteral("many")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestQawCli)
#include "TestQawCli.moc"
