#include "CliSupport.h"

#include "io/OutputFile.h"
#include "scoring/ScorecardScorer.h"
#include "storage/DefaultContent.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QFile>

namespace qaw::cli {
namespace {

int exportScorecard(Workspace &ws, const QString &key, const QString &path)
{
    const auto stored = ScorecardRepository(ws).active(key);
    if (!stored) {
        printErr(key.isEmpty() ? QStringLiteral("qaw scorecard: the workspace has no active "
                                                "scorecard")
                               : QStringLiteral("qaw scorecard: no active scorecard \"%1\"")
                                     .arg(key));
        return Failure;
    }
    OutputFile file(path); // standard output when there is no --file
    if (!file.open() || !file.write(stored->scorecard.toJson()) || !file.commit()) {
        printErr(QStringLiteral("qaw scorecard: %1").arg(file.errorString()));
        return Failure;
    }
    printErr(QStringLiteral("exported \"%1\" version %2")
                 .arg(stored->scorecard.name)
                 .arg(stored->version));
    return Ok;
}

int importScorecard(Workspace &ws, const QString &path, bool activate)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        printErr(QStringLiteral("qaw scorecard import: cannot read %1: %2")
                     .arg(path.isEmpty() ? QStringLiteral("(no --file)") : path,
                          file.errorString()));
        return path.isEmpty() ? Usage : Failure;
    }
    QStringList errors;
    const auto card = Scorecard::fromJson(file.readAll(), &errors);
    // A scorecard whose detectors cannot be built would fail at scoring time: refuse it now.
    if (card && !ScorecardScorer::compile(*card, &errors))
        errors.prepend(QStringLiteral("detectors:"));
    if (!card || !errors.isEmpty()) {
        printErr(QStringLiteral("qaw scorecard import: %1 is not a valid scorecard: %2")
                     .arg(path, errors.join(QLatin1Char(' '))));
        return Failure;
    }
    QString error;
    const qint64 versionId = ScorecardRepository(ws).saveNewVersion(
        *card, currentUserName(), QStringLiteral("imported from %1").arg(path), &error);
    if (versionId < 0 || (activate && !ScorecardRepository(ws).activate(versionId, &error))) {
        printErr(QStringLiteral("qaw scorecard import: %1").arg(error));
        return Failure;
    }
    const auto stored = ScorecardRepository(ws).version(versionId);
    printOut(QStringLiteral("Imported \"%1\" as version %2%3.")
                 .arg(card->name)
                 .arg(stored ? stored->version : 0)
                 .arg(activate ? QStringLiteral(", now active (run qaw score --all to rescore)")
                               : QStringLiteral(" (not active; use --activate)")));
    return Ok;
}

int adoptDefault(Workspace &ws)
{
    QString error;
    const int version = adoptShippedScorecard(ws, currentUserName(), &error);
    if (version < 0) {
        printErr(QStringLiteral("qaw scorecard adopt-default: %1").arg(error));
        return Failure;
    }
    if (version == 0) {
        printOut(QStringLiteral("The active scorecard already is the one this release ships."));
        return Ok;
    }
    printOut(QStringLiteral("The scorecard this release ships is now version %1, active (run "
                            "qaw score --all to rescore; earlier versions and their "
                            "evaluations are kept).")
                 .arg(version));
    return Ok;
}

int runScorecard(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(workspaceOption());
    const QCommandLineOption file(QStringLiteral("file"),
                                  QStringLiteral("The scorecard JSON file (export: default "
                                                 "standard output)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("scorecard"),
                                 QStringLiteral("The scorecard's key (export; default: the "
                                                "active scorecard)."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption activate(QStringLiteral("activate"),
                                      QStringLiteral("Make the imported version active."));
    parser.addOptions({file, key, activate});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("export, import or adopt-default"));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Export the active scorecard version as JSON, import "
                                       "a JSON scorecard as a new version "
                                       "(docs/scorecard-format.md), or make the scorecard "
                                       "this release ships the active version "
                                       "(adopt-default)."),
                        &exitCode))
        return exitCode;
    const QStringList action = parser.positionalArguments();
    const QStringList actions = {QStringLiteral("export"), QStringLiteral("import"),
                                 QStringLiteral("adopt-default")};
    if (action.size() != 1 || !actions.contains(action.front())) {
        printErr(QStringLiteral("qaw scorecard: say export, import or adopt-default"));
        return Usage;
    }
    auto ws = openWorkspace(parser);
    if (!ws)
        return Failure;
    if (action.front() == QLatin1String("export"))
        return exportScorecard(*ws, parser.value(key), parser.value(file));
    if (action.front() == QLatin1String("adopt-default"))
        return adoptDefault(*ws);
    return importScorecard(*ws, parser.value(file), parser.isSet(activate));
}

const CommandRegistration registration("scorecard",
                                       "export, import or adopt the shipped scorecard",
                                       runScorecard);

} // namespace
} // namespace qaw::cli
