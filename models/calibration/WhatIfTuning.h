#pragma once

#include "calibration/AgreementAdapter.h"
#include "domain/Evaluation.h"
#include "domain/Scorecard.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Scores one interaction on one (changed) criterion of a scorecard, without saving.
//! Returns nullopt with \a error set when it cannot.
using CriterionRescorer = std::function<std::optional<CriterionResult>(
    const Scorecard &changedScorecard, const QString &criterionId, qint64 interactionId,
    QString *error)>;

struct WhatIfResult
{
    QString criterionId;
    int interactions = 0;  //!< interactions of the sessions with a human rating
    int units = 0;         //!< (interaction, reviewer) pairs compared
    int changedScores = 0; //!< interactions whose automated value the change moves
    std::vector<NamedStatistic> before; //!< automated vs human, pooled over reviewers
    std::vector<NamedStatistic> after;
    NamedStatistic alphaBefore; //!< the trust-gate alpha, before and after
    NamedStatistic alphaAfter;
};

//! What-if tuning: change a detector criterion's settings (phrases, thresholds) and see
//! how agreement with the humans of chosen calibration sessions would change, before
//! saving a new scorecard version. Nothing is written to the workspace.
//!
//! Units are the (interaction, reviewer) pairs of the sessions' human evaluations, as in
//! the trust gate. "Before" uses the interaction's current automated evaluation; "after"
//! re-scores the criterion with the changed settings through the rescorer.
class WhatIfTuning
{
public:
    explicit WhatIfTuning(Workspace &workspace);

    //! The scorer hook: by default the automated scorer (ScorecardScorer); tests and
    //! callers may put another in its place.
    void setRescorer(CriterionRescorer rescorer) { m_rescorer = std::move(rescorer); }
    bool hasRescorer() const { return bool(m_rescorer); }

    //! \a base with the criterion of the same id replaced by \a criterionJson (one
    //! criterion object of the scorecard format), validated like any scorecard.
    static std::optional<Scorecard> withChangedCriterion(const Scorecard &base,
                                                         const QByteArray &criterionJson,
                                                         QString *criterionId, QString *error);

    std::optional<WhatIfResult> run(const std::vector<qint64> &sessionIds,
                                    const Scorecard &changedScorecard,
                                    const QString &criterionId, QString *error) const;

private:
    Workspace &m_workspace;
    CriterionRescorer m_rescorer;
};

} // namespace qaw
