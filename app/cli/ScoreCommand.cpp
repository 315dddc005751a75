#include "CliSupport.h"

#include "scoring/ScoringEngine.h"
#include "storage/Workspace.h"

namespace qaw::cli {
namespace {

int runScore(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption scorecard(QStringLiteral("scorecard"),
                                       QStringLiteral("The scorecard's key (default: the "
                                                      "workspace's active scorecard)."),
                                       QStringLiteral("KEY"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Score every interaction again, not only the "
                                                "new or changed ones (older evaluations are "
                                                "kept as history)."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Scoring threads (default: one per core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({scorecard, all, threads});
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Score new or changed interactions (everything with "
                                       "--all) under the active scorecard version."),
                        &exitCode))
        return exitCode;
    bool okThreads = false;
    ScoringOptions options;
    options.threads = parser.value(threads).toInt(&okThreads);
    if (!okThreads || options.threads < 0) {
        printErr(QStringLiteral("qaw score: --threads takes a whole number (0 = one per core)"));
        return Usage;
    }
    options.all = parser.isSet(all);
    options.scorecardKey = parser.value(scorecard);
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    if (ws->isReadOnly()) {
        printErr(QStringLiteral("qaw score: %1 is read-only; scores cannot be saved")
                     .arg(ws->path()));
        return Failure;
    }
    ScoringEngine engine(*ws);
    engine.setProgress([](qint64 done, qint64 total) {
        printErr(QStringLiteral("scored %1 / %2").arg(done).arg(total));
    });
    QString error;
    const auto summary = engine.run(options, &error);
    if (!summary) {
        printErr(QStringLiteral("qaw score: %1").arg(error));
        return Failure;
    }
    const double seconds = double(summary->elapsedMs) / 1000.0;
    printOut(QStringLiteral("Scored %1 interaction(s) with \"%2\" version %3 in %4 s "
                            "(%5 per second): %6 passed, %7 auto-failed, mean total %8.")
                 .arg(summary->scored)
                 .arg(summary->scorecardName)
                 .arg(summary->scorecardVersion)
                 .arg(seconds, 0, 'f', 1)
                 .arg(seconds > 0 ? double(summary->scored) / seconds : 0.0, 0, 'f', 0)
                 .arg(summary->passed)
                 .arg(summary->autoFailed)
                 .arg(summary->meanTotal, 0, 'f', 1));
    return Ok;
}

const CommandRegistration registration("score",
                                       "score new or changed interactions (--all: everything)",
                                       runScore);

} // namespace
} // namespace qaw::cli
