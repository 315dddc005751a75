#pragma once

#include "storage/WorkspaceQueries.h"

#include <vector>

namespace qaw {

class Workspace;

//! Reads many interactions with their turns in two queries per batch, for the scorer:
//! much faster than queries::interaction() one by one. Use one reader per connection.
class InteractionBatchReader
{
public:
    explicit InteractionBatchReader(const Workspace &workspace);

    //! Ids of the interactions to score, ascending: those marked needs_scoring (new or
    //! changed since they were last scored), or every one with \a all.
    std::vector<qint64> idsToScore(bool all) const;

    //! The interactions whose ids are in \a sortedIds (ascending), in that order.
    std::vector<StoredInteraction> load(const std::vector<qint64> &sortedIds) const;

private:
    void loadRun(const std::vector<qint64> &sortedIds, std::vector<StoredInteraction> *out) const;

    const Workspace &m_workspace;
};

} // namespace qaw
