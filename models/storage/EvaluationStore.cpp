#include "storage/EvaluationStore.h"

#include "storage/EvidenceEncoding.h"
#include "storage/PackedScores.h"
#include "storage/RationaleTexts.h"
#include "storage/Workspace.h"

#include <QSqlError>
#include <QVariant>

namespace qaw {
namespace {

QVariant orNull(qint64 value)
{
    return value < 0 ? QVariant() : QVariant(value);
}

// A null QString binds as SQL NULL; NOT NULL text columns want ''.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

EvaluationStore::EvaluationStore(Workspace &workspace) : m_workspace(workspace) {}

bool EvaluationStore::prepare()
{
    if (m_prepared)
        return true;
    const QSqlDatabase db = m_workspace.database();
    m_insertEvaluation = QSqlQuery(db);
    m_insertScore = QSqlQuery(db);
    m_updateAutoSummary = QSqlQuery(db);
    m_updateHumanSummary = QSqlQuery(db);
    m_prepared =
        m_insertEvaluation.prepare(QStringLiteral(
            "INSERT INTO evaluations(interaction_id, scorecard_version_id, evaluator_kind, "
            "evaluator, calibration_session_id, created_at, updated_at, total, passed, "
            "auto_failed, stale, scores, needs_review) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) &&
        m_insertScore.prepare(QStringLiteral(
            "INSERT INTO criterion_scores(evaluation_id, criterion_id, ordinal, value, max, na, "
            "rationale_id, comment, evidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) &&
        m_updateAutoSummary.prepare(QStringLiteral(
            "UPDATE interactions SET auto_total = ?, auto_passed = ?, auto_failed = ?, "
            "auto_evaluation_id = ?, needs_scoring = 0 WHERE id = ?")) &&
        m_updateHumanSummary.prepare(
            QStringLiteral("UPDATE interactions SET has_human = 1 WHERE id = ?"));
    if (!m_prepared)
        m_error = db.lastError().text();
    return m_prepared;
}

qint64 EvaluationStore::save(const Evaluation &e)
{
    if (!prepare())
        return -1;
    const bool automated = e.kind == EvaluatorKind::Automated;
    const qint64 created = e.createdAtMs > 0 ? e.createdAtMs : nowMs();
    QSqlQuery &q = m_insertEvaluation;
    q.bindValue(0, e.interactionId);
    q.bindValue(1, e.scorecardVersionId);
    q.bindValue(2, automated ? QStringLiteral("auto") : QStringLiteral("human"));
    q.bindValue(3, text(e.evaluator));
    q.bindValue(4, orNull(e.calibrationSessionId));
    q.bindValue(5, created);
    q.bindValue(6, created);
    q.bindValue(7, e.total ? QVariant(*e.total) : QVariant());
    q.bindValue(8, e.passed ? 1 : 0);
    q.bindValue(9, e.autoFailed ? 1 : 0);
    q.bindValue(10, e.stale ? 1 : 0);
    // An automated evaluation's scores are packed into its row, a human one's are rows.
    std::string packed;
    std::vector<qint64> rationaleIds;
    for (size_t ordinal = 0; ordinal < e.criteria.size(); ++ordinal) {
        const CriterionResult &r = e.criteria[ordinal];
        const qint64 rationaleId = rationaleTextId(m_workspace.database(), r.rationale, &m_error);
        if (rationaleId < 0)
            return -1;
        rationaleIds.push_back(rationaleId);
        if (automated) {
            const QByteArray id = r.criterionId.toUtf8();
            packed_scores::appendRecord(std::string_view(id.constData(), size_t(id.size())),
                                        int(ordinal), r, rationaleId, &packed);
        }
    }
    q.bindValue(11, automated ? QVariant(QString::fromStdString(packed)) : QVariant());
    q.bindValue(12, e.needsReview());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    for (size_t ordinal = 0; !automated && ordinal < e.criteria.size(); ++ordinal) {
        const CriterionResult &r = e.criteria[ordinal];
        QSqlQuery &s = m_insertScore;
        s.bindValue(0, id);
        s.bindValue(1, r.criterionId);
        s.bindValue(2, int(ordinal));
        s.bindValue(3, r.value && !r.na ? QVariant(*r.value) : QVariant());
        s.bindValue(4, r.max);
        s.bindValue(5, r.na ? 1 : 0);
        s.bindValue(6, rationaleIds[ordinal]);
        s.bindValue(7, text(r.comment));
        s.bindValue(8, evidence_encoding::encode(r.evidence));
        if (!s.exec()) {
            m_error = s.lastError().text();
            return -1;
        }
    }
    QSqlQuery &u = automated ? m_updateAutoSummary : m_updateHumanSummary;
    if (automated) {
        u.bindValue(0, e.total ? QVariant(*e.total) : QVariant());
        u.bindValue(1, e.passed ? 1 : 0);
        u.bindValue(2, e.autoFailed ? 1 : 0);
        u.bindValue(3, id);
        u.bindValue(4, e.interactionId);
    } else {
        u.bindValue(0, e.interactionId);
    }
    if (!u.exec()) {
        m_error = u.lastError().text();
        return -1;
    }
    return id;
}

std::vector<Evaluation> EvaluationStore::loadWhere(const QString &where, qint64 value) const
{
    std::vector<Evaluation> out;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id, interaction_id, scorecard_version_id, evaluator_kind, "
                             "evaluator, calibration_session_id, total, passed, auto_failed, "
                             "stale, created_at FROM evaluations WHERE ") +
              where + QStringLiteral(" ORDER BY created_at DESC, id DESC"));
    q.addBindValue(value);
    if (!q.exec())
        return out;
    while (q.next()) {
        Evaluation e;
        e.id = q.value(0).toLongLong();
        e.interactionId = q.value(1).toLongLong();
        e.scorecardVersionId = q.value(2).toLongLong();
        e.kind = q.value(3).toString() == QLatin1String("human") ? EvaluatorKind::Human
                                                                 : EvaluatorKind::Automated;
        e.evaluator = q.value(4).toString();
        e.calibrationSessionId = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        if (!q.value(6).isNull())
            e.total = q.value(6).toDouble();
        e.passed = q.value(7).toBool();
        e.autoFailed = q.value(8).toBool();
        e.stale = q.value(9).toBool();
        e.createdAtMs = q.value(10).toLongLong();
        out.push_back(e);
    }
    // The same columns from the packed scores of automated evaluations and the rows of
    // human ones.
    const QString scoresSql =
        QStringLiteral("SELECT cs.criterion_id, cs.value, cs.max, cs.na, r.text, cs.comment, "
                       "cs.evidence, cs.confidence FROM %1 cs LEFT JOIN rationale_texts r ON r.id = "
                       "cs.rationale_id WHERE cs.evaluation_id = ? ORDER BY cs.ordinal, "
                       "cs.criterion_id");
    QSqlQuery automatedScores(m_workspace.database());
    automatedScores.prepare(scoresSql.arg(QLatin1String("automated_scores")));
    QSqlQuery humanScores(m_workspace.database());
    humanScores.prepare(scoresSql.arg(QLatin1String("criterion_scores")));
    std::vector<Evaluation> whole;
    for (Evaluation &e : out) {
        QSqlQuery &s = e.kind == EvaluatorKind::Automated ? automatedScores : humanScores;
        s.addBindValue(e.id);
        if (!s.exec()) {
            // Damaged scores leave the evaluation out rather than show it with fewer.
            m_error = QStringLiteral("the scores of evaluation %1 cannot be read: %2")
                          .arg(e.id)
                          .arg(s.lastError().text());
            qWarning("%s", qPrintable(m_error));
            continue;
        }
        while (s.next()) {
            CriterionResult r;
            r.criterionId = s.value(0).toString();
            if (!s.value(1).isNull())
                r.value = s.value(1).toDouble();
            r.max = s.value(2).toDouble();
            r.na = s.value(3).toBool();
            r.rationale = s.value(4).toString();
            r.comment = s.value(5).toString();
            r.evidence = evidence_encoding::decode(s.value(6).toString());
            // NULL: a person's verdict, or an automated one from before confidence.
            r.confidence = confidenceFromName(s.value(7).toString()).value_or(Confidence::Clear);
            e.criteria.push_back(r);
        }
        whole.push_back(std::move(e));
    }
    return whole;
}

std::optional<Evaluation> EvaluationStore::load(qint64 evaluationId) const
{
    auto found = loadWhere(QStringLiteral("id = ?"), evaluationId);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<Evaluation> EvaluationStore::forInteraction(qint64 interactionId) const
{
    return loadWhere(QStringLiteral("interaction_id = ?"), interactionId);
}

std::optional<Evaluation> EvaluationStore::currentAutomated(qint64 interactionId) const
{
    auto found = loadWhere(QStringLiteral("id = (SELECT auto_evaluation_id FROM interactions "
                                          "WHERE id = ?)"),
                           interactionId);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

} // namespace qaw
