#pragma once

#include "import/ImportTypes.h"

#include <QByteArray>
#include <QString>

#include <vector>

class QIODevice;

namespace qaw {

class Workspace;

//! One row of import_batches: one file imported once.
struct ImportBatch
{
    qint64 id = -1;
    QString filePath;
    QString sha256;
    QString format;
    qint64 startedAt = 0;
    qint64 finishedAt = -1;
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 rejected = 0;
    qint64 redacted = 0;
    QString status;
    QString message;
};

//! One row of rejected_records: a record kept aside with its reason and raw text.
struct RejectedRecord
{
    qint64 id = -1;
    qint64 batchId = -1;
    QString filePath;
    qint64 recordNo = 0;
    QString reason;
    QString raw;
};

//! Newest first; the import history.
std::vector<ImportBatch> listImportBatches(Workspace &workspace);

//! Rejects of one batch (or of all batches when \a batchId < 0), in record order.
std::vector<RejectedRecord> listRejects(Workspace &workspace, qint64 batchId = -1,
                                        int limit = 1000, int offset = 0);
qint64 countRejects(Workspace &workspace, qint64 batchId = -1);

//! Writes rejects as RFC 4180 CSV (batch, file, record, reason, raw) through CsvWriter,
//! streaming from the database; every write is checked. Returns the number of rows written, or -1 with \a error.
qint64 exportRejectsCsv(Workspace &workspace, qint64 batchId, QIODevice *out, QString *error);

//! Marks batches left 'running' by a process that stopped (crash, kill, power cut) as
//! failed with message "interrupted ...". Their committed chunks stay; importing the
//! same file again completes them. Only call while holding the workspace's import lock
//! (ImportLock), so that a running import in another process is never touched.
int markInterruptedBatches(Workspace &workspace);

} // namespace qaw
