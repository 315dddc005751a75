#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace qaw {

class Workspace;

//! Did coaching work? One row per session and focus criterion: the agent's pass rate in
//! the 30 days before and after, the change with its 95 % interval, and the change
//! beyond the rest of the team's (difference in differences), with an overview.
class EffectivenessPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EffectivenessPanel(QWidget *parent = nullptr);
    void setWorkspace(Workspace *workspace);
    void refresh();
    QTreeWidget *table() const { return m_table; }

private:
    Workspace *m_workspace = nullptr;
    QLabel *m_overview = nullptr;
    QTreeWidget *m_table = nullptr;
};

} // namespace qaw
