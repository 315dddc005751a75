#include "CliSupport.h"

#include "io/OutputFile.h"
#include "storage/EvaluationExport.h"
#include "storage/Workspace.h"

namespace qaw::cli {
namespace {

// `qaw export WHAT`: one subcommand per kind of data; "evaluations" for now.
int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOption(formatOption(QStringLiteral("csv, jsonl"), QStringLiteral("csv")));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write to FILE instead of standard output."),
                                 QStringLiteral("FILE"));
    parser.addOption(out);
    parser.addPositionalArgument(QStringLiteral("what"),
                                 QStringLiteral("What to export: evaluations (one row per "
                                                "criterion score)."));
    int exitCode = Ok;
    if (!parseArguments(parser, args, QStringLiteral("Export data from a workspace."), &exitCode))
        return exitCode;
    const QStringList what = parser.positionalArguments();
    if (what != QStringList{QStringLiteral("evaluations")}) {
        printErr(QStringLiteral("qaw export: say what to export: evaluations"));
        return Usage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("csv") && format != QLatin1String("jsonl")) {
        printErr(QStringLiteral("qaw export: --format must be csv or jsonl"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    // Standard output when there is no --out; a file is replaced only once all of it
    // was written (OutputFile), so a full disk leaves the old export in place.
    OutputFile file(parser.isSet(out) ? parser.value(out) : QString());
    if (!file.open()) {
        printErr(QStringLiteral("qaw export: %1").arg(file.errorString()));
        return Failure;
    }
    QString error;
    const qint64 rows =
        exportEvaluations(*ws, *file.device(), format == QLatin1String("jsonl"), &error);
    if (rows < 0 || !file.commit()) {
        printErr(QStringLiteral("qaw export: %1")
                     .arg(rows < 0 ? QStringLiteral("%1 (writing %2)").arg(error, file.displayName())
                                   : file.errorString()));
        return Failure;
    }
    printErr(QStringLiteral("%1 criterion score(s) exported").arg(rows));
    return Ok;
}

const CommandRegistration registration("export", "export evaluations as CSV or JSON Lines",
                                       runExport);

} // namespace
} // namespace qaw::cli
