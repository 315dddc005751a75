#include "import/ImportBatchWriter.h"

#include "import/RecordReader.h"
#include "storage/Workspace.h"

#include <QSqlError>
#include <QVariant>

namespace qaw {
namespace {

// 64 bits of hash per id keep duplicate detection at a few megabytes for a million
// records; a false "duplicate" needs a collision, about 1 in 10^7 for 10^6 ids.
quint64 idKey(const QString &id)
{
    return quint64(qHash(id, size_t(0x9e3779b97f4a7c15ULL)));
}

// Text columns of import_batches are NOT NULL, and a null QString binds as NULL.
QString nonNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

ImportBatchWriter::ImportBatchWriter(Workspace &workspace, const PiiRedactor &redactor,
                                     int chunkSize)
    : m_workspace(workspace), m_redactor(redactor), m_store(workspace),
      m_chunkSize(qMax(1, chunkSize))
{
}

ImportBatchWriter::~ImportBatchWriter()
{
    if (m_inTransaction)
        m_workspace.database().rollback();
}

qint64 ImportBatchWriter::recordUnreadable(Workspace &workspace, const QString &filePath,
                                           const QString &format, const QString &message)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("INSERT INTO import_batches(file_path, format, started_at, "
                             "finished_at, status, message) VALUES(?, ?, ?, ?, 'failed', ?)"));
    const qint64 now = nowMs();
    q.addBindValue(nonNull(filePath));
    q.addBindValue(nonNull(format));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(nonNull(message));
    return q.exec() ? q.lastInsertId().toLongLong() : -1;
}

bool ImportBatchWriter::failWith(const QString &message)
{
    m_error = message;
    return false;
}

bool ImportBatchWriter::begin(const QString &filePath, const QString &format)
{
    QSqlDatabase db = m_workspace.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO import_batches(file_path, format, started_at, status) "
                             "VALUES(?, ?, ?, 'running')"));
    q.addBindValue(nonNull(filePath));
    q.addBindValue(nonNull(format));
    q.addBindValue(nowMs());
    if (!q.exec())
        return failWith(q.lastError().text());
    m_batchId = q.lastInsertId().toLongLong();
    m_counts.file = m_committed.file = filePath;
    m_counts.format = m_committed.format = format;
    m_counts.batchId = m_committed.batchId = m_batchId;
    m_insertReject = QSqlQuery(db);
    m_updateCounts = QSqlQuery(db);
    if (!m_insertReject.prepare(QStringLiteral("INSERT INTO rejected_records(batch_id, record_no, "
                                               "reason, raw) VALUES(?, ?, ?, ?)")) ||
        !m_updateCounts.prepare(QStringLiteral(
            "UPDATE import_batches SET n_imported = ?, n_updated = ?, n_unchanged = ?, "
            "n_rejected = ?, n_redacted = ? WHERE id = ?")))
        return failWith(db.lastError().text());
    if (!beginWriteTransaction(db))
        return failWith(db.lastError().text());
    m_inTransaction = true;
    return true;
}

bool ImportBatchWriter::reject(const ParsedRecord &record, const QString &reason)
{
    QString raw = QString::fromUtf8(record.raw.left(kKeptRawBytes));
    // Rejected text is stored text too: a card number must not survive in it.
    m_counts.redacted += m_redactor.redact(raw);
    m_insertReject.bindValue(0, m_batchId);
    m_insertReject.bindValue(1, record.recordNo);
    m_insertReject.bindValue(2, nonNull(reason));
    m_insertReject.bindValue(3, nonNull(raw));
    if (!m_insertReject.exec())
        return failWith(QStringLiteral("storing a rejected record: %1")
                            .arg(m_insertReject.lastError().text()));
    ++m_counts.rejected;
    return true;
}

bool ImportBatchWriter::add(ParsedRecord &record)
{
    return store(record, nullptr, 0);
}

bool ImportBatchWriter::add(PreparedRecord &prepared)
{
    return store(prepared.record, prepared.row ? &*prepared.row : nullptr, prepared.redactions);
}

// \a row, when given, is the interaction's row with its turns already redacted
// (\a redactions items); otherwise the turns are redacted and the row built here.
bool ImportBatchWriter::store(ParsedRecord &record, const InteractionRow *row, int redactions)
{
    bool ok = true;
    if (!record.interaction) {
        ok = reject(record, record.error.isEmpty() ? QStringLiteral("unreadable record")
                                                   : record.error);
    } else {
        Interaction &in = *record.interaction;
        const quint64 key = idKey(in.externalId);
        if (const auto it = m_seenIds.constFind(key); it != m_seenIds.constEnd()) {
            QString reason = QStringLiteral("duplicate id '%1' in this file (first used by "
                                            "record %2); the first one was kept")
                                 .arg(in.externalId)
                                 .arg(*it);
            if (m_counts.format == QLatin1String("csv"))
                reason += QStringLiteral(" (with one row per turn, the rows of a conversation "
                                         "must be together: sort the file by conversation id)");
            ok = reject(record, reason);
        } else {
            m_seenIds.insert(key, record.recordNo);
            if (!row)
                for (Turn &t : in.turns)
                    redactions += m_redactor.redact(t.text);
            m_counts.redacted += redactions;
            const InteractionStore::Outcome outcome =
                row ? m_store.write(in, *row, m_batchId) : m_store.write(in, m_batchId);
            switch (outcome) {
            case InteractionStore::Outcome::Inserted:
                ++m_counts.imported;
                break;
            case InteractionStore::Outcome::Updated:
                ++m_counts.updated;
                break;
            case InteractionStore::Outcome::Unchanged:
                ++m_counts.unchanged;
                break;
            case InteractionStore::Outcome::Failed:
                ok = failWith(m_store.lastError());
                break;
            }
        }
    }
    if (!ok)
        return false;
    if (++m_inChunk >= m_chunkSize)
        return commitChunk();
    return true;
}

bool ImportBatchWriter::writeCounts(const FileImportResult &c)
{
    m_updateCounts.bindValue(0, c.imported);
    m_updateCounts.bindValue(1, c.updated);
    m_updateCounts.bindValue(2, c.unchanged);
    m_updateCounts.bindValue(3, c.rejected);
    m_updateCounts.bindValue(4, c.redacted);
    m_updateCounts.bindValue(5, m_batchId);
    if (!m_updateCounts.exec())
        return failWith(m_updateCounts.lastError().text());
    return true;
}

bool ImportBatchWriter::commitChunk()
{
    QSqlDatabase db = m_workspace.database();
    if (!m_store.flush())
        return failWith(m_store.lastError());
    if (!writeCounts(m_counts))
        return false;
    if (!db.commit())
        return failWith(QStringLiteral("commit failed: %1").arg(db.lastError().text()));
    m_inTransaction = false;
    m_committed = m_counts;
    m_inChunk = 0;
    m_committedFlag = true;
    if (!beginWriteTransaction(db))
        return failWith(db.lastError().text());
    m_inTransaction = true;
    return true;
}

bool ImportBatchWriter::chunkCommittedSinceLastCheck()
{
    const bool was = m_committedFlag;
    m_committedFlag = false;
    return was;
}

bool ImportBatchWriter::finish(const QString &status, const QString &message,
                               const QString &sha256)
{
    QSqlDatabase db = m_workspace.database();
    QString finalStatus = status;
    QString finalMessage = message;
    if (status == QLatin1String("failed")) {
        // What the failed chunk wrote may be half an interaction: drop it.
        if (m_inTransaction)
            db.rollback();
        m_inTransaction = false;
        m_counts = m_committed;
    } else if (m_inTransaction && (!m_store.flush() || !writeCounts(m_counts) || !db.commit())) {
        finalStatus = QStringLiteral("failed");
        finalMessage = m_error.isEmpty() ? db.lastError().text() : m_error;
        db.rollback();
        m_counts = m_committed;
    }
    m_inTransaction = false;
    m_committed = m_counts;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE import_batches SET finished_at = ?, status = ?, message = ?, "
                             "sha256 = ?, n_imported = ?, n_updated = ?, n_unchanged = ?, "
                             "n_rejected = ?, n_redacted = ? WHERE id = ?"));
    q.addBindValue(nowMs());
    q.addBindValue(finalStatus);
    q.addBindValue(nonNull(finalMessage));
    q.addBindValue(nonNull(sha256));
    q.addBindValue(m_committed.imported);
    q.addBindValue(m_committed.updated);
    q.addBindValue(m_committed.unchanged);
    q.addBindValue(m_committed.rejected);
    q.addBindValue(m_committed.redacted);
    q.addBindValue(m_batchId);
    m_committed.status = finalStatus;
    m_committed.message = finalMessage;
    if (!q.exec())
        return failWith(q.lastError().text());
    return finalStatus == status;
}

} // namespace qaw
