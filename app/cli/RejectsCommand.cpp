#include "CliSupport.h"

#include "import/ImportBatches.h"
#include "io/OutputFile.h"
#include "storage/Workspace.h"

namespace qaw::cli {
namespace {

int runRejects(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    parser.addOptions({
        {QStringLiteral("batch"), QStringLiteral("Only the rejects of import batch ID."),
         QStringLiteral("ID"), QStringLiteral("-1")},
        {QStringLiteral("out"), QStringLiteral("Export the rejects as CSV to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("limit"), QStringLiteral("List at most N rejects (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("List or export the records imports kept aside, with "
                                       "their reasons and raw text."),
                        &exitCode))
        return exitCode;
    bool batchOk = false;
    bool limitOk = false;
    const qint64 batch = parser.value(QStringLiteral("batch")).toLongLong(&batchOk);
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!batchOk || !limitOk || limit < 0) {
        printErr(QStringLiteral("qaw rejects: --batch and --limit take whole numbers"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    if (parser.isSet(QStringLiteral("out"))) {
        OutputFile out(parser.value(QStringLiteral("out")));
        if (!out.open()) {
            printErr(QStringLiteral("qaw rejects: %1").arg(out.errorString()));
            return Failure;
        }
        QString error;
        const qint64 rows = exportRejectsCsv(*ws, batch, out.device(), &error);
        if (rows < 0 || !out.commit()) {
            printErr(QStringLiteral("qaw rejects: %1")
                         .arg(rows < 0 ? QStringLiteral("%1 (writing %2)").arg(error, out.displayName())
                                       : out.errorString()));
            return Failure;
        }
        printOut(QStringLiteral("%1 rejected record(s) written to %2").arg(rows).arg(out.displayName()));
        return Ok;
    }
    const qint64 total = countRejects(*ws, batch);
    for (const RejectedRecord &r : listRejects(*ws, batch, limit)) {
        QString raw = r.raw.left(100);
        raw.replace(QLatin1Char('\n'), QLatin1Char(' '));
        printOut(QStringLiteral("batch %1  %2  record %3: %4\n    %5")
                     .arg(r.batchId)
                     .arg(r.filePath)
                     .arg(r.recordNo)
                     .arg(r.reason, raw));
    }
    printOut(QStringLiteral("%1 rejected record(s)%2").arg(total).arg(
        total > limit ? QStringLiteral(" (first %1 shown; --out FILE.csv exports all)").arg(limit)
                      : QString()));
    return Ok;
}

const CommandRegistration registration("rejects", "list or export rejected import records",
                                       runRejects);

} // namespace
} // namespace qaw::cli
