#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace qaw {

struct WorkspaceCounts
{
    qint64 teams = 0;
    qint64 agents = 0;
    qint64 interactions = 0;
    qint64 turns = 0;
    qint64 evaluations = 0;
    qint64 humanEvaluations = 0;
    qint64 calibrationSessions = 0;
    qint64 coachingItems = 0;
    qint64 coachingSessions = 0;
    qint64 importBatches = 0;
    qint64 rejectedRecords = 0;
};

//! Why a workspace could not be opened. Each case leaves the file as it was.
enum class OpenErrorCode {
    None,
    NotFound,
    EmptyFile,
    NotSqlite,
    NotWorkspace,
    Corrupt,
    NewerSchema,
    ReadOnlyNeedsUpgrade,
    CannotCreate,
    MigrationFailed,
};

//! One workspace: a single SQLite file. Every other class in models/ reaches the
//! database through a Workspace, one per thread (see openAnotherConnection()).
class Workspace
{
public:
    enum class OpenMode {
        OpenExisting,    //!< read-write, or read-only when the file cannot be written
        CreateIfMissing, //!< as OpenExisting, creating a new workspace when absent
        ReadOnly,        //!< never writes, even when the file could be written
    };

    Workspace();
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    bool open(const QString &path, OpenMode mode = OpenMode::OpenExisting);
    void close();

    bool isOpen() const { return m_open; }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    OpenErrorCode errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    int schemaVersion() const;

    //! The schema version in the header of the workspace file at \a path, read without
    //! opening it as a database; -1 when it is not a workspace file. A session that did
    //! not close cleanly may leave a newer version in the WAL: the header is never newer.
    static int storedSchemaVersion(const QString &path);

    //! A second connection to the same file, for a worker thread. Must be used and
    //! destroyed on the thread that uses it.
    std::unique_ptr<Workspace> openAnotherConnection() const;

    //! The connection, for storage classes inside models/ only.
    QSqlDatabase database() const;

    WorkspaceCounts counts() const;

    //! Files up to this size get a full integrity check on every open; larger ones only
    //! after a session that did not close cleanly. For tests.
    static void setFullCheckLimitBytes(qint64 bytes) { s_fullCheckLimitBytes = bytes; }

    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value);

    //! Appends to the audit log: who changed what, from which value to which.
    bool audit(const QString &user, const QString &entity, qint64 entityId, const QString &field,
               const QString &oldValue, const QString &newValue);

private:
    bool fail(OpenErrorCode code, const QString &message);
    static void configureSqliteOnce();
    bool openConnection(bool readOnly);
    bool inspectReadOnly(int *version);
    bool needsFullCheck() const;
    bool passesQuickCheck(QSqlDatabase &db);
    bool createNew();
    void configureConnection();

    QString m_path;
    QString m_connectionName;
    bool m_open = false;
    bool m_readOnly = false;
    OpenErrorCode m_errorCode = OpenErrorCode::None;
    QString m_errorMessage;
    static qint64 s_fullCheckLimitBytes;
};

//! Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE). A
//! deferred BEGIN that reads first and writes later fails at once with "database is
//! locked" when another connection committed in between (SQLite's busy handler cannot
//! help there); taking the lock first makes writers wait for each other instead.
//! Returns false, like QSqlDatabase::transaction(), when a transaction is already open
//! (see inTransaction()), and when the lock could not be had within writerWait::limitMs()
//! (the other writer held it all that time). End it with QSqlDatabase::commit() or
//! rollback().
bool beginWriteTransaction(QSqlDatabase &db);

//! Whether \a db has a transaction open: a caller that joins its caller's transaction
//! tells "already in one" from "could not begin" with it.
bool inTransaction(const QSqlDatabase &db);

QString currentUserName();
qint64 nowMs();

} // namespace qaw
