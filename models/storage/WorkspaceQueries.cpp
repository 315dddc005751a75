#include "storage/WorkspaceQueries.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace qaw::queries {
namespace {

qint64 orMinusOne(const QVariant &v)
{
    return v.isNull() ? -1 : v.toLongLong();
}

QStringList distinctColumn(const Workspace &ws, const QString &sql)
{
    QStringList out;
    QSqlQuery q(ws.database());
    if (q.exec(sql))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

QStringList jsonStringList(const QString &json)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

} // namespace

std::vector<NamedId> teams(const Workspace &ws)
{
    std::vector<NamedId> out;
    QSqlQuery q(ws.database());
    if (q.exec(QStringLiteral("SELECT id, name FROM teams ORDER BY name")))
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

std::vector<NamedId> agents(const Workspace &ws, qint64 teamId)
{
    std::vector<NamedId> out;
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT id, CASE WHEN name <> '' THEN name ELSE external_id END "
                             "FROM agents WHERE ? < 0 OR team_id = ? ORDER BY 2"));
    q.addBindValue(teamId);
    q.addBindValue(teamId);
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

QStringList channels(const Workspace &ws)
{
    return distinctColumn(ws, QStringLiteral("SELECT DISTINCT channel FROM interactions "
                                             "ORDER BY channel"));
}

QStringList queues(const Workspace &ws)
{
    return distinctColumn(ws, QStringLiteral("SELECT DISTINCT queue FROM interactions "
                                             "WHERE queue <> '' ORDER BY queue"));
}

std::optional<StoredInteraction> interaction(const Workspace &ws, qint64 id)
{
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral(
        "SELECT i.source, i.external_id, i.channel, i.started_at, i.duration_ms, a.external_id, "
        "a.name, t.name, i.customer_id, i.queue, i.language, i.csat, i.resolved, i.tags, "
        "i.attributes, i.agent_talk_ms, i.customer_talk_ms, i.silence_count, "
        "i.silence_total_ms, i.silence_max_ms, i.overtalk_count, i.overtalk_ms, "
        "i.first_response_ms, i.max_customer_wait_ms, i.repeat_contact, i.auto_total, "
        "i.auto_failed FROM interactions i JOIN agents a ON a.id = i.agent_id "
        "LEFT JOIN teams t ON t.id = i.team_id WHERE i.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredInteraction s;
    s.id = id;
    Interaction &in = s.interaction;
    in.source = q.value(0).toString();
    in.externalId = q.value(1).toString();
    in.channel = q.value(2).toString();
    in.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::utc());
    in.durationMs = orMinusOne(q.value(4));
    in.agentId = q.value(5).toString();
    in.agentName = q.value(6).toString();
    in.team = q.value(7).toString();
    in.customerId = q.value(8).toString();
    in.queue = q.value(9).toString();
    in.language = q.value(10).toString();
    if (!q.value(11).isNull())
        in.csat = q.value(11).toInt();
    if (!q.value(12).isNull())
        in.resolved = q.value(12).toBool();
    in.tags = jsonStringList(q.value(13).toString());
    in.attributes = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object();
    DerivedMetrics &m = s.metrics;
    m.durationMs = in.durationMs;
    m.agentTalkMs = orMinusOne(q.value(15));
    m.customerTalkMs = orMinusOne(q.value(16));
    m.silenceCount = int(orMinusOne(q.value(17)));
    m.silenceTotalMs = orMinusOne(q.value(18));
    m.silenceMaxMs = orMinusOne(q.value(19));
    m.overtalkCount = int(orMinusOne(q.value(20)));
    m.overtalkMs = orMinusOne(q.value(21));
    m.firstResponseMs = orMinusOne(q.value(22));
    m.maxCustomerWaitMs = orMinusOne(q.value(23));
    if (!q.value(24).isNull())
        s.repeatContact = q.value(24).toBool();
    if (!q.value(25).isNull())
        s.autoTotal = q.value(25).toDouble();
    s.autoFailed = q.value(26).toInt() == 1;

    QSqlQuery t(ws.database());
    t.prepare(QStringLiteral("SELECT speaker, text, start_ms, end_ms, at FROM turns "
                             "WHERE interaction_id = ? ORDER BY seq"));
    t.addBindValue(id);
    if (t.exec()) {
        while (t.next()) {
            Turn turn;
            turn.speaker = speakerFromName(t.value(0).toString()).value_or(Speaker::System);
            turn.text = t.value(1).toString();
            turn.startMs = orMinusOne(t.value(2));
            turn.endMs = orMinusOne(t.value(3));
            turn.atMs = orMinusOne(t.value(4));
            in.turns.push_back(turn);
        }
    }
    return s;
}

std::vector<VolumeBucket> weeklyVolume(const Workspace &ws, const InteractionFilter &filter)
{
    // Day number since the epoch; 1970-01-01 was a Thursday, so +3 makes weeks start Monday.
    QVariantList values;
    const QString where = filter.whereClause(QStringLiteral("i"), &values);
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT ((i.started_at / 86400000) + 3) / 7 AS week, count(*), "
                             "count(i.csat), avg(i.csat), avg(i.duration_ms) "
                             "FROM interactions i") +
              where + QStringLiteral(" GROUP BY week ORDER BY week"));
    for (const QVariant &v : values)
        q.addBindValue(v);
    std::vector<VolumeBucket> out;
    if (!q.exec())
        return out;
    const QDate epoch(1970, 1, 1);
    while (q.next()) {
        VolumeBucket b;
        b.start = epoch.addDays(q.value(0).toLongLong() * 7 - 3);
        b.interactions = q.value(1).toLongLong();
        b.withCsat = q.value(2).toLongLong();
        b.meanCsat = q.value(3).toDouble();
        b.meanDurationMs = q.value(4).toDouble();
        out.push_back(b);
    }
    return out;
}

std::vector<CoachingSessionRow> coachingSessions(const Workspace &ws)
{
    std::vector<CoachingSessionRow> out;
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral(
            "SELECT s.id, a.external_id, a.name, t.name, s.date, s.focus, s.notes, "
            "s.follow_up_date FROM coaching_sessions s JOIN agents a ON a.id = s.agent_id "
            "LEFT JOIN teams t ON t.id = a.team_id ORDER BY s.date DESC, s.id DESC")))
        return out;
    while (q.next()) {
        CoachingSessionRow r;
        r.id = q.value(0).toLongLong();
        r.agentExternalId = q.value(1).toString();
        r.agentName = q.value(2).toString();
        r.team = q.value(3).toString();
        r.date = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        r.focus = jsonStringList(q.value(5).toString());
        r.notes = q.value(6).toString();
        r.followUp = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        out.push_back(r);
    }
    return out;
}

std::vector<ScorecardVersionRow> scorecardVersions(const Workspace &ws)
{
    std::vector<ScorecardVersionRow> out;
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral(
            "SELECT v.id, s.name, v.version, s.active_version_id = v.id, v.created_at, "
            "v.created_by, v.note FROM scorecard_versions v "
            "JOIN scorecards s ON s.id = v.scorecard_id ORDER BY s.name, v.version DESC")))
        return out;
    while (q.next()) {
        ScorecardVersionRow r;
        r.id = q.value(0).toLongLong();
        r.scorecardName = q.value(1).toString();
        r.version = q.value(2).toInt();
        r.active = q.value(3).toBool();
        r.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::utc());
        r.createdBy = q.value(5).toString();
        r.note = q.value(6).toString();
        out.push_back(r);
    }
    return out;
}

std::vector<ImportBatchRow> importBatches(const Workspace &ws)
{
    std::vector<ImportBatchRow> out;
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral(
            "SELECT id, file_path, format, status, started_at, n_imported, n_updated, "
            "n_unchanged, n_rejected FROM import_batches ORDER BY id DESC")))
        return out;
    while (q.next()) {
        ImportBatchRow r;
        r.id = q.value(0).toLongLong();
        r.file = q.value(1).toString();
        r.format = q.value(2).toString();
        r.status = q.value(3).toString();
        r.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::utc());
        r.imported = q.value(5).toLongLong();
        r.updated = q.value(6).toLongLong();
        r.unchanged = q.value(7).toLongLong();
        r.rejected = q.value(8).toLongLong();
        out.push_back(r);
    }
    return out;
}

std::vector<CalibrationSessionRow> calibrationSessions(const Workspace &ws)
{
    std::vector<CalibrationSessionRow> out;
    QSqlQuery q(ws.database());
    if (!q.exec(QStringLiteral(
            "SELECT s.id, s.name, (SELECT count(*) FROM calibration_items i WHERE i.session_id "
            "= s.id), (SELECT count(*) FROM calibration_reviewers r WHERE r.session_id = s.id), "
            "s.blind, s.status FROM calibration_sessions s ORDER BY s.created_at DESC")))
        return out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                       q.value(3).toLongLong(), q.value(4).toBool(), q.value(5).toString()});
    return out;
}

} // namespace qaw::queries
