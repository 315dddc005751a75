#pragma once

#include "WorkspaceView.h"

class QCustomPlot;
class QLabel;

namespace qaw {

//! Trends: how volume, CSAT and (once scored) quality move week by week.
class TrendsView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit TrendsView(QWidget *parent = nullptr);
    void setWorkspace(Workspace *workspace) override;
    void refresh() override;

    QCustomPlot *plot() const { return m_plot; }

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_summary = nullptr;
    QCustomPlot *m_plot = nullptr;
};

} // namespace qaw
