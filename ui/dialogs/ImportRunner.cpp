#include "ImportRunner.h"

#include "import/Importer.h"
#include "storage/Workspace.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace qaw {
namespace {

QString progressText(const ImportProgress &p)
{
    const QLocale locale;
    const double seconds = double(p.elapsedMs) / 1000.0;
    const double rate = seconds > 0 ? double(p.records) / seconds : 0;
    const double bytesRate = seconds > 0 ? double(p.bytesDone) / seconds : 0;
    const qint64 left = bytesRate > 0 ? qint64(double(p.bytesTotal - p.bytesDone) / bytesRate) : -1;
    return QObject::tr("File %1 of %2: %3\n%4 records · %5 of %6 · %7 records/s · %8")
        .arg(p.fileIndex + 1)
        .arg(p.fileCount)
        .arg(QFileInfo(p.currentFile).fileName(), locale.toString(p.records),
             locale.formattedDataSize(p.bytesDone), locale.formattedDataSize(p.bytesTotal))
        .arg(qint64(rate))
        .arg(left >= 0 ? QObject::tr("about %1 s left").arg(left) : QObject::tr("estimating time left"));
}

} // namespace

ImportResult runImportWithProgress(const QStringList &files, const ImportOptions &options,
                                   const Workspace &workspace, QWidget *parent)
{
    QProgressDialog progress(QObject::tr("Importing..."), QObject::tr("Cancel"), 0, 1000, parent);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowTitle(QObject::tr("Importing interactions"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setMinimumWidth(520);
    progress.setAutoClose(false);
    progress.setAutoReset(false);

    auto cancel = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<ImportResult> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&watcher, &QFutureWatcherBase::progressTextChanged, &progress, &QProgressDialog::setLabelText);
    QObject::connect(&watcher, &QFutureWatcherBase::progressValueChanged, &progress, &QProgressDialog::setValue);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancel, &progress] {
        cancel->store(true);
        progress.setLabelText(QObject::tr("Cancelling after the current record..."));
    });
    const QString path = workspace.path();
    watcher.setFuture(QtConcurrent::run([files, options, path, cancel](QPromise<ImportResult> &promise) {
        Workspace ws;
        ImportResult result;
        if (!ws.open(path)) {
            FileImportResult failed;
            failed.status = QStringLiteral("failed");
            failed.message = ws.errorMessage();
            result.files.push_back(failed);
            promise.addResult(result);
            return;
        }
        promise.setProgressRange(0, 1000);
        Importer importer(options);
        result = importer.run(files, ws, [&promise](const ImportProgress &p) {
            promise.setProgressValueAndText(
                p.bytesTotal > 0 ? int(1000 * p.bytesDone / p.bytesTotal) : 0, progressText(p));
        }, cancel.get());
        promise.addResult(result);
    }));
    loop.exec();
    return watcher.future().resultCount() > 0 ? watcher.future().result() : ImportResult{};
}

QString importSummaryText(const ImportResult &result)
{
    const QLocale locale;
    QString text = QObject::tr("%1 file(s): %2 imported, %3 updated, %4 unchanged, %5 rejected, "
                               "%6 personal-data items redacted.%7\n")
                       .arg(result.files.size())
                       .arg(locale.toString(result.total(&FileImportResult::imported)),
                            locale.toString(result.total(&FileImportResult::updated)),
                            locale.toString(result.total(&FileImportResult::unchanged)),
                            locale.toString(result.total(&FileImportResult::rejected)),
                            locale.toString(result.total(&FileImportResult::redacted)),
                            result.cancelled ? QObject::tr(" Cancelled: what was committed is kept; "
                                                           "import the same files again to finish.")
                                             : QString());
    for (const FileImportResult &f : result.files)
        text += QStringLiteral("\n• %1 (%2): %3%4").arg(QFileInfo(f.file).fileName(), f.format, f.status,
                                                        f.message.isEmpty() ? QString() : QStringLiteral(" — ") + f.message);
    return text;
}

} // namespace qaw
