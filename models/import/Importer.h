#pragma once

#include "import/ImportTypes.h"
#include "import/ParsedRecord.h"

#include <QStringList>

#include <atomic>
#include <map>
#include <memory>

namespace qaw {

class Workspace;
class RecordReader;
struct SourceFormat;

//! Imports files into a workspace: detects each file's format, streams its records,
//! redacts personal data, and writes through InteractionStore in chunks of
//! ImportOptions::chunkSize records, each chunk one transaction that also holds the
//! chunk's rejected records and the batch's running counts. So a crash at any moment
//! leaves whole chunks, and importing the same file again completes the work (records
//! already stored come back "unchanged").
//!
//! Meant to run on a worker thread with its own Workspace connection
//! (Workspace::openAnotherConnection()); progress is reported on that thread, and
//! \a cancel is read between records.
class Importer
{
public:
    explicit Importer(ImportOptions options = {});
    ~Importer();

    ImportResult run(const QStringList &files, Workspace &workspace,
                     const ProgressCallback &progress = {},
                     const std::atomic_bool *cancel = nullptr);

private:
    struct Run;
    FileImportResult importFile(Run &run, const QString &file);
    std::unique_ptr<RecordReader> openReader(Run &run, const QString &file,
                                             const SourceFormat &format, QString *error);
    bool vendorRecords(Run &run, const QString &file, const SourceFormat &format,
                       std::vector<ParsedRecord> *records, QString *error);

    ImportOptions m_options;
    std::map<QString, std::vector<ParsedRecord>> m_groupedVendorRecords;
    QStringList m_files;
};

//! Marks imports left running by a stopped process as failed ("interrupted"), when no
//! other process is importing into the workspace. Callers may run it when a workspace
//! is opened; Importer::run() does it first anyway. Returns the number marked.
int recoverInterruptedImports(Workspace &workspace);

} // namespace qaw
