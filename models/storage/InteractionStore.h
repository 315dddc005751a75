#pragma once

#include "domain/Interaction.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QString>

namespace qaw {

class Workspace;

//! Writes interactions into a workspace with prepared statements. The caller owns
//! the transaction: write() many, then flush(), then commit, so that a
//! crash loses whole chunks only, never half an interaction.
class InteractionStore
{
public:
    enum class Outcome { Inserted, Updated, Unchanged, Failed };

    explicit InteractionStore(Workspace &workspace);

    //! Inserts the interaction, or replaces it when (source, externalId) exists with
    //! different content (its evaluations become stale), or leaves it when unchanged.
    Outcome write(const Interaction &interaction, qint64 batchId);

    //! Completes what write() leaves for the end of a chunk, inside the caller's
    //! transaction: indexes the new turns for full-text search and recomputes the
    //! repeat-contact flag (same customer again within 7 days) for every customer
    //! touched since the last call, in both directions of time.
    bool flush();

    QString lastError() const { return m_error; }

private:
    bool prepare();
    qint64 teamId(const QString &name);
    qint64 agentId(const Interaction &interaction, qint64 teamId);
    bool insertTurns(qint64 interactionId, const Interaction &interaction);
    bool bindAndExec(QSqlQuery &q, const char *what);

    Workspace &m_workspace;
    bool m_prepared = false;
    QSqlQuery m_findInteraction;
    QSqlQuery m_insertInteraction;
    QSqlQuery m_updateInteraction;
    QSqlQuery m_deleteTurns;
    QSqlQuery m_insertTurn;
    QSqlQuery m_staleEvaluations;
    QSqlQuery m_repeat;
    QSqlQuery m_indexTurns;
    qint64 m_firstUnindexedTurn = -1;
    QHash<QString, qint64> m_teams;
    QHash<QString, qint64> m_agents;
    QHash<QString, QString> m_agentSignature;
    QSet<QString> m_touchedCustomers;
    QString m_error;
};

//! A stable digest of everything stored for an interaction, to tell a changed record
//! from an unchanged one on re-import.
QString contentHash(const Interaction &interaction);

} // namespace qaw
