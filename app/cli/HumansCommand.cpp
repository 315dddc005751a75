// qaw humans import: human evaluations from CSV or Amazon Connect evaluation forms.
#include "CliSupport.h"

#include "calibration/HumanEvaluationImport.h"
#include "calibration/TrustGate.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace qaw::cli {
namespace {

int runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption mapping(QStringLiteral("mapping"),
                                     QStringLiteral("Connect forms: JSON object of question "
                                                    "refId or text -> criterion id."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption input(QStringLiteral("format"),
                                   QStringLiteral("csv or connect (default: connect for *.json, "
                                                  "else csv)."),
                                   QStringLiteral("FORMAT"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the summary as JSON."));
    const QCommandLineOption session(QStringLiteral("session"),
                                     QStringLiteral("Store the evaluations in this calibration "
                                                    "session."),
                                     QStringLiteral("ID"), QStringLiteral("-1"));
    parser.addOptions({mapping, input, jsonOption, session});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import."));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Import human evaluations (CSV: interaction_id, reviewer, "
                                       "criterion_id, value, na, comment; or Amazon Connect "
                                       "evaluation-form output)."),
                        &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("qaw humans import: give exactly one FILE"));
        return Usage;
    }
    const QString path = parser.positionalArguments().first();
    QString format = parser.value(input);
    const bool json = parser.isSet(jsonOption);
    if (format.isEmpty())
        format = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? QStringLiteral("connect")
                                                                           : QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("connect")) {
        printErr(QStringLiteral("qaw humans import: the format must be csv or connect"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    HumanEvaluationImport importer(*ws);
    importer.setSessionId(parser.value(session).toLongLong());
    QString error;
    if (parser.isSet(mapping)) {
        QFile file(parser.value(mapping));
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("qaw humans import: cannot read %1").arg(file.fileName()));
            return Failure;
        }
        const auto m = HumanEvaluationImport::mappingFromJson(file.readAll(), &error);
        if (!m) {
            printErr(QStringLiteral("qaw humans import: %1").arg(error));
            return Failure;
        }
        importer.setMapping(*m);
    }
    const auto result = importer.importFile(path, format, currentUserName(), &error);
    if (!result) {
        printErr(QStringLiteral("qaw humans import: %1").arg(error));
        return Failure;
    }
    TrustGate::refresh(*ws);
    if (json) {
        QJsonArray rejects;
        for (const HumanImportReject &r : result->rejects)
            rejects.append(QJsonObject{{QStringLiteral("record"), r.recordNo},
                                       {QStringLiteral("reason"), r.reason}});
        printJson(QJsonObject{{QStringLiteral("batch"), result->batchId},
                              {QStringLiteral("evaluations"), result->evaluations},
                              {QStringLiteral("scores"), result->scores},
                              {QStringLiteral("rejected"), rejects}});
    } else {
        printOut(QStringLiteral("Imported %1 scores into %2 human evaluations; %3 rejected "
                                "(kept in import batch %4)")
                     .arg(result->scores)
                     .arg(result->evaluations)
                     .arg(result->rejects.size())
                     .arg(result->batchId));
        for (const HumanImportReject &r : result->rejects)
            printOut(QStringLiteral("  record %1: %2").arg(r.recordNo).arg(r.reason));
    }
    return Ok;
}

int runHumans(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) != QLatin1String("import")) {
        printErr(QStringLiteral("Usage: qaw humans import FILE --workspace W [--format csv|connect] "
                                "[--mapping FILE]"));
        return args.size() >= 2 && (args.at(1) == QLatin1String("--help")) ? Ok : Usage;
    }
    QStringList rest = args.mid(1);
    rest.first() = args.first() + QStringLiteral(" import");
    return runImport(rest);
}

const CommandRegistration registration("humans", "import human evaluations (CSV, Amazon Connect)",
                                       runHumans);

} // namespace
} // namespace qaw::cli
