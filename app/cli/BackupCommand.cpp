#include "CliSupport.h"

#include "storage/Workspace.h"
#include "storage/WorkspaceBackup.h"

#include <QElapsedTimer>

namespace qaw::cli {
namespace {

// `qaw backup`: a consistent copy while the GUI or a scheduled job has the workspace
// open (SQLite's online backup API; a plain file copy could catch a write half-done and
// would miss what is still in the WAL).
int runBackup(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The backup file to write (replaced if it "
                                                "exists, only once the copy is complete)."),
                                 QStringLiteral("FILE"));
    parser.addOption(out);
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Copy a workspace to FILE, safely while it is in use."),
                        &exitCode))
        return exitCode;
    if (!parser.isSet(out) || parser.value(out).isEmpty()) {
        printErr(QStringLiteral("qaw backup: --out FILE is required"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    QElapsedTimer shown;
    shown.start();
    QString error;
    const bool ok = backupWorkspace(*ws, parser.value(out), [&shown](int done, int total) {
        if (shown.elapsed() >= 1000) { // a line a second on a large workspace, none on a small
            printErr(QStringLiteral("copied %1 of %2 pages").arg(done).arg(total));
            shown.restart();
        }
        return true;
    }, &error);
    if (!ok) {
        printErr(QStringLiteral("qaw backup: %1").arg(error));
        return Failure;
    }
    printErr(QStringLiteral("backed up %1 to %2").arg(ws->path(), parser.value(out)));
    return Ok;
}

const CommandRegistration registration("backup", "copy a workspace safely while it is in use",
                                       runBackup);

} // namespace
} // namespace qaw::cli
