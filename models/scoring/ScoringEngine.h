#pragma once

#include "domain/Evaluation.h"
#include "storage/WorkspaceQueries.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace qaw {

class ScorecardScorer;
class Workspace;

struct ScoringOptions
{
    QString scorecardKey; //!< empty: the workspace's (first) active scorecard
    bool all = false;     //!< rescore everything, not only new or changed interactions
    int threads = 0;      //!< scoring threads; 0: one per core
    //! Interactions read, scored and committed together: bigger transactions write the
    //! interactions indexes' pages to the WAL fewer times (2,000 cost a fifth more CPU than
    //! 10,000 on 100,000 interactions); 5,000 keeps about 100 MB in flight.
    int chunkSize = 5000;
};

struct ScoringSummary
{
    QString scorecardName;
    qint64 scorecardVersionId = -1;
    int scorecardVersion = 0;
    qint64 candidates = 0; //!< interactions that were due
    qint64 scored = 0;     //!< committed
    qint64 passed = 0;
    qint64 autoFailed = 0;
    double meanTotal = 0;  //!< over the scored interactions that have a total
    bool cancelled = false;
    qint64 elapsedMs = 0;
};

//! Scores a workspace's interactions under its active scorecard version: one reader
//! thread with its own connection reads chunks, a QThreadPool scores them (pure
//! functions), and the calling thread writes each chunk in one transaction, in order.
//! The result does not depend on the thread count. Cancel from any thread; what was
//! committed stays, whole. Every run adds evaluations (older ones are kept as history)
//! and points each interaction's summary at its newest automated evaluation.
class ScoringEngine
{
public:
    explicit ScoringEngine(Workspace &workspace);

    //! Called on the calling thread after each committed chunk.
    void setProgress(std::function<void(qint64 done, qint64 total)> progress)
    {
        m_progress = std::move(progress);
    }
    void cancel() { m_cancel.store(true); }

    std::optional<ScoringSummary> run(const ScoringOptions &options, QString *error);

    //! Scores interactions in memory with \a threads threads (for previews, tests and
    //! benchmarks); the result is in input order.
    static std::vector<Evaluation> scoreAll(const ScorecardScorer &scorer,
                                            const std::vector<StoredInteraction> &interactions,
                                            int threads);

private:
    Workspace &m_workspace;
    std::function<void(qint64, qint64)> m_progress;
    std::atomic<bool> m_cancel{false};
};

} // namespace qaw
