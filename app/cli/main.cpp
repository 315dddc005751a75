// qaw: the command line of QA Workbench. Links the core library only, so anything
// the GUI does to data a scheduled job can do too.
#include "CliSupport.h"

#include "storage/WriterWait.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>


namespace {

int usage(int code)
{
    QString text = QStringLiteral("Usage: qaw COMMAND [OPTIONS]   (qaw COMMAND --help for "
                                  "its options)\n\nCommands:\n");
    for (const auto &[name, command] : qaw::cli::commandRegistry())
        text += QStringLiteral("  %1  %2\n").arg(name, -12).arg(command.summary);
    (code == 0 ? qaw::cli::printOut : qaw::cli::printErr)(text);
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // Commands that lay out text for a PDF (the coaching packet, a calibration report with
    // --pdf) need the GUI library's fonts: a QGuiApplication on the offscreen platform
    // unless the caller chose one.
    const auto wanted = argc > 1 ? qaw::cli::commandRegistry().find(QString::fromLocal8Bit(argv[1]))
                                 : qaw::cli::commandRegistry().end();
    bool needsGui = wanted != qaw::cli::commandRegistry().end() && wanted->second.needsGui;
    for (int i = 1; i < argc; ++i)
        needsGui = needsGui || std::strncmp(argv[i], "--pdf", 5) == 0;
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // QGuiApplication would take options such as --session for itself: it gets only the
    // program name, and the command reads its arguments from argv as given.
    int guiArgc = 1;
    std::unique_ptr<QCoreApplication> app =
        needsGui ? std::make_unique<QGuiApplication>(guiArgc, argv)
                 : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qa-workbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("QA Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QAW_VERSION));
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() < 2)
        return usage(qaw::cli::Usage);
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help"))
        return usage(qaw::cli::Ok);
    if (name == QLatin1String("--version")) {
        qaw::cli::printOut(QStringLiteral("qaw %1").arg(QStringLiteral(QAW_VERSION)));
        return qaw::cli::Ok;
    }
    // Scheduled jobs share the workspace with the GUI and each other: a wait for another
    // writer's lock shows in the progress output instead of looking like a hang.
    qaw::writerWait::setListener([](qint64 waitedMs) {
        qaw::cli::printErr(QStringLiteral("qaw: %1").arg(qaw::writerWait::message(waitedMs)));
    });
    const auto it = qaw::cli::commandRegistry().find(name);
    if (it == qaw::cli::commandRegistry().end()) {
        qaw::cli::printErr(QStringLiteral("qaw: unknown command '%1'").arg(name));
        return usage(qaw::cli::Usage);
    }
    args.removeFirst();
    args.first() = QStringLiteral("qaw ") + name;
    return it->second.run(args);
}
