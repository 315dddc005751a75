#pragma once

#include "import/ImportTypes.h"
#include "import/ParsedRecord.h"
#include "import/RecordPipeline.h"
#include "storage/InteractionStore.h"

#include <QHash>
#include <QSqlQuery>

namespace qaw {

class Workspace;

//! Writes the records of one file as one import batch: the batch row, interactions
//! (through InteractionStore), rejected records, and the counts, in transactions of
//! chunkSize records. Counts in import_batches always match what is committed.
class ImportBatchWriter
{
public:
    ImportBatchWriter(Workspace &workspace, const PiiRedactor &redactor, int chunkSize);
    ~ImportBatchWriter();

    //! Creates the batch row (status running) and opens the first transaction.
    bool begin(const QString &filePath, const QString &format);

    //! Stores one record: an interaction (unless its id was already seen in this file),
    //! or a rejected record. Commits when the chunk is full. False on a database error.
    bool add(ParsedRecord &record);
    //! The same for a record RecordPipeline has already redacted and made ready.
    bool add(PreparedRecord &prepared);

    //! Commits what is pending and opens the next transaction.
    bool commitChunk();
    bool chunkCommittedSinceLastCheck();

    //! Commits what is pending and closes the batch with its status; a failed batch
    //! keeps the chunks committed before the failure.
    bool finish(const QString &status, const QString &message, const QString &sha256);

    //! Records a file that could not be read at all as a failed batch.
    static qint64 recordUnreadable(Workspace &workspace, const QString &filePath,
                                   const QString &format, const QString &message);

    FileImportResult result() const { return m_committed; }
    qint64 batchId() const { return m_batchId; }
    QString error() const { return m_error; }

private:
    bool reject(const ParsedRecord &record, const QString &reason);
    bool store(ParsedRecord &record, const InteractionRow *row, int redactions);
    bool writeCounts(const FileImportResult &counts);
    bool failWith(const QString &message);

    Workspace &m_workspace;
    const PiiRedactor &m_redactor;
    InteractionStore m_store;
    int m_chunkSize;
    qint64 m_batchId = -1;
    bool m_inTransaction = false;
    bool m_committedFlag = false;
    int m_inChunk = 0;
    FileImportResult m_counts;    //!< including the open chunk
    FileImportResult m_committed; //!< as committed
    QHash<quint64, qint64> m_seenIds; //!< hash of an id -> record number of its first use
    QSqlQuery m_insertReject;
    QSqlQuery m_updateCounts;
    QString m_error;
};

} // namespace qaw
