#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QProgressDialog;
class QWidget;

namespace qaw {

class Prompts;
class Workspace;

//! File > Back Up...: copies the workspace on a worker thread with a connection of its
//! own (storage/WorkspaceBackup), behind a progress dialog whose Cancel stops after the
//! current step; the window keeps working meanwhile. A failure is reported through
//! Prompts, naming the file and the reason.
class BackupRunner : public QObject
{
    Q_OBJECT
public:
    BackupRunner(Prompts &prompts, QWidget *parent);
    ~BackupRunner() override;

    //! Starts a backup of \a workspace to \a target; the workspace must outlive it (call
    //! waitForFinished() before closing it).
    void start(const Workspace &workspace, const QString &target);
    bool isRunning() const { return m_watcher.isRunning(); }
    void waitForFinished();

signals:
    //! \a error is empty when the backup was written.
    void finished(const QString &target, const QString &error);

private:
    void onFinished();

    Prompts &m_prompts;
    QWidget *m_parent;
    QFutureWatcher<QString> m_watcher;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_target;
};

} // namespace qaw
