#include "storage/WorkspaceBackup.h"

#include "storage/SqliteHandle.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QThread>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace qaw {
namespace {

// Pages per step: about 4 MB with the default page size, so progress moves and a cancel
// is seen within a fraction of a second.
constexpr int kPagesPerStep = 1024;

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

// Runs the steps of one backup; SQLITE_BUSY/LOCKED are waited out (another connection
// holds a lock for a moment), anything else ends it.
int copyPages(sqlite3_backup *backup, const BackupProgress &progress, bool *cancelled)
{
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            QThread::msleep(20);
        const int total = sqlite3_backup_pagecount(backup);
        if (progress && !progress(total - sqlite3_backup_remaining(backup), total)) {
            *cancelled = true;
            return SQLITE_ABORT;
        }
    }
    return rc;
}

bool copyInto(sqlite3 *sourceDb, const QString &tempPath, const BackupProgress &progress,
              QString *error)
{
    sqlite3 *dest = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(tempPath).constData(), &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        *error = dest ? sqliteError(dest) : QStringLiteral("out of memory");
        sqlite3_close(dest);
        return false;
    }
    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", sourceDb, "main");
    if (!backup) {
        *error = sqliteError(dest);
        sqlite3_close(dest);
        return false;
    }
    bool cancelled = false;
    const int rc = copyPages(backup, progress, &cancelled);
    sqlite3_backup_finish(backup);
    const bool ok = rc == SQLITE_DONE && sqlite3_errcode(dest) == SQLITE_OK;
    if (!ok)
        *error = cancelled ? QStringLiteral("cancelled")
                           : QString::fromUtf8(sqlite3_errstr(rc == SQLITE_DONE
                                                                  ? sqlite3_errcode(dest)
                                                                  : rc));
    if (sqlite3_close(dest) != SQLITE_OK && ok) {
        *error = QStringLiteral("closing the copy failed");
        return false;
    }
    return ok;
}

// Holds a read transaction on the source for the backup's whole run: every step then
// reads the same snapshot, so writes by other processes neither restart the copy nor
// mix two states of the workspace in it.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(sqlite3 *db) : m_db(db)
    {
        m_ok = sqlite3_exec(db, "BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;", nullptr,
                            nullptr, nullptr) == SQLITE_OK;
    }
    ~ReadSnapshot()
    {
        if (m_ok)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
    bool ok() const { return m_ok; }

private:
    sqlite3 *m_db;
    bool m_ok = false;
};

} // namespace

bool backupWorkspace(const Workspace &source, const QString &targetPath,
                     const BackupProgress &progress, QString *error)
{
    auto fail = [&](const QString &reason) {
        *error = QStringLiteral("cannot back up to %1: %2").arg(targetPath, reason);
        return false;
    };
    sqlite3 *sourceDb = sqliteHandle(source.database());
    if (!sourceDb)
        return fail(QStringLiteral("the workspace is not open"));
    const QFileInfo target(targetPath);
    // Renaming a temporary over a device or a pipe would replace it, not write into it.
    if (target.exists() && !target.isFile())
        return fail(QStringLiteral("it exists and is not a regular file"));
    if (target.exists() && target.canonicalFilePath() == QFileInfo(source.path()).canonicalFilePath())
        return fail(QStringLiteral("it is the workspace itself"));
    QTemporaryFile temp(target.absoluteDir().filePath(target.fileName() +
                                                      QStringLiteral(".XXXXXX.partial")));
    if (!temp.open())
        return fail(temp.errorString());
    temp.close(); // SQLite opens it by name; QTemporaryFile still removes it on failure
    const ReadSnapshot snapshot(sourceDb);
    if (!snapshot.ok())
        return fail(sqliteError(sourceDb));
    QString reason;
    if (!copyInto(sourceDb, temp.fileName(), progress, &reason)) {
        // The copy's own rollback journal, if SQLite left one beside the temporary.
        QFile::remove(temp.fileName() + QStringLiteral("-journal"));
        return fail(reason);
    }
    // rename(2) replaces an existing target in one step; QFile::rename would refuse.
    if (std::rename(QFile::encodeName(temp.fileName()).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    temp.setAutoRemove(false);
    return true;
}

} // namespace qaw
