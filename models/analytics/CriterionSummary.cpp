#include "analytics/CriterionSummary.h"

#include "analytics/AnalyticsSql.h"
#include "analytics/Buckets.h"
#include "storage/Workspace.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace qaw::criterionSummary {
namespace {

const QString kMarksKey = QStringLiteral("analytics.criterion_marks");

QString marksSignature(const std::vector<CriterionPassMark> &criteria)
{
    QStringList parts;
    for (const CriterionPassMark &c : criteria)
        parts << QStringLiteral("%1:%2:%3:%4").arg(c.id).arg(c.passMark).arg(c.minimum).arg(c.span);
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QLatin1Char('|')).toUtf8(), QCryptographicHash::Sha1)
            .toHex());
}

bool hasDirtyDays(Workspace &ws)
{
    QSqlQuery q(ws.database());
    return q.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM analytics_dirty_days)")) &&
           q.next() && q.value(0).toBool();
}

} // namespace

bool serves(const InteractionFilter &f)
{
    InteractionFilter onlyDatesTeamAgent;
    onlyDatesTeamAgent.from = f.from;
    onlyDatesTeamAgent.to = f.to;
    onlyDatesTeamAgent.teamId = f.teamId;
    onlyDatesTeamAgent.agentId = f.agentId;
    return f == onlyDatesTeamAgent;
}

bool refresh(Workspace &ws, const std::vector<CriterionPassMark> &criteria)
{
    if (ws.isReadOnly())
        return false;
    const QString signature = marksSignature(criteria);
    const bool marksChanged = ws.setting(kMarksKey) != signature;
    if (!marksChanged && !hasDirtyDays(ws))
        return true;
    QSqlDatabase db = ws.database();
    if (!beginWriteTransaction(db))
        return false;
    QSqlQuery q(db);
    bool ok = true;
    if (marksChanged)
        ok = q.exec(QStringLiteral("DELETE FROM analytics_criterion_days")) &&
             q.exec(QStringLiteral("INSERT OR IGNORE INTO analytics_dirty_days(day) "
                                   "SELECT DISTINCT started_at / 86400000 FROM interactions"));
    ok = ok &&
         q.exec(QStringLiteral("DELETE FROM analytics_criterion_days WHERE day IN "
                               "(SELECT day FROM analytics_dirty_days)")) &&
         q.exec(QStringLiteral("DELETE FROM analytics_total_days WHERE day IN "
                               "(SELECT day FROM analytics_dirty_days)")) &&
         q.exec(QStringLiteral(
             "INSERT INTO analytics_total_days SELECT d.day, coalesce(i.team_id, -1), "
             "i.agent_id, i.channel, i.queue, count(*), sum(i.auto_total), "
             "sum(i.auto_total * i.auto_total) FROM analytics_dirty_days d CROSS JOIN "
             "interactions i ON i.started_at >= d.day * 86400000 AND "
             "i.started_at < (d.day + 1) * 86400000 WHERE +i.auto_total IS NOT NULL "
             "GROUP BY 1, 2, 3, 4, 5"));
    QVariantList values;
    const QString with = criteriaTable(criteria, &values);
    // One range scan of the started_at index per dirty day, then each interaction's
    // current automated scores.
    ok = ok &&
         analyticsSql::run(
             q,
             with + QStringLiteral(
                        "INSERT INTO analytics_criterion_days SELECT d.day, "
                        "coalesce(i.team_id, -1), i.agent_id, cs.criterion_id, "
                        "cs.value >= crit.mark AS passed, count(*), "
                        "sum((cs.value - crit.lo) / crit.span), count(i.csat), "
                        "coalesce(sum(i.csat), 0), coalesce(sum(i.csat * i.csat), 0), "
                        "count(i.repeat_contact), coalesce(sum(i.repeat_contact), 0), "
                        "count(i.duration_ms), coalesce(sum(i.duration_ms / 1000.0), 0), "
                        "coalesce(sum((i.duration_ms / 1000.0) * (i.duration_ms / 1000.0)), 0) "
                        "FROM analytics_dirty_days d CROSS JOIN interactions i "
                        "ON i.started_at >= d.day * 86400000 AND "
                        "i.started_at < (d.day + 1) * 86400000 "
                        "CROSS JOIN criterion_scores cs ON cs.evaluation_id = i.auto_evaluation_id "
                        "CROSS JOIN crit ON crit.id = cs.criterion_id "
                        "WHERE i.auto_evaluation_id IS NOT NULL AND cs.na = 0 AND "
                        "cs.value IS NOT NULL GROUP BY 1, 2, 3, 4, 5"),
             values);
    ok = ok && q.exec(QStringLiteral("DELETE FROM analytics_dirty_days"));
    if (ok && marksChanged) {
        QSqlQuery s(db);
        s.prepare(QStringLiteral("INSERT OR REPLACE INTO workspace_settings(key, value) "
                                 "VALUES (?, ?)"));
        s.addBindValue(kMarksKey);
        s.addBindValue(signature);
        ok = s.exec();
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

bool usable(Workspace &ws, const InteractionFilter &filter,
            const std::vector<CriterionPassMark> &criteria)
{
    if (!serves(filter))
        return false;
    // The summary is kept for the active scorecard's marks; other marks need the raw join.
    const std::vector<CriterionPassMark> active = activeCriteria(ws);
    for (const CriterionPassMark &c : criteria) {
        const auto same = [&c](const CriterionPassMark &a) {
            return a.id == c.id && a.passMark == c.passMark && a.minimum == c.minimum &&
                   a.span == c.span;
        };
        if (std::none_of(active.begin(), active.end(), same))
            return false;
    }
    return refresh(ws, active);
}

bool servesTotals(const InteractionFilter &f)
{
    InteractionFilter summarised;
    summarised.from = f.from;
    summarised.to = f.to;
    summarised.teamId = f.teamId;
    summarised.agentId = f.agentId;
    summarised.channel = f.channel;
    summarised.queue = f.queue;
    return f == summarised;
}

bool totalsUsable(Workspace &ws, const InteractionFilter &filter)
{
    return servesTotals(filter) && refresh(ws, activeCriteria(ws));
}

QString totalsWhere(const InteractionFilter &f, QVariantList *values)
{
    QString clause = where(f, {}, values);
    // No criterion here: drop the criterion condition that where() starts with.
    clause.replace(QStringLiteral("s.criterion_id IN (NULL)"), QStringLiteral("1"));
    if (!f.channel.isEmpty()) {
        clause += QStringLiteral(" AND s.channel = ?");
        values->append(f.channel);
    }
    if (!f.queue.isEmpty()) {
        clause += QStringLiteral(" AND s.queue = ?");
        values->append(f.queue);
    }
    return clause;
}

QString where(const InteractionFilter &f, const std::vector<CriterionPassMark> &criteria,
              QVariantList *values)
{
    QStringList parts;
    QStringList ids;
    for (const CriterionPassMark &c : criteria) {
        ids << QStringLiteral("?");
        values->append(c.id);
    }
    parts << QStringLiteral("s.criterion_id IN (%1)")
                 .arg(ids.isEmpty() ? QStringLiteral("NULL") : ids.join(QLatin1Char(',')));
    if (f.from.isValid()) {
        parts << QStringLiteral("s.day >= ?");
        values->append(dayNumber(f.from));
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("s.day <= ?");
        values->append(dayNumber(f.to));
    }
    if (f.teamId >= 0) {
        parts << QStringLiteral("s.team_id = ?");
        values->append(f.teamId);
    }
    if (f.agentId >= 0) {
        parts << QStringLiteral("s.agent_id = ?");
        values->append(f.agentId);
    }
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace qaw::criterionSummary
