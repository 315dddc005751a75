#include "CliSupport.h"

#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace qaw::cli {
namespace {

int runDemo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption count(QStringLiteral("interactions"),
                                   QStringLiteral("How many interactions (default 20000)."),
                                   QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed; the same seed gives the same "
                                                 "data (default 42)."),
                                  QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption jsonl(QStringLiteral("jsonl"),
                                   QStringLiteral("Write native JSON Lines to FILE instead of "
                                                  "a workspace."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption unique(QStringLiteral("unique-turns"),
                                    QStringLiteral("End every turn with a reference number of "
                                                   "its own, so that no two turn texts repeat "
                                                   "(for benchmarks)."));
    parser.addOptions({count, seed, jsonl, unique});
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Create a realistic demo workspace (deterministic for a "
                                       "seed)."),
                        &exitCode))
        return exitCode;
    bool okCount = false;
    bool okSeed = false;
    DemoOptions options;
    options.interactions = parser.value(count).toInt(&okCount);
    options.seed = parser.value(seed).toULongLong(&okSeed);
    options.uniqueTurns = parser.isSet(unique);
    if (!okCount || options.interactions < 0 || !okSeed) {
        printErr(QStringLiteral("qaw demo: --interactions and --seed take non-negative whole "
                                "numbers"));
        return Usage;
    }
    QString error;
    if (parser.isSet(jsonl)) {
        if (!writeDemoJsonl(parser.value(jsonl), options, &error)) {
            printErr(QStringLiteral("qaw demo: %1").arg(error));
            return Failure;
        }
        return Ok;
    }
    const QString path = parser.value(QStringLiteral("workspace"));
    if (path.isEmpty()) {
        printErr(QStringLiteral("qaw demo: --workspace FILE (or --jsonl FILE) is required"));
        return Usage;
    }
    if (QFileInfo(path).exists() && QFileInfo(path).size() > 0) {
        printErr(QStringLiteral("qaw demo: %1 already exists; the demo is written only into a "
                                "new workspace. Remove the file or choose another name.")
                     .arg(path));
        return Failure;
    }
    auto ws = openWorkspace(parser, true);
    if (!ws)
        return Failure;
    QElapsedTimer timer;
    timer.start();
    const bool ok = buildDemoWorkspace(*ws, options, &error, [&](int done) {
        printErr(QStringLiteral("\r%1 / %2 interactions").arg(done).arg(options.interactions));
        return true;
    });
    if (!ok) {
        printErr(QStringLiteral("qaw demo: %1").arg(error));
        return Failure;
    }
    printOut(QStringLiteral("Demo workspace %1: %2 interactions in %3 s")
                 .arg(ws->path())
                 .arg(options.interactions)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return Ok;
}

const CommandRegistration registration("demo", "create the demo workspace (or its JSON Lines)", runDemo);

} // namespace
} // namespace qaw::cli
