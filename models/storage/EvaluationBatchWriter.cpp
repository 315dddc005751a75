#include "storage/EvaluationBatchWriter.h"

#include "storage/EvidenceEncoding.h"
#include "storage/SqliteHandle.h"
#include "storage/Workspace.h"

#include <sqlite3.h>

#include <algorithm>

namespace qaw {
namespace {

//! Binds \a text as UTF-8 converted into \a buffer, which must outlive the step() that
//! reads it. The workspace stores UTF-8, so binding UTF-16 made SQLite convert every
//! rationale itself; the texts are nearly all ASCII, copied here byte by byte.
void bindText(sqlite3_stmt *s, int index, const QString &text, std::string *buffer)
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
    sqlite3_bind_text(s, index, buffer->data(), int(buffer->size()), SQLITE_STATIC);
}

void bindOptional(sqlite3_stmt *s, int index, qint64 value)
{
    if (value < 0)
        sqlite3_bind_null(s, index);
    else
        sqlite3_bind_int64(s, index, value);
}

// Criterion scores per INSERT statement: one statement per evaluation (13 scores with the
// default scorecard) instead of one per score saves most of SQLite's per-statement work.
constexpr size_t kMaxScoresPerInsert = 32;
constexpr int kScoreColumns = 9;

} // namespace

EvaluationBatchWriter::EvaluationBatchWriter(Workspace &workspace) : m_workspace(workspace) {}

EvaluationBatchWriter::~EvaluationBatchWriter()
{
    for (sqlite3_stmt *s : {m_insertEvaluation, m_updateSummary, m_updateHuman})
        sqlite3_finalize(s);
    for (sqlite3_stmt *s : m_insertScores)
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
        {&m_insertEvaluation,
         "INSERT INTO evaluations(interaction_id, scorecard_version_id, evaluator_kind, "
         "evaluator, calibration_session_id, created_at, updated_at, total, passed, "
         "auto_failed, stale) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&m_updateSummary, "UPDATE interactions SET auto_total = ?, auto_passed = ?, "
                           "auto_failed = ?, auto_evaluation_id = ?, needs_scoring = 0 "
                           "WHERE id = ?"},
        {&m_updateHuman, "UPDATE interactions SET has_human = 1 WHERE id = ?"},
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

sqlite3_stmt *EvaluationBatchWriter::scoreStatement(size_t rows)
{
    if (m_insertScores.size() <= rows)
        m_insertScores.resize(rows + 1, nullptr);
    sqlite3_stmt *&statement = m_insertScores[rows];
    if (!statement) {
        QByteArray sql("INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, "
                       "max, na, rationale, comment, evidence) VALUES");
        for (size_t i = 0; i < rows; ++i)
            sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &statement, nullptr) !=
            SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            statement = nullptr;
        }
    }
    return statement;
}

bool EvaluationBatchWriter::writeScores(qint64 evaluationId, const std::vector<CriterionResult> &scores)
{
    for (size_t begin = 0; begin < scores.size(); begin += kMaxScoresPerInsert) {
        const size_t rows = std::min(kMaxScoresPerInsert, scores.size() - begin);
        sqlite3_stmt *s = scoreStatement(rows);
        if (!s)
            return false;
        // Every text parameter has a buffer of its own until the step: size them first
        // (growing the vector moves short strings' inline buffers).
        if (m_scoreText.size() < rows * 4)
            m_scoreText.resize(rows * 4);
        for (size_t i = 0; i < rows; ++i) {
            const CriterionResult &r = scores[begin + i];
            const int p = int(i) * kScoreColumns;
            std::string *text = &m_scoreText[i * 4];
            sqlite3_bind_int64(s, p + 1, evaluationId);
            bindText(s, p + 2, r.criterionId, &text[0]);
            sqlite3_bind_int(s, p + 3, int(begin + i));
            if (r.value && !r.na)
                sqlite3_bind_double(s, p + 4, *r.value);
            else
                sqlite3_bind_null(s, p + 4);
            sqlite3_bind_double(s, p + 5, r.max);
            sqlite3_bind_int(s, p + 6, r.na ? 1 : 0);
            bindText(s, p + 7, r.rationale, &text[1]);
            bindText(s, p + 8, r.comment, &text[2]);
            text[3].clear();
            evidence_encoding::append(r.evidence, &text[3]);
            sqlite3_bind_text(s, p + 9, text[3].data(), int(text[3].size()), SQLITE_STATIC);
        }
        if (!step(s, "inserting criterion scores"))
            return false;
    }
    return true;
}

bool EvaluationBatchWriter::step(sqlite3_stmt *statement, const char *what)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement); // every parameter is bound again before the next step
    if (rc != SQLITE_DONE) {
        m_error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                               QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    return true;
}

bool EvaluationBatchWriter::write(const std::vector<Evaluation> &evaluations, qint64 createdAtMs)
{
    if (!prepare())
        return false;
    const QString autoKind = QStringLiteral("auto");
    const QString humanKind = QStringLiteral("human");
    for (const Evaluation &e : evaluations) {
        const bool automated = e.kind == EvaluatorKind::Automated;
        const qint64 created = e.createdAtMs > 0 ? e.createdAtMs : createdAtMs;
        sqlite3_stmt *s = m_insertEvaluation;
        sqlite3_bind_int64(s, 1, e.interactionId);
        sqlite3_bind_int64(s, 2, e.scorecardVersionId);
        bindText(s, 3, automated ? autoKind : humanKind, &m_text[0]);
        bindText(s, 4, e.evaluator, &m_text[1]);
        bindOptional(s, 5, e.calibrationSessionId);
        sqlite3_bind_int64(s, 6, created);
        sqlite3_bind_int64(s, 7, created);
        if (e.total)
            sqlite3_bind_double(s, 8, *e.total);
        else
            sqlite3_bind_null(s, 8);
        sqlite3_bind_int(s, 9, e.passed ? 1 : 0);
        sqlite3_bind_int(s, 10, e.autoFailed ? 1 : 0);
        sqlite3_bind_int(s, 11, e.stale ? 1 : 0);
        if (!step(s, "inserting an evaluation"))
            return false;
        const qint64 evaluationId = sqlite3_last_insert_rowid(m_db);
        if (!writeScores(evaluationId, e.criteria))
            return false;
        if (automated) {
            s = m_updateSummary;
            if (e.total)
                sqlite3_bind_double(s, 1, *e.total);
            else
                sqlite3_bind_null(s, 1);
            sqlite3_bind_int(s, 2, e.passed ? 1 : 0);
            sqlite3_bind_int(s, 3, e.autoFailed ? 1 : 0);
            sqlite3_bind_int64(s, 4, evaluationId);
            sqlite3_bind_int64(s, 5, e.interactionId);
        } else {
            s = m_updateHuman;
            sqlite3_bind_int64(s, 1, e.interactionId);
        }
        if (!step(s, "updating the interaction's summary"))
            return false;
    }
    return true;
}

} // namespace qaw
