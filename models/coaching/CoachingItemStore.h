#pragma once

#include "coaching/CoachingStatus.h"
#include "domain/Evaluation.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

struct CoachingItem
{
    qint64 id = -1;
    qint64 interactionId = -1;
    qint64 ruleId = -1;
    qint64 agentId = -1;
    CoachingStatus status = CoachingStatus::New;
    QString reason;
    double priority = 0;
    QString owner;
    QString notes;
    QDate dueDate;
    QString dismissedReason;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

//! The reason stored for a flag the supervisor says should not have been raised.
inline constexpr const char kFalseFlagReason[] = "false flag";

//! What a bulk action did: the items changed and, for each item refused, why.
struct BulkResult
{
    QList<qint64> changed;
    QStringList refused;
};

//! The workflow of coaching items. Every change is checked (invalid transitions are
//! refused with a message saying which moves are allowed) and written to the audit log
//! with who, when, the old and the new value.
class CoachingItemStore
{
public:
    CoachingItemStore(Workspace &workspace, const QString &user);

    std::optional<CoachingItem> find(qint64 id) const;
    std::vector<CoachingItem> forAgent(qint64 agentId, bool openOnly) const;

    //! Moves an item one step on (Dismissed goes through dismiss(), which needs a reason).
    bool setStatus(qint64 id, CoachingStatus to, QString *error);
    bool dismiss(qint64 id, const QString &reason, QString *error);
    //! Dismisses the item as a false flag and records the disagreement with the
    //! automation: an audit_log row (entity "flag_disagreement", entity_id the
    //! interaction, field the rule's criterion or "rule:<kind>", old_value what the rule
    //! said, new_value "false flag[: note]") that the calibration statistics read.
    bool dismissFalseFlag(qint64 id, const QString &note, QString *error);
    bool setOwner(qint64 id, const QString &owner, QString *error);
    bool setNotes(qint64 id, const QString &notes, QString *error);
    bool setDueDate(qint64 id, const QDate &due, QString *error);

    //! Bulk actions: each item is checked on its own; the valid ones change (in one
    //! transaction) and the refused ones are listed with why.
    BulkResult bulkSetStatus(const QList<qint64> &ids, CoachingStatus to);
    BulkResult bulkDismiss(const QList<qint64> &ids, const QString &reason);
    BulkResult bulkSetOwner(const QList<qint64> &ids, const QString &owner);
    BulkResult bulkSetDueDate(const QList<qint64> &ids, const QDate &due);

    //! Saves a human evaluation of the item's interaction by this store's user: the
    //! current automated verdicts with \a corrections applied (matched by criterion id;
    //! value, N/A and comment), totals recomputed with the evaluation's scorecard
    //! version. It is a correction that feeds calibration. Returns the evaluation id,
    //! or -1 with \a error set.
    qint64 correctScore(qint64 id, const std::vector<CriterionResult> &corrections, QString *error);

private:
    bool update(const CoachingItem &item, const QString &column, const QString &field,
                const QVariant &value, const QString &oldText, const QString &newText,
                QString *error);
    bool refreshFlagged(qint64 interactionId);
    template <typename Action> BulkResult bulk(const QList<qint64> &ids, Action action);

    Workspace &m_workspace;
    QString m_user;
};

} // namespace qaw
