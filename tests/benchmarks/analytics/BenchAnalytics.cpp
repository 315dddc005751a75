// Times every Trends chart aggregate and the drivers table after a filter change, on a
// workspace of 1,000,000 interactions (the demo generator's 20,000 multiplied in SQL,
// with synthetic evaluations). Prints the median of several runs per query and filter.
//
//   bench_analytics [WORKSPACE] [--interactions N] [--runs R] [--filters all,team,...]
//
// The workspace is built on first use (a few minutes) and reused afterwards.
#include "SyntheticScores.h"

#include "analytics/CriterionSummary.h"
#include "analytics/DriverAnalysis.h"
#include "analytics/TrendQueries.h"
#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace qaw;

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString path = QStringLiteral("/tmp/qaw-bench-analytics.qaw");
    qint64 target = 1000000;
    int runs = 5;
    QStringList only; // filter names to time (default: all five)
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--interactions") && i + 1 < args.size())
            target = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
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

    const std::vector<CriterionPassMark> criteria = activeCriteria(ws);
    {
        // After import or scoring the triggers have marked days; the first chart that
        // needs criterion results brings the summary up to date (once).
        QElapsedTimer t;
        t.start();
        const bool ok = criterionSummary::refresh(ws, criteria);
        std::printf("criterion summary refresh: %.0f ms (%s)\n", double(t.elapsed()),
                    ok ? "ok" : "FAILED");
    }
    const auto teams = queries::teams(ws);
    const auto agents = queries::agents(ws);
    InteractionFilter all;
    InteractionFilter team;
    team.teamId = teams.empty() ? -1 : teams.front().id;
    InteractionFilter agent;
    agent.agentId = agents.empty() ? -1 : agents.front().id;
    InteractionFilter channel;
    channel.channel = QStringLiteral("chat");
    InteractionFilter month;
    const auto days = trends::automatedTotal(ws, all, Bucketing::Month);
    if (!days.empty()) {
        month.from = days.back().bucket;
        month.to = month.from.addMonths(1).addDays(-1);
    }
    std::vector<std::pair<const char *, InteractionFilter>> filters;
    const std::vector<std::pair<const char *, InteractionFilter>> every = {
        {"all", all}, {"team", team}, {"agent", agent}, {"channel", channel}, {"month", month}};
    for (const auto &f : every)
        if (only.isEmpty() || only.contains(QLatin1String(f.first)))
            filters.push_back(f);

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
    };
    std::printf("\nmedian of %d runs, ms\n%-22s", runs, "query");
    for (const auto &[name, f] : filters)
        std::printf("%12s", name);
    std::printf("\n");
    for (const Query &q : queries) {
        std::printf("%-22s", q.name);
        for (const auto &[name, f] : filters) {
            std::printf("%12.1f", medianMs(runs, [&] { q.run(f); }));
            std::fflush(stdout);
        }
        std::printf("\n");
    }
    return 0;
}
