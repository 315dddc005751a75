#include "storage/InteractionBatchReader.h"

#include "storage/SqliteHandle.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace qaw {
namespace {

// Each column is fetched once with sqlite3_column_value() and read with the value
// functions: every sqlite3_column_*() call looks the column up, enters the connection's
// mutex and checks for a malloc failure again, and reading an integer took two of them
// (type, then value). The values are read before the next step, on the connection's own
// thread, as the unprotected value sqlite3_column_value() gives requires.
qint64 orMinusOne(sqlite3_stmt *s, int column)
{
    sqlite3_value *v = sqlite3_column_value(s, column);
    return sqlite3_value_type(v) == SQLITE_NULL ? -1 : sqlite3_value_int64(v);
}

//! The column's integer, or nothing when it is NULL.
std::optional<qint64> optionalInt(sqlite3_stmt *s, int column)
{
    sqlite3_value *v = sqlite3_column_value(s, column);
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_value_int64(v);
}

//! The column's UTF-8 text (null when NULL) and its size in bytes.
const char *utf8(sqlite3_stmt *s, int column, int *size)
{
    sqlite3_value *v = sqlite3_column_value(s, column);
    const auto *data = reinterpret_cast<const char *>(sqlite3_value_text(v));
    *size = data ? sqlite3_value_bytes(v) : 0;
    return data;
}

QString text(sqlite3_stmt *s, int column)
{
    int size = 0;
    const char *data = utf8(s, column, &size);
    return data ? QString::fromUtf8(data, size) : QString();
}

Speaker speaker(sqlite3_stmt *s, int column)
{
    // The importer stores the canonical lower-case names; anything else goes through
    // the tolerant parser.
    int size = 0;
    const char *data = utf8(s, column, &size);
    if (data && size == 5 && std::memcmp(data, "agent", 5) == 0)
        return Speaker::Agent;
    if (data && size == 8 && std::memcmp(data, "customer", 8) == 0)
        return Speaker::Customer;
    return speakerFromName(text(s, column)).value_or(Speaker::System);
}

} // namespace

InteractionBatchReader::InteractionBatchReader(const Workspace &workspace)
    : m_workspace(workspace)
{
}

InteractionBatchReader::~InteractionBatchReader()
{
    sqlite3_finalize(m_interactions);
    sqlite3_finalize(m_turns);
}

bool InteractionBatchReader::prepare() const
{
    if (m_db)
        return true;
    sqlite3 *db = sqliteHandle(m_workspace.database());
    if (!db)
        return false;
    const char *interactions =
        "SELECT i.id, i.source, i.external_id, i.channel, i.started_at, i.duration_ms, "
        "a.external_id, a.name, t.name, i.customer_id, i.queue, i.language, i.csat, "
        "i.resolved, i.tags, i.attributes, i.agent_talk_ms, i.customer_talk_ms, "
        "i.silence_count, i.silence_total_ms, i.silence_max_ms, i.overtalk_count, "
        "i.overtalk_ms, i.first_response_ms, i.max_customer_wait_ms, i.repeat_contact, "
        "i.turn_count "
        "FROM interactions i JOIN agents a ON a.id = i.agent_id "
        "LEFT JOIN teams t ON t.id = i.team_id WHERE i.id BETWEEN ? AND ? ORDER BY i.id";
    const char *turns = "SELECT interaction_id, speaker, text, start_ms, end_ms, at "
                        "FROM turns WHERE interaction_id BETWEEN ? AND ? "
                        "ORDER BY interaction_id, seq";
    if (sqlite3_prepare_v2(db, interactions, -1, &m_interactions, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, turns, -1, &m_turns, nullptr) != SQLITE_OK)
        return false;
    m_db = db;
    return true;
}

QString InteractionBatchReader::repeated(sqlite3_stmt *statement, int column) const
{
    int size = 0;
    const char *data = utf8(statement, column, &size);
    if (!data)
        return QString();
    const QByteArray key = QByteArray::fromRawData(data, size); // no copy for the lookup
    const auto found = m_repeated.constFind(key);
    if (found != m_repeated.constEnd())
        return found.value();
    if (m_repeated.size() > 4096)
        m_repeated.clear(); // many distinct values: the column does not repeat much
    const QString value = QString::fromUtf8(data, size);
    m_repeated.insert(QByteArray(data, size), value);
    return value;
}

namespace {

//! The column's text as a key for a lookup, without copying it.
QByteArray rawBytes(sqlite3_stmt *s, int column)
{
    int size = 0;
    const char *data = utf8(s, column, &size);
    return data ? QByteArray::fromRawData(data, size) : QByteArray();
}

//! Looks \a key up in \a cache, parsing and keeping it when new (a cache grown past a
//! few thousand values means the column does not repeat much: start again).
template <typename Value, typename Parse>
Value cachedParse(QHash<QByteArray, Value> *cache, const QByteArray &key, Parse parse)
{
    const auto found = cache->constFind(key);
    if (found != cache->constEnd())
        return found.value();
    if (cache->size() > 4096)
        cache->clear();
    const Value value = parse();
    cache->insert(QByteArray(key.constData(), key.size()), value);
    return value;
}

} // namespace

QStringList InteractionBatchReader::tags(sqlite3_stmt *statement, int column) const
{
    const QByteArray json = rawBytes(statement, column);
    if (json.isEmpty() || json == "[]")
        return {};
    return cachedParse(&m_tags, json, [&json] {
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
            out << v.toString();
        return out;
    });
}

QJsonObject InteractionBatchReader::attributes(sqlite3_stmt *statement, int column) const
{
    const QByteArray json = rawBytes(statement, column);
    if (json.isEmpty() || json == "{}")
        return {};
    return cachedParse(&m_attributes, json,
                       [&json] { return QJsonDocument::fromJson(json).object(); });
}

std::vector<qint64> InteractionBatchReader::idsToScore(bool all) const
{
    std::vector<qint64> ids;
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    if (q.exec(all ? QStringLiteral("SELECT id FROM interactions ORDER BY id")
                   : QStringLiteral("SELECT id FROM interactions WHERE needs_scoring = 1 "
                                    "ORDER BY id")))
        while (q.next())
            ids.push_back(q.value(0).toLongLong());
    return ids;
}

std::vector<StoredInteraction> InteractionBatchReader::load(const std::vector<qint64> &ids) const
{
    std::vector<StoredInteraction> out;
    out.reserve(ids.size());
    if (!prepare())
        return out;
    // Ids are read in dense runs with BETWEEN (one pass over the index); a few changed
    // interactions scattered over a large workspace become many small runs instead of
    // one range that would read everything in between.
    size_t begin = 0;
    while (begin < ids.size()) {
        size_t end = begin + 1;
        while (end < ids.size() &&
               ids[end] - ids[begin] <= 2 * qint64(end - begin + 1) + 64)
            ++end;
        const std::vector<qint64> run(ids.begin() + qsizetype(begin),
                                      ids.begin() + qsizetype(end));
        loadRun(run, &out);
        begin = end;
    }
    return out;
}

void InteractionBatchReader::loadRun(const std::vector<qint64> &ids,
                                     std::vector<StoredInteraction> *loaded) const
{
    const size_t first = loaded->size();
    std::vector<StoredInteraction> &out = *loaded;
    sqlite3_stmt *q = m_interactions;
    sqlite3_bind_int64(q, 1, ids.front());
    sqlite3_bind_int64(q, 2, ids.back());
    static const QTimeZone utc = QTimeZone::utc();
    while (sqlite3_step(q) == SQLITE_ROW) {
        const qint64 id = sqlite3_column_int64(q, 0);
        if (!std::binary_search(ids.begin(), ids.end(), id))
            continue;
        StoredInteraction s;
        s.id = id;
        Interaction &in = s.interaction;
        in.source = repeated(q, 1);
        in.externalId = text(q, 2);
        in.channel = repeated(q, 3);
        in.startedAt = QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(q, 4), utc);
        in.durationMs = orMinusOne(q, 5);
        in.agentId = repeated(q, 6);
        in.agentName = repeated(q, 7);
        in.team = repeated(q, 8);
        in.customerId = text(q, 9);
        in.queue = repeated(q, 10);
        in.language = repeated(q, 11);
        if (const auto csat = optionalInt(q, 12))
            in.csat = int(*csat); // as sqlite3_column_int() cuts it
        if (const auto resolved = optionalInt(q, 13))
            in.resolved = *resolved != 0;
        in.tags = tags(q, 14);
        in.attributes = attributes(q, 15);
        DerivedMetrics &m = s.metrics;
        m.durationMs = in.durationMs;
        m.agentTalkMs = orMinusOne(q, 16);
        m.customerTalkMs = orMinusOne(q, 17);
        m.silenceCount = int(orMinusOne(q, 18));
        m.silenceTotalMs = orMinusOne(q, 19);
        m.silenceMaxMs = orMinusOne(q, 20);
        m.overtalkCount = int(orMinusOne(q, 21));
        m.overtalkMs = orMinusOne(q, 22);
        m.firstResponseMs = orMinusOne(q, 23);
        m.maxCustomerWaitMs = orMinusOne(q, 24);
        if (const auto repeat = optionalInt(q, 25))
            s.repeatContact = *repeat != 0;
        // Room for the turns read next (the count is a hint: the turns are what is read).
        in.turns.reserve(size_t(std::max(0, sqlite3_column_int(q, 26))));
        out.push_back(std::move(s));
    }
    sqlite3_reset(q);

    sqlite3_stmt *t = m_turns;
    sqlite3_bind_int64(t, 1, ids.front());
    sqlite3_bind_int64(t, 2, ids.back());
    size_t cursor = first;
    while (sqlite3_step(t) == SQLITE_ROW) {
        const qint64 id = sqlite3_column_int64(t, 0);
        while (cursor < out.size() && out[cursor].id < id)
            ++cursor;
        if (cursor == out.size())
            break;
        if (out[cursor].id != id)
            continue;
        Turn turn;
        turn.speaker = speaker(t, 1);
        turn.text = text(t, 2);
        turn.startMs = orMinusOne(t, 3);
        turn.endMs = orMinusOne(t, 4);
        turn.atMs = orMinusOne(t, 5);
        out[cursor].interaction.turns.push_back(std::move(turn));
    }
    sqlite3_reset(t);
}

} // namespace qaw
