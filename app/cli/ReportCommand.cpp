// qaw report trend|drivers: the numbers behind the Trends charts and the drivers table,
// as JSON or CSV, computed by the same models/analytics code as the GUI.
#include "CliSupport.h"

#include "analytics/AnalyticsExport.h"
#include "analytics/DriverAnalysis.h"
#include "analytics/NameLookup.h"
#include "analytics/TrendQueries.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QTextStream>

#include <cstdio>

namespace qaw::cli {
namespace {

const QString kUsage =
    QStringLiteral("Usage: qaw report trend --workspace W --by day|week|month [--team T|--agent A] "
                   "[--criterion C] [--from D --to D] [--format json|csv]\n"
                   "       qaw report drivers --workspace W --outcome csat|fcr|aht [filters] "
                   "[--format json|csv]");

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOption(workspaceOption());
    parser.addOption(
        {QStringLiteral("team"), QStringLiteral("Only this team (name)."), QStringLiteral("TEAM")});
    parser.addOption({QStringLiteral("agent"),
                      QStringLiteral("Only this agent (external id or name)."),
                      QStringLiteral("AGENT")});
    parser.addOption({QStringLiteral("channel"), QStringLiteral("Only this channel."),
                      QStringLiteral("CHANNEL")});
    parser.addOption(
        {QStringLiteral("queue"), QStringLiteral("Only this queue."), QStringLiteral("QUEUE")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("First day (YYYY-MM-DD, UTC)."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Last day, inclusive."), QStringLiteral("DATE")});
    parser.addOption(formatOption(QStringLiteral("json, csv"), QStringLiteral("json")));
}

//! Reads the shared filter options; returns an exit code other than Ok on a problem.
int readFilter(const QCommandLineParser &parser, const Workspace &ws, InteractionFilter *f)
{
    const QString team = parser.value(QStringLiteral("team"));
    const QString agent = parser.value(QStringLiteral("agent"));
    if (!team.isEmpty() && !agent.isEmpty()) {
        printErr(QStringLiteral("qaw: give --team or --agent, not both"));
        return Usage;
    }
    if (!team.isEmpty()) {
        f->teamId = findTeam(ws, team);
        if (f->teamId < 0) {
            printErr(QStringLiteral("qaw: no team named '%1' in %2").arg(team, ws.path()));
            return Failure;
        }
    }
    if (!agent.isEmpty()) {
        f->agentId = findAgent(ws, agent);
        if (f->agentId == -2) {
            printErr(QStringLiteral("qaw: more than one agent is named '%1'; give the "
                                    "external id")
                         .arg(agent));
            return Failure;
        }
        if (f->agentId < 0) {
            printErr(QStringLiteral("qaw: no agent '%1' in %2").arg(agent, ws.path()));
            return Failure;
        }
    }
    f->channel = parser.value(QStringLiteral("channel"));
    f->queue = parser.value(QStringLiteral("queue"));
    for (const char *name : {"from", "to"}) {
        const QString text = parser.value(QLatin1String(name));
        if (text.isEmpty())
            continue;
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid()) {
            printErr(QStringLiteral("qaw: --%1 '%2' is not a date (YYYY-MM-DD)")
                         .arg(QLatin1String(name), text));
            return Usage;
        }
        (qstrcmp(name, "from") == 0 ? f->from : f->to) = d;
    }
    if (f->from.isValid() && f->to.isValid() && f->to < f->from) {
        printErr(QStringLiteral("qaw: --to is before --from"));
        return Usage;
    }
    return Ok;
}

void printCsv(const QString &csv)
{
    std::fputs(csv.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

bool checkFormat(const QCommandLineParser &parser, bool *csv)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv")) {
        printErr(QStringLiteral("qaw: --format must be json or csv, not '%1'").arg(format));
        return false;
    }
    *csv = format == QLatin1String("csv");
    return true;
}

//! What both reports read after their own options: the output format, the workspace
//! and the shared filter.
struct ReportInputs
{
    bool csv = false;
    std::unique_ptr<Workspace> workspace;
    InteractionFilter filter;
};

int openReport(const QCommandLineParser &parser, ReportInputs *in)
{
    if (!checkFormat(parser, &in->csv))
        return Usage;
    in->workspace = openWorkspace(parser);
    if (!in->workspace)
        return Failure;
    return readFilter(parser, *in->workspace, &in->filter);
}

int runTrend(const QStringList &args)
{
    QCommandLineParser parser;
    addFilterOptions(parser);
    parser.addOption({QStringLiteral("by"), QStringLiteral("Bucket: day, week (default), month."),
                      QStringLiteral("BUCKET"), QStringLiteral("week")});
    parser.addOption({QStringLiteral("criterion"),
                      QStringLiteral("Pass rate of this criterion instead of the total."),
                      QStringLiteral("ID")});
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Automated total (or a criterion's pass rate) over time."),
                        &exitCode))
        return exitCode;
    const std::optional<Bucketing> by = bucketingFromName(parser.value(QStringLiteral("by")));
    if (!by) {
        printErr(QStringLiteral("qaw: --by must be day, week or month"));
        return Usage;
    }
    ReportInputs in;
    if (const int code = openReport(parser, &in); code != Ok)
        return code;
    const bool csv = in.csv;
    Workspace *ws = in.workspace.get();
    const InteractionFilter &filter = in.filter;
    const QString criterion = parser.value(QStringLiteral("criterion"));
    if (criterion.isEmpty()) {
        const auto points = trends::automatedTotal(*ws, filter, *by);
        csv ? printCsv(analyticsExport::trendCsv(points))
            : printJson(analyticsExport::trendJson(points));
        return Ok;
    }
    std::vector<CriterionPassMark> chosen;
    for (const CriterionPassMark &c : activeCriteria(*ws))
        if (c.id == criterion)
            chosen.push_back(c);
    if (chosen.empty()) {
        printErr(QStringLiteral("qaw: the active scorecard has no criterion '%1'").arg(criterion));
        return Failure;
    }
    const auto byCriterion = trends::criterionResults(*ws, filter, *by, chosen);
    csv ? printCsv(analyticsExport::criterionCsv(byCriterion))
        : printJson(analyticsExport::criterionJson(criterion, byCriterion.at(criterion)));
    return Ok;
}

int runDrivers(const QStringList &args)
{
    QCommandLineParser parser;
    addFilterOptions(parser);
    parser.addOption({QStringLiteral("outcome"), QStringLiteral("csat, fcr or aht."),
                      QStringLiteral("OUTCOME")});
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Which criteria go with better CSAT, FCR or AHT."),
                        &exitCode))
        return exitCode;
    const std::optional<Outcome> outcome = outcomeFromName(parser.value(QStringLiteral("outcome")));
    if (!outcome) {
        printErr(QStringLiteral("qaw: --outcome must be csat, fcr or aht"));
        return Usage;
    }
    ReportInputs in;
    if (const int code = openReport(parser, &in); code != Ok)
        return code;
    const auto rows = drivers::table(*in.workspace, in.filter, *outcome, activeCriteria(*in.workspace));
    in.csv ? printCsv(analyticsExport::driversCsv(rows, *outcome))
        : printJson(analyticsExport::driversJson(rows, *outcome));
    return Ok;
}

int runReport(const QStringList &args)
{
    const QString what = args.value(1);
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest.first() = args.first() + QLatin1Char(' ') + what;
    if (what == QLatin1String("trend"))
        return runTrend(rest);
    if (what == QLatin1String("drivers"))
        return runDrivers(rest);
    if (what == QLatin1String("--help") || what == QLatin1String("-h")) {
        printOut(kUsage);
        return Ok;
    }
    printErr(what.isEmpty() ? kUsage
                            : QStringLiteral("qaw: unknown report '%1'\n").arg(what) + kUsage);
    return Usage;
}

const CommandRegistration registration("report", "trend and drivers reports (JSON or CSV)",
                                       runReport);

} // namespace
} // namespace qaw::cli
