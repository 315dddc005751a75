#pragma once

#include "domain/Evaluation.h"

#include <QSqlQuery>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Evaluations (automated or human) with their criterion scores and evidence. Saving an
//! automated evaluation also refreshes the interaction's score summary columns
//! (auto_total, auto_passed, auto_failed, auto_evaluation_id, needs_scoring = 0) that
//! the views filter and sort on; saving a human one sets has_human.
//! Writes run inside the caller's transaction when there is one (batch them: scoring
//! writes thousands per commit).
class EvaluationStore
{
public:
    explicit EvaluationStore(Workspace &workspace);

    //! Inserts \a evaluation and returns its id, or -1 with lastError() set.
    qint64 save(const Evaluation &evaluation);

    //! Empty when there is no such evaluation or its scores cannot be read (lastError()
    //! says why): a damaged evaluation is never shown with fewer scores.
    std::optional<Evaluation> load(qint64 evaluationId) const;
    //! Every evaluation of an interaction, newest first.
    std::vector<Evaluation> forInteraction(qint64 interactionId) const;
    //! The interaction's current automated evaluation (the one its summary points at).
    std::optional<Evaluation> currentAutomated(qint64 interactionId) const;

    QString lastError() const { return m_error; }

private:
    bool prepare();
    std::vector<Evaluation> loadWhere(const QString &where, qint64 value) const;

    Workspace &m_workspace;
    bool m_prepared = false;
    QSqlQuery m_insertEvaluation;
    QSqlQuery m_insertScore;
    QSqlQuery m_updateAutoSummary;
    QSqlQuery m_updateHumanSummary;
    mutable QString m_error; //!< set by the loads too
};

} // namespace qaw
