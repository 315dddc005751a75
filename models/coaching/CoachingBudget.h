#pragma once

#include <QtGlobal>

#include <map>
#include <utility>
#include <vector>

namespace qaw {

//! The default number of open coaching items per agent and week: a supervisor coaches
//! one to three topics per agent a week.
inline constexpr int kDefaultWeeklyBudget = 3;
//! The workspace setting that overrides it.
inline constexpr char kWeeklyBudgetSetting[] = "coaching/weekly_budget";

//! How many weeks back (ending with the week of the latest scored interaction) single
//! events become interaction items; 0: all of them. Older ones are counted, not filed.
inline constexpr int kDefaultHorizonWeeks = 4;
inline constexpr char kHorizonWeeksSetting[] = "coaching/horizon_weeks";

//! An agent and the Monday (ms since the epoch, UTC) of a week.
using AgentWeek = std::pair<qint64, qint64>;

struct BudgetCandidate
{
    qint64 agentId = -1;
    qint64 weekStartMs = 0;
    double priority = 0;
};

struct BudgetDecision
{
    std::vector<size_t> accepted;       //!< indexes into the candidates, by priority
    std::map<AgentWeek, int> overBudget; //!< candidates that did not fit, per agent-week
};

//! Chooses, per agent-week, the candidates with the highest priority that fit in
//! \a perWeek open items besides the \a alreadyOpen ones; the rest are counted, never
//! silently dropped. Ties go to the earlier candidate.
BudgetDecision applyWeeklyBudget(const std::vector<BudgetCandidate> &candidates,
                                 const std::map<AgentWeek, int> &alreadyOpen, int perWeek);

} // namespace qaw
