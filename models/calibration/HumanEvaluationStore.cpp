#include "calibration/HumanEvaluationStore.h"

#include "domain/Scorecard.h"
#include "storage/EvaluationStore.h"
#include "storage/RationaleTexts.h"
#include "storage/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace qaw {
namespace {

const QString kEntity = QStringLiteral("evaluation");

QString checkValue(const Criterion &c, const CriterionResult &r)
{
    if (r.na || !r.value)
        return {};
    const double v = *r.value;
    if (v < c.scale.minimum() || v > c.scale.maximum() || std::floor(v) != v)
        return QStringLiteral("criterion \"%1\": %2 is not on its scale (%3 to %4)")
            .arg(c.id)
            .arg(v)
            .arg(c.scale.minimum())
            .arg(c.scale.maximum());
    return {};
}

// QtSql binds a null QString as SQL NULL, and these columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString totalText(const std::optional<double> &total)
{
    return total ? QString::number(*total, 'f', 2) : QString();
}

} // namespace

HumanEvaluationStore::HumanEvaluationStore(Workspace &workspace) : m_workspace(workspace) {}

QString HumanEvaluationStore::valueText(const CriterionResult *r)
{
    if (!r)
        return {};
    if (r->na)
        return QStringLiteral("N/A");
    return r->value ? QString::number(*r->value) : QString();
}

std::optional<Evaluation> HumanEvaluationStore::find(qint64 interactionId, const QString &reviewer,
                                                     qint64 sessionId) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id FROM evaluations WHERE interaction_id = ? AND "
                             "evaluator_kind = 'human' AND evaluator = ? AND "
                             "coalesce(calibration_session_id, -1) = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(interactionId);
    q.addBindValue(reviewer);
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return EvaluationStore(m_workspace).load(q.value(0).toLongLong());
}

qint64 HumanEvaluationStore::save(Evaluation e, const Scorecard &card, QString *error)
{
    e.kind = EvaluatorKind::Human;
    if (e.evaluator.trimmed().isEmpty() || e.evaluator == QLatin1String("auto")) {
        *error = QStringLiteral("a human evaluation needs the reviewer's name");
        return -1;
    }
    for (CriterionResult &r : e.criteria) {
        const Criterion *c = card.criterion(r.criterionId);
        if (!c) {
            *error = QStringLiteral("the scorecard has no criterion \"%1\"").arg(r.criterionId);
            return -1;
        }
        if (const QString problem = checkValue(*c, r); !problem.isEmpty()) {
            *error = problem;
            return -1;
        }
        r.max = c->scale.maximum();
        r.rationale = text(r.rationale);
        r.comment = text(r.comment);
        if (r.na)
            r.value.reset();
    }
    const ScoreTotals totals = card.totals(e.criteria);
    e.total = totals.total;
    e.passed = totals.passed;
    e.autoFailed = totals.autoFailed;

    QSqlDatabase db = m_workspace.database();
    if (!beginWriteTransaction(db)) {
        *error = db.lastError().text();
        return -1;
    }
    qint64 id = -1;
    if (const auto old = find(e.interactionId, e.evaluator, e.calibrationSessionId)) {
        e.id = old->id;
        if (update(*old, e, error))
            id = old->id;
    } else {
        EvaluationStore store(m_workspace);
        id = store.save(e);
        if (id < 0)
            *error = store.lastError();
        else
            m_workspace.audit(e.evaluator, kEntity, id, QStringLiteral("created"), QString(),
                              totalText(e.total));
    }
    if (id < 0 || !db.commit()) {
        if (id >= 0)
            *error = db.lastError().text();
        db.rollback();
        return -1;
    }
    return id;
}

bool HumanEvaluationStore::update(const Evaluation &old, const Evaluation &now, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    const QString user = now.evaluator;
    for (const CriterionResult &r : now.criteria) {
        const CriterionResult *before = old.criterion(r.criterionId);
        const QString oldValue = valueText(before);
        const QString newValue = valueText(&r);
        if (oldValue != newValue)
            m_workspace.audit(user, kEntity, old.id, r.criterionId + QStringLiteral(".value"),
                              oldValue, newValue);
        const QString oldComment = before ? before->comment : QString();
        if (oldComment != r.comment)
            m_workspace.audit(user, kEntity, old.id, r.criterionId + QStringLiteral(".comment"),
                              oldComment, r.comment);
    }
    if (totalText(old.total) != totalText(now.total))
        m_workspace.audit(user, kEntity, old.id, QStringLiteral("total"), totalText(old.total),
                          totalText(now.total));

    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE evaluations SET total = ?, passed = ?, auto_failed = ?, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(now.total ? QVariant(*now.total) : QVariant());
    q.addBindValue(now.passed ? 1 : 0);
    q.addBindValue(now.autoFailed ? 1 : 0);
    q.addBindValue(nowMs());
    q.addBindValue(old.id);
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO criterion_scores(evaluation_id, criterion_id, value, max, na, rationale_id, "
        "comment) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(evaluation_id, criterion_id) DO "
        "UPDATE SET value = excluded.value, max = excluded.max, na = excluded.na, "
        "comment = excluded.comment"));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    for (const CriterionResult &r : now.criteria) {
        const qint64 rationaleId = rationaleTextId(db, r.rationale, error);
        if (rationaleId < 0)
            return false;
        upsert.addBindValue(old.id);
        upsert.addBindValue(r.criterionId);
        upsert.addBindValue(r.value && !r.na ? QVariant(*r.value) : QVariant());
        upsert.addBindValue(r.max);
        upsert.addBindValue(r.na ? 1 : 0);
        upsert.addBindValue(rationaleId);
        upsert.addBindValue(r.comment);
        if (!upsert.exec()) {
            *error = upsert.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace qaw
