#include "BackupRunner.h"

#include "Prompts.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceBackup.h"

#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace qaw {

BackupRunner::BackupRunner(Prompts &prompts, QWidget *parent)
    : QObject(parent), m_prompts(prompts), m_parent(parent)
{
    setObjectName(QStringLiteral("backupRunner"));
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &BackupRunner::onFinished);
}

BackupRunner::~BackupRunner()
{
    waitForFinished();
}

void BackupRunner::waitForFinished()
{
    if (m_cancel)
        m_cancel->store(true); // the window is closing: no point finishing the copy
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
}

void BackupRunner::start(const Workspace &workspace, const QString &target)
{
    if (isRunning())
        return;
    m_target = target;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress = new QProgressDialog(tr("Backing up to %1...").arg(target), tr("Cancel"), 0, 1000,
                                     m_parent);
    m_progress->setObjectName(QStringLiteral("backupProgress"));
    m_progress->setWindowTitle(tr("Back up workspace"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress.data(),
            &QProgressDialog::setValue);
    connect(m_progress.data(), &QProgressDialog::canceled, this, [cancel = m_cancel] {
        cancel->store(true);
    });
    const Workspace *ws = &workspace;
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([ws, target, cancel](QPromise<QString> &promise) {
        // One connection per thread: the window's stays with the window.
        std::unique_ptr<Workspace> connection = ws->openAnotherConnection();
        if (!connection || !connection->isOpen()) {
            promise.addResult(QObject::tr("cannot back up to %1: the workspace could not be "
                                          "opened a second time")
                                  .arg(target));
            return;
        }
        promise.setProgressRange(0, 1000);
        QString error;
        backupWorkspace(*connection, target, [&](int done, int total) {
            promise.setProgressValue(total > 0 ? int(1000LL * done / total) : 0);
            return !cancel->load();
        }, &error);
        promise.addResult(error);
    }));
}

void BackupRunner::onFinished()
{
    const bool cancelled = m_cancel && m_cancel->load();
    if (m_progress) {
        m_progress->disconnect(this); // closing a QProgressDialog emits canceled()
        m_progress->close();
    }
    const QString error = m_watcher.future().resultCount() > 0 ? m_watcher.result()
                                                              : tr("the backup did not run");
    if (!error.isEmpty() && !cancelled)
        m_prompts.error(m_parent, tr("Backup failed"), error);
    emit finished(m_target, error);
}

} // namespace qaw
