#include "dialogs/WorkspaceUpgrade.h"

#include "storage/Schema.h"
#include "storage/Workspace.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent>

namespace qaw {

bool workspaceNeedsUpgrade(const QString &path)
{
    // The header only: opening the file here would check it once more on this thread.
    const int version = Workspace::storedSchemaVersion(path);
    return version >= 0 && version < schema::kCurrentVersion && QFileInfo(path).isWritable();
}

bool upgradeWorkspaceWithProgress(QWidget *parent, const QString &path, QString *error)
{
    if (!workspaceNeedsUpgrade(path))
        return true;
    QProgressDialog progress(
        QObject::tr("Upgrading %1 to the current workspace format (schema %2).\n\n"
                    "This happens once. Large workspaces can take several minutes; "
                    "every completed step is saved.")
            .arg(QFileInfo(path).fileName())
            .arg(schema::kCurrentVersion),
        QString(), 0, 0, parent);
    progress.setObjectName(QStringLiteral("upgradeProgress"));
    progress.setWindowTitle(QObject::tr("Upgrading workspace"));
    // A schema step cannot be stopped halfway without losing its work: no Cancel.
    progress.setCancelButton(nullptr);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);

    // The worker opens (and so upgrades) with a connection of its own: one SQLite
    // connection per thread.
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([path] {
        Workspace ws;
        return ws.open(path, Workspace::OpenMode::OpenExisting) ? QString() : ws.errorMessage();
    }));
    loop.exec();
    progress.reset();
    *error = watcher.future().result();
    return error->isEmpty();
}

} // namespace qaw
