#include "analytics/DriverAnalysis.h"

#include "analytics/AnalyticsSql.h"
#include "analytics/Buckets.h"
#include "analytics/CriterionSummary.h"
#include "analytics/TrendQueries.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <map>

namespace qaw {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Csat:
        return QStringLiteral("csat");
    case Outcome::Fcr:
        return QStringLiteral("fcr");
    case Outcome::Aht:
        return QStringLiteral("aht");
    }
    return {};
}

std::optional<Outcome> outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Csat, Outcome::Fcr, Outcome::Aht})
        if (outcomeName(o) == name)
            return o;
    return std::nullopt;
}

namespace drivers {
namespace {

QString outcomeExpression(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Csat:
        return QStringLiteral("i.csat");
    case Outcome::Fcr:
        return QStringLiteral("i.repeat_contact");
    case Outcome::Aht:
        return QStringLiteral("(i.duration_ms / 1000.0)");
    }
    return {};
}

struct Groups
{
    stats::Moments pass;
    stats::Moments fail;
};

} // namespace

std::vector<DriverRow> table(Workspace &ws, const InteractionFilter &filter, Outcome outcome,
                             const std::vector<CriterionPassMark> &criteria)
{
    const QString o = outcomeExpression(outcome);
    QVariantList values;
    QString sql;
    if (criterionSummary::usable(ws, filter, criteria)) {
        const QString prefix = outcome == Outcome::Csat  ? QStringLiteral("csat")
                               : outcome == Outcome::Fcr ? QStringLiteral("repeat")
                                                         : QStringLiteral("seconds");
        // A 0/1 repeat flag is its own square.
        const QString squares = outcome == Outcome::Fcr ? QStringLiteral("repeat_sum")
                                                        : prefix + QStringLiteral("_squares");
        sql =
            QStringLiteral("SELECT s.criterion_id, s.passed, sum(s.%1_n), sum(s.%1_sum), "
                           "sum(s.%2) FROM %3 s")
                .arg(prefix, squares, criterionSummary::criterionTable(filter)) +
            criterionSummary::where(filter, criteria, filter.agentId >= 0, &values) +
            QStringLiteral(" GROUP BY s.criterion_id, s.passed HAVING sum(s.%1_n) > 0").arg(prefix);
    } else {
        // Bound values follow the text: the criteria table first, then the filter.
        const QString with = criteriaTable(criteria, &values);
        sql = with +
              QStringLiteral("SELECT cs.criterion_id, cs.value >= crit.mark AS passed, count(*), "
                             "sum(%1), sum(%1 * %1) FROM interactions i CROSS JOIN "
                             "automated_scores cs ON cs.evaluation_id = i.auto_evaluation_id "
                             "CROSS JOIN crit ON crit.id = cs.criterion_id")
                  .arg(o) +
              analyticsSql::where(filter,
                                  QStringLiteral("i.auto_evaluation_id IS NOT NULL AND cs.na = 0 "
                                                 "AND cs.value IS NOT NULL AND %1 IS NOT NULL")
                                      .arg(o),
                                  &values) +
              QStringLiteral(" GROUP BY cs.criterion_id, passed");
    }
    std::map<QString, Groups> groups;
    QSqlQuery q(ws.database());
    if (analyticsSql::run(q, sql, values)) {
        while (q.next()) {
            Groups &g = groups[q.value(0).toString()];
            (q.value(1).toBool() ? g.pass : g.fail) = stats::Moments{
                q.value(2).toLongLong(), q.value(3).toDouble(), q.value(4).toDouble()};
        }
    }
    std::vector<DriverRow> rows;
    for (const CriterionPassMark &c : criteria) {
        const auto it = groups.find(c.id);
        if (it == groups.end())
            continue; // always N/A (or not scored): nothing to say
        const Groups &g = it->second;
        DriverRow r;
        r.criterionId = c.id;
        r.criterionName = c.name;
        r.nPass = g.pass.n;
        r.nFail = g.fail.n;
        r.outcomePass = g.pass.mean();
        r.outcomeFail = g.fail.mean();
        // repeat_contact is 0/1: its sum is the number of repeats.
        const stats::Comparison cmp =
            outcome == Outcome::Fcr
                ? stats::proportionDifference(qint64(std::llround(g.pass.sum)), g.pass.n,
                                              qint64(std::llround(g.fail.sum)), g.fail.n)
                : stats::welch(g.pass, g.fail);
        r.difference = cmp.difference;
        r.ciLow = cmp.interval.low;
        r.ciHigh = cmp.interval.high;
        r.tooFewToSay = r.nPass < DriverRow::kMinimumGroup || r.nFail < DriverRow::kMinimumGroup;
        rows.push_back(r);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const DriverRow &a, const DriverRow &b) {
        if (a.tooFewToSay != b.tooFewToSay)
            return !a.tooFewToSay;
        const double da = std::isnan(a.difference) ? -1 : std::abs(a.difference);
        const double db = std::isnan(b.difference) ? -1 : std::abs(b.difference);
        return da > db;
    });
    return rows;
}

Scatter totalVsCsat(Workspace &ws, const InteractionFilter &filter)
{
    Scatter out;
    QVariantList values;
    // Weeks start Monday: 1970-01-01 was a Thursday, hence + 3.
    QString sql;
    if (criterionSummary::totalsUsable(ws, filter)) {
        // The roll-up keeps the sums over interactions that have both a total and a CSAT.
        sql = QStringLiteral("SELECT s.agent_id, (s.day + 3) / 7 AS w, sum(s.both_n), "
                             "sum(s.both_total_sum) / sum(s.both_n), "
                             "sum(s.both_csat_sum) / sum(s.both_n) FROM analytics_total_days s") +
              criterionSummary::totalsWhere(filter, &values) +
              QStringLiteral(" GROUP BY s.agent_id, w HAVING sum(s.both_n) > 0 "
                             "ORDER BY s.agent_id, w");
    } else {
        sql = QStringLiteral("SELECT i.agent_id, (i.started_at / 86400000 + 3) / 7 AS w, "
                             "count(*), avg(i.auto_total), avg(i.csat) FROM interactions i") +
              analyticsSql::where(
                  filter, QStringLiteral("+i.auto_total IS NOT NULL AND i.csat IS NOT NULL"),
                  &values) +
              QStringLiteral(" GROUP BY i.agent_id, w ORDER BY i.agent_id, w");
    }
    QSqlQuery q(ws.database());
    if (!analyticsSql::run(q, sql, values))
        return out;
    std::vector<double> x, y;
    while (q.next()) {
        ScatterPoint p;
        p.agentId = q.value(0).toLongLong();
        p.week = dayFromNumber(q.value(1).toLongLong() * 7 - 3);
        p.n = q.value(2).toLongLong();
        p.total = q.value(3).toDouble();
        p.csat = q.value(4).toDouble();
        x.push_back(p.total);
        y.push_back(p.csat);
        out.points.push_back(p);
    }
    out.fit = stats::fit(x, y);
    return out;
}

InteractionFilter pointFilter(const InteractionFilter &filter, const ScatterPoint &point)
{
    InteractionFilter f = trends::bucketFilter(filter, point.week, Bucketing::Week);
    f.agentId = point.agentId;
    f.withCsatOnly = true; // the point's means are over interactions with both
    return f;
}

} // namespace drivers
} // namespace qaw
