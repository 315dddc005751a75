#pragma once

#include "WorkspaceView.h"

class QLabel;
class QTreeWidget;

namespace qaw {

//! Coaching: the queue of flagged interactions and the coaching sessions held.
class CoachingView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit CoachingView(QWidget *parent = nullptr);
    void setWorkspace(Workspace *workspace) override;
    void refresh() override;

    QTreeWidget *sessionList() const { return m_sessions; }

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_sessions = nullptr;
};

} // namespace qaw
