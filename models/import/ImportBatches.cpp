#include "import/ImportBatches.h"

#include "io/CsvWriter.h"
#include "storage/Workspace.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

std::vector<ImportBatch> listImportBatches(Workspace &workspace)
{
    std::vector<ImportBatch> out;
    QSqlQuery q(workspace.database());
    if (!q.exec(QStringLiteral("SELECT id, file_path, sha256, format, started_at, finished_at, "
                               "n_imported, n_updated, n_unchanged, n_rejected, n_redacted, "
                               "status, message FROM import_batches ORDER BY id DESC")))
        return out;
    while (q.next()) {
        ImportBatch b;
        b.id = q.value(0).toLongLong();
        b.filePath = q.value(1).toString();
        b.sha256 = q.value(2).toString();
        b.format = q.value(3).toString();
        b.startedAt = q.value(4).toLongLong();
        b.finishedAt = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        b.imported = q.value(6).toLongLong();
        b.updated = q.value(7).toLongLong();
        b.unchanged = q.value(8).toLongLong();
        b.rejected = q.value(9).toLongLong();
        b.redacted = q.value(10).toLongLong();
        b.status = q.value(11).toString();
        b.message = q.value(12).toString();
        out.push_back(b);
    }
    return out;
}

std::vector<RejectedRecord> listRejects(Workspace &workspace, qint64 batchId, int limit, int offset)
{
    std::vector<RejectedRecord> out;
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("SELECT r.id, r.batch_id, b.file_path, r.record_no, r.reason, r.raw "
                             "FROM rejected_records r JOIN import_batches b ON b.id = r.batch_id "
                             "WHERE ? < 0 OR r.batch_id = ? ORDER BY r.batch_id, r.record_no "
                             "LIMIT ? OFFSET ?"));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return out;
    while (q.next())
        out.push_back(RejectedRecord{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                     q.value(2).toString(), q.value(3).toLongLong(),
                                     q.value(4).toString(), q.value(5).toString()});
    return out;
}

qint64 countRejects(Workspace &workspace, qint64 batchId)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM rejected_records WHERE ? < 0 OR batch_id = ?"));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    return (q.exec() && q.next()) ? q.value(0).toLongLong() : 0;
}

qint64 exportRejectsCsv(Workspace &workspace, qint64 batchId, QIODevice *out, QString *error)
{
    QSqlQuery q(workspace.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT r.batch_id, b.file_path, r.record_no, r.reason, r.raw "
                             "FROM rejected_records r JOIN import_batches b ON b.id = r.batch_id "
                             "WHERE ? < 0 OR r.batch_id = ? ORDER BY r.batch_id, r.record_no"));
    q.addBindValue(batchId);
    q.addBindValue(batchId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    // CRLF line ends as RFC 4180 says; the raw text is whatever the import refused, so
    // CsvWriter's neutralising matters most here.
    CsvWriter csv(*out, QLatin1String("\r\n"));
    qint64 rows = 0;
    if (!csv.writeRow({QStringLiteral("batch"), QStringLiteral("file"), QStringLiteral("record"),
                       QStringLiteral("reason"), QStringLiteral("raw")})) {
        *error = csv.errorString();
        return -1;
    }
    while (q.next()) {
        if (!csv.writeRow({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(), q.value(4).toString()})) {
            *error = csv.errorString();
            return -1;
        }
        ++rows;
    }
    return rows;
}

int markInterruptedBatches(Workspace &workspace)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral(
        "UPDATE import_batches SET status = 'failed', finished_at = ?, message = "
        "'interrupted: the import stopped before finishing (process killed or crashed); its "
        "committed records are kept; import the file again to complete it' "
        "WHERE status = 'running'"));
    q.addBindValue(nowMs());
    return q.exec() ? q.numRowsAffected() : 0;
}

} // namespace qaw
