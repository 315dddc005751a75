#include "CliSupport.h"

#include "import/ImportPreview.h"
#include "import/ImportSource.h"
#include "import/Importer.h"
#include "import/MappingProfiles.h"
#include "storage/Workspace.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace qaw::cli {
namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

void printProgress(const ImportProgress &p)
{
    const double seconds = double(p.elapsedMs) / 1000.0;
    const double rate = seconds > 0 ? double(p.records) / seconds : 0;
    const double byteRate = seconds > 0 ? double(p.bytesDone) / seconds : 0;
    const QString eta = byteRate > 0 && p.bytesTotal > p.bytesDone
                            ? QStringLiteral(", ETA %1 s")
                                  .arg(double(p.bytesTotal - p.bytesDone) / byteRate, 0, 'f', 0)
                            : QString();
    printErr(QStringLiteral("file %1/%2: %3 records, %4 / %5 MB, %6 records/s%7")
                 .arg(p.fileIndex)
                 .arg(p.fileCount)
                 .arg(p.records)
                 .arg(megabytes(p.bytesDone), megabytes(p.bytesTotal))
                 .arg(rate, 0, 'f', 0)
                 .arg(eta));
}

// --map field=Column and --default-channel correct the guessed mapping of the first
// CSV file; the result is used for every CSV file of the run.
bool correctedMapping(const QCommandLineParser &parser, const QStringList &files,
                      ImportOptions &options, Workspace &ws, ColumnMapping *mapping)
{
    QString firstCsv;
    for (const QString &f : files) {
        QString error;
        const std::optional<SourceFormat> format = options.format == QLatin1String("auto")
                                                       ? detectSourceFormat(f, &error)
                                                       : sourceFormatFromName(options.format);
        if (format && format->kind == SourceFormat::Kind::Csv) {
            firstCsv = f;
            break;
        }
    }
    if (firstCsv.isEmpty()) {
        printErr(QStringLiteral("qaw import: --map, --default-channel and --save-mapping apply "
                                "to CSV files, and none was given"));
        return false;
    }
    const ImportPreview preview = previewImportFile(firstCsv, options, 0, &ws);
    if (!preview.readable) {
        printErr(QStringLiteral("qaw import: %1").arg(preview.error));
        return false;
    }
    *mapping = preview.mapping;
    for (const QString &item : parser.values(QStringLiteral("map"))) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const std::optional<CsvField> field =
            eq > 0 ? ColumnMapping::fieldFromName(item.left(eq).trimmed()) : std::nullopt;
        if (!field) {
            printErr(QStringLiteral("qaw import: --map takes FIELD=COLUMN with FIELD one of the "
                                    "mapping fields (conversation_id, channel, started_at, "
                                    "agent_id, speaker, text, transcript, ...); got '%1'")
                         .arg(item));
            return false;
        }
        mapping->setColumn(*field, item.mid(eq + 1).trimmed());
    }
    if (parser.isSet(QStringLiteral("default-channel")))
        mapping->setDefaultChannel(parser.value(QStringLiteral("default-channel")));
    options.mappingJson =
        QString::fromUtf8(QJsonDocument(mapping->toJson()).toJson(QJsonDocument::Compact));
    options.mappingProfile.clear();
    return true;
}

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."),
                                 QStringLiteral("FILE..."));
    parser.addOption(workspaceOption());
    parser.addOptions({
        {QStringLiteral("format"),
         QStringLiteral("Read the files as %1 (default auto: detected from the content).")
             .arg(sourceFormatNames().join(QStringLiteral(", "))),
         QStringLiteral("F"), QStringLiteral("auto")},
        {QStringLiteral("mapping"), QStringLiteral("CSV: use the saved column-mapping profile NAME."),
         QStringLiteral("NAME")},
        {QStringLiteral("map"),
         QStringLiteral("CSV: map FIELD to COLUMN, correcting the guess (repeatable)."),
         QStringLiteral("FIELD=COLUMN")},
        {QStringLiteral("default-channel"),
         QStringLiteral("CSV: the channel when no column gives it."), QStringLiteral("CHANNEL")},
        {QStringLiteral("save-mapping"),
         QStringLiteral("CSV: save the mapping used as profile NAME."), QStringLiteral("NAME")},
        {QStringLiteral("redact"),
         QStringLiteral("Personal data to redact: cards,ssn,email,phone or none "
                        "(default cards,ssn)."),
         QStringLiteral("LIST"), QStringLiteral("cards,ssn")},
        {QStringLiteral("chunk"), QStringLiteral("Records per transaction (default 2000)."),
         QStringLiteral("N"), QStringLiteral("2000")},
        {QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")},
    });
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Import interactions from files (native JSON Lines, CSV, "
                                       "vendor exports). Rejected records are kept aside: see "
                                       "qaw rejects."),
                        &exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments();
    ImportOptions options;
    options.format = parser.value(QStringLiteral("format")).toLower();
    options.mappingProfile = parser.value(QStringLiteral("mapping"));
    bool chunkOk = false;
    options.chunkSize = parser.value(QStringLiteral("chunk")).toInt(&chunkOk);
    QString error;
    if (files.isEmpty() || parser.value(QStringLiteral("workspace")).isEmpty()) {
        printErr(QStringLiteral("qaw import: give FILE... and --workspace W (see qaw import --help)"));
        return Usage;
    }
    if (options.format != QLatin1String("auto") && !sourceFormatFromName(options.format)) {
        printErr(QStringLiteral("qaw import: unknown --format '%1' (use %2)")
                     .arg(options.format, sourceFormatNames().join(QStringLiteral(", "))));
        return Usage;
    }
    if (!parseRedactionKinds(parser.value(QStringLiteral("redact")), &options.redact, &error)) {
        printErr(QStringLiteral("qaw import: --redact: %1").arg(error));
        return Usage;
    }
    if (!chunkOk || options.chunkSize < 1) {
        printErr(QStringLiteral("qaw import: --chunk takes a positive whole number"));
        return Usage;
    }
    auto ws = openWorkspace(parser, true);
    if (!ws)
        return Failure;
    if (ws->isReadOnly()) {
        printErr(QStringLiteral("qaw import: %1 is read-only").arg(ws->path()));
        return Failure;
    }
    const bool corrects = parser.isSet(QStringLiteral("map")) ||
                          parser.isSet(QStringLiteral("default-channel")) ||
                          parser.isSet(QStringLiteral("save-mapping"));
    ColumnMapping mapping;
    if (corrects && !correctedMapping(parser, files, options, *ws, &mapping))
        return Failure;
    if (parser.isSet(QStringLiteral("save-mapping"))) {
        if (!saveMappingProfile(*ws, parser.value(QStringLiteral("save-mapping")), mapping, &error)) {
            printErr(QStringLiteral("qaw import: cannot save the mapping: %1").arg(error));
            return Failure;
        }
    }

    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1000;
    Importer importer(options);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    const ImportResult result = importer.run(files, *ws, [&](const ImportProgress &p) {
        if (!quiet && timer.elapsed() - lastReport >= 1000) {
            lastReport = timer.elapsed();
            printProgress(p);
        }
    });
    bool allRead = true;
    for (const FileImportResult &f : result.files) {
        if (f.status == QLatin1String("failed")) {
            allRead = false;
            printErr(QStringLiteral("qaw import: %1").arg(f.message));
        } else if (f.rejected > 0) {
            printErr(QStringLiteral("%1: %2 rejected records; see them with: qaw rejects "
                                    "--workspace %3 --batch %4")
                         .arg(f.file)
                         .arg(f.rejected)
                         .arg(ws->path())
                         .arg(f.batchId));
        }
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    const qint64 stored = result.total(&FileImportResult::imported) +
                          result.total(&FileImportResult::updated) +
                          result.total(&FileImportResult::unchanged);
    printOut(QStringLiteral("Imported %1 file(s) into %2: %3 new, %4 updated, %5 unchanged, %6 "
                            "rejected, %7 redacted, %8 failed file(s) in %9 s (%10 records/s)")
                 .arg(result.files.size())
                 .arg(ws->path())
                 .arg(result.total(&FileImportResult::imported))
                 .arg(result.total(&FileImportResult::updated))
                 .arg(result.total(&FileImportResult::unchanged))
                 .arg(result.total(&FileImportResult::rejected))
                 .arg(result.total(&FileImportResult::redacted))
                 .arg(std::count_if(result.files.begin(), result.files.end(),
                                    [](const FileImportResult &f) {
                                        return f.status == QLatin1String("failed");
                                    }))
                 .arg(seconds, 0, 'f', 1)
                 .arg(seconds > 0 ? double(stored + result.total(&FileImportResult::rejected)) /
                                        seconds
                                  : 0.0,
                      0, 'f', 0));
    return allRead ? Ok : Failure;
}

const CommandRegistration registration("import", "import interaction files into a workspace",
                                       runImport);

} // namespace
} // namespace qaw::cli
