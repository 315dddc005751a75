#pragma once

#include "coaching/Flagger.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace qaw {

class AgentPatternPage;
class CoachingAgentList;
class CoachingItemPanel;
class CoachingQueueModel;
class Prompts;
class Workspace;

//! The coaching queue: the agents with open items (the queue grouped by agent), filters
//! (agent, team, rule, status, owner, age), the sortable table with overdue items
//! highlighted, and on the right either the chosen agent's page (their patterns) or the
//! detail and actions of the selected item.
class CoachingQueuePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CoachingQueuePanel(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    void setPrompts(Prompts *prompts);
    void refresh();

    CoachingQueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CoachingItemPanel *itemPanel() const { return m_item; }
    CoachingAgentList *agentList() const { return m_agents; }
    AgentPatternPage *agentPage() const { return m_agentPage; }
    //! Runs the flag rules on a worker (the "Run flag rules" button); the queue reloads
    //! and the outcome is shown when it ends (flaggerFinished).
    void runFlagger();
    bool isFlagging() const { return m_flagWatcher.isRunning(); }

signals:
    void prepareMeeting(qint64 agentId);
    void flaggerFinished(const FlagRunResult &result);

private:
    void fillFilters();
    void applyFilter();
    void selectionChanged();
    void updateSummary();
    void agentChosen(qint64 agentId);
    void flaggerDone();

    Workspace *m_workspace = nullptr;
    Prompts *m_prompts = nullptr;
    CoachingQueueModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    CoachingItemPanel *m_item = nullptr;
    CoachingAgentList *m_agents = nullptr;
    AgentPatternPage *m_agentPage = nullptr;
    QStackedWidget *m_detail = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_age = nullptr;
    QLineEdit *m_owner = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_prepare = nullptr;
    QPushButton *m_run = nullptr;
    QFutureWatcher<FlagRunResult> m_flagWatcher;
};

} // namespace qaw
