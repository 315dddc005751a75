#include "import/Importer.h"

#include "domain/Digest.h"
#include "import/ColumnMapping.h"
#include "import/CsvInteractionReader.h"
#include "import/ImportBatchWriter.h"
#include "import/ImportBatches.h"
#include "import/ImportSource.h"
#include "import/JsonlRecordReader.h"
#include "import/MappingProfiles.h"
#include "import/RecordPipeline.h"
#include "storage/BulkWriteMode.h"
#include "storage/Workspace.h"
#include "storage/WriterWait.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QThread>

namespace qaw {
namespace {

// Reads the records a vendor parser returned, as a stream like the others.
class VectorRecordReader : public RecordReader
{
public:
    VectorRecordReader(std::vector<ParsedRecord> records, qint64 fileSize)
        : m_records(std::move(records)), m_fileSize(fileSize)
    {
    }
    bool next(ParsedRecord &record) override
    {
        if (m_next >= m_records.size())
            return false;
        record = std::move(m_records[m_next++]);
        return true;
    }
    qint64 bytesRead() const override
    {
        return m_records.empty() ? m_fileSize
                                 : qint64(double(m_next) / double(m_records.size()) * double(m_fileSize));
    }

private:
    std::vector<ParsedRecord> m_records;
    size_t m_next = 0;
    qint64 m_fileSize;
};

// The JSON Lines reader owns no file; this one does.
class JsonlFileReader : public RecordReader
{
public:
    bool open(const QString &path, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = m_file.errorString();
            return false;
        }
        m_reader = std::make_unique<JsonlRecordReader>(&m_file);
        return true;
    }
    bool next(ParsedRecord &record) override { return m_reader->next(record); }
    qint64 bytesRead() const override { return m_reader->bytesRead(); }

private:
    QFile m_file;
    std::unique_ptr<JsonlRecordReader> m_reader;
};

// SHA-256 of a file, computed on a second thread while the import reads the same file
// (from the page cache), so that hashing adds no time on a two-core machine.
class FileHasher
{
public:
    explicit FileHasher(const QString &path)
    {
        m_thread.reset(QThread::create([this, path] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return;
            Digest hash(Digest::Algorithm::Sha256);
            QByteArray buffer(1 << 20, Qt::Uninitialized);
            for (;;) {
                if (m_stop.load())
                    return;
                const qint64 got = file.read(buffer.data(), buffer.size());
                if (got <= 0)
                    break;
                hash.addData(QByteArrayView(buffer.constData(), got));
            }
            m_hex = QString::fromLatin1(hash.resultHex());
        }));
        m_thread->start();
    }
    ~FileHasher() { stop(); }
    void stop()
    {
        m_stop.store(true);
        m_thread->wait();
    }
    QString result()
    {
        m_thread->wait();
        return m_hex;
    }

private:
    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_stop{false};
    QString m_hex;
};

QString lockPath(const Workspace &workspace)
{
    return workspace.path() + QStringLiteral(".import-lock");
}

// Another import into the same workspace (the GUI's, a scheduled one) goes first and this
// one waits, saying so, as writers wait for SQLite's lock. No time limit: the lock frees
// when its owner finishes, and QLockFile takes it over when the owner died. False on
// cancel, or when the lock file cannot be created at all.
bool lockForImport(QLockFile &lock, const std::atomic_bool *cancel)
{
    QElapsedTimer waited;
    waited.start();
    qint64 nextNoticeMs = writerWait::kNoticeAfterMs;
    while (!lock.tryLock(200)) {
        if (lock.error() != QLockFile::LockFailedError || (cancel && cancel->load()))
            return false;
        if (waited.elapsed() >= nextNoticeMs) {
            writerWait::report(waited.elapsed());
            nextNoticeMs = waited.elapsed() + writerWait::kNoticeEveryMs;
        }
    }
    return true;
}

} // namespace

struct Importer::Run
{
    Workspace &workspace;
    PiiRedactor redactor;
    ProgressCallback progress;
    const std::atomic_bool *cancel;
    ImportProgress state;
    QElapsedTimer timer;
    qint64 bytesBeforeFile = 0;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report()
    {
        state.elapsedMs = timer.elapsed();
        if (progress)
            progress(state);
    }
};

bool ImportResult::allRead() const
{
    for (const FileImportResult &f : files)
        if (f.status == QLatin1String("failed"))
            return false;
    return true;
}

qint64 ImportResult::total(qint64 FileImportResult::*field) const
{
    qint64 sum = 0;
    for (const FileImportResult &f : files)
        sum += f.*field;
    return sum;
}

Importer::Importer(ImportOptions options) : m_options(std::move(options)) {}

Importer::~Importer() = default;

int recoverInterruptedImports(Workspace &workspace)
{
    QLockFile lock(lockPath(workspace));
    lock.setStaleLockTime(0); // only a dead owner makes the lock stale, not its age
    if (!lock.tryLock(0))
        return 0;
    return markInterruptedBatches(workspace);
}

bool Importer::vendorRecords(const QString &file, const SourceFormat &format,
                             std::vector<ParsedRecord> *records, QString *error)
{
    auto readWhole = [error](const QString &path, VendorFile *out) {
        QFile f(path);
        if (f.size() > kMaxVendorFileBytes) {
            *error = QStringLiteral("%1 is larger than %2 MiB, too large for a single %3 document")
                         .arg(path)
                         .arg(kMaxVendorFileBytes >> 20);
            return false;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            *error = f.errorString();
            return false;
        }
        // The whole path: vendor parsers take ids and times from the name and fall back
        // to the file's modification time for a start time (docs/import-formats.md).
        *out = VendorFile{path, f.readAll(), {}};
        return true;
    };
    if (format.vendor != VendorFormat::Zendesk) {
        VendorFile vf;
        if (!readWhole(file, &vf))
            return false;
        *records = parseVendorFiles(format.vendor, {vf});
        return true;
    }
    // Zendesk tickets, audits and ratings come in separate files and are joined by ticket
    // id: parse every Zendesk file of this run together once, then hand each file its own.
    if (m_groupedVendorRecords.empty()) {
        std::vector<VendorFile> all;
        QStringList paths;
        for (const QString &path : std::as_const(m_files)) {
            QString ignored;
            const std::optional<SourceFormat> f =
                m_options.format == QLatin1String("auto") ? detectSourceFormat(path, &ignored)
                                                          : sourceFormatFromName(m_options.format);
            if (!f || f->kind != SourceFormat::Kind::Vendor || f->vendor != VendorFormat::Zendesk)
                continue;
            VendorFile vf;
            if (!readWhole(path, &vf))
                return false;
            all.push_back(std::move(vf));
            paths << path;
        }
        for (ParsedRecord &r : parseVendorFiles(VendorFormat::Zendesk, all)) {
            qsizetype owner = 0;
            for (qsizetype i = 0; i < paths.size(); ++i)
                if (paths.at(i) == r.fileName)
                    owner = i;
            m_groupedVendorRecords[paths.value(owner)].push_back(std::move(r));
        }
        m_groupedVendorRecords[QString()]; // parsed, even when nothing came out
    }
    *records = std::move(m_groupedVendorRecords[file]);
    return true;
}

std::unique_ptr<RecordReader> Importer::openReader(Run &run, const QString &file,
                                                   const SourceFormat &format, QString *error)
{
    switch (format.kind) {
    case SourceFormat::Kind::Jsonl: {
        auto reader = std::make_unique<JsonlFileReader>();
        if (!reader->open(file, error))
            return nullptr;
        return reader;
    }
    case SourceFormat::Kind::Csv: {
        auto reader = std::make_unique<CsvInteractionReader>();
        if (!reader->open(file, error))
            return nullptr;
        ColumnMapping mapping = ColumnMapping::guess(reader->header());
        if (!m_options.mappingProfile.isEmpty()) {
            const std::optional<ColumnMapping> saved =
                loadMappingProfile(run.workspace, m_options.mappingProfile, error);
            if (!saved)
                return nullptr;
            mapping = *saved;
        } else if (!m_options.mappingJson.isEmpty()) {
            const std::optional<ColumnMapping> given = ColumnMapping::fromJson(
                QJsonDocument::fromJson(m_options.mappingJson.toUtf8()).object(), error);
            if (!given)
                return nullptr;
            mapping = *given;
        }
        const QStringList problems = mapping.problems(reader->header());
        if (!problems.isEmpty()) {
            *error = QStringLiteral("the CSV columns cannot be mapped: %1 (header: %2). Correct "
                                    "the mapping and save it as a profile (--map, --save-mapping, "
                                    "--mapping)")
                         .arg(problems.join(QStringLiteral("; ")),
                              reader->header().join(QStringLiteral(", ")));
            return nullptr;
        }
        reader->setMapping(mapping);
        return reader;
    }
    case SourceFormat::Kind::Vendor: {
        std::vector<ParsedRecord> records;
        if (!vendorRecords(file, format, &records, error))
            return nullptr;
        return std::make_unique<VectorRecordReader>(std::move(records), QFileInfo(file).size());
    }
    }
    return nullptr;
}

FileImportResult Importer::importFile(Run &run, const QString &file)
{
    FileImportResult failed;
    failed.file = QFileInfo(file).absoluteFilePath();
    failed.status = QStringLiteral("failed");
    auto fail = [&](const QString &format, const QString &message) {
        failed.format = format;
        failed.message = message;
        failed.batchId =
            ImportBatchWriter::recordUnreadable(run.workspace, failed.file, format, message);
        return failed;
    };
    QString error;
    if (!checkReadable(file, &error))
        return fail(QString(), error);
    std::optional<SourceFormat> format = m_options.format == QLatin1String("auto")
                                             ? detectSourceFormat(file, &error)
                                             : sourceFormatFromName(m_options.format);
    if (!format)
        return fail(QString(), error.isEmpty() ? QStringLiteral("unknown format '%1'")
                                                     .arg(m_options.format)
                                               : error);
    FileHasher hasher(file);
    std::unique_ptr<RecordReader> reader = openReader(run, file, *format, &error);
    if (!reader)
        return fail(format->name(), QStringLiteral("%1: %2").arg(file, error));

    // Declared before the writer, so that the usual settings return after its last commit.
    const BulkWriteMode bulkWriteMode(run.workspace.database());
    ImportBatchWriter writer(run.workspace, run.redactor, m_options.chunkSize);
    if (!writer.begin(failed.file, format->name()))
        return fail(format->name(), writer.error());
    // Reading runs on a second thread, ahead of the writes by at most a bounded queue.
    RecordPipeline pipeline(*reader, m_options.redact);
    PreparedRecord item;
    QString status = QStringLiteral("done");
    QString message;
    while (true) {
        if (run.cancelled()) {
            status = QStringLiteral("cancelled");
            message = QStringLiteral("cancelled by the user after record %1")
                          .arg(item.record.recordNo);
            break;
        }
        if (!pipeline.next(item))
            break;
        ++run.state.records;
        if (!writer.add(item)) {
            status = QStringLiteral("failed");
            message = QStringLiteral("stopped at record %1: %2")
                          .arg(item.record.recordNo)
                          .arg(writer.error());
            break;
        }
        if (writer.chunkCommittedSinceLastCheck()) {
            run.state.bytesDone = run.bytesBeforeFile + item.bytesRead;
            run.report();
        }
    }
    pipeline.stop();
    if (status != QLatin1String("done"))
        hasher.stop();
    writer.finish(status, message, status == QLatin1String("done") ? hasher.result() : QString());
    FileImportResult result = writer.result();
    result.bytes = QFileInfo(file).size();
    return result;
}

ImportResult Importer::run(const QStringList &files, Workspace &workspace,
                           const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    ImportResult result;
    m_files = files;
    m_groupedVendorRecords.clear();
    Run run{workspace, PiiRedactor(m_options.redact), progress, cancel, {}, {}, 0};
    run.timer.start();
    run.state.fileCount = int(files.size());
    for (const QString &f : files)
        run.state.bytesTotal += QFileInfo(f).isFile() ? QFileInfo(f).size() : 0;

    // One import at a time per workspace; holding the lock also proves that any batch
    // still marked running belongs to a process that is gone.
    QLockFile lock(lockPath(workspace));
    lock.setStaleLockTime(0);
    if (!lockForImport(lock, cancel)) {
        for (const QString &f : files) {
            FileImportResult r;
            r.file = f;
            r.status = QStringLiteral("failed");
            r.message = lock.error() == QLockFile::LockFailedError
                            ? QStringLiteral("another import into %1 is running (lock %2)")
                                  .arg(workspace.path(), lockPath(workspace))
                            : QStringLiteral("cannot create the lock file %1 next to the "
                                             "workspace (is its folder writable?)")
                                  .arg(lockPath(workspace));
            result.files.push_back(r);
        }
        return result;
    }
    markInterruptedBatches(workspace);

    for (const QString &file : files) {
        if (run.cancelled()) {
            result.cancelled = true;
            break;
        }
        run.state.currentFile = file;
        ++run.state.fileIndex;
        run.report();
        result.files.push_back(importFile(run, file));
        run.bytesBeforeFile += QFileInfo(file).isFile() ? QFileInfo(file).size() : 0;
        run.state.bytesDone = run.bytesBeforeFile;
        run.report();
        if (result.files.back().status == QLatin1String("cancelled"))
            result.cancelled = true;
    }
    return result;
}

} // namespace qaw
