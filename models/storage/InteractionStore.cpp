#include "storage/InteractionStore.h"

#include "domain/Digest.h"
#include "storage/SqliteHandle.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <charconv>

namespace qaw {
namespace {

constexpr qint64 kRepeatWindowMs = 7LL * 24 * 3600 * 1000;

// A null QString binds as SQL NULL; NOT NULL text columns need '' instead.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const char *speakerText(Speaker speaker)
{
    switch (speaker) {
    case Speaker::Agent:
        return "agent";
    case Speaker::Customer:
        return "customer";
    case Speaker::System:
        return "system";
    case Speaker::Bot:
        return "bot";
    }
    return "agent";
}

// The text is owned by the row, which outlives the statement's step.
void bindText(sqlite3_stmt *s, int index, const QByteArray &text)
{
    sqlite3_bind_text(s, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

void bindText(sqlite3_stmt *s, int index, const char *text, int size)
{
    sqlite3_bind_text(s, index, text, size, SQLITE_STATIC);
}

// The interaction's columns, numbered as the insert and the update statements use them.
// OR FAIL: a failing row is reported (the caller then rolls the chunk back) without
// SQLite keeping a statement journal, a copy of every page the insert touches in the
// table, its indexes and the trigger's table, to undo this one statement alone.
constexpr const char *kInsertInteraction =
    "INSERT OR FAIL INTO interactions(source, external_id, channel, started_at, duration_ms, agent_id, "
    "team_id, customer_id, queue, language, csat, resolved, tags, attributes, content_hash, "
    "batch_id, turn_count, agent_talk_ms, customer_talk_ms, silence_count, silence_total_ms, "
    "silence_max_ms, overtalk_count, overtalk_ms, first_response_ms, max_customer_wait_ms, "
    "repeat_contact) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
    // Written once: flush() only touches the rows whose flag changes.
    "CASE WHEN ?8 IS NULL THEN NULL ELSE 0 END)";
constexpr const char *kUpdateInteraction =
    "UPDATE interactions SET channel = ?3, started_at = ?4, duration_ms = ?5, agent_id = ?6, "
    "team_id = ?7, customer_id = ?8, queue = ?9, language = ?10, csat = ?11, resolved = ?12, "
    "tags = ?13, attributes = ?14, content_hash = ?15, batch_id = ?16, turn_count = ?17, "
    "agent_talk_ms = ?18, customer_talk_ms = ?19, silence_count = ?20, silence_total_ms = ?21, "
    "silence_max_ms = ?22, overtalk_count = ?23, overtalk_ms = ?24, first_response_ms = ?25, "
    "max_customer_wait_ms = ?26, "
    "repeat_contact = CASE WHEN ?8 IS NULL THEN NULL ELSE repeat_contact END, "
    "needs_scoring = 1 WHERE id = ?27";

} // namespace

InteractionRow interactionRow(const Interaction &in)
{
    InteractionRow r;
    r.source = in.source.toUtf8();
    r.externalId = in.externalId.toUtf8();
    r.channel = in.channel.toUtf8();
    r.agentId = in.agentId.toUtf8();
    r.agentName = in.agentName.toUtf8();
    r.team = in.team.toUtf8();
    r.customerId = in.customerId.toUtf8();
    r.queue = in.queue.toUtf8();
    r.language = in.language.toUtf8();
    r.tags = QJsonDocument(QJsonArray::fromStringList(in.tags)).toJson(QJsonDocument::Compact);
    r.attributes = QJsonDocument(in.attributes).toJson(QJsonDocument::Compact);
    r.metrics = deriveMetrics(in);
    r.turnEnds.reserve(in.turns.size());
    for (const Turn &t : in.turns) {
        if (!r.turnEnds.empty())
            r.turnText += '\n';
        r.turnText += t.text.toUtf8();
        r.turnEnds.push_back(int(r.turnText.size()));
    }

    // The same bytes as ever (UTF-8 of each field, 0x1f after each), so that workspaces
    // imported before keep their hashes; gathered into one buffer and hashed at once,
    // which costs a fraction of a hash update per field.
    QByteArray hashed;
    hashed.reserve(r.turnText.size() + r.attributes.size() + 64 * qsizetype(in.turns.size()) + 256);
    auto add = [&hashed](QByteArrayView bytes) {
        hashed.append(bytes);
        hashed.append('\x1f');
    };
    auto addNumber = [&hashed](qint64 n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        hashed.append(digits, end - digits);
        hashed.append('\x1f');
    };
    add(r.channel);
    addNumber(in.startedAt.toMSecsSinceEpoch());
    addNumber(in.durationMs);
    add(r.agentId);
    add(r.agentName);
    add(r.team);
    add(r.customerId);
    add(r.queue);
    add(r.language);
    addNumber(in.csat ? *in.csat : -1);
    addNumber(in.resolved ? (*in.resolved ? 1 : 0) : -1);
    add(in.tags.join(QChar(0x1e)).toUtf8());
    add(r.attributes);
    for (size_t i = 0; i < in.turns.size(); ++i) {
        const Turn &t = in.turns[i];
        add(QByteArrayView(speakerText(t.speaker)));
        add(r.turn(i));
        addNumber(t.startMs);
        addNumber(t.endMs);
        addNumber(t.atMs);
    }
    r.contentHash = Digest::hex(Digest::Algorithm::Sha1, hashed);
    return r;
}

QString contentHash(const Interaction &interaction)
{
    return QString::fromLatin1(interactionRow(interaction).contentHash);
}

InteractionStore::InteractionStore(Workspace &workspace) : m_workspace(workspace) {}

InteractionStore::~InteractionStore()
{
    for (sqlite3_stmt *s : {m_findInteraction, m_insertInteraction, m_updateInteraction,
                            m_deleteTurns, m_staleEvaluations, m_customerContacts, m_setRepeat,
                            m_indexTranscript, m_unindexTranscript})
        sqlite3_finalize(s);
    for (sqlite3_stmt *s : m_insertTurns)
        sqlite3_finalize(s);
}

bool InteractionStore::step(sqlite3_stmt *statement, const char *what)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                            QString::fromUtf8(sqlite3_errmsg(m_db)));
    return false;
}

bool InteractionStore::prepare()
{
    if (m_prepared)
        return true;
    m_db = sqliteHandle(m_workspace.database());
    if (!m_db) {
        m_error = QStringLiteral("the workspace is not an open SQLite database");
        return false;
    }
    const struct
    {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&m_findInteraction, "SELECT id, content_hash, customer_id FROM interactions "
                             "WHERE source = ? AND external_id = ?"},
        {&m_insertInteraction, kInsertInteraction},
        {&m_updateInteraction, kUpdateInteraction},
        {&m_deleteTurns, "DELETE FROM turns WHERE interaction_id = ?"},
        {&m_staleEvaluations,
         "UPDATE evaluations SET stale = 1 WHERE interaction_id = ? AND stale = 0"},
        // A customer's contacts in time order, for the repeat-contact flags. Worked out
        // here rather than by one UPDATE with a correlated EXISTS per customer: its
        // trigger makes SQLite collect the rows first, and the EXISTS ran twice per
        // row, 64,000 instructions per customer against about 8,000 for this read.
        // Only the rows whose flag changes are written: every write of a row rewrites its
        // entries in the interactions indexes and fires the analytics triggers.
        {&m_customerContacts, "SELECT id, started_at, repeat_contact FROM interactions "
                              "WHERE customer_id = ? ORDER BY started_at"},
        {&m_setRepeat, "UPDATE interactions SET repeat_contact = ? WHERE id = ?"},
        // The search index holds one document per interaction (schema "one search
        // document per interaction"); its external content, the transcripts view, joins
        // the stored turns as InteractionRow::turnText does, which a delete must match.
        {&m_indexTranscript, "INSERT INTO transcript_fts(rowid, text) VALUES(?, ?)"},
        {&m_unindexTranscript, "INSERT INTO transcript_fts(transcript_fts, rowid, text) "
                               "SELECT 'delete', id, text FROM transcripts WHERE id = ?"},
    };
    for (const auto &s : statements) {
        if (sqlite3_prepare_v3(m_db, s.sql, -1, SQLITE_PREPARE_PERSISTENT, s.statement,
                               nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
    }
    m_prepared = true;
    return true;
}

qint64 InteractionStore::teamId(const QString &name)
{
    if (name.isEmpty())
        return -1;
    if (auto it = m_teams.constFind(name); it != m_teams.constEnd())
        return *it;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("INSERT INTO teams(name) VALUES(?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM teams WHERE name = ?"));
    q.addBindValue(name);
    const qint64 id = (q.exec() && q.next()) ? q.value(0).toLongLong() : -1;
    m_teams.insert(name, id);
    return id;
}

qint64 InteractionStore::agentId(const Interaction &in, qint64 team)
{
    const QString signature = in.agentName + QChar(0x1f) + QString::number(team);
    if (auto it = m_agents.constFind(in.agentId);
        it != m_agents.constEnd() && m_agentSignature.value(in.agentId) == signature)
        return *it;
    QSqlQuery q(m_workspace.database());
    // A later file may name an agent or move them to another team; keep what we know.
    q.prepare(QStringLiteral(
        "INSERT INTO agents(external_id, name, team_id) VALUES(?, ?, ?) "
        "ON CONFLICT(external_id) DO UPDATE SET "
        "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE agents.name END, "
        "team_id = COALESCE(excluded.team_id, agents.team_id)"));
    q.addBindValue(in.agentId);
    q.addBindValue(notNull(in.agentName));
    q.addBindValue(team < 0 ? QVariant() : QVariant(team));
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM agents WHERE external_id = ?"));
    q.addBindValue(in.agentId);
    const qint64 id = (q.exec() && q.next()) ? q.value(0).toLongLong() : -1;
    m_agents.insert(in.agentId, id);
    m_agentSignature.insert(in.agentId, signature);
    return id;
}

sqlite3_stmt *InteractionStore::insertTurnsStatement(int rows)
{
    sqlite3_stmt *&s = m_insertTurns[size_t(rows - 1)];
    if (s)
        return s;
    // OR FAIL, as for interactions: no statement journal.
    QByteArray sql = "INSERT OR FAIL INTO turns(interaction_id, seq, speaker, text, start_ms, end_ms, at) "
                     "VALUES(?, ?, ?, ?, ?, ?, ?)";
    for (int i = 1; i < rows; ++i)
        sql += ", (?, ?, ?, ?, ?, ?, ?)";
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &s,
                           nullptr) != SQLITE_OK) {
        m_error = QStringLiteral("storing turns: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_finalize(s);
        s = nullptr;
    }
    return s;
}

bool InteractionStore::insertTurns(qint64 interactionId, const Interaction &in,
                                   const InteractionRow &row)
{
    const int count = int(in.turns.size());
    for (int first = 0; first < count;) {
        const int rows = qMin(count - first, int(m_insertTurns.size()));
        sqlite3_stmt *s = insertTurnsStatement(rows);
        if (!s)
            return false;
        for (int i = 0; i < rows; ++i) {
            const int seq = first + i;
            const Turn &t = in.turns[size_t(seq)];
            const int p = i * 7;
            sqlite3_bind_int64(s, p + 1, interactionId);
            sqlite3_bind_int(s, p + 2, seq);
            sqlite3_bind_text(s, p + 3, speakerText(t.speaker), -1, SQLITE_STATIC);
            const QByteArrayView text = row.turn(size_t(seq));
            bindText(s, p + 4, text.data(), int(text.size()));
            bindOptional(s, p + 5, t.startMs);
            bindOptional(s, p + 6, t.endMs);
            bindOptional(s, p + 7, t.atMs);
        }
        if (!step(s, "storing turns"))
            return false;
        first += rows;
    }
    if (count == 0)
        return true;
    sqlite3_bind_int64(m_indexTranscript, 1, interactionId);
    bindText(m_indexTranscript, 2, row.turnText);
    return step(m_indexTranscript, "indexing the transcript for search");
}

InteractionStore::Outcome InteractionStore::write(const Interaction &in, qint64 batchId)
{
    return write(in, interactionRow(in), batchId);
}

InteractionStore::Outcome InteractionStore::write(const Interaction &in,
                                                  const InteractionRow &row, qint64 batchId)
{
    if (!prepare())
        return Outcome::Failed;
    sqlite3_stmt *find = m_findInteraction;
    bindText(find, 1, row.source);
    bindText(find, 2, row.externalId);
    qint64 id = -1;
    bool unchanged = false;
    const int rc = sqlite3_step(find);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(find, 0);
        const char *stored = reinterpret_cast<const char *>(sqlite3_column_text(find, 1));
        unchanged = stored && row.contentHash == stored;
        if (!unchanged && sqlite3_column_type(find, 2) != SQLITE_NULL)
            // The customer's other contacts may stop being repeats if this one moves.
            m_touchedCustomers.insert(QByteArray(
                reinterpret_cast<const char *>(sqlite3_column_text(find, 2)),
                sqlite3_column_bytes(find, 2)));
    }
    sqlite3_reset(find);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        m_error = QStringLiteral("looking up an interaction: %1")
                      .arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return Outcome::Failed;
    }
    if (unchanged)
        return Outcome::Unchanged;
    const bool isUpdate = id >= 0;

    const qint64 team = teamId(in.team);
    const qint64 agent = agentId(in, team);
    if (agent < 0) {
        m_error = QStringLiteral("cannot store agent %1").arg(in.agentId);
        return Outcome::Failed;
    }
    if (isUpdate) {
        sqlite3_bind_int64(m_unindexTranscript, 1, id);
        sqlite3_bind_int64(m_deleteTurns, 1, id);
        sqlite3_bind_int64(m_staleEvaluations, 1, id);
        if (!step(m_unindexTranscript, "removing the old transcript from the search index") ||
            !step(m_deleteTurns, "replacing turns") ||
            !step(m_staleEvaluations, "marking evaluations stale"))
            return Outcome::Failed;
    }

    sqlite3_stmt *s = isUpdate ? m_updateInteraction : m_insertInteraction;
    const DerivedMetrics &m = row.metrics;
    bindText(s, 1, row.source);
    bindText(s, 2, row.externalId);
    bindText(s, 3, row.channel);
    sqlite3_bind_int64(s, 4, in.startedAt.toMSecsSinceEpoch());
    bindOptional(s, 5, m.durationMs);
    sqlite3_bind_int64(s, 6, agent);
    bindOptional(s, 7, team);
    if (row.customerId.isEmpty())
        sqlite3_bind_null(s, 8);
    else
        bindText(s, 8, row.customerId);
    bindText(s, 9, row.queue);
    bindText(s, 10, row.language);
    bindOptional(s, 11, in.csat ? *in.csat : -1);
    bindOptional(s, 12, in.resolved ? (*in.resolved ? 1 : 0) : -1);
    bindText(s, 13, row.tags);
    bindText(s, 14, row.attributes);
    bindText(s, 15, row.contentHash);
    bindOptional(s, 16, batchId);
    sqlite3_bind_int64(s, 17, qint64(in.turns.size()));
    bindOptional(s, 18, m.agentTalkMs);
    bindOptional(s, 19, m.customerTalkMs);
    bindOptional(s, 20, m.silenceCount);
    bindOptional(s, 21, m.silenceTotalMs);
    bindOptional(s, 22, m.silenceMaxMs);
    bindOptional(s, 23, m.overtalkCount);
    bindOptional(s, 24, m.overtalkMs);
    bindOptional(s, 25, m.firstResponseMs);
    bindOptional(s, 26, m.maxCustomerWaitMs);
    if (isUpdate)
        sqlite3_bind_int64(s, 27, id);
    if (!step(s, "storing an interaction"))
        return Outcome::Failed;
    if (!isUpdate)
        id = sqlite3_last_insert_rowid(m_db);
    if (!insertTurns(id, in, row))
        return Outcome::Failed;
    if (!row.customerId.isEmpty())
        m_touchedCustomers.insert(row.customerId);
    return isUpdate ? Outcome::Updated : Outcome::Inserted;
}

bool InteractionStore::updateRepeatContacts(const QByteArray &customer)
{
    struct Contact
    {
        qint64 id, startedAt;
        int flag; // -1 when not set
    };
    std::vector<Contact> contacts;
    bindText(m_customerContacts, 1, customer);
    int rc;
    while ((rc = sqlite3_step(m_customerContacts)) == SQLITE_ROW)
        contacts.push_back({sqlite3_column_int64(m_customerContacts, 0),
                            sqlite3_column_int64(m_customerContacts, 1),
                            sqlite3_column_type(m_customerContacts, 2) == SQLITE_NULL
                                ? -1
                                : sqlite3_column_int(m_customerContacts, 2)});
    sqlite3_reset(m_customerContacts);
    if (rc != SQLITE_DONE) {
        m_error = QStringLiteral("reading a customer's contacts: %1")
                      .arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    // A contact is a repeat when the customer's next contact at a later time (ties are
    // not later) comes within the window.
    size_t later = 0;
    for (size_t i = 0; i < contacts.size(); ++i) {
        while (later < contacts.size() && contacts[later].startedAt <= contacts[i].startedAt)
            ++later;
        const bool repeat = later < contacts.size() &&
                            contacts[later].startedAt <= contacts[i].startedAt + kRepeatWindowMs;
        if (contacts[i].flag == (repeat ? 1 : 0))
            continue;
        sqlite3_bind_int(m_setRepeat, 1, repeat ? 1 : 0);
        sqlite3_bind_int64(m_setRepeat, 2, contacts[i].id);
        if (!step(m_setRepeat, "updating repeat contacts"))
            return false;
    }
    return true;
}

bool InteractionStore::flush()
{
    if (!prepare())
        return false;
    for (const QByteArray &customer : std::as_const(m_touchedCustomers)) {
        if (!updateRepeatContacts(customer))
            return false;
    }
    m_touchedCustomers.clear();
    return true;
}

} // namespace qaw

