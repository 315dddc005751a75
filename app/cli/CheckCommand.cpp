#include "CliSupport.h"

#include "storage/Workspace.h"
#include "storage/WorkspaceCheck.h"

namespace qaw::cli {
namespace {

// `qaw check`: exit 0 when the workspace is sound, 1 with one line per problem otherwise,
// so a scheduled job can stop before importing into a damaged file.
int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Check a workspace: SQLite integrity, foreign keys and "
                                       "the search index."),
                        &exitCode))
        return exitCode;
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    const QStringList problems = checkWorkspace(*ws);
    for (const QString &p : problems)
        printOut(p);
    if (!problems.isEmpty()) {
        printErr(QStringLiteral("qaw check: %1 problem(s) in %2").arg(problems.size()).arg(ws->path()));
        return Failure;
    }
    printOut(QStringLiteral("ok: integrity, foreign keys and search index"));
    return Ok;
}

const CommandRegistration registration("check", "check a workspace's integrity, foreign keys "
                                       "and search index", runCheck);

} // namespace
} // namespace qaw::cli
