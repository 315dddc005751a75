#include "scoring/ScoringEngine.h"

#include "scoring/ScorecardScorer.h"
#include "storage/BulkWriteMode.h"
#include "storage/EvaluationBatchWriter.h"
#include "storage/InteractionBatchReader.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"
#include "storage/WriterWait.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace qaw {
namespace {

// Interactions per pool task: big enough to amortise the task, small enough to balance.
constexpr size_t kSlice = 64;
// Chunks read ahead of the scorer; bounds memory whatever the workspace size.
constexpr size_t kReadAhead = 2;

using Chunk = std::vector<StoredInteraction>;

//! Chunks from the reader thread to the scoring loop.
class ChunkQueue
{
public:
    //! False when the queue was closed: the reader should stop.
    bool push(std::unique_ptr<Chunk> chunk)
    {
        QMutexLocker lock(&m_mutex);
        while (m_chunks.size() >= kReadAhead && !m_closed)
            m_changed.wait(&m_mutex);
        if (m_closed)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_changed.wakeAll();
        return true;
    }
    //! The next chunk, or null when the reader is done (or the queue was closed).
    std::unique_ptr<Chunk> pop()
    {
        QMutexLocker lock(&m_mutex);
        while (m_chunks.empty() && !m_finished && !m_closed)
            m_changed.wait(&m_mutex);
        if (m_chunks.empty() || m_closed)
            return nullptr;
        auto chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_changed.wakeAll();
        return chunk;
    }
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_changed.wakeAll();
    }
    void close()
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_changed.wakeAll();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<std::unique_ptr<Chunk>> m_chunks;
    bool m_finished = false;
    bool m_closed = false;
};

//! One chunk being scored on the pool: results land at their input's index, so the
//! order (and so every id written) does not depend on which thread finished first.
struct ScoringJob
{
    std::unique_ptr<Chunk> owned; //!< the chunk, when the job owns it
    const Chunk *input = nullptr;
    std::vector<Evaluation> output;
    QSemaphore done;
    int slices = 0;

    void start(QThreadPool &pool, const ScorecardScorer &scorer)
    {
        const size_t n = input->size();
        output.resize(n);
        slices = int((n + kSlice - 1) / kSlice);
        for (size_t begin = 0; begin < n; begin += kSlice) {
            const size_t end = std::min(n, begin + kSlice);
            pool.start([this, &scorer, begin, end] {
                for (size_t i = begin; i < end; ++i)
                    output[i] = scorer.score((*input)[i]);
                done.release();
            });
        }
    }
    void wait() { done.acquire(slices); }
};

// One chunk's evaluations in one write transaction, queued behind any other writer.
bool writeChunk(QSqlDatabase &db, EvaluationBatchWriter &writer,
                const std::vector<Evaluation> &evaluations, QString *error)
{
    if (!beginWriteTransaction(db)) {
        *error = QStringLiteral("another writer kept the workspace locked for %1 s")
                     .arg(writerWait::limitMs() / 1000);
        return false;
    }
    if (writer.write(evaluations, nowMs()) && db.commit())
        return true;
    *error = writer.lastError().isEmpty() ? db.lastError().text() : writer.lastError();
    db.rollback();
    return false;
}

} // namespace

ScoringEngine::ScoringEngine(Workspace &workspace) : m_workspace(workspace) {}

std::vector<Evaluation> ScoringEngine::scoreAll(const ScorecardScorer &scorer,
                                                const std::vector<StoredInteraction> &interactions,
                                                int threads)
{
    QThreadPool pool;
    pool.setMaxThreadCount(threads > 0 ? threads : QThread::idealThreadCount());
    ScoringJob job;
    job.input = &interactions;
    job.start(pool, scorer);
    job.wait();
    return std::move(job.output);
}

std::optional<ScoringSummary> ScoringEngine::run(const ScoringOptions &options, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    m_cancel.store(false);
    const auto stored = ScorecardRepository(m_workspace).active(options.scorecardKey);
    if (!stored) {
        *error = options.scorecardKey.isEmpty()
                     ? QStringLiteral("the workspace has no active scorecard")
                     : QStringLiteral("no active scorecard with key \"%1\"")
                           .arg(options.scorecardKey);
        return std::nullopt;
    }
    QStringList problems;
    const auto scorer = ScorecardScorer::compile(stored->scorecard, &problems);
    if (!scorer) {
        *error = QStringLiteral("scorecard \"%1\" version %2 cannot be used: %3")
                     .arg(stored->scorecard.name)
                     .arg(stored->version)
                     .arg(problems.join(QStringLiteral("; ")));
        return std::nullopt;
    }

    ScoringSummary summary;
    summary.scorecardName = stored->scorecard.name;
    summary.scorecardVersionId = stored->versionId;
    summary.scorecardVersion = stored->version;
    const std::vector<qint64> ids = InteractionBatchReader(m_workspace).idsToScore(options.all);
    summary.candidates = qint64(ids.size());
    if (m_progress)
        m_progress(0, summary.candidates);

    const size_t chunkSize = size_t(std::max(1, options.chunkSize));
    ChunkQueue queue;
    QString readError;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        std::unique_ptr<Workspace> connection = m_workspace.openAnotherConnection();
        if (!connection || !connection->isOpen()) {
            readError = QStringLiteral("cannot open a reading connection");
            queue.finish();
            return;
        }
        InteractionBatchReader batchReader(*connection);
        for (size_t begin = 0; begin < ids.size() && !m_cancel.load(); begin += chunkSize) {
            const std::vector<qint64> slice(ids.begin() + qsizetype(begin),
                                            ids.begin() + qsizetype(std::min(ids.size(),
                                                                             begin + chunkSize)));
            if (!queue.push(std::make_unique<Chunk>(batchReader.load(slice))))
                break;
        }
        queue.finish();
    }));
    reader->start();

    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    QSqlDatabase db = m_workspace.database();
    const BulkWriteMode bulkWriteMode(db);
    EvaluationBatchWriter writer(m_workspace);
    std::deque<std::unique_ptr<ScoringJob>> inflight;
    double totalSum = 0;
    qint64 withTotal = 0;
    bool failed = false;
    bool readerDone = false;
    while (!failed) {
        if (!readerDone && !m_cancel.load()) {
            if (auto chunk = queue.pop()) {
                auto job = std::make_unique<ScoringJob>();
                job->owned = std::move(chunk);
                job->input = job->owned.get();
                job->start(pool, *scorer);
                inflight.push_back(std::move(job));
            } else {
                readerDone = true;
            }
        }
        const bool draining = readerDone || m_cancel.load();
        if (inflight.empty() && draining)
            break;
        if (inflight.size() < 2 && !draining)
            continue; // keep one chunk scoring while the previous one is written
        std::unique_ptr<ScoringJob> job = std::move(inflight.front());
        inflight.pop_front();
        job->wait();
        if (m_cancel.load())
            continue; // finish the running tasks, write nothing more
        for (Evaluation &e : job->output)
            e.scorecardVersionId = stored->versionId;
        if (!writeChunk(db, writer, job->output, error)) {
            failed = true;
            break;
        }
        for (const Evaluation &e : job->output) {
            ++summary.scored;
            summary.passed += e.passed ? 1 : 0;
            summary.autoFailed += e.autoFailed ? 1 : 0;
            if (e.total) {
                totalSum += *e.total;
                ++withTotal;
            }
        }
        if (m_progress)
            m_progress(summary.scored, summary.candidates);
    }
    // Stop the reader (it may be waiting to push) and let running tasks finish before
    // the jobs they write into go away.
    queue.close();
    for (auto &job : inflight)
        job->wait();
    reader->wait();
    if (failed)
        return std::nullopt;
    if (!readError.isEmpty()) {
        *error = readError;
        return std::nullopt;
    }
    summary.cancelled = m_cancel.load() && summary.scored < summary.candidates;
    summary.meanTotal = withTotal ? totalSum / double(withTotal) : 0;
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace qaw
