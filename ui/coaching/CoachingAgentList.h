#pragma once

#include <QTreeWidget>

namespace qaw {

class Workspace;

//! The coaching queue grouped by agent: every agent with open items, the most pressing
//! first, with their pattern topics, their interaction items and what the weekly budget
//! left out. The first row stands for all agents.
class CoachingAgentList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit CoachingAgentList(QWidget *parent = nullptr);

    //! Rebuilds the list from \a workspace, keeping the chosen agent when still there.
    void reload(Workspace *workspace);
    //! The chosen agent, -1 for all.
    qint64 currentAgent() const;

signals:
    void agentChosen(qint64 agentId);
};

} // namespace qaw
