#include "coaching/CoachingItemStore.h"

#include "coaching/FlagRuleStore.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace qaw {
namespace {

const QString kColumns = QStringLiteral(
    "id, interaction_id, rule_id, agent_id, status, reason, priority, owner, notes, due_date, "
    "dismissed_reason, created_at, updated_at");

CoachingItem itemFrom(const QSqlQuery &q)
{
    CoachingItem c;
    c.id = q.value(0).toLongLong();
    c.interactionId = q.value(1).toLongLong();
    c.ruleId = q.value(2).isNull() ? -1 : q.value(2).toLongLong();
    c.agentId = q.value(3).toLongLong();
    coachingStatus::fromName(q.value(4).toString(), &c.status);
    c.reason = q.value(5).toString();
    c.priority = q.value(6).toDouble();
    c.owner = q.value(7).toString();
    c.notes = q.value(8).toString();
    c.dueDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    c.dismissedReason = q.value(10).toString();
    c.createdAtMs = q.value(11).toLongLong();
    c.updatedAtMs = q.value(12).toLongLong();
    return c;
}

QString valueText(const CriterionResult *r)
{
    if (!r)
        return {};
    if (r->na || !r->value)
        return QStringLiteral("N/A");
    return QString::number(*r->value);
}

} // namespace

CoachingItemStore::CoachingItemStore(Workspace &workspace, const QString &user)
    : m_workspace(workspace), m_user(user)
{
}

std::optional<CoachingItem> CoachingItemStore::find(qint64 id) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns +
              QStringLiteral(" FROM coaching_items WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return itemFrom(q);
}

std::vector<CoachingItem> CoachingItemStore::forAgent(qint64 agentId, bool openOnly) const
{
    std::vector<CoachingItem> out;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT ") + kColumns +
              QStringLiteral(" FROM coaching_items WHERE agent_id = ? AND (? = 0 OR status NOT "
                             "IN ('verified','dismissed')) ORDER BY priority DESC, id"));
    q.addBindValue(agentId);
    q.addBindValue(openOnly ? 1 : 0);
    if (q.exec())
        while (q.next())
            out.push_back(itemFrom(q));
    return out;
}

bool CoachingItemStore::update(const CoachingItem &item, const QString &column,
                               const QString &field, const QVariant &value, const QString &oldText,
                               const QString &newText, QString *error)
{
    QSqlQuery q(m_workspace.database());
    // The column name is one of ours, never user input; the value is bound.
    q.prepare(QStringLiteral("UPDATE coaching_items SET %1 = ?, updated_at = ? WHERE id = ?")
                  .arg(column));
    // owner, notes and dismissed_reason are NOT NULL: a null QString would bind as NULL.
    const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
    q.addBindValue(nullText ? QVariant(QStringLiteral("")) : value);
    q.addBindValue(nowMs());
    q.addBindValue(item.id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    m_workspace.audit(m_user, QStringLiteral("coaching_item"), item.id, field, oldText, newText);
    return true;
}

bool CoachingItemStore::refreshFlagged(qint64 interactionId)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("UPDATE interactions SET flagged = EXISTS(SELECT 1 FROM "
                             "coaching_items WHERE interaction_id = ? AND status NOT IN "
                             "('verified','dismissed')) WHERE id = ?"));
    q.addBindValue(interactionId);
    q.addBindValue(interactionId);
    return q.exec();
}

bool CoachingItemStore::setStatus(qint64 id, CoachingStatus to, QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return false;
    }
    if (to == CoachingStatus::Dismissed && coachingStatus::isOpen(item->status)) {
        *error = QObject::tr("Dismissing item %1 needs a reason.").arg(id);
        return false;
    }
    const QString refused = coachingStatus::refusal(item->status, to);
    if (!refused.isEmpty()) {
        *error = QObject::tr("Item %1: %2").arg(id).arg(refused);
        return false;
    }
    if (!update(*item, QStringLiteral("status"), QStringLiteral("status"), coachingStatus::name(to),
                coachingStatus::name(item->status), coachingStatus::name(to), error))
        return false;
    return refreshFlagged(item->interactionId);
}

bool CoachingItemStore::dismiss(qint64 id, const QString &reason, QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        *error = QObject::tr("Dismissing item %1 needs a reason.").arg(id);
        return false;
    }
    const QString refused = coachingStatus::refusal(item->status, CoachingStatus::Dismissed);
    if (!refused.isEmpty()) {
        *error = QObject::tr("Item %1: %2").arg(id).arg(refused);
        return false;
    }
    if (!update(*item, QStringLiteral("dismissed_reason"), QStringLiteral("dismissed_reason"),
                reason.trimmed(), item->dismissedReason, reason.trimmed(), error) ||
        !update(*item, QStringLiteral("status"), QStringLiteral("status"),
                coachingStatus::name(CoachingStatus::Dismissed), coachingStatus::name(item->status),
                coachingStatus::name(CoachingStatus::Dismissed), error))
        return false;
    return refreshFlagged(item->interactionId);
}

bool CoachingItemStore::dismissFalseFlag(qint64 id, const QString &note, QString *error)
{
    QString reason = QLatin1String(kFalseFlagReason);
    if (!note.trimmed().isEmpty())
        reason += QStringLiteral(": ") + note.trimmed();
    const auto item = find(id);
    if (!dismiss(id, reason, error))
        return false;
    QString field;
    if (const auto rule = FlagRuleStore(m_workspace).find(item->ruleId))
        field = rule->criterion().isEmpty()
                    ? QStringLiteral("rule:") + FlagRule::kindName(rule->kind)
                    : rule->criterion();
    m_workspace.audit(m_user, QStringLiteral("flag_disagreement"), item->interactionId, field,
                      item->reason, reason);
    return true;
}

bool CoachingItemStore::setOwner(qint64 id, const QString &owner, QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return false;
    }
    return update(*item, QStringLiteral("owner"), QStringLiteral("owner"), owner.trimmed(),
                  item->owner, owner.trimmed(), error);
}

bool CoachingItemStore::setNotes(qint64 id, const QString &notes, QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return false;
    }
    return update(*item, QStringLiteral("notes"), QStringLiteral("notes"), notes, item->notes,
                  notes, error);
}

bool CoachingItemStore::setDueDate(qint64 id, const QDate &due, QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return false;
    }
    const QString text = due.isValid() ? due.toString(Qt::ISODate) : QString();
    return update(*item, QStringLiteral("due_date"), QStringLiteral("due_date"),
                  due.isValid() ? QVariant(text) : QVariant(), item->dueDate.toString(Qt::ISODate),
                  text, error);
}

template <typename Action>
BulkResult CoachingItemStore::bulk(const QList<qint64> &ids, Action action)
{
    BulkResult result;
    QSqlDatabase db = m_workspace.database();
    // Joins the caller's transaction if it has one; otherwise all or nothing.
    const bool ownTransaction = !inTransaction(db);
    if (ownTransaction && !beginWriteTransaction(db)) {
        result.refused << QStringLiteral("another program kept the workspace busy; "
                                         "nothing was changed");
        return result;
    }
    for (qint64 id : ids) {
        QString error;
        if (action(id, &error))
            result.changed << id;
        else
            result.refused << error;
    }
    if (ownTransaction)
        db.commit();
    return result;
}

BulkResult CoachingItemStore::bulkSetStatus(const QList<qint64> &ids, CoachingStatus to)
{
    return bulk(ids, [&](qint64 id, QString *e) { return setStatus(id, to, e); });
}

BulkResult CoachingItemStore::bulkDismiss(const QList<qint64> &ids, const QString &reason)
{
    return bulk(ids, [&](qint64 id, QString *e) { return dismiss(id, reason, e); });
}

BulkResult CoachingItemStore::bulkSetOwner(const QList<qint64> &ids, const QString &owner)
{
    return bulk(ids, [&](qint64 id, QString *e) { return setOwner(id, owner, e); });
}

BulkResult CoachingItemStore::bulkSetDueDate(const QList<qint64> &ids, const QDate &due)
{
    return bulk(ids, [&](qint64 id, QString *e) { return setDueDate(id, due, e); });
}

qint64 CoachingItemStore::correctScore(qint64 id, const std::vector<CriterionResult> &corrections,
                                       QString *error)
{
    const auto item = find(id);
    if (!item) {
        *error = QObject::tr("Coaching item %1 does not exist.").arg(id);
        return -1;
    }
    EvaluationStore evaluations(m_workspace);
    const auto automated = evaluations.currentAutomated(item->interactionId);
    if (!automated) {
        *error = QObject::tr("Interaction %1 has no automated score to correct.")
                     .arg(item->interactionId);
        return -1;
    }
    const auto card = ScorecardRepository(m_workspace).version(automated->scorecardVersionId);
    if (!card) {
        *error = QObject::tr("The scorecard version of the automated score is missing.");
        return -1;
    }
    Evaluation human = *automated;
    human.id = -1;
    human.kind = EvaluatorKind::Human;
    human.evaluator = m_user;
    human.calibrationSessionId = -1;
    human.createdAtMs = 0;
    human.stale = false;
    QStringList changes;
    for (const CriterionResult &fix : corrections) {
        const Criterion *c = card->scorecard.criterion(fix.criterionId);
        if (!c) {
            *error = QObject::tr("The scorecard has no criterion \"%1\".").arg(fix.criterionId);
            return -1;
        }
        if (!fix.na &&
            (!fix.value || *fix.value < c->scale.minimum() || *fix.value > c->scale.maximum())) {
            *error = QObject::tr("\"%1\" takes a value from %2 to %3.")
                         .arg(c->name)
                         .arg(c->scale.minimum())
                         .arg(c->scale.maximum());
            return -1;
        }
        auto it = std::find_if(
            human.criteria.begin(), human.criteria.end(),
            [&](const CriterionResult &r) { return r.criterionId == fix.criterionId; });
        if (it == human.criteria.end()) {
            CriterionResult added;
            added.criterionId = fix.criterionId;
            added.max = c->scale.maximum();
            human.criteria.push_back(added);
            it = human.criteria.end() - 1;
        }
        const QString before = valueText(&*it);
        it->na = fix.na;
        it->value = fix.na ? std::optional<double>() : fix.value;
        it->comment = fix.comment;
        it->evidence.clear();
        it->rationale = QObject::tr("Corrected by %1 from coaching item %2.").arg(m_user).arg(id);
        if (before != valueText(&*it))
            changes << QStringLiteral("%1: %2 -> %3").arg(fix.criterionId, before, valueText(&*it));
    }
    // criterion_scores.comment and .rationale are NOT NULL, and a null QString binds as NULL.
    for (CriterionResult &r : human.criteria) {
        if (r.comment.isNull())
            r.comment = QStringLiteral("");
        if (r.rationale.isNull())
            r.rationale = QStringLiteral("");
    }
    const ScoreTotals totals = card->scorecard.totals(human.criteria);
    human.total = totals.total;
    human.passed = totals.passed;
    human.autoFailed = totals.autoFailed;
    const qint64 evaluationId = evaluations.save(human);
    if (evaluationId < 0) {
        *error = evaluations.lastError();
        return -1;
    }
    auto totalText = [](const std::optional<double> &t) {
        return t ? QString::number(*t, 'f', 1) : QStringLiteral("N/A");
    };
    m_workspace.audit(m_user, QStringLiteral("coaching_item"), id,
                      QStringLiteral("score_corrected"), totalText(automated->total),
                      QStringLiteral("%1 (evaluation %2; %3)")
                          .arg(totalText(human.total))
                          .arg(evaluationId)
                          .arg(changes.isEmpty() ? QObject::tr("no change")
                                                 : changes.join(QStringLiteral(", "))));
    return evaluationId;
}

} // namespace qaw
