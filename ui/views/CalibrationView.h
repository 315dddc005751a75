#pragma once

#include "WorkspaceView.h"

class QLabel;
class QTreeWidget;

namespace qaw {

//! Calibration: the scorecard versions human and automated scores are compared on,
//! the calibration sessions, and how many human evaluations exist.
class CalibrationView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit CalibrationView(QWidget *parent = nullptr);
    void setWorkspace(Workspace *workspace) override;
    void refresh() override;

    QTreeWidget *scorecardList() const { return m_scorecards; }

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_scorecards = nullptr;
    QTreeWidget *m_sessions = nullptr;
};

} // namespace qaw
