#pragma once

#include "domain/Evaluation.h"

#include <QString>

#include <optional>

namespace qaw {

class Workspace;
struct Scorecard;

//! Human evaluations: one per (interaction, reviewer, calibration session or none).
//! Saving again updates that evaluation in place, and every changed value (a criterion's
//! score or N/A, its comment, the total) goes to the audit log with the old and the new
//! value, under the reviewer's name. The first save is logged as "created".
class HumanEvaluationStore
{
public:
    explicit HumanEvaluationStore(Workspace &workspace);

    //! The reviewer's evaluation of the interaction in the session (-1: outside any).
    std::optional<Evaluation> find(qint64 interactionId, const QString &reviewer,
                                   qint64 sessionId) const;

    //! Saves \a evaluation (kind Human; evaluator = the reviewer) with its totals worked out
    //! by \a scorecard. Values are checked against each criterion's scale. Returns the
    //! evaluation id, or -1 with \a error set. Runs in its own transaction.
    qint64 save(Evaluation evaluation, const Scorecard &scorecard, QString *error);

    //! The audit text of a criterion result: "N/A", the value, or "" (not scored).
    static QString valueText(const CriterionResult *result);

private:
    bool update(const Evaluation &old, const Evaluation &now, QString *error);
    Workspace &m_workspace;
};

} // namespace qaw
