#pragma once

#include "WorkspaceView.h"
#include "calibration/SessionReport.h"
#include "calibration/SessionSampler.h"

#include <QFutureWatcher>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace qaw {

class CalibrationAgreementPanel;
class HumanEvaluationForm;
class Prompts;
class SideBySideModel;
class WhatIfTuningPanel;

//! The Calibration workspace: calibration sessions; for the selected one the side-by-side
//! table (automated with evidence, each reviewer, spread, disagreements highlighted) with
//! the current reviewer's evaluation form, the agreement statistics with "not calibrated"
//! badges and exports, and what-if tuning of detector criteria. The current reviewer sees
//! what the blind rule allows (SideBySideBuilder).
class CalibrationView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit CalibrationView(QWidget *parent = nullptr);
    ~CalibrationView() override;

    void setWorkspace(Workspace *workspace) override;
    void refresh() override;

    //! Who is looking (defaults to the reviewer name of the settings).
    void setReviewerName(const QString &name);
    //! Where file names and errors are asked (defaults to real dialogs).
    void setPrompts(Prompts *prompts);

    //! Creates a session from the active scorecard; returns its id or -1 with \a error.
    qint64 createSession(const QString &name, const SampleRequest &request,
                         const QStringList &reviewers, bool blind, QString *error);
    void selectSession(qint64 sessionId);
    qint64 currentSession() const { return m_session; }

    QTreeWidget *sessionList() const { return m_sessions; }
    SideBySideModel *sideBySideModel() const { return m_model; }
    QTableView *sideBySideTable() const { return m_table; }
    HumanEvaluationForm *evaluationForm() const { return m_form; }
    CalibrationAgreementPanel *agreementPanel() const { return m_agreement; }
    WhatIfTuningPanel *whatIfPanel() const { return m_whatIf; }
    //! True while the session report is computed on a worker thread.
    bool reportPending() const { return m_reportRunning; }

signals:
    //! The agreement panel shows the report of the current session.
    void reportShown();

private:
    void newSession();
    void showSession();
    void showSelectedInteraction();
    void afterEvaluationChange();
    void startReport();
    void onReportFinished();
    void waitForReport();

    Workspace *m_workspace = nullptr;
    QString m_reviewer;
    Prompts *m_prompts = nullptr;
    std::unique_ptr<Prompts> m_ownPrompts;
    qint64 m_session = -1;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_sessions = nullptr;
    QPushButton *m_new = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_viewerNote = nullptr;
    QCheckBox *m_onlyDisagreements = nullptr;
    QTableView *m_table = nullptr;
    SideBySideModel *m_model = nullptr;
    HumanEvaluationForm *m_form = nullptr;
    CalibrationAgreementPanel *m_agreement = nullptr;
    WhatIfTuningPanel *m_whatIf = nullptr;
    // The report (200 bootstrap resamples per kappa and alpha) runs on a worker thread
    // with its own connection; a request while one runs is remembered and run after it.
    QFutureWatcher<std::optional<SessionReport>> m_reportWatcher;
    bool m_reportRunning = false;
    bool m_reportAgain = false;
};

} // namespace qaw
