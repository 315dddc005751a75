#pragma once

#include "import/PiiRedactor.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace qaw {

//! What the importer should do with the files it is given.
struct ImportOptions
{
    QString format = QStringLiteral("auto"); //!< auto, jsonl, csv, or a vendor format name
    QString mappingProfile;  //!< CSV: a saved profile name; empty = guess from the header
    QString mappingJson;     //!< CSV: a mapping given directly (ColumnMapping::toJson)
    RedactionKinds redact = RedactionKind::Cards | RedactionKind::Ssn;
    int chunkSize = 2000;    //!< records per committed transaction
};

//! Where an import stands, for a progress bar: records read so far across all files,
//! bytes read and the total bytes of all files (rate and ETA follow from these).
struct ImportProgress
{
    QString currentFile;
    int fileIndex = 0;
    int fileCount = 0;
    qint64 records = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 elapsedMs = 0;
};

//! Called on the importing thread, at least once per committed chunk.
using ProgressCallback = std::function<void(const ImportProgress &)>;

//! The outcome of one file: one row of import_batches.
struct FileImportResult
{
    QString file;
    QString format;
    qint64 batchId = -1;    //!< -1 when the file could not be read at all
    QString status;         //!< done, cancelled, failed
    QString message;        //!< why it failed (empty when done)
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 rejected = 0;
    qint64 redacted = 0;    //!< number of personal-data items replaced by a token
    qint64 bytes = 0;
};

struct ImportResult
{
    std::vector<FileImportResult> files;
    bool cancelled = false;

    bool allRead() const; //!< every file was processed (rejects allowed)
    qint64 total(qint64 FileImportResult::*field) const;
};

} // namespace qaw
