#pragma once

#include "domain/Evaluation.h"

#include <QString>

#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace qaw {

class Workspace;

//! Writes many evaluations at once, for the scoring engine: the same rows and summary
//! updates as EvaluationStore::save(), through SQLite's own prepared statements on the
//! workspace's connection. Qt's binding layer costs several microseconds per value,
//! which at a million criterion scores is most of the scoring time; the SQLite API costs
//! a fraction of that. Runs inside the caller's transaction, on the connection's thread.
class EvaluationBatchWriter
{
public:
    explicit EvaluationBatchWriter(Workspace &workspace);
    ~EvaluationBatchWriter();
    EvaluationBatchWriter(const EvaluationBatchWriter &) = delete;
    EvaluationBatchWriter &operator=(const EvaluationBatchWriter &) = delete;

    //! Inserts the evaluations (automated ones refresh their interaction's summary
    //! columns and clear needs_scoring; human ones set has_human). Returns false with
    //! lastError() set.
    bool write(const std::vector<Evaluation> &evaluations, qint64 createdAtMs);

    QString lastError() const { return m_error; }

private:
    bool prepare();
    bool step(sqlite3_stmt *statement, const char *what);
    sqlite3_stmt *scoreStatement(size_t rows);
    bool writeScores(qint64 evaluationId, const std::vector<CriterionResult> &scores);

    Workspace &m_workspace;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertEvaluation = nullptr;
    std::vector<sqlite3_stmt *> m_insertScores; //!< by the number of rows they insert
    sqlite3_stmt *m_updateSummary = nullptr;
    sqlite3_stmt *m_updateHuman = nullptr;
    std::string m_text[2];               //!< UTF-8 of an evaluation's text parameters
    std::vector<std::string> m_scoreText; //!< the same for its scores (4 per score)
    QString m_error;
};

} // namespace qaw
