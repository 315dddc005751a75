#pragma once

#include "domain/Evaluation.h"

#include <QHash>
#include <QString>

#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace qaw {

class Workspace;

//! Writes many evaluations at once, for the scoring engine: what EvaluationStore::save()
//! writes (automated scores packed, human ones as rows, the summary updates), through
//! SQLite's own prepared statements on the workspace's connection. Qt's binding layer
//! costs several microseconds per value, which at a million criterion scores is most of
//! the scoring time; the SQLite API costs a fraction of that. Many rows go in one
//! statement (each step opens cursors on the table, its indexes and triggers and seeks
//! from the root), and a rationale is written once per distinct text (rationale_texts),
//! the scores naming it by id. Runs inside the caller's write transaction, on the
//! connection's thread.
class EvaluationBatchWriter
{
public:
    explicit EvaluationBatchWriter(Workspace &workspace);
    ~EvaluationBatchWriter();
    EvaluationBatchWriter(const EvaluationBatchWriter &) = delete;
    EvaluationBatchWriter &operator=(const EvaluationBatchWriter &) = delete;

    //! Inserts the evaluations (automated ones refresh their interaction's summary
    //! columns and clear needs_scoring; human ones set has_human). Returns false with
    //! lastError() set. Evaluation ids follow the largest in the table (what SQLite would
    //! choose), so the caller's transaction must be a write one (BEGIN IMMEDIATE). A caller
    //! that rolls back after a successful write() must not use this writer again: it would
    //! keep the ids of rationale texts added in the rolled-back transaction.
    bool write(const std::vector<Evaluation> &evaluations, qint64 createdAtMs);

    QString lastError() const { return m_error; }

private:
    //! A criterion score waiting for the next multi-row INSERT.
    struct PendingScore
    {
        qint64 evaluationId;
        int ordinal;
        qint64 rationaleId;
        const CriterionResult *result;
    };

    //! UTF-8 of a text, known by the address and length of its characters.
    struct CachedText
    {
        const QChar *chars;
        qsizetype size;
        std::string utf8;
    };
    using TextCache = std::vector<CachedText>;
    static const std::string &cachedUtf8(const QString &text, TextCache *cache,
                                         std::string *buffer);

    bool prepare();
    bool writeAll(const std::vector<Evaluation> &evaluations, qint64 createdAtMs);
    //! The id of \a text in rationale_texts, added when new; -1 on an error.
    qint64 rationaleId(const QString &text);
    bool step(sqlite3_stmt *statement, const char *what);
    //! The statement \a head + \a rows times \a row (comma-separated) + \a tail, prepared
    //! once and kept in \a cache by its number of rows.
    sqlite3_stmt *statement(std::vector<sqlite3_stmt *> *cache, size_t rows, const char *head,
                            const char *row, const char *tail);
    //! The positions of \a scores in the order of the table's key (criterion id): rows
    //! inserted in key order each land at the end of the B-tree.
    const std::vector<size_t> &keyOrder(const std::vector<CriterionResult> &scores);
    bool insertEvaluations(const Evaluation *evaluations, size_t count, qint64 firstId,
                           qint64 createdAtMs);
    //! Packs the scores of the automated ones among \a evaluations into m_packed.
    bool packScores(const Evaluation *evaluations, size_t count);
    bool flushScores();
    bool updateSummaries(const std::vector<const Evaluation *> &newest,
                         const std::vector<qint64> &ids);

    Workspace &m_workspace;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_maxEvaluationId = nullptr;
    sqlite3_stmt *m_updateHuman = nullptr;
    sqlite3_stmt *m_findRationale = nullptr;
    sqlite3_stmt *m_addRationale = nullptr;
    //! Texts known to be in rationale_texts (committed or in the caller's transaction);
    //! forgotten when a write fails, since the caller then rolls back.
    QHash<QString, qint64> m_rationaleIds;
    // Multi-row statements, by the number of rows they write.
    std::vector<sqlite3_stmt *> m_insertEvaluations;
    std::vector<sqlite3_stmt *> m_insertScores;
    std::vector<sqlite3_stmt *> m_updateSummaries;
    std::vector<PendingScore> m_pendingScores;
    std::vector<std::string> m_text;      //!< UTF-8 of the evaluators' names, one per row
    std::vector<std::string> m_scoreText; //!< the same for the scores' texts (3 per score)
    std::vector<std::string> m_packed;    //!< automated evaluations' packed scores, one per row
    std::string m_idBuffer;               //!< a criterion id beyond the cache, while packed
    TextCache m_criterionIds;             //!< the UTF-8 of the criterion ids, for one write()
    std::vector<size_t> m_keyOrder;       //!< keyOrder()'s last answer
    std::vector<const QChar *> m_keyOrderIds; //!< the criterion ids it was worked out for
    QString m_error;
};

} // namespace qaw
