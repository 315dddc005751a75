#include "coaching/CoachingQueueQuery.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace qaw {

QStringList CoachingQueueRow::interactions() const
{
    if (!isPattern)
        return {interaction};
    QStringList out;
    for (const QJsonValue &v : pattern.value(QLatin1String("examples")).toArray())
        out << v.toObject().value(QLatin1String("external_id")).toString();
    return out;
}

int CoachingQueueRow::ageDays(const QDate &today) const
{
    return int(QDateTime::fromMSecsSinceEpoch(createdAtMs, QTimeZone::utc()).date().daysTo(today));
}

std::vector<CoachingQueueRow> queryCoachingQueue(const Workspace &workspace,
                                                 const CoachingQueueFilter &filter,
                                                 const QDate &today)
{
    std::vector<CoachingQueueRow> rows;
    const auto dayStart = [&](int daysAgo) {
        return QDateTime(today.addDays(-daysAgo), QTime(0, 0), QTimeZone::utc())
            .toMSecsSinceEpoch();
    };
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral(
        "SELECT c.id, c.interaction_id, c.agent_id, c.status, c.priority, "
        "CASE WHEN a.name <> '' THEN a.name ELSE a.external_id END, coalesce(t.name, ''), "
        "coalesce(r.name, ''), i.external_id, c.owner, c.reason, i.started_at, i.auto_total, "
        "c.due_date, c.created_at, a.external_id, c.rule_id, c.dismissed_reason, c.kind, "
        "c.criteria, c.pattern, c.week, coalesce(o.interactions, 0) "
        "FROM coaching_items c "
        "LEFT JOIN coaching_overflow o ON o.agent_id = c.agent_id AND o.week = c.week "
        "JOIN interactions i ON i.id = c.interaction_id JOIN agents a ON a.id = c.agent_id "
        "LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN flag_rules r ON r.id = c.rule_id "
        "WHERE (? < 0 OR c.agent_id = ?) AND (? < 0 OR a.team_id = ?) "
        "AND (? < 0 OR c.rule_id = ?) "
        "AND (coalesce(?, '') = '' OR (? = 'open' AND c.status NOT IN ('verified','dismissed')) "
        "OR c.status = ?) AND (coalesce(?, '') = '' OR c.owner = ? OR (? = '-' AND c.owner = '')) "
        "AND (? < 0 OR c.created_at < ?) AND (? < 0 OR c.created_at >= ?) "
        "ORDER BY c.priority DESC, c.id"));
    for (qint64 v : {filter.agentId, filter.teamId, filter.ruleId}) {
        q.addBindValue(v);
        q.addBindValue(v);
    }
    for (int i = 0; i < 3; ++i)
        q.addBindValue(filter.status);
    for (int i = 0; i < 3; ++i)
        q.addBindValue(filter.owner);
    // At least minAgeDays old: flagged before the start of the day (min - 1) days ago.
    q.addBindValue(filter.minAgeDays);
    q.addBindValue(dayStart(filter.minAgeDays - 1));
    // At most maxAgeDays old: flagged on or after the start of the day max days ago.
    q.addBindValue(filter.maxAgeDays);
    q.addBindValue(dayStart(filter.maxAgeDays));
    if (!q.exec())
        return rows;
    while (q.next()) {
        CoachingQueueRow r;
        r.id = q.value(0).toLongLong();
        r.interactionId = q.value(1).toLongLong();
        r.agentId = q.value(2).toLongLong();
        coachingStatus::fromName(q.value(3).toString(), &r.status);
        r.priority = q.value(4).toDouble();
        r.agent = q.value(5).toString();
        r.team = q.value(6).toString();
        r.rule = q.value(7).toString();
        r.interaction = q.value(8).toString();
        r.owner = q.value(9).toString();
        r.reason = q.value(10).toString();
        r.started = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), QTimeZone::utc());
        if (!q.value(12).isNull())
            r.total = q.value(12).toDouble();
        r.due = QDate::fromString(q.value(13).toString(), Qt::ISODate);
        r.createdAtMs = q.value(14).toLongLong();
        r.agentExternalId = q.value(15).toString();
        r.ruleId = q.value(16).isNull() ? -1 : q.value(16).toLongLong();
        r.dismissedReason = q.value(17).toString();
        r.isPattern = q.value(18).toString() == QLatin1String("pattern");
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(19).toByteArray()).array())
            r.criteria << v.toString();
        r.pattern = QJsonDocument::fromJson(q.value(20).toByteArray()).object();
        r.weekStartMs = q.value(21).toLongLong();
        r.overBudget = q.value(22).toInt();
        rows.push_back(r);
    }
    return rows;
}

std::vector<AgentQueueSummary> queryCoachingAgents(const Workspace &workspace)
{
    std::vector<AgentQueueSummary> out;
    QSqlQuery q(workspace.database());
    if (!q.exec(QStringLiteral(
            "SELECT c.agent_id, CASE WHEN a.name <> '' THEN a.name ELSE a.external_id END, "
            "coalesce(t.name, ''), sum(c.kind = 'pattern'), sum(c.kind = 'interaction'), "
            "max(c.priority), (SELECT coalesce(sum(o.interactions), 0) FROM coaching_overflow o "
            "WHERE o.agent_id = c.agent_id), group_concat(CASE WHEN c.kind = 'pattern' THEN "
            "json_extract(c.pattern, '$.name') END, '|') "
            "FROM coaching_items c JOIN agents a ON a.id = c.agent_id "
            "LEFT JOIN teams t ON t.id = a.team_id "
            "WHERE c.status NOT IN ('verified','dismissed') GROUP BY c.agent_id "
            "ORDER BY max(c.priority) DESC, 2")))
        return out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toInt(), q.value(4).toInt(), q.value(6).toInt(),
                       q.value(5).toDouble(),
                       q.value(7).toString().split(QLatin1Char('|'), Qt::SkipEmptyParts)});
    return out;
}

} // namespace qaw
