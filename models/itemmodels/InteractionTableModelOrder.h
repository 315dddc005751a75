#pragma once

#include "storage/InteractionFilter.h"

#include <QStringList>
#include <QVector>

#include <atomic>
#include <optional>

namespace qaw {

class Workspace;

//! How the Interactions table orders its rows in SQL, chosen so that an index serves
//! each order at a million rows: the sort key, then ties broken by columns that the same
//! index holds, then the id. An order is one or more segments read one after the other.
namespace interaction_order {

struct Segment
{
    QString idFrom;         //!< FROM clause enough for the ids in order (joins only what the keys use)
    QString condition;      //!< extra WHERE term, or empty
    QStringList keys;       //!< ORDER BY terms, all in the same direction; the last is i.id
    bool countable = false; //!< condition refers only to i (so a count can skip the joins)
};

//! The segments of column \a column (an InteractionTableModel::Column) in display order.
//! Sorting by team reads the interactions without a team first (ascending) and then the
//! teams in name order, each team's interactions through the (team_id, started_at) index;
//! sorting by agent walks the agents by name (agents_name index) and each agent's
//! interactions through (agent_id, started_at); channel and queue break ties by
//! started_at so that their (channel, started_at) / (queue, started_at) indexes serve.
//! With a filter that keeps a few percent of the rows through its own index (flagged,
//! auto-failed, has human, score range, text, criterion), walking every agent's or team's
//! interactions would test a million rows: then SQLite sorts the few filtered ones instead.
QVector<Segment> segments(int column, Qt::SortOrder order, const InteractionFilter &filter);

//! The whole order as one ORDER BY over the usual joins (for tests and documentation).
QString referenceOrderBy(int column, Qt::SortOrder order);

//! " ORDER BY k1 DIR, k2 DIR, ..." for a segment.
QString orderBy(const Segment &segment, bool ascending);

//! " WHERE ..." of the filter and the segment's condition, values appended.
QString where(const InteractionFilter &filter, const Segment &segment, QVariantList *values,
              bool totalRangeUsesIndex);

//! Every matching interaction id in display order, read on \a workspace (a connection of
//! the calling thread). Empty optional when \a cancelled became true or a query failed.
std::optional<QVector<qint64>> readIds(Workspace &workspace, const InteractionFilter &filter,
                                       int column, Qt::SortOrder order,
                                       const std::atomic<bool> &cancelled);

} // namespace interaction_order
} // namespace qaw
