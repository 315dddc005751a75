#include "storage/InteractionBatchReader.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>

namespace qaw {
namespace {

qint64 orMinusOne(const QVariant &v)
{
    return v.isNull() ? -1 : v.toLongLong();
}

} // namespace

InteractionBatchReader::InteractionBatchReader(const Workspace &workspace)
    : m_workspace(workspace)
{
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
    std::vector<StoredInteraction> out;
    const QSqlDatabase db = m_workspace.database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT i.id, i.source, i.external_id, i.channel, i.started_at, i.duration_ms, "
        "a.external_id, a.name, t.name, i.customer_id, i.queue, i.language, i.csat, "
        "i.resolved, i.tags, i.attributes, i.agent_talk_ms, i.customer_talk_ms, "
        "i.silence_count, i.silence_total_ms, i.silence_max_ms, i.overtalk_count, "
        "i.overtalk_ms, i.first_response_ms, i.max_customer_wait_ms, i.repeat_contact "
        "FROM interactions i JOIN agents a ON a.id = i.agent_id "
        "LEFT JOIN teams t ON t.id = i.team_id WHERE i.id BETWEEN ? AND ? ORDER BY i.id"));
    q.addBindValue(ids.front());
    q.addBindValue(ids.back());
    if (!q.exec())
        return;
    const QString emptyObject = QStringLiteral("{}");
    const QString emptyArray = QStringLiteral("[]");
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!std::binary_search(ids.begin(), ids.end(), id))
            continue;
        StoredInteraction s;
        s.id = id;
        Interaction &in = s.interaction;
        in.source = q.value(1).toString();
        in.externalId = q.value(2).toString();
        in.channel = q.value(3).toString();
        in.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::utc());
        in.durationMs = orMinusOne(q.value(5));
        in.agentId = q.value(6).toString();
        in.agentName = q.value(7).toString();
        in.team = q.value(8).toString();
        in.customerId = q.value(9).toString();
        in.queue = q.value(10).toString();
        in.language = q.value(11).toString();
        if (!q.value(12).isNull())
            in.csat = q.value(12).toInt();
        if (!q.value(13).isNull())
            in.resolved = q.value(13).toBool();
        const QString tags = q.value(14).toString();
        if (tags != emptyArray)
            for (const QJsonValue &v : QJsonDocument::fromJson(tags.toUtf8()).array())
                in.tags << v.toString();
        const QString attributes = q.value(15).toString();
        if (attributes != emptyObject)
            in.attributes = QJsonDocument::fromJson(attributes.toUtf8()).object();
        DerivedMetrics &m = s.metrics;
        m.durationMs = in.durationMs;
        m.agentTalkMs = orMinusOne(q.value(16));
        m.customerTalkMs = orMinusOne(q.value(17));
        m.silenceCount = int(orMinusOne(q.value(18)));
        m.silenceTotalMs = orMinusOne(q.value(19));
        m.silenceMaxMs = orMinusOne(q.value(20));
        m.overtalkCount = int(orMinusOne(q.value(21)));
        m.overtalkMs = orMinusOne(q.value(22));
        m.firstResponseMs = orMinusOne(q.value(23));
        m.maxCustomerWaitMs = orMinusOne(q.value(24));
        if (!q.value(25).isNull())
            s.repeatContact = q.value(25).toBool();
        out.push_back(std::move(s));
    }

    QSqlQuery t(db);
    t.setForwardOnly(true);
    t.prepare(QStringLiteral("SELECT interaction_id, speaker, text, start_ms, end_ms, at "
                             "FROM turns WHERE interaction_id BETWEEN ? AND ? "
                             "ORDER BY interaction_id, seq"));
    t.addBindValue(ids.front());
    t.addBindValue(ids.back());
    if (t.exec()) {
        size_t cursor = 0;
        while (t.next()) {
            const qint64 id = t.value(0).toLongLong();
            while (cursor < out.size() && out[cursor].id < id)
                ++cursor;
            if (cursor == out.size())
                break;
            if (out[cursor].id != id)
                continue;
            Turn turn;
            turn.speaker = speakerFromName(t.value(1).toString()).value_or(Speaker::System);
            turn.text = t.value(2).toString();
            turn.startMs = orMinusOne(t.value(3));
            turn.endMs = orMinusOne(t.value(4));
            turn.atMs = orMinusOne(t.value(5));
            out[cursor].interaction.turns.push_back(std::move(turn));
        }
    }
    for (StoredInteraction &s : out)
        loaded->push_back(std::move(s));
}

} // namespace qaw
