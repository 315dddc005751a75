#include "analytics/TrendQueries.h"

#include "analytics/AnalyticsSql.h"
#include "analytics/CriterionSummary.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace qaw::trends {
namespace {

using DailyMoments = std::map<qint64, stats::Moments>;

//! Runs a query whose rows are (day, count, sum, sum of squares).
DailyMoments dailyMoments(Workspace &ws, const QString &sql, const QVariantList &values)
{
    DailyMoments out;
    QSqlQuery q(ws.database());
    if (!analyticsSql::run(q, sql, values))
        return out;
    while (q.next())
        out[q.value(0).toLongLong()] = {q.value(1).toLongLong(), q.value(2).toDouble(),
                                        q.value(3).toDouble()};
    return out;
}

//! The buckets to show: the filter's dates when set, else the days that have data.
template <typename Map>
std::vector<QDate> bucketsFor(const InteractionFilter &filter, const Map &daily,
                              Bucketing bucketing)
{
    QDate first = filter.from;
    QDate last = filter.to;
    if (!daily.empty()) {
        if (!first.isValid())
            first = dayFromNumber(daily.begin()->first);
        if (!last.isValid())
            last = dayFromNumber(daily.rbegin()->first);
    }
    return bucketsCovering(first, last, bucketing);
}

//! Merges daily sums into buckets; \a merge(total, day value) adds one day.
template <typename T, typename Merge>
std::vector<std::pair<QDate, T>> mergeIntoBuckets(const std::vector<QDate> &buckets,
                                                  const std::map<qint64, T> &daily,
                                                  Bucketing bucketing, Merge merge)
{
    std::vector<std::pair<QDate, T>> out;
    for (const QDate &start : buckets) {
        T total{};
        const auto begin = daily.lower_bound(dayNumber(start));
        const auto end = daily.lower_bound(dayNumber(nextBucketStart(start, bucketing)));
        for (auto it = begin; it != end; ++it)
            merge(total, it->second);
        out.emplace_back(start, total);
    }
    return out;
}

std::vector<TrendPoint> toTrend(const InteractionFilter &filter, const DailyMoments &daily,
                                Bucketing bucketing)
{
    std::vector<TrendPoint> out;
    const auto merged =
        mergeIntoBuckets(bucketsFor(filter, daily, bucketing), daily, bucketing,
                         [](stats::Moments &t, const stats::Moments &d) { t.add(d); });
    for (const auto &[start, m] : merged)
        out.push_back(TrendPoint::of(start, m));
    return out;
}

struct CriterionSums
{
    qint64 n = 0;
    qint64 passed = 0;
    double normalised = 0;
};

} // namespace

} // namespace qaw::trends

namespace qaw {

TrendPoint TrendPoint::of(const QDate &bucket, const stats::Moments &m)
{
    TrendPoint p;
    p.bucket = bucket;
    p.n = m.n;
    p.mean = m.mean();
    p.sd = m.standardDeviation();
    const stats::Interval ci = stats::meanInterval(m);
    p.ciLow = ci.low;
    p.ciHigh = ci.high;
    return p;
}

namespace trends {

std::vector<TrendPoint> automatedTotal(Workspace &ws, const InteractionFilter &filter,
                                       Bucketing bucketing)
{
    QVariantList values;
    if (criterionSummary::totalsUsable(ws, filter)) {
        const QString sql = QStringLiteral("SELECT s.day, sum(s.n), sum(s.total_sum), "
                                           "sum(s.total_squares) FROM analytics_total_days s") +
                            criterionSummary::totalsWhere(filter, &values) +
                            QStringLiteral(" GROUP BY s.day");
        return toTrend(filter, dailyMoments(ws, sql, values), bucketing);
    }
    const QString sql =
        QStringLiteral("SELECT i.started_at / 86400000 AS d, count(*), sum(i.auto_total), "
                       "sum(i.auto_total * i.auto_total) FROM interactions i") +
        analyticsSql::where(filter, QStringLiteral("+i.auto_total IS NOT NULL"), &values) +
        QStringLiteral(" GROUP BY d");
    return toTrend(filter, dailyMoments(ws, sql, values), bucketing);
}

std::map<QString, std::vector<CriterionPoint>>
criterionResults(Workspace &ws, const InteractionFilter &filter, Bucketing bucketing,
                 const std::vector<CriterionPassMark> &criteria)
{
    std::map<QString, std::vector<CriterionPoint>> out;
    QVariantList values;
    QString sql;
    if (criterionSummary::usable(ws, filter, criteria)) {
        sql = QStringLiteral("SELECT s.criterion_id, s.day, sum(s.n), sum(s.n * s.passed), "
                             "sum(s.normalised_sum) FROM ") +
              criterionSummary::criterionTable(filter) + QStringLiteral(" s") +
              criterionSummary::where(filter, criteria, filter.agentId >= 0, &values) +
              QStringLiteral(" GROUP BY s.criterion_id, s.day");
    } else {
        // CROSS JOIN keeps SQLite's loop order: filtered interactions first, then each one's
        // scores through the (evaluation_id, criterion_id) unique index.
        // Bound values follow the text: the criteria table first, then the filter.
        const QString with = criteriaTable(criteria, &values);
        sql = with +
              QStringLiteral("SELECT cs.criterion_id, i.started_at / 86400000 AS d, count(*), "
                             "sum(cs.value >= crit.mark), sum((cs.value - crit.lo) / crit.span) "
                             "FROM interactions i CROSS JOIN automated_scores cs "
                             "ON cs.evaluation_id = i.auto_evaluation_id CROSS JOIN crit "
                             "ON crit.id = cs.criterion_id") +
              analyticsSql::where(filter,
                                  QStringLiteral("i.auto_evaluation_id IS NOT NULL AND cs.na = 0 "
                                                 "AND cs.value IS NOT NULL"),
                                  &values) +
              QStringLiteral(" GROUP BY cs.criterion_id, d");
    }
    std::map<QString, std::map<qint64, CriterionSums>> daily;
    std::map<qint64, int> anyDay; // the days with data, for the bucket range
    QSqlQuery q(ws.database());
    if (analyticsSql::run(q, sql, values)) {
        while (q.next()) {
            const qint64 day = q.value(1).toLongLong();
            daily[q.value(0).toString()][day] = {q.value(2).toLongLong(), q.value(3).toLongLong(),
                                                 q.value(4).toDouble()};
            anyDay[day] = 1;
        }
    }
    const std::vector<QDate> buckets = bucketsFor(filter, anyDay, bucketing);
    for (const CriterionPassMark &c : criteria) {
        std::vector<CriterionPoint> &points = out[c.id];
        const auto merged = mergeIntoBuckets(buckets, daily[c.id], bucketing,
                                             [](CriterionSums &t, const CriterionSums &d) {
                                                 t.n += d.n;
                                                 t.passed += d.passed;
                                                 t.normalised += d.normalised;
                                             });
        for (const auto &[start, s] : merged) {
            CriterionPoint p;
            p.bucket = start;
            p.n = s.n;
            p.passed = s.passed;
            if (s.n > 0) {
                p.passRate = double(s.passed) / double(s.n);
                p.meanNormalised = s.normalised / double(s.n);
            }
            points.push_back(p);
        }
    }
    return out;
}

std::vector<HistogramBin> histogram(Workspace &ws, const InteractionFilter &filter, double width)
{
    if (!(width > 0))
        width = 10;
    const int bins = int(std::ceil(100.0 / width));
    std::vector<HistogramBin> out;
    for (int b = 0; b < bins; ++b)
        out.push_back({b * width, std::min(100.0, (b + 1) * width), 0});
    // Bins that are whole multiples of 10 are merges of the roll-ups' bins of width 10
    // (bin 10 holds totals of exactly 100): floor(t / 10k) = floor(floor(t / 10) / k).
    const double multiple = width / 10;
    if (multiple >= 1 && multiple == std::floor(multiple) &&
        criterionSummary::totalsUsable(ws, filter)) {
        QVariantList values;
        const bool perAgent = filter.agentId >= 0;
        const QString sql = QStringLiteral("SELECT s.bin, sum(s.n) FROM ") +
                            (perAgent ? QStringLiteral("analytics_total_bins s")
                                      : QStringLiteral("analytics_total_team_bins s")) +
                            criterionSummary::totalsWhere(filter, &values, perAgent) +
                            QStringLiteral(" GROUP BY s.bin");
        QSqlQuery q(ws.database());
        if (analyticsSql::run(q, sql, values))
            while (q.next()) {
                const int b = std::clamp(int(q.value(0).toInt() / qint64(multiple)), 0, bins - 1);
                out[size_t(b)].count += q.value(1).toLongLong();
            }
        return out;
    }
    QVariantList values{width, bins - 1};
    const QString sql =
        QStringLiteral("SELECT min(max(CAST(i.auto_total / ? AS INTEGER), 0), ?) AS b, "
                       "count(*) FROM interactions i") +
        analyticsSql::where(filter, QStringLiteral("+i.auto_total IS NOT NULL"), &values) +
        QStringLiteral(" GROUP BY b");
    QSqlQuery q(ws.database());
    if (analyticsSql::run(q, sql, values))
        while (q.next())
            out[size_t(q.value(0).toInt())].count = q.value(1).toLongLong();
    return out;
}

std::vector<HeatCell> heatMap(Workspace &ws, const InteractionFilter &filter,
                              const std::vector<CriterionPassMark> &criteria)
{
    QVariantList values;
    QString sql;
    if (criterionSummary::usable(ws, filter, criteria)) {
        // Sum first, then name the few agents.
        sql = QStringLiteral("SELECT g.agent_id, CASE WHEN a.name <> '' THEN a.name ELSE "
                             "a.external_id END, g.criterion_id, g.n, g.passed FROM "
                             "(SELECT h.agent_id, h.criterion_id, sum(h.n) AS n, "
                             "sum(h.passed) AS passed FROM (") +
              criterionSummary::heatCountsSql(filter, criteria, &values) +
              QStringLiteral(") h GROUP BY h.agent_id, h.criterion_id) g "
                             "JOIN agents a ON a.id = g.agent_id");
    } else {
        // Bound values follow the text: the criteria table first, then the filter.
        const QString with = criteriaTable(criteria, &values);
        sql = with +
              QStringLiteral("SELECT i.agent_id, CASE WHEN a.name <> '' THEN a.name ELSE "
                             "a.external_id END, cs.criterion_id, count(*), "
                             "sum(cs.value >= crit.mark) FROM interactions i CROSS JOIN "
                             "automated_scores cs ON cs.evaluation_id = i.auto_evaluation_id "
                             "CROSS JOIN crit ON crit.id = cs.criterion_id "
                             "JOIN agents a ON a.id = i.agent_id") +
              analyticsSql::where(filter,
                                  QStringLiteral("i.auto_evaluation_id IS NOT NULL AND cs.na = 0 "
                                                 "AND cs.value IS NOT NULL"),
                                  &values) +
              QStringLiteral(" GROUP BY i.agent_id, cs.criterion_id");
    }
    std::vector<HeatCell> out;
    QSqlQuery q(ws.database());
    if (!analyticsSql::run(q, sql, values))
        return out;
    while (q.next()) {
        HeatCell c;
        c.agentId = q.value(0).toLongLong();
        c.agentName = q.value(1).toString();
        c.criterionId = q.value(2).toString();
        c.n = q.value(3).toLongLong();
        c.passed = q.value(4).toLongLong();
        c.passRate = c.n > 0 ? double(c.passed) / double(c.n) : stats::undefined();
        out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const HeatCell &a, const HeatCell &b) {
        return a.agentName.localeAwareCompare(b.agentName) < 0 ||
               (a.agentName == b.agentName && a.agentId < b.agentId);
    });
    return out;
}

std::vector<AutoVsHumanPoint> automatedVsHuman(Workspace &ws, const InteractionFilter &filter,
                                               Bucketing bucketing)
{
    QVariantList autoValues;
    const QString autoSql =
        QStringLiteral("SELECT i.started_at / 86400000 AS d, count(*), sum(i.auto_total), "
                       "sum(i.auto_total * i.auto_total) FROM interactions i "
                       "INDEXED BY analytics_human_interactions") +
        analyticsSql::where(filter, QStringLiteral("i.has_human = 1 AND +i.auto_total IS NOT NULL"),
                            &autoValues) +
        QStringLiteral(" GROUP BY d");
    QVariantList humanValues;
    const QString humanSql =
        QStringLiteral("SELECT i.started_at / 86400000 AS d, count(*), sum(e.total), "
                       "sum(e.total * e.total) FROM interactions i "
                       "INDEXED BY analytics_human_interactions JOIN evaluations e "
                       "ON e.interaction_id = i.id AND e.evaluator_kind = 'human'") +
        analyticsSql::where(filter, QStringLiteral("i.has_human = 1 AND e.total IS NOT NULL"),
                            &humanValues) +
        QStringLiteral(" GROUP BY d");
    const DailyMoments autoDaily = dailyMoments(ws, autoSql, autoValues);
    const DailyMoments humanDaily = dailyMoments(ws, humanSql, humanValues);
    DailyMoments both = autoDaily;
    for (const auto &[day, m] : humanDaily)
        both[day];
    const std::vector<QDate> buckets = bucketsFor(filter, both, bucketing);
    const auto add = [](stats::Moments &t, const stats::Moments &d) { t.add(d); };
    const auto autos = mergeIntoBuckets(buckets, autoDaily, bucketing, add);
    const auto humans = mergeIntoBuckets(buckets, humanDaily, bucketing, add);
    std::vector<AutoVsHumanPoint> out;
    for (size_t i = 0; i < buckets.size(); ++i)
        out.push_back({TrendPoint::of(buckets[i], autos[i].second),
                       TrendPoint::of(buckets[i], humans[i].second)});
    return out;
}

std::vector<Marker> markers(Workspace &ws, const InteractionFilter &filter, qint64 agentId)
{
    std::vector<Marker> out;
    const auto inRange = [&filter](const QDate &d) {
        return d.isValid() && (!filter.from.isValid() || d >= filter.from) &&
               (!filter.to.isValid() || d <= filter.to);
    };
    QSqlQuery q(ws.database());
    if (analyticsSql::run(q,
                          QStringLiteral("SELECT v.created_at / 86400000, s.name, v.version, "
                                         "v.note FROM scorecard_versions v JOIN scorecards s "
                                         "ON s.id = v.scorecard_id ORDER BY v.created_at"),
                          {})) {
        while (q.next()) {
            const QDate d = dayFromNumber(q.value(0).toLongLong());
            if (inRange(d))
                out.push_back(
                    {Marker::Kind::ScorecardVersion, d,
                     QStringLiteral("%1 v%2").arg(q.value(1).toString(), q.value(2).toString())});
        }
    }
    if (agentId >= 0 &&
        analyticsSql::run(q,
                          QStringLiteral("SELECT date, focus FROM coaching_sessions "
                                         "WHERE agent_id = ? ORDER BY date"),
                          {agentId})) {
        while (q.next()) {
            const QDate d = QDate::fromString(q.value(0).toString(), Qt::ISODate);
            if (inRange(d))
                out.push_back({Marker::Kind::Coaching, d, QStringLiteral("Coaching")});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Marker &a, const Marker &b) { return a.date < b.date; });
    return out;
}

InteractionFilter bucketFilter(const InteractionFilter &filter, const QDate &bucket,
                               Bucketing bucketing)
{
    InteractionFilter f = filter;
    const QDate last = nextBucketStart(bucket, bucketing).addDays(-1);
    f.from = filter.from.isValid() ? std::max(filter.from, bucket) : bucket;
    f.to = filter.to.isValid() ? std::min(filter.to, last) : last;
    if (!f.minTotal)
        f.minTotal = 0.0; // the charts count scored interactions only
    return f;
}

InteractionFilter binFilter(const InteractionFilter &filter, const HistogramBin &bin)
{
    InteractionFilter f = filter;
    f.minTotal = filter.minTotal ? std::max(*filter.minTotal, bin.lower) : bin.lower;
    if (bin.upper >= 100) {
        f.maxTotal = filter.maxTotal ? std::min(*filter.maxTotal, 100.0) : 100.0;
    } else {
        f.belowTotal = bin.upper;
    }
    return f;
}

} // namespace trends
} // namespace qaw
