#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace qaw {
class Workspace;
}

namespace qaw::cli {

enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

//! A command gets its own arguments with its full name first ("qaw info", ...).
using CommandFunction = int (*)(const QStringList &args);

struct CommandInfo
{
    CommandFunction run = nullptr;
    QString summary;
    //! The command draws text (a PDF, say) and so needs a QGuiApplication (offscreen).
    bool needsGui = false;
};

//! Each cli/*Command.cpp registers itself with a static CommandRegistration, so adding a
//! command touches no shared file.
std::map<QString, CommandInfo> &commandRegistry();

struct CommandRegistration
{
    CommandRegistration(const char *name, const char *summary, CommandFunction run,
                        bool needsGui = false);
};

//! Parses \a args (the command's own arguments, program name first) with \a parser,
//! printing help or a usage error. Returns false when the command should stop with
//! \a exitCode.
bool parseArguments(QCommandLineParser &parser, const QStringList &args,
                    const QString &description, int *exitCode);

//! Opens the workspace named by --workspace; prints the specific reason and returns
//! null when it cannot be opened.
std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &parser, bool create = false);

QCommandLineOption workspaceOption();
QCommandLineOption formatOption(const QString &allowed, const QString &fallback);

void printOut(const QString &text);
void printErr(const QString &text);
void printJson(const QJsonValue &value);

} // namespace qaw::cli
