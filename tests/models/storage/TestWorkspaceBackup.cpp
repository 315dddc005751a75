#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceBackup.h"
#include "storage/WorkspaceCheck.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestWorkspaceBackup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    static qint64 count(const Workspace &ws, const char *table)
    {
        QSqlQuery q(ws.database());
        return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()
                   ? q.value(0).toLongLong()
                   : -1;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("w.qaw"));
        Workspace ws;
        QVERIFY(ws.open(m_path, Workspace::OpenMode::CreateIfMissing));
        DemoOptions options;
        options.interactions = 60;
        QString error;
        QVERIFY2(buildDemoWorkspace(ws, options, &error), qPrintable(error));
    }

    void backupWhileAnotherConnectionReads()
    {
        Workspace source;
        QVERIFY(source.open(m_path));
        // A second connection (as the GUI's would be) holds a read transaction open.
        Workspace reader;
        QVERIFY(reader.open(m_path));
        QSqlQuery hold(reader.database());
        QVERIFY(hold.exec(QStringLiteral("BEGIN")));
        QVERIFY(hold.exec(QStringLiteral("SELECT count(*) FROM interactions")) && hold.next());

        const QString target = m_dir.filePath(QStringLiteral("copy.qaw"));
        int calls = 0;
        QString error;
        QVERIFY2(backupWorkspace(source, target, [&calls](int done, int total) {
                     ++calls;
                     return done <= total;
                 }, &error),
                 qPrintable(error));
        QVERIFY(calls > 0);
        QVERIFY(hold.exec(QStringLiteral("COMMIT")));

        Workspace copy;
        QVERIFY2(copy.open(target), qPrintable(copy.errorMessage()));
        for (const char *table : {"interactions", "turns", "evaluations", "criterion_scores",
                                  "agents", "coaching_items", "import_batches"})
            QCOMPARE(count(copy, table), count(source, table));
        QVERIFY(count(copy, "interactions") == 60);
        QCOMPARE(checkWorkspace(copy), QStringList());
    }

    void cancelledOrRefusedLeavesNoFile()
    {
        Workspace source;
        QVERIFY(source.open(m_path));
        const QString target = m_dir.filePath(QStringLiteral("cancelled.qaw"));
        QString error;
        QVERIFY(!backupWorkspace(source, target, [](int, int) { return false; }, &error));
        QVERIFY(error.contains(QLatin1String("cancelled")));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!backupWorkspace(source, m_path, {}, &error)); // onto itself
        QVERIFY(!backupWorkspace(source, QStringLiteral("/dev/full"), {}, &error));
        QVERIFY(error.contains(QLatin1String("not a regular file")));
    }

    void checkReportsABrokenForeignKeyAndSearchIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.qaw"));
        {
            Workspace source;
            QVERIFY(source.open(m_path));
            QString error;
            QVERIFY(backupWorkspace(source, path, {}, &error));
        }
        {
            // Written behind the workspace's back, foreign keys off, as a careless bulk
            // writer could.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("breaker"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
            QVERIFY2(q.exec(QStringLiteral("UPDATE interactions SET agent_id = 999999 WHERE id = "
                                           "(SELECT min(id) FROM interactions)")),
                     qPrintable(q.lastError().text()));
            // And a turn changed without its search document (nothing keeps them in step
            // outside the importer).
            QVERIFY(q.exec(QStringLiteral("UPDATE turns SET text = 'zyzzyva' WHERE id = "
                                          "(SELECT min(id) FROM turns)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("breaker"));
        Workspace ws;
        QVERIFY(ws.open(path));
        const QStringList problems = checkWorkspace(ws);
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).startsWith(QLatin1String("foreign key: interactions row ")),
                 qPrintable(problems.at(0)));
        QVERIFY(problems.at(0).contains(QLatin1String("agents")));
        QVERIFY2(problems.at(1).startsWith(QLatin1String("search index: ")),
                 qPrintable(problems.at(1)));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceBackup)
#include "TestWorkspaceBackup.moc"
