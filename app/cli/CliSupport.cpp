#include "CliSupport.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace qaw::cli {

std::map<QString, CommandInfo> &commandRegistry()
{
    static std::map<QString, CommandInfo> registry;
    return registry;
}

CommandRegistration::CommandRegistration(const char *name, const char *summary, CommandFunction run,
                                         bool needsGui)
{
    commandRegistry()[QString::fromLatin1(name)] =
        CommandInfo{run, QString::fromLatin1(summary), needsGui};
}

void printOut(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void printErr(const QString &text)
{
    QTextStream err(stderr);
    err << text << Qt::endl;
}

void printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                        : QJsonDocument(value.toObject());
    std::fputs(doc.toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
}

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("w"), QStringLiteral("workspace")},
                              QStringLiteral("The workspace file."), QStringLiteral("FILE"));
}

QCommandLineOption formatOption(const QString &allowed, const QString &fallback)
{
    return QCommandLineOption(QStringLiteral("format"),
                              QStringLiteral("Output format: %1 (default %2).").arg(allowed, fallback),
                              QStringLiteral("FORMAT"), fallback);
}

bool parseArguments(QCommandLineParser &parser, const QStringList &args,
                    const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(args)) {
        printErr(QStringLiteral("qaw: %1 (see %2 --help)").arg(parser.errorText(), args.first()));
        *exitCode = Usage;
        return false;
    }
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        *exitCode = Ok;
        return false;
    }
    return true;
}

std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &parser, bool create)
{
    const QString path = parser.value(QStringLiteral("workspace"));
    if (path.isEmpty()) {
        printErr(QStringLiteral("qaw: --workspace FILE is required"));
        return nullptr;
    }
    auto ws = std::make_unique<Workspace>();
    if (!ws->open(path, create ? Workspace::OpenMode::CreateIfMissing
                               : Workspace::OpenMode::OpenExisting)) {
        printErr(QStringLiteral("qaw: %1").arg(ws->errorMessage()));
        return nullptr;
    }
    if (ws->isReadOnly())
        printErr(QStringLiteral("qaw: note: %1 is read-only; opened for reading only").arg(path));
    return ws;
}

} // namespace qaw::cli
