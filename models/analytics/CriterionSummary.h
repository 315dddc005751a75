#pragma once

#include "analytics/CriterionPassMarks.h"
#include "storage/InteractionFilter.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace qaw {

class Workspace;

//! The per-day summary of criterion results (table analytics_criterion_days, schema
//! version 3): for each day, team, agent, criterion and passed/failed, the count, the
//! normalised-score sum and the CSAT, repeat-contact and handle-time sums. Triggers on
//! interactions mark the days whose rows changed; refresh() recomputes those days from
//! the current automated evaluations. The criterion charts and the drivers table read
//! the summary when the filter is only dates, team and agent, and join the raw scores
//! otherwise; both give the same numbers.
namespace criterionSummary {

//! Brings the summary up to date for \a criteria's pass marks (a change of marks
//! recomputes every day). False when it cannot be written (read-only workspace, another
//! writer busy): callers then use the raw join.
bool refresh(Workspace &ws, const std::vector<CriterionPassMark> &criteria);

//! Whether the summary can answer \a filter exactly.
bool serves(const InteractionFilter &filter);

//! refresh() and serves() together: use the summary for this query.
bool usable(Workspace &ws, const InteractionFilter &filter,
            const std::vector<CriterionPassMark> &criteria);

//! " WHERE ..." over the summary table (alias "s") for \a filter's dates, team, agent,
//! and criterion ids in \a criteria.
QString where(const InteractionFilter &filter, const std::vector<CriterionPassMark> &criteria,
              QVariantList *values);

//! The automated-total sums (table analytics_total_days, schema version 4, refreshed
//! with the criterion summary) answer filters of dates, team, agent, channel and queue.
bool servesTotals(const InteractionFilter &filter);
bool totalsUsable(Workspace &ws, const InteractionFilter &filter);
//! " WHERE ..." over analytics_total_days (alias "s").
QString totalsWhere(const InteractionFilter &filter, QVariantList *values);

} // namespace criterionSummary
} // namespace qaw
