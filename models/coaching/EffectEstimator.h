#pragma once

#include "coaching/CoachingSessionStore.h"
#include "coaching/CriterionScales.h"
#include "coaching/ProportionIntervals.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Did coaching move one focus criterion? The agent's pass rate before and after the
//! session, and the rest of the team's over the same windows.
struct FocusEffect
{
    QString criterionId;
    QString criterionName;
    PassCount agentBefore, agentAfter, teamBefore, teamAfter;
    std::optional<double> change;           //!< agent after - before (pass-rate share)
    std::optional<Interval> changeInterval; //!< 95 %, Agresti-Caffo
    std::optional<double> teamChange;
    std::optional<double> did;           //!< change - teamChange
    std::optional<Interval> didInterval; //!< 95 %
};

struct SessionEffect
{
    CoachingSession session;
    AgentInfo agent;
    std::vector<FocusEffect> focus;
};

//! Across sessions: how many focus criteria improved beyond the team's change (the
//! difference-in-differences interval above 0), got worse, or cannot tell.
struct EffectOverview
{
    int sessions = 0;
    int estimates = 0; //!< focus criteria with a defined difference in differences
    int improved = 0;
    int worse = 0;
    int inconclusive = 0;
    int undefined = 0; //!< an empty window: no estimate
    std::optional<double> meanDid;
};

//! The coaching-effect statistics of docs/coaching.md: for each session and focus
//! criterion, the agent's pass rate in the window before the session
//! [date - W, date) and after it [date + 1, date + 1 + W) (W = 30 days by default; the
//! session day itself is left out), the same for the rest of the agent's team, and the
//! difference in differences with a 95 % interval. Verdicts come from the interaction's
//! current automated evaluation; pass/fail as the scorecard defines it (Scale::isFail).
class EffectEstimator
{
public:
    explicit EffectEstimator(Workspace &workspace, int windowDays = 30);

    SessionEffect estimate(const CoachingSession &session) const;
    //! Every session (of one agent when \a agentId >= 0), oldest first.
    std::vector<SessionEffect> estimateAll(qint64 agentId = -1) const;

    static EffectOverview overview(const std::vector<SessionEffect> &effects);
    //! The JSON of `qaw coaching effect` (see docs/coaching.md).
    static QJsonArray toJson(const std::vector<SessionEffect> &effects);

    PassCount count(const QString &criterionId, qint64 fromMs, qint64 toMs, qint64 agentId,
                    qint64 teamId) const;

private:
    Workspace &m_workspace;
    CriterionScales m_scales;
    int m_windowDays;
};

} // namespace qaw
