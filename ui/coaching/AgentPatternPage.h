#pragma once

#include <QWidget>

class QCustomPlot;
class QLabel;
class QTextBrowser;

namespace qaw {

class Workspace;

//! One agent's page of the coaching queue: the agent's pattern items (their rate
//! against the rest of the team, the interval, the weeks before), a weekly trend of
//! each pattern's fail rate beside the team's, and the example interactions.
class AgentPatternPage : public QWidget
{
    Q_OBJECT
public:
    explicit AgentPatternPage(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace) { m_workspace = workspace; }
    //! Shows \a agentId's open pattern items (-1: a hint to choose an agent).
    void showAgent(qint64 agentId);
    qint64 agentId() const { return m_agentId; }

signals:
    void prepareMeeting(qint64 agentId);

private:
    Workspace *m_workspace = nullptr;
    qint64 m_agentId = -1;
    QLabel *m_title = nullptr;
    QTextBrowser *m_summary = nullptr;
    QCustomPlot *m_trend = nullptr;
};

} // namespace qaw
