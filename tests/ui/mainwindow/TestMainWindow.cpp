#include "MainWindow.h"
#include "Prompts.h"

#include "OldWorkspace.h"
#include "coaching/CalibratedCriteria.h"
#include "coaching/Flagger.h"
#include "demo/DemoWorkspace.h"
#include "dialogs/WorkspaceUpgrade.h"
#include "itemmodels/InteractionTableModel.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"
#include "views/InteractionsView.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <qcustomplot.h>

using namespace qaw;

namespace {

//! Answers the questions the window asks, and remembers the errors it showed.
class ScriptedPrompts : public Prompts
{
public:
    QString nextFile;
    bool answer = false;
    QStringList errors;
    QStringList infos;

    QString openFileName(QWidget *, const QString &, const QString &) override { return nextFile; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return nextFile; }
    void error(QWidget *, const QString &, const QString &text) override { errors << text; }
    void information(QWidget *, const QString &, const QString &text) override { infos << text; }
    bool question(QWidget *, const QString &, const QString &) override { return answer; }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_workspace;

    struct Fixture
    {
        ScriptedPrompts *prompts = nullptr;
        std::unique_ptr<MainWindow> window;
    };

    Fixture makeWindow()
    {
        Fixture f;
        auto prompts = std::make_unique<ScriptedPrompts>();
        f.prompts = prompts.get();
        f.window = std::make_unique<MainWindow>(
            std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini"))),
            std::move(prompts));
        f.window->show();
        return f;
    }

private slots:
    void initTestCase()
    {
        m_workspace = m_dir.filePath(QStringLiteral("gui.qaw"));
        Workspace ws;
        QVERIFY(ws.open(m_workspace, Workspace::OpenMode::CreateIfMissing));
        DemoOptions options;
        options.interactions = 600;
        QString error;
        QVERIFY2(buildDemoWorkspace(ws, options, &error), qPrintable(error));
        // 600 interactions over six months are too few for agent patterns (ten verdicts
        // per agent in four weeks), and the demo's reviews do not calibrate verification;
        // calibrating it gives the Coaching view its compliance items.
        QVERIFY(ws.setSetting(QLatin1String(kCalibratedCriteriaSetting),
                              QStringLiteral("[\"verification\"]")));
        QVERIFY(Flagger(ws).run().itemsCreated > 0);
    }

    void opensWorkspaceAndSwitchesThroughTheFourWorkspaces()
    {
        Fixture f = makeWindow();
        f.prompts->nextFile = m_workspace;
        QAction *open = f.window->findChild<QAction *>(QStringLiteral("actionOpenWorkspace"));
        QVERIFY(open);
        open->trigger();
        QVERIFY(f.window->workspace());
        QVERIFY(f.prompts->errors.isEmpty());
        QVERIFY(f.window->windowTitle().contains(QStringLiteral("gui.qaw")));
        auto *counts = f.window->findChild<QLabel *>(QStringLiteral("statusCounts"));
        QVERIFY(counts->text().contains(QStringLiteral("600 interactions")));

        QTabWidget *tabs = f.window->tabs();
        QCOMPARE(tabs->count(), 4);
        const QStringList names = {QStringLiteral("Interactions"), QStringLiteral("Calibration"),
                                   QStringLiteral("Trends"), QStringLiteral("Coaching")};
        for (int i = 0; i < names.size(); ++i) {
            auto *show = f.window->findChild<QAction *>(QStringLiteral("actionShow") + names[i]);
            QVERIFY(show);
            show->trigger();
            QCOMPARE(tabs->currentIndex(), i);
            QCOMPARE(tabs->currentWidget()->objectName(), names[i].toLower() + QStringLiteral("View"));
            QVERIFY(tabs->currentWidget()->isEnabled());
        }

        // Interactions: a table with every interaction, and a transcript for the selection.
        auto *table = f.window->findChild<QTableView *>(QStringLiteral("interactionTable"));
        QCOMPARE(table->model()->rowCount(), 600);
        table->selectRow(3);
        auto *transcript = f.window->findChild<QTextBrowser *>(QStringLiteral("transcriptView"));
        QTRY_VERIFY(transcript->toPlainText().contains(QStringLiteral("Agent:")));
        // Full-text search narrows the table (after the typing pause).
        auto *search = f.window->findChild<QLineEdit *>(QStringLiteral("interactionSearch"));
        QTest::keyClicks(search, QStringLiteral("router"));
        QTRY_VERIFY(table->model()->rowCount() > 0 && table->model()->rowCount() < 600);

        // Calibration, Trends and Coaching show what the demo holds: reviews, a quality
        // trend, flagged items.
        auto *calibration = f.window->findChild<QLabel *>(QStringLiteral("calibrationSummary"));
        QVERIFY(calibration && !calibration->text().isEmpty());
        auto *plot = f.window->findChild<QCustomPlot *>(QStringLiteral("trendsQualityPlot"));
        QVERIFY(plot);
        QTRY_VERIFY_WITH_TIMEOUT(plot->plottableCount() >= 1 &&
                                     plot->plottable(0)->interface1D()->dataCount() >= 20,
                                 20000);
        auto *queue = f.window->findChild<QWidget *>(QStringLiteral("coachingQueue"));
        QVERIFY(queue);
        auto *queueTable = queue->findChild<QTableView *>();
        QVERIFY(queueTable);
        QTRY_VERIFY(queueTable->model()->rowCount() > 0);

        // Close leaves an empty, disabled window; the recent list remembers the file.
        f.window->findChild<QAction *>(QStringLiteral("actionCloseWorkspace"))->trigger();
        QVERIFY(!f.window->workspace());
        QVERIFY(!tabs->widget(0)->isEnabled());
        QVERIFY(f.window->findChild<QAction *>(QStringLiteral("actionRecent_gui.qaw")));
    }

    void badFileShowsSpecificErrorAndKeepsFile()
    {
        Fixture f = makeWindow();
        const QString bad = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are not interactions\n");
        file.close();
        f.prompts->nextFile = bad;
        f.window->findChild<QAction *>(QStringLiteral("actionOpenWorkspace"))->trigger();
        QVERIFY(!f.window->workspace());
        QCOMPARE(f.prompts->errors.size(), 1);
        QVERIFY(f.prompts->errors.first().contains(QStringLiteral("not an SQLite database")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("these are not interactions\n"));
    }

    void upgradesAnOlderWorkspaceBeforeOpeningIt()
    {
        const QString old = m_dir.filePath(QStringLiteral("older.qaw"));
        QCOMPARE(testing::writeOldWorkspace(old, schema::kCurrentVersion - 1, {}), QString());
        QVERIFY(workspaceNeedsUpgrade(old));
        QVERIFY(!workspaceNeedsUpgrade(m_workspace)); // current already
        Fixture f = makeWindow();
        QVERIFY(f.window->openWorkspace(old));
        QVERIFY(f.prompts->errors.isEmpty());
        QCOMPARE(f.window->workspace()->schemaVersion(), schema::kCurrentVersion);
        QCOMPARE(f.window->workspace()->counts().interactions, qint64(1));
        QVERIFY(!workspaceNeedsUpgrade(old));
    }

    void reopensLastWorkspaceOnStart()
    {
        {
            Fixture f = makeWindow();
            QVERIFY(f.window->openWorkspace(m_workspace));
            f.window->close();
        }
        Fixture f = makeWindow();
        f.window->openInitialWorkspace(QString());
        QVERIFY(f.window->workspace());
        QCOMPARE(f.window->workspace()->path(), m_workspace);
    }

    void usesTheShippedScorecardWhenAsked()
    {
        // A workspace whose active scorecard is no longer the shipped one.
        const QString path = m_dir.filePath(QStringLiteral("edited.qaw"));
        QVERIFY(QFile::copy(m_workspace, path));
        {
            Workspace ws;
            QVERIFY(ws.open(path, Workspace::OpenMode::OpenExisting));
            auto stored = ScorecardRepository(ws).active();
            QVERIFY(stored);
            stored->scorecard.passMark = 55;
            QString error;
            const qint64 id = ScorecardRepository(ws).saveNewVersion(stored->scorecard,
                                                                     QStringLiteral("test"),
                                                                     QStringLiteral("edited"), &error);
            QVERIFY2(id > 0 && ScorecardRepository(ws).activate(id, &error), qPrintable(error));
        }
        Fixture f = makeWindow();
        QVERIFY(f.window->openWorkspace(path));
        auto *adopt = f.window->findChild<QAction *>(QStringLiteral("actionAdoptShippedScorecard"));
        QVERIFY(adopt && adopt->isEnabled());
        f.prompts->answer = false; // "No" changes nothing
        adopt->trigger();
        QCOMPARE(ScorecardRepository(*f.window->workspace()).active()->scorecard.passMark, 55.0);
        f.prompts->answer = true;
        adopt->trigger();
        QVERIFY2(f.prompts->errors.isEmpty(), qPrintable(f.prompts->errors.join(QLatin1Char(' '))));
        const auto active = ScorecardRepository(*f.window->workspace()).active();
        QCOMPARE(active->version, 3);
        QCOMPARE(active->scorecard.passMark, 80.0);
        adopt->trigger(); // already the shipped one: said so, nothing saved
        QCOMPARE(f.prompts->infos.size(), 1);
        QCOMPARE(ScorecardRepository(*f.window->workspace()).active()->version, 3);
    }

    void everyActionHasAnObjectName()
    {
        Fixture f = makeWindow();
        const auto actions = f.window->findChildren<QAction *>();
        QVERIFY(!actions.isEmpty());
        for (QAction *a : actions)
            if (!a->isSeparator() && !a->text().isEmpty() && !a->menu())
                QVERIFY2(!a->objectName().isEmpty(), qPrintable(a->text()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
