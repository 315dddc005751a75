#pragma once

#include "Prompts.h"
#include "domain/Evaluation.h"
#include "import/ImportTypes.h"
#include "domain/Scorecard.h"
#include "storage/WorkspaceQueries.h"
#include "settings/AppSettings.h"
#include "storage/Workspace.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QMenu;
class QTabWidget;

namespace qaw {

class BackupRunner;
class Workspace;
class Prompts;
class InteractionsView;
class CalibrationView;
class TrendsView;
class CoachingView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { InteractionsTab, CalibrationTab, TrendsTab, CoachingTab };

    //! \a settings and \a prompts may be given by tests; otherwise the real ones.
    explicit MainWindow(std::unique_ptr<AppSettings> settings = nullptr,
                        std::unique_ptr<Prompts> prompts = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Start-up: \a path if given, else the last workspace, else offer the demo.
    void openInitialWorkspace(const QString &path);
    bool openWorkspace(const QString &path);
    bool createWorkspace(const QString &path);
    void closeWorkspace();
    //! Imports \a files with \a options (the import dialog's choices), with progress,
    //! then shows the summary. Returns false when nothing could be read.
    bool importFiles(const QStringList &files, const ImportOptions &options);
    //! Creates the demo workspace at \a path (in a worker thread, with progress).
    bool createDemoWorkspace(const QString &path);
    //! Opens the demo workspace in the user's data folder, creating it first if absent.
    bool openDemoWorkspace();

    Workspace *workspace() const { return m_workspace.get(); }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateRecentMenu();
    void updateStatus();
    void setWorkspace(std::unique_ptr<Workspace> workspace);
    void showAbout();
    void editScorecard();
    void adoptShippedScorecard();
    void importInteractions();
    //! Scores new and changed interactions (everything when \a all), then refreshes.
    bool scoreWorkspace(bool all);
    void showImportHistory(qint64 batchId = -1);
    void backUpWorkspace();
    void offerDemo();

    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Prompts> m_prompts;
    std::unique_ptr<Workspace> m_workspace;
    QTabWidget *m_tabs = nullptr;
    InteractionsView *m_interactions = nullptr;
    CalibrationView *m_calibration = nullptr;
    TrendsView *m_trends = nullptr;
    CoachingView *m_coaching = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_editScorecardAction = nullptr;
    QAction *m_adoptScorecardAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_scoreNewAction = nullptr;
    QAction *m_scoreAllAction = nullptr;
    QAction *m_importHistoryAction = nullptr;
    QAction *m_backupAction = nullptr;
    BackupRunner *m_backup = nullptr; // created at the first backup
    //! Scores one interaction without storing it (the scorecard editor's live preview).
    std::function<Evaluation(const Scorecard &, const StoredInteraction &)> m_previewScorer;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
};

} // namespace qaw
