#include "MainWindow.h"
#include "Prompts.h"
#include "dialogs/BackupRunner.h"
#include "demo/DemoWorkspace.h"
#include "settings/AppSettings.h"
#include "storage/Workspace.h"

#include <QAction>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

namespace {

//! Answers the window's save dialog and remembers the errors it showed.
class ScriptedPrompts : public Prompts
{
public:
    QString nextFile;
    QStringList errors;

    QString openFileName(QWidget *, const QString &, const QString &) override { return nextFile; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return nextFile; }
    void error(QWidget *, const QString &, const QString &text) override { errors << text; }
};

} // namespace

//! File > Back Up Workspace...: runs on a worker, the window keeps its workspace, and a
//! failure is an error naming the file.
class TestBackupAction : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void backsUpAndReportsFailure()
    {
        const QString path = m_dir.filePath(QStringLiteral("gui.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(path, Workspace::OpenMode::CreateIfMissing));
            DemoOptions options;
            options.interactions = 50;
            QString error;
            QVERIFY2(buildDemoWorkspace(ws, options, &error), qPrintable(error));
        }
        auto owned = std::make_unique<ScriptedPrompts>();
        ScriptedPrompts *prompts = owned.get();
        MainWindow window(std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("s.ini"))),
                          std::move(owned));
        window.show();
        window.openWorkspace(path);
        QVERIFY(window.workspace());
        auto *backUp = window.findChild<QAction *>(QStringLiteral("actionBackUp"));
        QVERIFY(backUp && backUp->isEnabled());

        const QString target = m_dir.filePath(QStringLiteral("backup.qaw"));
        prompts->nextFile = target;
        backUp->trigger();
        auto *runner = window.findChild<BackupRunner *>(QStringLiteral("backupRunner"));
        QVERIFY(runner);
        QTRY_VERIFY_WITH_TIMEOUT(!runner->isRunning(), 20000);
        QVERIFY(QFileInfo::exists(target));
        QVERIFY2(prompts->errors.isEmpty(), qPrintable(prompts->errors.join(QLatin1Char(' '))));
        {
            Workspace copy;
            QVERIFY(copy.open(target));
            QCOMPARE(copy.counts().interactions, 50);
        }

        prompts->nextFile = QStringLiteral("/dev/full");
        backUp->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(prompts->errors.size(), 1, 20000);
        QVERIFY2(prompts->errors.front().contains(QLatin1String("/dev/full")),
                 qPrintable(prompts->errors.front()));
        QVERIFY(window.workspace());
    }
};

QTEST_MAIN(TestBackupAction)
#include "TestBackupAction.moc"
