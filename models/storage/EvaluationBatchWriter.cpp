#include "storage/EvaluationBatchWriter.h"

#include "storage/Workspace.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace qaw {
namespace {

void bindText(sqlite3_stmt *s, int index, const QString &text)
{
    // The QString outlives the step() that reads it, so SQLite need not copy it.
    static const char16_t empty[] = u"";
    const void *data = text.isNull() ? static_cast<const void *>(empty)
                                     : static_cast<const void *>(text.utf16());
    sqlite3_bind_text16(s, index, data, int(text.size() * 2), SQLITE_STATIC);
}

void bindOptional(sqlite3_stmt *s, int index, qint64 value)
{
    if (value < 0)
        sqlite3_bind_null(s, index);
    else
        sqlite3_bind_int64(s, index, value);
}

} // namespace

EvaluationBatchWriter::EvaluationBatchWriter(Workspace &workspace) : m_workspace(workspace) {}

EvaluationBatchWriter::~EvaluationBatchWriter()
{
    for (sqlite3_stmt *s : {m_insertEvaluation, m_insertScore, m_insertEvidence, m_updateSummary,
                            m_updateHuman})
        sqlite3_finalize(s);
}

bool EvaluationBatchWriter::prepare()
{
    if (m_db)
        return true;
    const QSqlDatabase db = m_workspace.database();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        m_error = QStringLiteral("the workspace connection is not an SQLite connection");
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.constData());
    const struct
    {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&m_insertEvaluation,
         "INSERT INTO evaluations(interaction_id, scorecard_version_id, evaluator_kind, "
         "evaluator, calibration_session_id, created_at, updated_at, total, passed, "
         "auto_failed, stale) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&m_insertScore, "INSERT INTO criterion_scores(evaluation_id, criterion_id, value, max, "
                         "na, rationale, comment) VALUES(?, ?, ?, ?, ?, ?, ?)"},
        {&m_insertEvidence, "INSERT INTO evidence(criterion_score_id, turn_seq, char_start, "
                            "char_end, time_ms) VALUES(?, ?, ?, ?, ?)"},
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
        bindText(s, 3, automated ? autoKind : humanKind);
        bindText(s, 4, e.evaluator);
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
        for (const CriterionResult &r : e.criteria) {
            s = m_insertScore;
            sqlite3_bind_int64(s, 1, evaluationId);
            bindText(s, 2, r.criterionId);
            if (r.value && !r.na)
                sqlite3_bind_double(s, 3, *r.value);
            else
                sqlite3_bind_null(s, 3);
            sqlite3_bind_double(s, 4, r.max);
            sqlite3_bind_int(s, 5, r.na ? 1 : 0);
            bindText(s, 6, r.rationale);
            bindText(s, 7, r.comment);
            if (!step(s, "inserting a criterion score"))
                return false;
            const qint64 scoreId = sqlite3_last_insert_rowid(m_db);
            for (const EvidenceSpan &span : r.evidence) {
                s = m_insertEvidence;
                sqlite3_bind_int64(s, 1, scoreId);
                sqlite3_bind_int(s, 2, span.turn);
                sqlite3_bind_int(s, 3, span.charStart);
                sqlite3_bind_int(s, 4, span.charEnd);
                bindOptional(s, 5, span.timeMs);
                if (!step(s, "inserting evidence"))
                    return false;
            }
        }
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
