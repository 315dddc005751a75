#include "CliSupport.h"

#include "coaching/Flagger.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace qaw::cli {
namespace {

int runFlag(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(formatOption(QStringLiteral("text, json"), QStringLiteral("text")));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Runs the enabled flag rules over the scored interactions "
                                       "and files coaching items (installs the default rules "
                                       "when the workspace has none)."),
                        &exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        printErr(QStringLiteral("qaw flag: --format must be text or json, not '%1'").arg(format));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    if (ws->isReadOnly()) {
        printErr(QStringLiteral("qaw flag: %1 is read-only; flagging writes coaching items")
                     .arg(ws->path()));
        return Failure;
    }
    Flagger flagger(*ws);
    const FlagRunResult r = flagger.run(QStringLiteral("qaw flag"));
    if (!r.ok) {
        printErr(QStringLiteral("qaw flag: %1").arg(r.error));
        return Failure;
    }
    if (format == QLatin1String("json")) {
        printJson(
            QJsonObject{{QStringLiteral("rules_run"), r.rulesRun},
                        {QStringLiteral("matches"), r.hits},
                        {QStringLiteral("items_created"), r.itemsCreated},
                        {QStringLiteral("items_merged"), r.itemsMerged},
                        {QStringLiteral("patterns_opened"), r.patternsOpened},
                        {QStringLiteral("patterns_updated"), r.patternsUpdated},
                        {QStringLiteral("patterns_closed"), r.patternsClosed},
                        {QStringLiteral("over_budget"), r.overBudget},
                        {QStringLiteral("before_horizon"), r.beforeHorizon},
                        {QStringLiteral("held_back"), QJsonArray::fromStringList(r.skipped)}});
        return Ok;
    }
    printOut(QStringLiteral("Ran %1 rule(s): %2 match(es), %3 new coaching item(s) (%4 of them "
                            "agent patterns); %5 reason(s) joined an open item; patterns "
                            "updated %6, closed %7; %8 over the weekly budget and %9 before the "
                            "horizon (counted, not filed).")
                 .arg(r.rulesRun)
                 .arg(r.hits)
                 .arg(r.itemsCreated)
                 .arg(r.patternsOpened)
                 .arg(r.itemsMerged)
                 .arg(r.patternsUpdated)
                 .arg(r.patternsClosed)
                 .arg(r.overBudget)
                 .arg(r.beforeHorizon));
    for (const QString &s : r.skipped)
        printOut(QStringLiteral("Held back: %1").arg(s));
    return Ok;
}

const CommandRegistration registration("flag", "run the flag rules and fill the coaching queue",
                                       runFlag);

} // namespace
} // namespace qaw::cli
