// Times every Trends chart aggregate and the drivers table after a filter change, on a
// workspace of 1,000,000 interactions (the demo generator's 20,000 multiplied in SQL,
// with synthetic evaluations). Prints the median of several runs per query and filter.
//
//   bench_analytics [WORKSPACE] [--interactions N] [--runs R] [--full-refresh]
//                   [--filters all,team,agent,channel,queue,month,team+channel,agent+month]
//
// Filter names joined with "+" combine. --full-refresh recomputes every day of the
// roll-ups once (as after the schema 5 migration) and prints its time; every run also
// times the refresh after 20,000 interactions were scored again.
// The workspace is built on first use (a few minutes) and reused afterwards.
#include "SyntheticScores.h"

#include "analytics/CriterionSummary.h"
#include "analytics/DriverAnalysis.h"
#include "analytics/TrendQueries.h"
#include "analytics/TrendsSnapshot.h"
#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringList>
#include <QFile>

#include <algorithm>
#include <map>
#include <cstdio>
#include <functional>

#include <sys/resource.h>

using namespace qaw;

namespace {

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

struct Timing
{
    double wall = 0;
    double cpu = 0;
};

//! Medians of wall and CPU time over \a runs.
Timing median(int runs, const std::function<void()> &work)
{
    std::vector<double> walls, cpus;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const double c = cpuMs();
        work();
        cpus.push_back(cpuMs() - c);
        walls.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    return {walls[walls.size() / 2], cpus[cpus.size() / 2]};
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

//! Times one refresh of the roll-ups (the triggers have marked the days to recompute).
void timeRefresh(Workspace &ws, const std::vector<CriterionPassMark> &criteria, const char *what)
{
    QElapsedTimer t;
    t.start();
    const double c = cpuMs();
    const bool ok = criterionSummary::refresh(ws, criteria);
    std::printf("roll-up refresh, %s: %.0f ms wall, %.0f ms CPU (%s)\n", what,
                double(t.elapsed()), cpuMs() - c, ok ? "ok" : "FAILED");
    std::fflush(stdout);
}

bool exec(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString path = QStringLiteral("/tmp/qaw-bench-analytics.qaw");
    qint64 target = 1000000;
    int runs = 5;
    QStringList only; // filter names to time (default: all eight)
    bool fullRefresh = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--interactions") && i + 1 < args.size())
            target = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--full-refresh"))
            fullRefresh = true;
        else if (args[i] == QLatin1String("--filters") && i + 1 < args.size())
            only = args[++i].split(QLatin1Char(','));
        else
            path = args[i];
    }
    const bool exists = QFileInfo::exists(path);
    Workspace ws;
    QElapsedTimer openTimer;
    openTimer.start();
    if (!ws.open(path, Workspace::OpenMode::CreateIfMissing)) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path),
                     qPrintable(ws.errorMessage()));
        return 1;
    }
    if (!exists) {
        QElapsedTimer t;
        t.start();
        QString error;
        DemoOptions options;
        options.interactions = int(std::min<qint64>(target, 20000));
        if (!buildDemoWorkspace(ws, options, &error) || !fillSyntheticScores(ws, target, &error)) {
            std::fprintf(stderr, "cannot build the benchmark workspace: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("built %s in %.0f s\n", qPrintable(path), double(t.elapsed()) / 1000);
    }
    std::printf("opened (and migrated if needed) in %.0f ms\n", double(openTimer.elapsed()));
    std::printf("%lld interactions, %lld evaluations\n", ws.counts().interactions,
                ws.counts().evaluations);

    std::printf("load average at start: %s\n", qPrintable(loadAverage()));
    const std::vector<CriterionPassMark> criteria = activeCriteria(ws);
    if (fullRefresh && !exec(ws, QStringLiteral("INSERT OR IGNORE INTO analytics_dirty_days(day) "
                                                 "SELECT DISTINCT started_at / 86400000 FROM "
                                                 "interactions")))
        return 1;
    // After import or scoring the triggers have marked days; the first chart query brings
    // the roll-ups up to date (once).
    timeRefresh(ws, criteria, "days marked at open");
    // Scoring 20,000 interactions (the demo's size) updates their totals: the same
    // update, with unchanged values, marks the same days.
    if (!exec(ws, QStringLiteral("UPDATE interactions SET auto_total = auto_total WHERE id IN "
                                 "(SELECT id FROM interactions ORDER BY started_at DESC "
                                 "LIMIT 20000)")))
        return 1;
    timeRefresh(ws, criteria, "after re-scoring the latest 20,000 interactions");
    const auto teams = queries::teams(ws);
    const auto agents = queries::agents(ws);
    std::map<QString, InteractionFilter> base;
    base[QStringLiteral("all")] = {};
    base[QStringLiteral("team")].teamId = teams.empty() ? -1 : teams.front().id;
    base[QStringLiteral("agent")].agentId = agents.empty() ? -1 : agents.front().id;
    base[QStringLiteral("channel")].channel = QStringLiteral("chat");
    base[QStringLiteral("queue")].queue = QStringLiteral("billing");
    const auto days = trends::automatedTotal(ws, {}, Bucketing::Month);
    if (!days.empty()) {
        base[QStringLiteral("month")].from = days.back().bucket;
        base[QStringLiteral("month")].to = days.back().bucket.addMonths(1).addDays(-1);
    }
    if (only.isEmpty())
        only = QStringList{QStringLiteral("all"), QStringLiteral("team"), QStringLiteral("agent"),
                           QStringLiteral("channel"), QStringLiteral("queue"),
                           QStringLiteral("month"), QStringLiteral("team+channel"),
                           QStringLiteral("agent+month")};
    std::vector<std::pair<QString, InteractionFilter>> filters;
    for (const QString &name : only) {
        InteractionFilter f;
        for (const QString &part : name.split(QLatin1Char('+'))) {
            const InteractionFilter &b = base[part];
            if (b.teamId >= 0)
                f.teamId = b.teamId;
            if (b.agentId >= 0)
                f.agentId = b.agentId;
            if (!b.channel.isEmpty())
                f.channel = b.channel;
            if (!b.queue.isEmpty())
                f.queue = b.queue;
            if (b.from.isValid()) {
                f.from = b.from;
                f.to = b.to;
            }
        }
        filters.emplace_back(name, f);
    }

    struct Query
    {
        const char *name;
        std::function<void(const InteractionFilter &)> run;
    };
    const std::vector<Query> queries = {
        {"trend by week",
         [&](const InteractionFilter &f) { trends::automatedTotal(ws, f, Bucketing::Week); }},
        {"trend by day",
         [&](const InteractionFilter &f) { trends::automatedTotal(ws, f, Bucketing::Day); }},
        {"criterion pass rates",
         [&](const InteractionFilter &f) {
             trends::criterionResults(ws, f, Bucketing::Week, criteria);
         }},
        {"histogram", [&](const InteractionFilter &f) { trends::histogram(ws, f); }},
        {"heat map", [&](const InteractionFilter &f) { trends::heatMap(ws, f, criteria); }},
        {"auto vs human",
         [&](const InteractionFilter &f) { trends::automatedVsHuman(ws, f, Bucketing::Week); }},
        {"markers", [&](const InteractionFilter &f) { trends::markers(ws, f, f.agentId); }},
        {"drivers csat",
         [&](const InteractionFilter &f) { drivers::table(ws, f, Outcome::Csat, criteria); }},
        {"drivers fcr",
         [&](const InteractionFilter &f) { drivers::table(ws, f, Outcome::Fcr, criteria); }},
        {"drivers aht",
         [&](const InteractionFilter &f) { drivers::table(ws, f, Outcome::Aht, criteria); }},
        {"scatter", [&](const InteractionFilter &f) { drivers::totalVsCsat(ws, f); }},
        // What the Trends workspace computes after a filter change: every chart at once,
        // with the GUI's default request (weekly buckets, histogram width, CSAT drivers).
        {"whole Trends refresh",
         [&](const InteractionFilter &f) {
             TrendsRequest request;
             request.filter = f;
             request.series.push_back(SeriesSpec{QStringLiteral("bench"), f});
             computeTrends(ws, request);
         }},
    };
    std::vector<std::vector<Timing>> timings(queries.size());
    std::printf("\nmedian of %d runs, wall ms (CPU ms)\n%-22s", runs, "query");
    for (const auto &[name, f] : filters)
        std::printf("%16s", qPrintable(name));
    std::printf("\n");
    for (size_t i = 0; i < queries.size(); ++i) {
        std::printf("%-22s", queries[i].name);
        for (const auto &[name, f] : filters) {
            const Timing t = median(runs, [&] { queries[i].run(f); });
            std::printf("%16s", qPrintable(QStringLiteral("%1 (%2)")
                                               .arg(t.wall, 0, 'f', 1)
                                               .arg(t.cpu, 0, 'f', 0)));
            std::fflush(stdout);
        }
        std::printf("\n");
    }
    std::printf("load average at end: %s\n", qPrintable(loadAverage()));
    return 0;
}
