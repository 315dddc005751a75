#pragma once

#include "storage/WorkspaceQueries.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace qaw {

class Workspace;

//! Reads many interactions with their turns in two queries per batch, for the scorer:
//! much faster than queries::interaction() one by one. It reads through SQLite's own
//! API (Qt's QVariant per value cost as much as scoring). Use one reader per connection,
//! on that connection's thread.
class InteractionBatchReader
{
public:
    explicit InteractionBatchReader(const Workspace &workspace);
    ~InteractionBatchReader();
    InteractionBatchReader(const InteractionBatchReader &) = delete;
    InteractionBatchReader &operator=(const InteractionBatchReader &) = delete;

    //! Ids of the interactions to score, ascending: those marked needs_scoring (new or
    //! changed since they were last scored), or every one with \a all.
    std::vector<qint64> idsToScore(bool all) const;

    //! The interactions whose ids are in \a sortedIds (ascending), in that order.
    std::vector<StoredInteraction> load(const std::vector<qint64> &sortedIds) const;

private:
    bool prepare() const;
    void loadRun(const std::vector<qint64> &sortedIds, std::vector<StoredInteraction> *out) const;
    //! The text of a column that repeats across interactions (channel, agent, queue...),
    //! shared instead of allocated again for every row.
    QString repeated(sqlite3_stmt *statement, int column) const;
    QStringList tags(sqlite3_stmt *statement, int column) const;
    QJsonObject attributes(sqlite3_stmt *statement, int column) const;

    const Workspace &m_workspace;
    mutable sqlite3 *m_db = nullptr;
    mutable sqlite3_stmt *m_interactions = nullptr;
    mutable sqlite3_stmt *m_turns = nullptr;
    mutable QHash<QByteArray, QString> m_repeated;
    //! Parsed tags and attributes by their JSON text: a few hundred distinct values
    //! usually, and parsing JSON twice per interaction was a fifth of the reading.
    mutable QHash<QByteArray, QStringList> m_tags;
    mutable QHash<QByteArray, QJsonObject> m_attributes;
};

} // namespace qaw
