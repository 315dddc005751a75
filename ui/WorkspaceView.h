#pragma once

#include <QWidget>

namespace qaw {

class Workspace;

//! One of the four workspaces of the main window (Interactions, Calibration, Trends,
//! Coaching). The main window owns the Workspace and hands it to each view.
class WorkspaceView : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    //! Null when no workspace is open; the view then shows nothing stale.
    virtual void setWorkspace(Workspace *workspace) = 0;
    //! Reads again from the workspace (after an import or an edit elsewhere).
    virtual void refresh() = 0;
};

} // namespace qaw
