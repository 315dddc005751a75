#include "ScoringRunner.h"

#include "storage/Workspace.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QLocale>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace qaw {
namespace {

struct Outcome
{
    std::optional<ScoringSummary> summary;
    QString error;
};

} // namespace

std::optional<ScoringSummary> runScoringWithProgress(const Workspace &workspace, bool all,
                                                     QWidget *parent, QString *error)
{
    QProgressDialog progress(QObject::tr("Scoring interactions..."), QObject::tr("Cancel"), 0,
                             1000, parent);
    progress.setObjectName(QStringLiteral("scoringProgress"));
    progress.setWindowTitle(QObject::tr("Automated scoring"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setMinimumWidth(420);
    progress.setAutoClose(false);
    progress.setAutoReset(false);

    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&watcher, &QFutureWatcherBase::progressValueChanged, &progress,
                     &QProgressDialog::setValue);
    QObject::connect(&watcher, &QFutureWatcherBase::progressTextChanged, &progress,
                     &QProgressDialog::setLabelText);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancel, &progress] {
        cancel->store(true);
        progress.setLabelText(QObject::tr("Cancelling after the current chunk..."));
    });
    const QString path = workspace.path();
    watcher.setFuture(QtConcurrent::run([path, all, cancel](QPromise<Outcome> &promise) {
        Outcome outcome;
        Workspace ws;
        if (!ws.open(path)) {
            outcome.error = ws.errorMessage();
            promise.addResult(outcome);
            return;
        }
        promise.setProgressRange(0, 1000);
        ScoringEngine engine(ws);
        engine.setProgress([&](qint64 done, qint64 total) {
            if (cancel->load())
                engine.cancel();
            promise.setProgressValueAndText(
                total > 0 ? int(1000 * done / total) : 1000,
                QObject::tr("Scored %1 of %2 interactions").arg(QLocale().toString(done),
                                                                QLocale().toString(total)));
        });
        ScoringOptions options;
        options.all = all;
        outcome.summary = engine.run(options, &outcome.error);
        promise.addResult(outcome);
    }));
    loop.exec();
    const Outcome outcome = watcher.future().resultCount() > 0 ? watcher.future().result() : Outcome{};
    if (!outcome.summary)
        *error = outcome.error;
    return outcome.summary;
}

} // namespace qaw
