#pragma once

#include "analytics/CriterionPassMarks.h"
#include "storage/InteractionFilter.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace qaw {

class Workspace;

//! The analytics roll-ups (schema version 5), kept for the days that triggers on
//! interactions mark dirty and recomputed at the first chart query after a change:
//!
//! - analytics_criterion_agent_days: criterion results by day x team x agent x channel
//!   x queue x criterion x passed (count, normalised-score sum, CSAT / repeat / handle
//!   time sums), from the current automated evaluations;
//! - analytics_criterion_team_days: the same without the agent, rolled up from the rows
//!   above (team, channel and queue filters);
//! - analytics_criterion_all_days: by day x criterion x passed only (no filter but dates);
//! - analytics_criterion_agent_months: per calendar month, agent, channel, queue and
//!   criterion, applicable and passed counts (the heat map over whole months);
//! - analytics_total_bins: automated totals by day x team x agent x channel x queue x
//!   histogram bin (width 10), with the sums over interactions that also have a CSAT;
//! - analytics_total_days and analytics_total_team_bins: rolled up from the bins.
//!
//! A filter of only dates, team, agent, channel and queue is answered from these
//! (exactly the raw numbers, tested); any other filter uses raw SQL.
namespace criterionSummary {

//! Brings the roll-ups up to date for \a criteria's pass marks (a change of marks
//! recomputes every day). False when they cannot be written (read-only workspace, another
//! writer busy): callers then use raw SQL.
bool refresh(Workspace &ws, const std::vector<CriterionPassMark> &criteria);

//! Whether the roll-ups can answer \a filter exactly: only dates, team, agent, channel
//! and queue are set.
bool serves(const InteractionFilter &filter);

//! refresh() and serves() together, for the active scorecard's marks: use the roll-ups.
bool usable(Workspace &ws, const InteractionFilter &filter,
            const std::vector<CriterionPassMark> &criteria);

//! The criterion roll-up that answers \a filter with the fewest rows: per agent when the
//! filter names an agent, else without agents when it names a team, channel or queue,
//! else per day only.
QString criterionTable(const InteractionFilter &filter);

//! " WHERE ..." over a roll-up (alias "s") for \a filter's dates, team, agent (when
//! \a hasAgent), channel and queue, and criterion ids in \a criteria (when not empty).
QString where(const InteractionFilter &filter, const std::vector<CriterionPassMark> &criteria,
              bool hasAgent, QVariantList *values);

//! A query whose rows are (agent_id, criterion_id, applicable, passed) and whose sums
//! per agent and criterion are the heat map: whole months from the month roll-up, the
//! remaining days of the filter's range from the per-day one.
QString heatCountsSql(const InteractionFilter &filter,
                      const std::vector<CriterionPassMark> &criteria, QVariantList *values);

//! The automated-total roll-ups answer the same filters as the criterion ones.
bool servesTotals(const InteractionFilter &filter);
bool totalsUsable(Workspace &ws, const InteractionFilter &filter);
//! " WHERE ..." (or empty) over a totals roll-up (alias "s"); \a hasAgent as in where().
QString totalsWhere(const InteractionFilter &filter, QVariantList *values, bool hasAgent = true);

} // namespace criterionSummary
} // namespace qaw
