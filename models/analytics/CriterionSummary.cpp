#include "analytics/CriterionSummary.h"

#include "analytics/AnalyticsSql.h"
#include "analytics/Buckets.h"
#include "storage/Workspace.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <optional>
#include <set>

namespace qaw::criterionSummary {
namespace {

const QString kMarksKey = QStringLiteral("analytics.criterion_marks");
const QString kDirty = QStringLiteral(" WHERE day IN (SELECT day FROM analytics_dirty_days)");

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

//! The first day of the calendar month holding day number \a day, as a day number.
qint64 monthOf(qint64 day)
{
    const QDate d = dayFromNumber(day);
    return dayNumber(QDate(d.year(), d.month(), 1));
}

//! The per-agent totals and histogram bins of the dirty days from raw rows (one range
//! scan of the started_at index per day), then the coarser totals from those rows.
bool refreshTotals(QSqlQuery &q)
{
    return q.exec(QStringLiteral("DELETE FROM analytics_total_bins") + kDirty) &&
           q.exec(QStringLiteral(
               "INSERT INTO analytics_total_bins SELECT d.day, coalesce(i.team_id, -1), "
               "i.agent_id, i.channel, i.queue, "
               "min(max(CAST(i.auto_total / 10.0 AS INTEGER), 0), 10), count(*), "
               "sum(i.auto_total), sum(i.auto_total * i.auto_total), count(i.csat), "
               "coalesce(sum(CASE WHEN i.csat IS NOT NULL THEN i.auto_total END), 0), "
               "coalesce(sum(i.csat), 0) FROM analytics_dirty_days d CROSS JOIN "
               "interactions i ON i.started_at >= d.day * 86400000 AND "
               "i.started_at < (d.day + 1) * 86400000 WHERE +i.auto_total IS NOT NULL "
               "GROUP BY 1, 2, 3, 4, 5, 6")) &&
           q.exec(QStringLiteral("DELETE FROM analytics_total_days") + kDirty) &&
           q.exec(QStringLiteral(
                      "INSERT INTO analytics_total_days SELECT day, team_id, agent_id, channel, "
                      "queue, sum(n), sum(total_sum), sum(total_squares), sum(both_n), "
                      "sum(both_total_sum), sum(both_csat_sum) FROM analytics_total_bins") +
                  kDirty + QStringLiteral(" GROUP BY 1, 2, 3, 4, 5")) &&
           q.exec(QStringLiteral("DELETE FROM analytics_total_team_bins") + kDirty) &&
           q.exec(QStringLiteral("INSERT INTO analytics_total_team_bins SELECT day, team_id, "
                                 "channel, queue, bin, sum(n) FROM analytics_total_bins") +
                  kDirty + QStringLiteral(" GROUP BY 1, 2, 3, 4, 5"));
}

//! The per-agent criterion results of the dirty days from each interaction's current
//! automated scores, then the roll-ups without agents (and without anything but the day)
//! and the months the days belong to.
bool refreshCriteria(QSqlQuery &q, const std::vector<CriterionPassMark> &criteria,
                     const std::set<qint64> &months)
{
    QVariantList values;
    const QString with = criteriaTable(criteria, &values);
    bool ok =
        q.exec(QStringLiteral("DELETE FROM analytics_criterion_agent_days") + kDirty) &&
        analyticsSql::run(
            q,
            with + QStringLiteral(
                       "INSERT INTO analytics_criterion_agent_days SELECT d.day, "
                       "coalesce(i.team_id, -1), i.agent_id, i.channel, i.queue, cs.criterion_id, "
                       "cs.value >= crit.mark AS passed, count(*), "
                       "sum((cs.value - crit.lo) / crit.span), count(i.csat), "
                       "coalesce(sum(i.csat), 0), coalesce(sum(i.csat * i.csat), 0), "
                       "count(i.repeat_contact), coalesce(sum(i.repeat_contact), 0), "
                       "count(i.duration_ms), coalesce(sum(i.duration_ms / 1000.0), 0), "
                       "coalesce(sum((i.duration_ms / 1000.0) * (i.duration_ms / 1000.0)), 0) "
                       "FROM analytics_dirty_days d CROSS JOIN interactions i "
                       "ON i.started_at >= d.day * 86400000 AND "
                       "i.started_at < (d.day + 1) * 86400000 "
                       "CROSS JOIN automated_scores cs ON cs.evaluation_id = i.auto_evaluation_id "
                       "CROSS JOIN crit ON crit.id = cs.criterion_id "
                       "WHERE i.auto_evaluation_id IS NOT NULL AND cs.na = 0 AND "
                       "cs.value IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7"),
            values) &&
        q.exec(QStringLiteral("DELETE FROM analytics_criterion_team_days") + kDirty) &&
        q.exec(QStringLiteral(
                   "INSERT INTO analytics_criterion_team_days SELECT day, team_id, channel, "
                   "queue, criterion_id, passed, sum(n), sum(normalised_sum), sum(csat_n), "
                   "sum(csat_sum), sum(csat_squares), sum(repeat_n), sum(repeat_sum), "
                   "sum(seconds_n), sum(seconds_sum), sum(seconds_squares) "
                   "FROM analytics_criterion_agent_days") +
               kDirty + QStringLiteral(" GROUP BY 1, 2, 3, 4, 5, 6")) &&
        q.exec(QStringLiteral("DELETE FROM analytics_criterion_all_days") + kDirty) &&
        q.exec(QStringLiteral(
                   "INSERT INTO analytics_criterion_all_days SELECT day, criterion_id, passed, "
                   "sum(n), sum(normalised_sum), sum(csat_n), sum(csat_sum), sum(csat_squares), "
                   "sum(repeat_n), sum(repeat_sum), sum(seconds_n), sum(seconds_sum), "
                   "sum(seconds_squares) FROM analytics_criterion_team_days") +
               kDirty + QStringLiteral(" GROUP BY 1, 2, 3"));
    for (qint64 month : months) {
        const qint64 next = dayNumber(dayFromNumber(month).addMonths(1));
        ok = ok &&
             analyticsSql::run(q,
                               QStringLiteral("DELETE FROM analytics_criterion_agent_months "
                                              "WHERE month = ?"),
                               {month}) &&
             analyticsSql::run(
                 q,
                 QStringLiteral("INSERT INTO analytics_criterion_agent_months SELECT ?, "
                                "team_id, agent_id, channel, queue, criterion_id, sum(n), "
                                "sum(n * passed) FROM analytics_criterion_agent_days "
                                "WHERE day >= ? AND day < ? GROUP BY 2, 3, 4, 5, 6"),
                 {month, month, next});
    }
    return ok;
}

//! Appends "<column> = ?" conditions for the filter's dimensions.
void addDimensions(const InteractionFilter &f, bool hasAgent, QStringList *parts,
                   QVariantList *values)
{
    if (f.teamId >= 0) {
        *parts << QStringLiteral("s.team_id = ?");
        values->append(f.teamId);
    }
    if (hasAgent && f.agentId >= 0) {
        *parts << QStringLiteral("s.agent_id = ?");
        values->append(f.agentId);
    }
    if (!f.channel.isEmpty()) {
        *parts << QStringLiteral("s.channel = ?");
        values->append(f.channel);
    }
    if (!f.queue.isEmpty()) {
        *parts << QStringLiteral("s.queue = ?");
        values->append(f.queue);
    }
}

void addCriteria(const std::vector<CriterionPassMark> &criteria, QStringList *parts,
                 QVariantList *values)
{
    QStringList ids;
    for (const CriterionPassMark &c : criteria) {
        ids << QStringLiteral("?");
        values->append(c.id);
    }
    *parts << QStringLiteral("s.criterion_id IN (%1)")
                  .arg(ids.isEmpty() ? QStringLiteral("NULL") : ids.join(QLatin1Char(',')));
}

// "condition ?" with \a day bound, when there is a day.
void addBound(QStringList *parts, QVariantList *values, const char *condition,
              std::optional<qint64> day)
{
    if (!day)
        return;
    *parts << QLatin1String(condition);
    values->append(*day);
}

std::optional<qint64> dayOf(const QDate &date)
{
    return date.isValid() ? std::optional<qint64>(dayNumber(date)) : std::nullopt;
}

} // namespace

bool serves(const InteractionFilter &f)
{
    InteractionFilter dimensionsOnly;
    dimensionsOnly.from = f.from;
    dimensionsOnly.to = f.to;
    dimensionsOnly.teamId = f.teamId;
    dimensionsOnly.agentId = f.agentId;
    dimensionsOnly.channel = f.channel;
    dimensionsOnly.queue = f.queue;
    return f == dimensionsOnly;
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
        ok = q.exec(QStringLiteral("DELETE FROM analytics_criterion_agent_days")) &&
             q.exec(QStringLiteral("DELETE FROM analytics_criterion_team_days")) &&
             q.exec(QStringLiteral("DELETE FROM analytics_criterion_all_days")) &&
             q.exec(QStringLiteral("DELETE FROM analytics_criterion_agent_months")) &&
             q.exec(QStringLiteral("INSERT OR IGNORE INTO analytics_dirty_days(day) "
                                   "SELECT DISTINCT started_at / 86400000 FROM interactions"));
    std::set<qint64> months; // whose month roll-up the dirty days change
    ok = ok && q.exec(QStringLiteral("SELECT day FROM analytics_dirty_days"));
    while (ok && q.next())
        months.insert(monthOf(q.value(0).toLongLong()));
    ok = ok && refreshTotals(q) && refreshCriteria(q, criteria, months) &&
         q.exec(QStringLiteral("DELETE FROM analytics_dirty_days"));
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
    // The roll-ups are kept for the active scorecard's marks; other marks need raw SQL.
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

QString criterionTable(const InteractionFilter &filter)
{
    if (filter.agentId >= 0)
        return QStringLiteral("analytics_criterion_agent_days");
    if (filter.teamId >= 0 || !filter.channel.isEmpty() || !filter.queue.isEmpty())
        return QStringLiteral("analytics_criterion_team_days");
    return QStringLiteral("analytics_criterion_all_days");
}

QString where(const InteractionFilter &f, const std::vector<CriterionPassMark> &criteria,
              bool hasAgent, QVariantList *values)
{
    QStringList parts;
    addCriteria(criteria, &parts, values);
    addBound(&parts, values, "s.day >= ?", dayOf(f.from));
    addBound(&parts, values, "s.day <= ?", dayOf(f.to));
    addDimensions(f, hasAgent, &parts, values);
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QString heatCountsSql(const InteractionFilter &f, const std::vector<CriterionPassMark> &criteria,
                      QVariantList *values)
{
    const auto daysBetween = [&](std::optional<qint64> first, std::optional<qint64> last) {
        QStringList parts;
        addCriteria(criteria, &parts, values);
        addBound(&parts, values, "s.day >= ?", first);
        addBound(&parts, values, "s.day <= ?", last);
        addDimensions(f, true, &parts, values);
        return QStringLiteral("SELECT s.agent_id, s.criterion_id, s.n AS n, s.n * s.passed AS passed "
                              "FROM analytics_criterion_agent_days s WHERE ") +
               parts.join(QStringLiteral(" AND "));
    };
    const std::optional<qint64> from = dayOf(f.from);
    const std::optional<qint64> to = dayOf(f.to);
    // One agent's days are few (index on agent and day): no need for months.
    if (f.agentId >= 0)
        return daysBetween(from, to);
    // Whole months inside the range: [fullStart, fullEnd) in day numbers.
    std::optional<qint64> fullStart, fullEnd;
    if (f.from.isValid())
        fullStart = dayNumber(f.from.day() == 1 ? f.from
                                                : QDate(f.from.year(), f.from.month(), 1).addMonths(1));
    if (f.to.isValid()) {
        const QDate next = f.to.addDays(1);
        fullEnd = dayNumber(next.day() == 1 ? next : QDate(f.to.year(), f.to.month(), 1));
    }
    if (fullStart && fullEnd && *fullStart >= *fullEnd)
        return daysBetween(from, to);
    QStringList parts;
    addCriteria(criteria, &parts, values);
    addBound(&parts, values, "s.month >= ?", fullStart);
    addBound(&parts, values, "s.month < ?", fullEnd);
    addDimensions(f, true, &parts, values);
    QString sql = QStringLiteral("SELECT s.agent_id, s.criterion_id, s.n AS n, s.passed AS passed "
                                 "FROM analytics_criterion_agent_months s WHERE ") +
                  parts.join(QStringLiteral(" AND "));
    if (from && *from < *fullStart)
        sql += QStringLiteral(" UNION ALL ") + daysBetween(from, *fullStart - 1);
    if (to && *fullEnd <= *to)
        sql += QStringLiteral(" UNION ALL ") + daysBetween(*fullEnd, to);
    return sql;
}

bool servesTotals(const InteractionFilter &f)
{
    return serves(f);
}

bool totalsUsable(Workspace &ws, const InteractionFilter &filter)
{
    return servesTotals(filter) && refresh(ws, activeCriteria(ws));
}

QString totalsWhere(const InteractionFilter &f, QVariantList *values, bool hasAgent)
{
    QStringList parts;
    addBound(&parts, values, "s.day >= ?", dayOf(f.from));
    addBound(&parts, values, "s.day <= ?", dayOf(f.to));
    addDimensions(f, hasAgent, &parts, values);
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace qaw::criterionSummary
