// qa-workbench [WORKSPACE]: opens the given workspace, else the last one, else offers
// the demo workspace.
#include "MainWindow.h"
#include "storage/WriterWait.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QStatusBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qa-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("QA Workbench"));
    QApplication::setOrganizationName(QStringLiteral("QA Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(QAW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(QAW_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qa-workbench.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Automated and human QA for customer "
                                                    "support."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("The workspace file to open."), QStringLiteral("[WORKSPACE]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo workspace, creating it first "
                                                 "if it does not exist."));
    parser.addOption(demo);
    parser.process(app);

    qaw::MainWindow window;
    // A write of this window's workers that waits for another program (a scheduled qaw
    // import, say) shows in the status bar. The listener runs on the waiting thread, so
    // the bar is updated on the GUI thread's turn.
    qaw::writerWait::setListener([&window](qint64 waitedMs) {
        QMetaObject::invokeMethod(
            &window,
            [&window, waitedMs] {
                window.statusBar()->showMessage(
                    QApplication::translate("main", "Waiting for another writer (%1 s)...")
                        .arg(waitedMs / 1000),
                    qaw::writerWait::kNoticeEveryMs);
            },
            Qt::QueuedConnection);
    });
    window.show();
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(demo))
        window.openDemoWorkspace();
    else
        window.openInitialWorkspace(positional.isEmpty() ? QString() : positional.first());
    const int code = app.exec();
    qaw::writerWait::setListener({});
    return code;
}
