#pragma once

#include "coaching/CoachingStatus.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Which coaching items the queue shows. Empty / negative fields do not filter.
struct CoachingQueueFilter
{
    qint64 agentId = -1;
    qint64 teamId = -1;
    qint64 ruleId = -1;
    QString status = QStringLiteral("open"); //!< "", "open" or a status name ("in_review")
    QString owner;                           //!< exact owner; "-" for unassigned items
    int minAgeDays = -1;                     //!< days since the item was flagged
    int maxAgeDays = -1;
};

//! One coaching item with what the queue shows about it.
struct CoachingQueueRow
{
    qint64 id = -1;
    qint64 interactionId = -1;
    qint64 agentId = -1;
    qint64 ruleId = -1;
    CoachingStatus status = CoachingStatus::New;
    double priority = 0;
    QString agent, agentExternalId, team, rule, interaction, owner, reason, dismissedReason;
    QDateTime started;
    std::optional<double> total;
    QDate due;
    qint64 createdAtMs = 0;
    bool isPattern = false;
    QStringList criteria;  //!< the criteria the item is about
    QJsonObject pattern;   //!< a pattern item's figures (coaching/CoachingPatternItems.cpp)
    qint64 weekStartMs = 0;
    int overBudget = 0;    //!< flagged interactions of the agent-week the budget left out

    //! The interactions the item is about: its own, or a pattern item's examples.
    QStringList interactions() const;

    bool isOverdue(const QDate &today) const
    {
        return coachingStatus::isOpen(status) && due.isValid() && due < today;
    }
    int ageDays(const QDate &today) const;
};

//! One agent's share of the open queue, for the queue grouped by agent.
struct AgentQueueSummary
{
    qint64 agentId = -1;
    QString agent, team;
    int patterns = 0;       //!< open pattern items
    int interactions = 0;   //!< open interaction items
    int overBudget = 0;     //!< flagged interactions the weekly budget left out, all weeks
    double topPriority = 0;
    QStringList topics;     //!< the criteria of the agent's open pattern items
};

//! Every agent with open items, the one with the most pressing item first.
std::vector<AgentQueueSummary> queryCoachingAgents(const Workspace &workspace);

//! The coaching items matching \a filter (ages counted to \a today), by priority.
std::vector<CoachingQueueRow> queryCoachingQueue(const Workspace &workspace,
                                                 const CoachingQueueFilter &filter,
                                                 const QDate &today);

} // namespace qaw
