#pragma once

#include "domain/DerivedMetrics.h"
#include "domain/Interaction.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QSet>
#include <QString>

#include <array>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace qaw {

class Workspace;

//! What InteractionStore::write() stores for an interaction that can be worked out
//! without the database: the UTF-8 text of every column, the derived metrics and the
//! content hash. An importer builds it on its reading thread so that the writing
//! thread only talks to SQLite.
struct InteractionRow
{
    QByteArray source, externalId, channel, agentId, agentName, team, customerId, queue,
        language, tags, attributes;
    QByteArray contentHash; //!< hex, as contentHash() returns it
    DerivedMetrics metrics;
    //! Every turn's UTF-8 text in order, a newline between two turns: the transcript as
    //! the search index holds it (the `transcripts` view joins the stored turns the same way).
    QByteArray turnText;
    std::vector<int> turnEnds; //!< where each turn's text ends in turnText

    //! The UTF-8 text of turn \a i.
    QByteArrayView turn(size_t i) const
    {
        const int begin = i == 0 ? 0 : turnEnds[i - 1] + 1;
        return QByteArrayView(turnText.constData() + begin, turnEnds[i] - begin);
    }
};

//! Builds the row of \a interaction (the text as it will be stored: redact first).
InteractionRow interactionRow(const Interaction &interaction);

//! Writes interactions into a workspace with prepared statements. The caller owns
//! the transaction: write() many, then flush(), then commit, so that a
//! crash loses whole chunks only, never half an interaction.
class InteractionStore
{
public:
    enum class Outcome { Inserted, Updated, Unchanged, Failed };

    explicit InteractionStore(Workspace &workspace);
    ~InteractionStore();
    InteractionStore(const InteractionStore &) = delete;
    InteractionStore &operator=(const InteractionStore &) = delete;

    //! Inserts the interaction, or replaces it when (source, externalId) exists with
    //! different content (its evaluations become stale), or leaves it when unchanged.
    Outcome write(const Interaction &interaction, qint64 batchId);
    //! The same with the row already built by interactionRow(interaction).
    Outcome write(const Interaction &interaction, const InteractionRow &row, qint64 batchId);

    //! Completes what write() leaves for the end of a chunk, inside the caller's
    //! transaction: recomputes the repeat-contact flag (same customer again within 7 days) for every customer
    //! touched since the last call, in both directions of time.
    bool flush();

    QString lastError() const { return m_error; }

private:
    bool prepare();
    bool step(sqlite3_stmt *statement, const char *what);
    sqlite3_stmt *insertTurnsStatement(int rows);
    qint64 teamId(const QString &name);
    qint64 agentId(const Interaction &interaction, qint64 teamId);
    bool insertTurns(qint64 interactionId, const Interaction &interaction,
                     const InteractionRow &row);
    //! Sets the repeat-contact flag of each of the customer's contacts that is wrong.
    bool updateRepeatContacts(const QByteArray &customer);

    Workspace &m_workspace;
    sqlite3 *m_db = nullptr;
    bool m_prepared = false;
    sqlite3_stmt *m_findInteraction = nullptr;
    sqlite3_stmt *m_insertInteraction = nullptr;
    sqlite3_stmt *m_updateInteraction = nullptr;
    sqlite3_stmt *m_deleteTurns = nullptr;
    //! INSERT INTO turns with k rows at [k - 1], prepared when first needed: one statement
    //! per interaction instead of one per turn saves most of the per-statement cost.
    std::array<sqlite3_stmt *, 32> m_insertTurns{};
    sqlite3_stmt *m_staleEvaluations = nullptr;
    sqlite3_stmt *m_customerContacts = nullptr;
    sqlite3_stmt *m_setRepeat = nullptr;
    sqlite3_stmt *m_indexTranscript = nullptr;
    sqlite3_stmt *m_unindexTranscript = nullptr;
    QHash<QString, qint64> m_teams;
    QHash<QString, qint64> m_agents;
    QHash<QString, QString> m_agentSignature;
    QSet<QByteArray> m_touchedCustomers;
    QString m_error;
};

//! A stable digest of everything stored for an interaction, to tell a changed record
//! from an unchanged one on re-import.
QString contentHash(const Interaction &interaction);

} // namespace qaw
