#include "CliSupport.h"

#include "storage/Workspace.h"

#include <QJsonObject>

namespace qaw::cli {
namespace {

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Counts of what a workspace holds."),
                        &exitCode))
        return exitCode;
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const WorkspaceCounts c = ws->counts();
    if (parser.isSet(json)) {
        printJson(QJsonObject{{QStringLiteral("workspace"), ws->path()},
                              {QStringLiteral("schema_version"), ws->schemaVersion()},
                              {QStringLiteral("read_only"), ws->isReadOnly()},
                              {QStringLiteral("teams"), c.teams},
                              {QStringLiteral("agents"), c.agents},
                              {QStringLiteral("interactions"), c.interactions},
                              {QStringLiteral("turns"), c.turns},
                              {QStringLiteral("evaluations"), c.evaluations},
                              {QStringLiteral("human_evaluations"), c.humanEvaluations},
                              {QStringLiteral("calibration_sessions"), c.calibrationSessions},
                              {QStringLiteral("coaching_items"), c.coachingItems},
                              {QStringLiteral("coaching_sessions"), c.coachingSessions},
                              {QStringLiteral("import_batches"), c.importBatches},
                              {QStringLiteral("rejected_records"), c.rejectedRecords}});
        return Ok;
    }
    printOut(QStringLiteral("Workspace:        %1%2").arg(ws->path(),
             ws->isReadOnly() ? QStringLiteral(" (read-only)") : QString()));
    printOut(QStringLiteral("Schema version:   %1").arg(ws->schemaVersion()));
    printOut(QStringLiteral("Teams:            %1").arg(c.teams));
    printOut(QStringLiteral("Agents:           %1").arg(c.agents));
    printOut(QStringLiteral("Interactions:     %1").arg(c.interactions));
    printOut(QStringLiteral("Turns:            %1").arg(c.turns));
    printOut(QStringLiteral("Evaluations:      %1 (%2 human)").arg(c.evaluations).arg(c.humanEvaluations));
    printOut(QStringLiteral("Calibration:      %1 sessions").arg(c.calibrationSessions));
    printOut(QStringLiteral("Coaching items:   %1").arg(c.coachingItems));
    printOut(QStringLiteral("Coaching sessions:%1").arg(c.coachingSessions, 2));
    printOut(QStringLiteral("Import batches:   %1 (%2 rejected records)")
                 .arg(c.importBatches)
                 .arg(c.rejectedRecords));
    return Ok;
}

const CommandRegistration registration("info", "counts of what a workspace holds", runInfo);

} // namespace
} // namespace qaw::cli
