#include "storage/Workspace.h"

#include "storage/DefaultContent.h"
#include "PackedScoresTable.h"
#include "storage/Schema.h"
#include "storage/SqliteHandle.h"
#include "storage/WriterWait.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>

#include <sqlite3.h>

#include <mutex>

namespace qaw {

qint64 Workspace::s_fullCheckLimitBytes = 256LL * 1024 * 1024;

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("qaw-workspace-%1").arg(counter.fetchAndAddRelaxed(1));
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace

QString currentUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("reviewer") : user;
}

bool inTransaction(const QSqlDatabase &db)
{
    sqlite3 *handle = sqliteHandle(db);
    return handle && sqlite3_get_autocommit(handle) == 0;
}

bool beginWriteTransaction(QSqlDatabase &db)
{
    if (inTransaction(db))
        return false;
    // The busy handler (WriterWait) queues this behind another connection's write.
    QSqlQuery q(db);
    return q.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Workspace::Workspace() = default;

Workspace::~Workspace()
{
    close();
}

bool Workspace::fail(OpenErrorCode code, const QString &message)
{
    close();
    m_errorCode = code;
    m_errorMessage = message;
    return false;
}

void Workspace::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_open = false;
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

// Each connection is used by one thread at a time (Qt's rule for QSqlDatabase, and the
// scoring and import workers open their own), so SQLite's per-connection mutex around
// every call and its global memory statistics are pure cost (perf: about 5% of the
// import's writing thread in mutex calls). SQLite accepts this only before its first use
// in the process; if something initialised it earlier, the calls fail and its defaults
// stay, which is merely slower.
void Workspace::configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

bool Workspace::openConnection(bool readOnly)
{
    configureSqliteOnce();
    close();
    m_connectionName = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    // The timeout covers opening; the waiting busy handler installed below replaces it.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(writerWait::limitMs());
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open())
        return false;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return false;
    // Several processes may write the workspace at once (the GUI, scheduled imports,
    // scoring, flagging): a writer waits for the other, and says so after a moment.
    writerWait::install(handle);
    // automated_scores reads the packed scores through it.
    return registerPackedScores(handle) == SQLITE_OK;
}

void Workspace::configureConnection()
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!m_readOnly) {
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        // NORMAL is durable across application crashes in WAL mode; only an OS crash
        // can lose the last transactions, never corrupt the file.
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    q.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
}

// A quick_check reads every page: about a minute for a workspace of a million
// interactions. It runs when it is cheap (a small file) or when it matters: a WAL file
// left behind means the last session did not close cleanly (SQLite removes it when the
// last connection closes), which is when damage is most likely. Otherwise SQLite
// still reports damage on any page it reads.
bool Workspace::needsFullCheck() const
{
    const QFileInfo wal(m_path + QStringLiteral("-wal"));
    return QFileInfo(m_path).size() <= s_fullCheckLimitBytes || (wal.exists() && wal.size() > 0);
}

bool Workspace::passesQuickCheck(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        return fail(OpenErrorCode::Corrupt,
                    QStringLiteral("%1 is damaged and cannot be read (%2). Restore it from a "
                                   "backup; the file has not been changed.")
                        .arg(m_path, q.lastError().databaseText()));
    }
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    if (!problems.isEmpty())
        return fail(OpenErrorCode::Corrupt,
                    QStringLiteral("%1 is damaged: the integrity check found %2 problem(s), "
                                   "first: %3. Restore it from a backup; the file has not "
                                   "been changed.")
                        .arg(m_path)
                        .arg(problems.size())
                        .arg(problems.first()));
    return true;
}

// Looks at an existing file without writing to it: the header, the schema version and
// (see needsFullCheck) a quick integrity check, all through a read-only connection.
int Workspace::storedSchemaVersion(const QString &path)
{
    // SQLite's file header: the magic string, then big-endian 32-bit user_version at
    // byte 60 and application_id at byte 68.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray header = file.read(72);
    if (header.size() < 72 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return -1;
    const auto field = [&header](int offset) {
        return qFromBigEndian<quint32>(header.constData() + offset);
    };
    if (field(68) != quint32(schema::kApplicationId))
        return -1;
    return int(field(60));
}

bool Workspace::inspectReadOnly(int *version)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(OpenErrorCode::NotFound,
                    QStringLiteral("Cannot read %1: %2.").arg(m_path, file.errorString()));
    const QByteArray header = file.read(16);
    file.close();
    if (header.isEmpty())
        return fail(OpenErrorCode::EmptyFile,
                    QStringLiteral("%1 is an empty file, not a QA Workbench workspace. "
                                   "Choose File > New to create a workspace.")
                        .arg(m_path));
    if (header != QByteArray("SQLite format 3\0", 16))
        return fail(OpenErrorCode::NotSqlite,
                    QStringLiteral("%1 is not a QA Workbench workspace (it is not an SQLite "
                                   "database). To bring interactions in from this file, use "
                                   "File > Import.")
                        .arg(m_path));
    if (!openConnection(true))
        return fail(OpenErrorCode::Corrupt, QStringLiteral("%1 cannot be opened: %2")
                                                .arg(m_path, database().lastError().text()));
    QSqlDatabase db = database();
    if (needsFullCheck() && !passesQuickCheck(db))
        return false;
    *version = schema::userVersion(db);
    const qint64 appId = scalar(db, QStringLiteral("PRAGMA application_id"));
    const qint64 tables = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (appId != schema::kApplicationId && tables > 0)
        return fail(OpenErrorCode::NotWorkspace,
                    QStringLiteral("%1 is an SQLite database but not a QA Workbench workspace.")
                        .arg(m_path));
    if (*version > schema::kCurrentVersion)
        return fail(OpenErrorCode::NewerSchema,
                    QStringLiteral("%1 was written by a newer QA Workbench (workspace schema %2; "
                                   "this version reads up to %3). Update QA Workbench to open "
                                   "it; the file has not been changed.")
                        .arg(m_path)
                        .arg(*version)
                        .arg(schema::kCurrentVersion));
    return true;
}

bool Workspace::createNew()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(OpenErrorCode::CannotCreate,
                    QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
    if (!openConnection(false))
        return fail(OpenErrorCode::CannotCreate,
                    QStringLiteral("Cannot create %1: %2")
                        .arg(m_path, database().lastError().text()));
    return true;
}

bool Workspace::open(const QString &path, OpenMode mode)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    m_errorCode = OpenErrorCode::None;
    m_errorMessage.clear();
    m_readOnly = false;

    const QFileInfo info(m_path);
    const bool isNew = !info.exists() || (info.size() == 0 && mode == OpenMode::CreateIfMissing);
    if (!info.exists() && mode != OpenMode::CreateIfMissing)
        return fail(OpenErrorCode::NotFound,
                    QStringLiteral("%1 does not exist.").arg(m_path));
    if (info.exists() && info.isDir())
        return fail(OpenErrorCode::NotSqlite,
                    QStringLiteral("%1 is a folder, not a workspace file.").arg(m_path));

    int version = 0;
    if (isNew) {
        if (!createNew())
            return false;
    } else {
        if (!inspectReadOnly(&version))
            return false;
        const bool writable = mode != OpenMode::ReadOnly && info.isWritable() &&
                              QFileInfo(info.absolutePath()).isWritable();
        if (!writable) {
            if (version < schema::kCurrentVersion)
                return fail(OpenErrorCode::ReadOnlyNeedsUpgrade,
                            QStringLiteral("%1 is read-only and was written by an older QA "
                                           "Workbench (schema %2). Make it writable once so it "
                                           "can be upgraded to schema %3.")
                                .arg(m_path)
                                .arg(version)
                                .arg(schema::kCurrentVersion));
            m_readOnly = true;
            configureConnection();
            m_open = true;
            return true;
        }
        if (!openConnection(false))
            return fail(OpenErrorCode::Corrupt,
                        QStringLiteral("%1 cannot be opened for writing: %2")
                            .arg(m_path, database().lastError().text()));
    }

    configureConnection();
    QSqlDatabase db = database();
    QString error;
    if (!schema::migrate(db, schema::kCurrentVersion, &error))
        return fail(OpenErrorCode::MigrationFailed,
                    QStringLiteral("%1 could not be upgraded: %2").arg(m_path, error));
    m_open = true;
    if (isNew && !installDefaultContent(*this, &error))
        return fail(OpenErrorCode::CannotCreate,
                    QStringLiteral("%1 was created but its default scorecard could not be "
                                   "stored: %2")
                        .arg(m_path, error));
    return true;
}

int Workspace::schemaVersion() const
{
    QSqlDatabase db = database();
    return schema::userVersion(db);
}

std::unique_ptr<Workspace> Workspace::openAnotherConnection() const
{
    auto other = std::make_unique<Workspace>();
    other->m_path = m_path;
    other->m_readOnly = m_readOnly;
    if (!other->openConnection(m_readOnly)) {
        other->m_errorCode = OpenErrorCode::Corrupt;
        other->m_errorMessage = other->database().lastError().text();
        return other;
    }
    other->configureConnection();
    other->m_open = true;
    return other;
}

WorkspaceCounts Workspace::counts() const
{
    const QSqlDatabase db = database();
    WorkspaceCounts c;
    c.teams = scalar(db, QStringLiteral("SELECT count(*) FROM teams"));
    c.agents = scalar(db, QStringLiteral("SELECT count(*) FROM agents"));
    c.interactions = scalar(db, QStringLiteral("SELECT count(*) FROM interactions"));
    c.turns = scalar(db, QStringLiteral("SELECT count(*) FROM turns"));
    c.evaluations = scalar(db, QStringLiteral("SELECT count(*) FROM evaluations"));
    c.humanEvaluations = scalar(
        db, QStringLiteral("SELECT count(*) FROM evaluations WHERE evaluator_kind = 'human'"));
    c.calibrationSessions = scalar(db, QStringLiteral("SELECT count(*) FROM calibration_sessions"));
    c.coachingItems = scalar(db, QStringLiteral("SELECT count(*) FROM coaching_items"));
    c.coachingSessions = scalar(db, QStringLiteral("SELECT count(*) FROM coaching_sessions"));
    c.importBatches = scalar(db, QStringLiteral("SELECT count(*) FROM import_batches"));
    c.rejectedRecords = scalar(db, QStringLiteral("SELECT count(*) FROM rejected_records"));
    return c;
}

QString Workspace::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM workspace_settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

bool Workspace::setSetting(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO workspace_settings(key, value) VALUES(?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec();
}

bool Workspace::audit(const QString &user, const QString &entity, qint64 entityId,
                      const QString &field, const QString &oldValue, const QString &newValue)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO audit_log(at, user, entity, entity_id, field, "
                             "old_value, new_value) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nowMs());
    q.addBindValue(user);
    q.addBindValue(entity);
    q.addBindValue(entityId);
    q.addBindValue(field.isNull() ? QStringLiteral("") : field);
    q.addBindValue(oldValue);
    q.addBindValue(newValue);
    return q.exec();
}

} // namespace qaw
