#include "MainWindow.h"

#include "Prompts.h"
#include "views/CalibrationView.h"
#include "views/CoachingView.h"
#include "views/InteractionsView.h"
#include "views/TrendsView.h"

#include "dialogs/BackupRunner.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/ImportHistoryDialog.h"
#include "dialogs/ImportRunner.h"
#include "dialogs/ScorecardEditor.h"
#include "dialogs/ScoringRunner.h"
#include "dialogs/WorkspaceUpgrade.h"

#include "calibration/TrustGate.h"
#include "coaching/Flagger.h"
#include "scoring/ScorecardScorer.h"

#include "demo/DemoWorkspace.h"
#include "storage/DefaultContent.h"
#include "storage/ScorecardRepository.h"
#include "storage/WorkspaceQueries.h"
#include "storage/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QEventLoop>

namespace qaw {
namespace {

const QString kWorkspaceFilter = QStringLiteral("QA Workbench workspaces (*.qaw);;All files (*)");

} // namespace

MainWindow::MainWindow(std::unique_ptr<AppSettings> settings, std::unique_ptr<Prompts> prompts,
                       QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings ? std::move(settings) : std::make_unique<AppSettings>()),
      m_prompts(prompts ? std::move(prompts) : std::make_unique<Prompts>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("QA Workbench"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_interactions = new InteractionsView(this);
    m_calibration = new CalibrationView(this);
    m_trends = new TrendsView(this);
    m_trends->setPrompts(m_prompts.get());
    m_calibration->setPrompts(m_prompts.get());
    m_calibration->setReviewerName(m_settings->reviewerName());
    m_interactions->setReviewer(m_settings->reviewerName());
    // A click on a chart shows the interactions behind it.
    connect(m_trends, &TrendsView::drillDown, this, [this](const InteractionFilter &filter) {
        m_interactions->applyFilter(filter);
        m_tabs->setCurrentWidget(m_interactions);
    });
    connect(m_interactions, &InteractionsView::humanEvaluationSaved, this, [this] {
        m_calibration->refresh();
        updateStatus();
    });
    m_previewScorer = [](const Scorecard &card, const StoredInteraction &interaction) {
        QStringList errors;
        const auto scorer = ScorecardScorer::compile(card, &errors);
        return scorer ? scorer->score(interaction) : Evaluation{};
    };
    m_coaching = new CoachingView(this);
    m_coaching->setPrompts(m_prompts.get());
    m_tabs->addTab(m_interactions, tr("&Interactions"));
    m_tabs->addTab(m_calibration, tr("C&alibration"));
    m_tabs->addTab(m_trends, tr("&Trends"));
    m_tabs->addTab(m_coaching, tr("C&oaching"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_settings->setCurrentWorkspaceTab(index); });

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("statusWorkspacePath"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);

    createActions();
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1400, 880);
    restoreState(m_settings->windowState());
    m_tabs->setCurrentIndex(m_settings->currentWorkspaceTab());
    setWorkspace(nullptr);
}

MainWindow::~MainWindow()
{
    // Views hold pointers into the workspace: let them go first.
    setWorkspace(nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *newAction = file->addAction(tr("&New Workspace..."), this, [this] {
        const QString path = m_prompts->saveFileName(this, tr("New Workspace"),
                                                     tr("workspace.qaw"), kWorkspaceFilter);
        if (!path.isEmpty())
            createWorkspace(path);
    });
    newAction->setObjectName(QStringLiteral("actionNewWorkspace"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Workspace..."), this, [this] {
        const QString path = m_prompts->openFileName(this, tr("Open Workspace"), kWorkspaceFilter);
        if (!path.isEmpty())
            openWorkspace(path);
    });
    openAction->setObjectName(QStringLiteral("actionOpenWorkspace"));
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import Interactions..."), this, &MainWindow::importInteractions);
    m_importAction->setObjectName(QStringLiteral("actionImport"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importHistoryAction = file->addAction(tr("Import &History..."), this, [this] { showImportHistory(); });
    m_importHistoryAction->setObjectName(QStringLiteral("actionImportHistory"));
    m_backupAction = file->addAction(tr("&Back Up Workspace..."), this, &MainWindow::backUpWorkspace);
    m_backupAction->setObjectName(QStringLiteral("actionBackUp"));
    file->addSeparator();
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    QAction *demoAction =
        file->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemoWorkspace);
    demoAction->setObjectName(QStringLiteral("actionOpenDemo"));
    m_closeAction = file->addAction(tr("&Close Workspace"), this, &MainWindow::closeWorkspace);
    m_closeAction->setObjectName(QStringLiteral("actionCloseWorkspace"));
    m_closeAction->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    const QStringList names = {QStringLiteral("Interactions"), QStringLiteral("Calibration"),
                               QStringLiteral("Trends"), QStringLiteral("Coaching")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *a = view->addAction(m_tabs->tabText(i), this,
                                     [this, i] { m_tabs->setCurrentIndex(i); });
        a->setObjectName(QStringLiteral("actionShow") + names[i]);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this] {
        for (int i = 0; i < m_tabs->count(); ++i)
            static_cast<WorkspaceView *>(m_tabs->widget(i))->refresh();
        updateStatus();
    });
    refresh->setObjectName(QStringLiteral("actionRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu *scoring = menuBar()->addMenu(tr("&Scoring"));
    scoring->setObjectName(QStringLiteral("scoringMenu"));
    m_editScorecardAction =
        scoring->addAction(tr("&Edit Scorecard..."), this, &MainWindow::editScorecard);
    m_editScorecardAction->setObjectName(QStringLiteral("actionEditScorecard"));
    m_adoptScorecardAction = scoring->addAction(tr("Use the &Shipped Scorecard..."), this,
                                                &MainWindow::adoptShippedScorecard);
    m_adoptScorecardAction->setObjectName(QStringLiteral("actionAdoptShippedScorecard"));
    m_scoreNewAction = scoring->addAction(tr("Score &New and Changed"), this, [this] { scoreWorkspace(false); });
    m_scoreNewAction->setObjectName(QStringLiteral("actionScoreNew"));
    m_scoreNewAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_scoreAllAction = scoring->addAction(tr("Re-score &All"), this, [this] { scoreWorkspace(true); });
    m_scoreAllAction->setObjectName(QStringLiteral("actionScoreAll"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About QA Workbench"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentWorkspaces();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName() +
                                                 QStringLiteral("  (") + path + QLatin1Char(')'),
                                             this, [this, path] { openWorkspace(path); });
        a->setObjectName(QStringLiteral("actionRecent_") + QFileInfo(path).fileName());
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus()
{
    if (!m_workspace) {
        m_pathLabel->setText(tr("No workspace open. Use File > Open, or File > Open Demo "
                                "Workspace."));
        m_countsLabel->clear();
        return;
    }
    m_pathLabel->setText(m_workspace->path() +
                         (m_workspace->isReadOnly() ? tr("  (read-only)") : QString()));
    const WorkspaceCounts c = m_workspace->counts();
    m_countsLabel->setText(tr("%L1 interactions · %L2 agents · %L3 evaluations · %L4 coaching "
                              "items")
                               .arg(c.interactions)
                               .arg(c.agents)
                               .arg(c.evaluations)
                               .arg(c.coachingItems));
}

void MainWindow::setWorkspace(std::unique_ptr<Workspace> workspace)
{
    if (m_backup)
        m_backup->waitForFinished(); // its worker reads through the current workspace
    for (int i = 0; i < m_tabs->count(); ++i)
        static_cast<WorkspaceView *>(m_tabs->widget(i))->setWorkspace(nullptr);
    m_workspace = std::move(workspace);
    for (int i = 0; i < m_tabs->count(); ++i)
        static_cast<WorkspaceView *>(m_tabs->widget(i))->setWorkspace(m_workspace.get());
    m_closeAction->setEnabled(m_workspace != nullptr);
    m_editScorecardAction->setEnabled(m_workspace && !m_workspace->isReadOnly());
    m_adoptScorecardAction->setEnabled(m_workspace && !m_workspace->isReadOnly());
    m_importAction->setEnabled(m_workspace && !m_workspace->isReadOnly());
    m_scoreNewAction->setEnabled(m_workspace && !m_workspace->isReadOnly());
    m_scoreAllAction->setEnabled(m_workspace && !m_workspace->isReadOnly());
    m_importHistoryAction->setEnabled(m_workspace != nullptr);
    m_backupAction->setEnabled(m_workspace != nullptr);
    setWindowTitle(m_workspace ? QFileInfo(m_workspace->path()).fileName() +
                                     (m_workspace->isReadOnly() ? tr(" (read-only)") : QString()) +
                                     QStringLiteral(" — QA Workbench")
                               : tr("QA Workbench"));
    updateStatus();
}

bool MainWindow::openWorkspace(const QString &path)
{
    QString upgradeError;
    if (!upgradeWorkspaceWithProgress(this, path, &upgradeError)) {
        m_prompts->error(this, tr("Cannot open workspace"), upgradeError);
        return false;
    }
    auto ws = std::make_unique<Workspace>();
    if (!ws->open(path, Workspace::OpenMode::OpenExisting)) {
        m_prompts->error(this, tr("Cannot open workspace"), ws->errorMessage());
        if (ws->errorCode() == OpenErrorCode::NotFound) {
            m_settings->removeRecentWorkspace(QFileInfo(path).absoluteFilePath());
            updateRecentMenu();
        }
        return false;
    }
    if (ws->isReadOnly())
        m_prompts->information(this, tr("Read-only workspace"),
                               tr("%1 is read-only. You can look at everything, but imports, "
                                  "scoring and edits are disabled.")
                                   .arg(ws->path()));
    m_settings->setLastWorkspace(ws->path());
    m_settings->addRecentWorkspace(ws->path());
    setWorkspace(std::move(ws));
    updateRecentMenu();
    return true;
}

bool MainWindow::createWorkspace(const QString &path)
{
    if (QFileInfo(path).exists() && QFileInfo(path).size() > 0)
        return openWorkspace(path);
    auto ws = std::make_unique<Workspace>();
    if (!ws->open(path, Workspace::OpenMode::CreateIfMissing)) {
        m_prompts->error(this, tr("Cannot create workspace"), ws->errorMessage());
        return false;
    }
    m_settings->setLastWorkspace(ws->path());
    m_settings->addRecentWorkspace(ws->path());
    setWorkspace(std::move(ws));
    updateRecentMenu();
    return true;
}

void MainWindow::closeWorkspace()
{
    setWorkspace(nullptr);
}

bool MainWindow::createDemoWorkspace(const QString &path)
{
    DemoOptions options;
    QProgressDialog progress(tr("Creating the demo workspace..."), tr("Cancel"), 0,
                             options.interactions, this);
    progress.setObjectName(QStringLiteral("demoProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);

    // The worker opens its own connection: one SQLite connection per thread.
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, &progress,
            &QProgressDialog::setValue);
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    connect(&progress, &QProgressDialog::canceled, &watcher, &QFutureWatcherBase::cancel);
    watcher.setFuture(QtConcurrent::run([path, options](QPromise<QString> &promise) {
        Workspace ws;
        if (!ws.open(path, Workspace::OpenMode::CreateIfMissing)) {
            promise.addResult(ws.errorMessage());
            return;
        }
        QString error;
        const bool ok = buildDemoWorkspace(ws, options, &error, [&promise](int done) {
            promise.setProgressValue(done);
            return !promise.isCanceled();
        });
        promise.addResult(ok ? QString() : error);
    }));
    loop.exec();
    const QString error = watcher.future().resultCount() > 0 ? watcher.future().result() : QString();
    if (!error.isEmpty()) {
        m_prompts->error(this, tr("Cannot create the demo workspace"), error);
        return false;
    }
    return true;
}

bool MainWindow::openDemoWorkspace()
{
    const QString path = AppSettings::defaultDemoWorkspacePath();
    return (QFileInfo::exists(path) || createDemoWorkspace(path)) && openWorkspace(path);
}

void MainWindow::offerDemo()
{
    const QString path = AppSettings::defaultDemoWorkspacePath();
    if (QFileInfo::exists(path)) {
        openWorkspace(path);
        return;
    }
    if (m_prompts->question(this, tr("Welcome to QA Workbench"),
                            tr("No workspace is open yet. Create the demo workspace (20,000 "
                               "realistic interactions from 44 agents over six months) to "
                               "explore the workbench?\n\nIt will be saved as %1.")
                                .arg(path))
        && createDemoWorkspace(path))
        openWorkspace(path);
}

void MainWindow::openInitialWorkspace(const QString &path)
{
    if (!path.isEmpty()) {
        openWorkspace(path);
        return;
    }
    const QString last = m_settings->lastWorkspace();
    if (!last.isEmpty() && QFileInfo::exists(last) && openWorkspace(last))
        return;
    offerDemo();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About QA Workbench"),
        tr("<h3>QA Workbench %1</h3><p>Automated and human quality scoring for customer "
           "support: import every interaction, score it against a weighted scorecard, "
           "calibrate against human reviewers, chart trends and coach.</p>"
           "<p>Built with Qt %2, SQLite and QCustomPlot.</p>")
            .arg(QStringLiteral(QAW_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::importInteractions()
{
    if (!m_workspace)
        return;
    ImportDialog dialog(*m_workspace, *m_prompts, this);
    const QString first = m_prompts->openFileName(
        this, tr("Import interactions"),
        tr("Interaction exports (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
    if (first.isEmpty())
        return;
    dialog.setFiles({first});
    if (dialog.exec() == QDialog::Accepted)
        importFiles(dialog.files(), dialog.options());
}

bool MainWindow::importFiles(const QStringList &files, const ImportOptions &options)
{
    if (!m_workspace || files.isEmpty())
        return false;
    const ImportResult result = runImportWithProgress(files, options, *m_workspace, this);
    // New and changed interactions are scored at once, so every view shows their scores.
    if (result.total(&FileImportResult::imported) + result.total(&FileImportResult::updated) > 0)
        scoreWorkspace(false);
    for (int i = 0; i < m_tabs->count(); ++i)
        static_cast<WorkspaceView *>(m_tabs->widget(i))->refresh();
    updateStatus();
    const QString summary = importSummaryText(result);
    const qint64 rejected = result.total(&FileImportResult::rejected);
    if (!result.allRead())
        m_prompts->error(this, tr("Some files could not be imported"), summary);
    else if (rejected > 0 && m_prompts->question(this, tr("Import finished"),
                                                  summary + tr("\n\nShow the rejected records?")))
        showImportHistory(result.files.front().batchId);
    else if (rejected == 0)
        m_prompts->information(this, tr("Import finished"), summary);
    return result.allRead();
}

bool MainWindow::scoreWorkspace(bool all)
{
    if (!m_workspace || m_workspace->isReadOnly())
        return false;
    QString error;
    const auto summary = runScoringWithProgress(*m_workspace, all, this, &error);
    if (summary && summary->scored > 0) {
        // New scores move the trust gate and feed the flag rules.
        TrustGate::refresh(*m_workspace);
        Flagger(*m_workspace).run(m_settings->reviewerName());
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        static_cast<WorkspaceView *>(m_tabs->widget(i))->refresh();
    updateStatus();
    if (!summary) {
        m_prompts->error(this, tr("Scoring failed"), error);
        return false;
    }
    statusBar()->showMessage(tr("Scored %L1 interactions under %2 version %3 (mean %4)%5")
                                 .arg(summary->scored)
                                 .arg(summary->scorecardName)
                                 .arg(summary->scorecardVersion)
                                 .arg(summary->meanTotal, 0, 'f', 1)
                                 .arg(summary->cancelled ? tr(", cancelled") : QString()),
                             10000);
    return true;
}

void MainWindow::showImportHistory(qint64 batchId)
{
    if (!m_workspace)
        return;
    ImportHistoryDialog dialog(*m_workspace, *m_prompts, this);
    if (batchId >= 0)
        dialog.selectBatch(batchId);
    dialog.exec();
}

void MainWindow::editScorecard()
{
    if (!m_workspace)
        return;
    const auto stored = ScorecardRepository(*m_workspace).active();
    if (!stored) {
        m_prompts->error(this, tr("No scorecard"),
                         tr("This workspace has no active scorecard to edit."));
        return;
    }
    ScorecardEditor editor(*m_workspace, stored->scorecard, stored->version, this);
    const qint64 selected = m_interactions->currentInteractionId();
    editor.setPreview(m_previewScorer, selected >= 0 ? queries::interaction(*m_workspace, selected)
                                                     : std::nullopt);
    if (editor.exec() != QDialog::Accepted)
        return;
    QString error;
    if (editor.saveNewVersion(m_settings->reviewerName(), tr("edited in the scorecard editor"),
                              true, &error) < 0) {
        m_prompts->error(this, tr("Cannot save the scorecard"), error);
        return;
    }
    // A new active version is applied to every interaction.
    scoreWorkspace(true);
}

void MainWindow::adoptShippedScorecard()
{
    if (!m_workspace)
        return;
    if (!m_prompts->question(
            this, tr("Use the shipped scorecard"),
            tr("Make the scorecard this release of QA Workbench ships the active version, and "
               "re-score every interaction with it?\n\nA workspace keeps the scorecard it was "
               "made with until you ask; the current version and its evaluations stay in the "
               "history.")))
        return;
    QString error;
    const int version = qaw::adoptShippedScorecard(*m_workspace, m_settings->reviewerName(), &error);
    if (version < 0) {
        m_prompts->error(this, tr("Cannot use the shipped scorecard"), error);
        return;
    }
    if (version == 0) {
        m_prompts->information(this, tr("Use the shipped scorecard"),
                               tr("The active scorecard already is the one this release ships."));
        return;
    }
    scoreWorkspace(true);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
    event->accept();
}

void MainWindow::backUpWorkspace()
{
    if (!m_workspace || (m_backup && m_backup->isRunning()))
        return;
    const QFileInfo source(m_workspace->path());
    const QString suggested = source.dir().filePath(
        QStringLiteral("%1-backup-%2.qaw")
            .arg(source.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path = m_prompts->saveFileName(this, tr("Back Up Workspace"), suggested,
                                                 kWorkspaceFilter);
    if (path.isEmpty())
        return;
    if (!m_backup) {
        m_backup = new BackupRunner(*m_prompts, this);
        connect(m_backup, &BackupRunner::finished, this, [this](const QString &target,
                                                                const QString &error) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("Backed up to %1").arg(target), 8000);
        });
    }
    m_backup->start(*m_workspace, path);
}

} // namespace qaw
