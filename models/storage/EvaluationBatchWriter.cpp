#include "storage/EvaluationBatchWriter.h"

#include "storage/EvidenceEncoding.h"
#include "storage/PackedScores.h"
#include "storage/SqliteHandle.h"
#include "storage/Workspace.h"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

namespace qaw {
namespace {

//! Copies \a text as UTF-8 into \a buffer. The workspace stores UTF-8, so binding UTF-16
//! made SQLite convert every rationale itself; the texts are nearly all ASCII, copied
//! here byte by byte.
void toUtf8(const QString &text, std::string *buffer)
{
    buffer->clear();
    const ushort *chars = text.utf16();
    const qsizetype size = text.size();
    bool ascii = true;
    for (qsizetype i = 0; i < size && ascii; ++i)
        ascii = chars[i] < 0x80;
    if (ascii) {
        buffer->resize(size_t(size));
        for (qsizetype i = 0; i < size; ++i)
            (*buffer)[size_t(i)] = char(chars[i]);
    } else {
        const QByteArray utf8 = text.toUtf8();
        buffer->assign(utf8.constData(), size_t(utf8.size()));
    }
}

//! Binds \a text through \a buffer, which must outlive the step() that reads it.
void bindText(sqlite3_stmt *s, int index, const QString &text, std::string *buffer)
{
    toUtf8(text, buffer);
    sqlite3_bind_text(s, index, buffer->data(), int(buffer->size()), SQLITE_STATIC);
}

void bindOptional(sqlite3_stmt *s, int index, const std::optional<double> &value)
{
    if (value)
        sqlite3_bind_double(s, index, *value);
    else
        sqlite3_bind_null(s, index);
}

// Rows per statement. Each sqlite3_step() opens cursors on the table, its indexes and
// (for the summary UPDATE) the trigger's table, and seeks from the root: one statement
// for many rows pays that once. Bounded well under SQLite's 32,766 parameters.
constexpr size_t kEvaluationsPerInsert = 32;
constexpr int kEvaluationColumns = 14;
constexpr size_t kScoresPerInsert = 128;
constexpr int kScoreColumns = 9;
constexpr size_t kSummariesPerUpdate = 64;
constexpr int kSummaryColumns = 5;
// More than any scorecard has criteria.
constexpr size_t kCachedCriterionIds = 64;

} // namespace

//! The UTF-8 of \a text, from \a cache when known there. The scorer gives every result
//! the same shared copy of a criterion's id, so the characters' address names the text;
//! that holds while the strings live, which is why the cache lasts one write() only. The
//! cache never grows past the capacity it was given (an entry that moved would leave a
//! bound pointer dangling): beyond that, \a buffer holds the text.
const std::string &EvaluationBatchWriter::cachedUtf8(const QString &text, TextCache *cache,
                                                     std::string *buffer)
{
    for (const CachedText &known : *cache) {
        if (known.chars == text.constData() && known.size == text.size())
            return known.utf8;
    }
    if (cache->size() < cache->capacity()) {
        cache->push_back({text.constData(), text.size(), {}});
        buffer = &cache->back().utf8;
    }
    toUtf8(text, buffer);
    return *buffer;
}

EvaluationBatchWriter::EvaluationBatchWriter(Workspace &workspace) : m_workspace(workspace) {}

EvaluationBatchWriter::~EvaluationBatchWriter()
{
    for (sqlite3_stmt *s : {m_maxEvaluationId, m_updateHuman, m_findRationale, m_addRationale})
        sqlite3_finalize(s);
    for (const auto *cache : {&m_insertEvaluations, &m_insertScores, &m_updateSummaries})
        for (sqlite3_stmt *s : *cache)
            sqlite3_finalize(s);
}

bool EvaluationBatchWriter::prepare()
{
    if (m_db)
        return true;
    m_db = sqliteHandle(m_workspace.database());
    if (!m_db) {
        m_error = QStringLiteral("the workspace connection is not an SQLite connection");
        return false;
    }
    const struct
    {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&m_maxEvaluationId, "SELECT coalesce(max(id), 0) FROM evaluations"},
        {&m_updateHuman, "UPDATE interactions SET has_human = 1 WHERE id = ?"},
        {&m_findRationale, "SELECT id FROM rationale_texts WHERE text = ?"},
        {&m_addRationale, "INSERT INTO rationale_texts(text) VALUES(?)"},
    };
    for (const auto &s : statements) {
        if (sqlite3_prepare_v2(m_db, s.sql, -1, s.statement, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            m_db = nullptr;
            return false;
        }
    }
    return true;
}

sqlite3_stmt *EvaluationBatchWriter::statement(std::vector<sqlite3_stmt *> *cache, size_t rows,
                                               const char *head, const char *row,
                                               const char *tail)
{
    if (cache->size() <= rows)
        cache->resize(rows + 1, nullptr);
    sqlite3_stmt *&s = (*cache)[rows];
    if (!s) {
        QByteArray sql(head);
        for (size_t i = 0; i < rows; ++i) {
            if (i > 0)
                sql += ", ";
            sql += row;
        }
        sql += tail;
        if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &s, nullptr) !=
            SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            s = nullptr;
        }
    }
    return s;
}

bool EvaluationBatchWriter::step(sqlite3_stmt *statement, const char *what)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement); // every parameter is bound again before the next step
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        m_error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                               QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    return true;
}

qint64 EvaluationBatchWriter::rationaleId(const QString &text)
{
    const auto known = m_rationaleIds.constFind(text);
    if (known != m_rationaleIds.constEnd())
        return known.value();
    std::string &utf8 = m_text.emplace_back();
    toUtf8(text, &utf8);
    qint64 id = -1;
    sqlite3_bind_text(m_findRationale, 1, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    if (sqlite3_step(m_findRationale) == SQLITE_ROW)
        id = sqlite3_column_int64(m_findRationale, 0);
    sqlite3_reset(m_findRationale);
    if (id < 0) {
        sqlite3_bind_text(m_addRationale, 1, utf8.data(), int(utf8.size()), SQLITE_STATIC);
        if (!step(m_addRationale, "adding a rationale text"))
            return -1;
        id = sqlite3_last_insert_rowid(m_db);
    }
    m_text.pop_back();
    m_rationaleIds.insert(text, id);
    return id;
}

const std::vector<size_t> &EvaluationBatchWriter::keyOrder(
    const std::vector<CriterionResult> &scores)
{
    // Evaluations of one scorecard name their criteria with the same shared strings in
    // the same order, so the previous evaluation's order usually fits as it is.
    bool same = scores.size() == m_keyOrderIds.size();
    for (size_t c = 0; same && c < scores.size(); ++c)
        same = scores[c].criterionId.constData() == m_keyOrderIds[c];
    if (same)
        return m_keyOrder;
    m_keyOrder.resize(scores.size());
    m_keyOrderIds.resize(scores.size());
    for (size_t c = 0; c < scores.size(); ++c) {
        m_keyOrder[c] = c;
        m_keyOrderIds[c] = scores[c].criterionId.constData();
    }
    // The key's collation (BINARY) orders UTF-8 bytes, as comparing UTF-16 does outside
    // the surrogates, which criterion ids do not use; equal ids keep their order.
    std::stable_sort(m_keyOrder.begin(), m_keyOrder.end(), [&scores](size_t a, size_t b) {
        return scores[a].criterionId < scores[b].criterionId;
    });
    return m_keyOrder;
}

bool EvaluationBatchWriter::insertEvaluations(const Evaluation *evaluations, size_t count,
                                              qint64 firstId, qint64 createdAtMs)
{
    sqlite3_stmt *s = statement(
        &m_insertEvaluations, count,
        "INSERT INTO evaluations(id, interaction_id, scorecard_version_id, evaluator_kind, "
        "evaluator, calibration_session_id, created_at, updated_at, total, passed, "
        "auto_failed, stale, scores, needs_review) VALUES",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "");
    if (!s)
        return false;
    if (m_text.size() < count)
        m_text.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const Evaluation &e = evaluations[i];
        const int p = int(i) * kEvaluationColumns;
        const qint64 created = e.createdAtMs > 0 ? e.createdAtMs : createdAtMs;
        sqlite3_bind_int64(s, p + 1, firstId + qint64(i));
        sqlite3_bind_int64(s, p + 2, e.interactionId);
        sqlite3_bind_int64(s, p + 3, e.scorecardVersionId);
        sqlite3_bind_text(s, p + 4, e.kind == EvaluatorKind::Automated ? "auto" : "human", -1,
                          SQLITE_STATIC);
        bindText(s, p + 5, e.evaluator, &m_text[i]);
        bindOptional(s, p + 6, e.calibrationSessionId);
        sqlite3_bind_int64(s, p + 7, created);
        sqlite3_bind_int64(s, p + 8, created);
        bindOptional(s, p + 9, e.total);
        sqlite3_bind_int(s, p + 10, e.passed ? 1 : 0);
        sqlite3_bind_int(s, p + 11, e.autoFailed ? 1 : 0);
        sqlite3_bind_int(s, p + 12, e.stale ? 1 : 0);
        if (e.kind == EvaluatorKind::Automated)
            sqlite3_bind_text(s, p + 13, m_packed[i].data(), int(m_packed[i].size()), SQLITE_STATIC);
        else
            sqlite3_bind_null(s, p + 13);
        sqlite3_bind_int(s, p + 14, e.needsReview());
    }
    return step(s, "inserting evaluations");
}

bool EvaluationBatchWriter::packScores(const Evaluation *evaluations, size_t count)
{
    if (m_packed.size() < count)
        m_packed.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const Evaluation &e = evaluations[i];
        std::string &packed = m_packed[i];
        packed.clear();
        if (e.kind != EvaluatorKind::Automated)
            continue;
        for (size_t c = 0; c < e.criteria.size(); ++c) {
            const CriterionResult &r = e.criteria[c];
            const qint64 rationale = rationaleId(r.rationale);
            if (rationale < 0)
                return false;
            packed_scores::appendRecord(cachedUtf8(r.criterionId, &m_criterionIds, &m_idBuffer),
                                        int(c), r, rationale, &packed);
        }
    }
    return true;
}

bool EvaluationBatchWriter::flushScores()
{
    const size_t rows = m_pendingScores.size();
    if (rows == 0)
        return true;
    sqlite3_stmt *s = statement(&m_insertScores, rows,
                                "INSERT INTO criterion_scores(evaluation_id, criterion_id, "
                                "ordinal, value, max, na, rationale_id, comment, evidence) VALUES",
                                "(?, ?, ?, ?, ?, ?, ?, ?, ?)", "");
    if (!s)
        return false;
    // Every text parameter has a buffer of its own until the step: size them first
    // (growing the vector moves short strings' inline buffers).
    if (m_scoreText.size() < rows * 3)
        m_scoreText.resize(rows * 3);
    for (size_t i = 0; i < rows; ++i) {
        const PendingScore &pending = m_pendingScores[i];
        const CriterionResult &r = *pending.result;
        const int p = int(i) * kScoreColumns;
        std::string *text = &m_scoreText[i * 3];
        sqlite3_bind_int64(s, p + 1, pending.evaluationId);
        const std::string &criterionId = cachedUtf8(r.criterionId, &m_criterionIds, &text[0]);
        sqlite3_bind_text(s, p + 2, criterionId.data(), int(criterionId.size()), SQLITE_STATIC);
        sqlite3_bind_int(s, p + 3, pending.ordinal);
        if (r.value && !r.na)
            sqlite3_bind_double(s, p + 4, *r.value);
        else
            sqlite3_bind_null(s, p + 4);
        sqlite3_bind_double(s, p + 5, r.max);
        sqlite3_bind_int(s, p + 6, r.na ? 1 : 0);
        sqlite3_bind_int64(s, p + 7, pending.rationaleId);
        if (r.comment.isEmpty()) // always, for automated scores
            sqlite3_bind_text(s, p + 8, "", 0, SQLITE_STATIC);
        else
            bindText(s, p + 8, r.comment, &text[1]);
        text[2].clear();
        evidence_encoding::append(r.evidence, &text[2]);
        sqlite3_bind_text(s, p + 9, text[2].data(), int(text[2].size()), SQLITE_STATIC);
    }
    m_pendingScores.clear();
    return step(s, "inserting criterion scores");
}

bool EvaluationBatchWriter::updateSummaries(const std::vector<const Evaluation *> &newest,
                                            const std::vector<qint64> &ids)
{
    for (size_t begin = 0; begin < newest.size(); begin += kSummariesPerUpdate) {
        const size_t rows = std::min(kSummariesPerUpdate, newest.size() - begin);
        sqlite3_stmt *s = statement(
            &m_updateSummaries, rows,
            "WITH v(id, total, passed, failed, evaluation) AS (VALUES ", "(?, ?, ?, ?, ?)",
            ") UPDATE interactions SET auto_total = v.total, auto_passed = v.passed, "
            "auto_failed = v.failed, auto_evaluation_id = v.evaluation, needs_scoring = 0 "
            "FROM v WHERE interactions.id = v.id");
        if (!s)
            return false;
        for (size_t i = 0; i < rows; ++i) {
            const Evaluation &e = *newest[begin + i];
            const int p = int(i) * kSummaryColumns;
            sqlite3_bind_int64(s, p + 1, e.interactionId);
            bindOptional(s, p + 2, e.total);
            sqlite3_bind_int(s, p + 3, e.passed ? 1 : 0);
            sqlite3_bind_int(s, p + 4, e.autoFailed ? 1 : 0);
            sqlite3_bind_int64(s, p + 5, ids[begin + i]);
        }
        if (!step(s, "updating the interactions' summaries"))
            return false;
    }
    return true;
}

bool EvaluationBatchWriter::write(const std::vector<Evaluation> &evaluations, qint64 createdAtMs)
{
    if (writeAll(evaluations, createdAtMs))
        return true;
    // The caller rolls back: texts added in this transaction are gone.
    m_rationaleIds.clear();
    return false;
}

bool EvaluationBatchWriter::writeAll(const std::vector<Evaluation> &evaluations,
                                     qint64 createdAtMs)
{
    if (!prepare())
        return false;
    if (evaluations.empty())
        return true;
    // The ids are given, not left to SQLite, so that many evaluations go in one
    // statement and their scores can name them: inside the caller's write transaction
    // nobody else inserts, and max + 1 is what SQLite would have chosen.
    if (sqlite3_step(m_maxEvaluationId) != SQLITE_ROW) {
        m_error = QStringLiteral("reading the last evaluation id: %1")
                      .arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_reset(m_maxEvaluationId);
        return false;
    }
    const qint64 firstId = sqlite3_column_int64(m_maxEvaluationId, 0) + 1;
    sqlite3_reset(m_maxEvaluationId);

    m_pendingScores.clear();
    m_criterionIds.clear();
    m_criterionIds.reserve(kCachedCriterionIds);
    m_keyOrderIds.clear();
    for (size_t begin = 0; begin < evaluations.size(); begin += kEvaluationsPerInsert) {
        const size_t count = std::min(kEvaluationsPerInsert, evaluations.size() - begin);
        // Human scores wait for their evaluation's row: they refer to it.
        if (!flushScores() || !packScores(&evaluations[begin], count) ||
            !insertEvaluations(&evaluations[begin], count, firstId + qint64(begin), createdAtMs))
            return false;
        for (size_t i = begin; i < begin + count; ++i) {
            const std::vector<CriterionResult> &scores = evaluations[i].criteria;
            if (evaluations[i].kind == EvaluatorKind::Automated)
                continue;
            for (const size_t c : keyOrder(scores)) {
                if (m_pendingScores.size() == kScoresPerInsert && !flushScores())
                    return false;
                const qint64 rationale = rationaleId(scores[c].rationale);
                if (rationale < 0)
                    return false;
                m_pendingScores.push_back({firstId + qint64(i), int(c), rationale, &scores[c]});
            }
        }
    }
    if (!flushScores())
        return false;

    // Each automated interaction's summary points at its newest evaluation in this batch
    // (the last one in input order, which has the highest id); human ones set has_human.
    std::unordered_map<qint64, size_t> newestOf;
    std::vector<const Evaluation *> newest;
    std::vector<qint64> newestIds;
    for (size_t i = 0; i < evaluations.size(); ++i) {
        const Evaluation &e = evaluations[i];
        if (e.kind != EvaluatorKind::Automated) {
            sqlite3_bind_int64(m_updateHuman, 1, e.interactionId);
            if (!step(m_updateHuman, "marking the interaction reviewed"))
                return false;
            continue;
        }
        const auto [slot, added] = newestOf.emplace(e.interactionId, newest.size());
        if (added) {
            newest.push_back(&e);
            newestIds.push_back(firstId + qint64(i));
        } else {
            newest[slot->second] = &e;
            newestIds[slot->second] = firstId + qint64(i);
        }
    }
    return updateSummaries(newest, newestIds);
}

} // namespace qaw
