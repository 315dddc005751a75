#pragma once

#include "coaching/CoachingItemStore.h"
#include "coaching/CoachingQueueQuery.h"
#include "coaching/CoachingSessionStore.h"
#include "coaching/EffectEstimator.h"
#include "coaching/ProportionIntervals.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! One week of a trend: the agent's value and the rest of the team's (a mean total
//! 0-100, or a pass rate 0-100 for a criterion). Empty when nothing was scored.
struct CoachingTrendPoint
{
    QDate weekStart;
    std::optional<double> agent;
    std::optional<double> team;
    qint64 agentN = 0;
};

struct CriterionStanding
{
    QString criterionId;
    QString name;
    PassCount agent;
    PassCount team;
    //! Points the agent's pass rate is below the rest of the team's (negative: above).
    std::optional<double> gap;
    std::vector<CoachingTrendPoint> trend;
};

struct EvidenceExcerpt
{
    QString criterionName;
    QString speaker;
    QString before, highlighted, after; //!< the turn text around the evidence span
    QString rationale;
};

struct ExampleInteraction
{
    qint64 interactionId = -1;
    QString externalId;
    QDateTime startedAt;
    QString channel;
    std::optional<double> total;
    QStringList failedCriteria; //!< names
    std::vector<EvidenceExcerpt> excerpts;
};

struct OpenItemRow
{
    CoachingItem item;
    QString ruleName;
    QString interactionExternalId;
    QDateTime startedAt;
};

//! Everything a supervisor needs for a coaching meeting with one agent.
struct MeetingPreparation
{
    AgentInfo agent;
    QDate from, to; //!< the period looked at (inclusive)
    int weeks = 12; //!< whole weeks from `from`
    std::optional<double> agentMeanTotal, teamMeanTotal;
    qint64 agentScored = 0;
    std::vector<CoachingTrendPoint> totalTrend;
    std::vector<CriterionStanding> weakest; //!< the weakest criteria against the team
    std::vector<CoachingQueueRow> patterns; //!< open pattern items, by priority
    std::vector<OpenItemRow> openItems;     //!< open interaction items
    std::vector<ExampleInteraction> examples; //!< 3 to 5 when the agent has them
    std::vector<CoachingSession> earlierSessions;
    std::vector<SessionEffect> effects;
};

//! Builds a MeetingPreparation from the workspace. The period is the \a weeks weeks up
//! to the agent's latest scored interaction (or \a to when given), stretched back (to
//! at most 26 weeks) so that the latest earlier session and a few weeks before it show.
class MeetingPreparationBuilder
{
public:
    explicit MeetingPreparationBuilder(Workspace &workspace);

    void setWeeks(int weeks) { m_weeks = weeks; }
    void setWeakestCount(int count) { m_weakestCount = count; }
    void setExampleCount(int count) { m_exampleCount = count; }

    std::optional<MeetingPreparation> build(qint64 agentId, QDate to = {},
                                            QString *error = nullptr) const;

private:
    void fillTotals(MeetingPreparation &p) const;
    void fillCriteria(MeetingPreparation &p) const;
    void fillOpenItems(MeetingPreparation &p) const;
    void fillExamples(MeetingPreparation &p) const;

    Workspace &m_workspace;
    CriterionScales m_scales;
    int m_weeks = 12;
    int m_weakestCount = 3;
    int m_exampleCount = 5;
};

} // namespace qaw
