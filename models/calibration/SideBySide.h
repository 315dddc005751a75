#pragma once

#include "calibration/CalibrationSession.h"
#include "domain/Evaluation.h"
#include "domain/Scorecard.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! One rating in the side-by-side table.
struct SideBySideRating
{
    bool present = false;  //!< the rater scored this criterion (a value or N/A)
    bool hidden = false;   //!< blind session: not shown to this viewer yet
    std::optional<double> value;
    bool na = false;
    QString comment;
    bool hasValue() const { return present && !hidden && !na && value.has_value(); }
};

//! One interaction and one criterion (or the total): the automated rating with its
//! evidence, each reviewer's rating, the spread and whether they disagree.
struct SideBySideLine
{
    qint64 interactionId = -1;
    QString interactionLabel; //!< external id, for people
    QString criterionId;      //!< kTotalId for the weighted total
    QString criterionName;
    bool isTotal = false;
    bool yesNo = false;       //!< the criterion's scale is yes/no (1 yes, 0 no)
    SideBySideRating automated;
    QString rationale;       //!< the automated rule's explanation
    QStringList evidence;    //!< the quoted words the automated score rests on
    std::vector<SideBySideRating> reviewers; //!< in session reviewer order
    std::optional<double> spread; //!< highest minus lowest visible value (scale points)
    bool disagreement = false;
};

//! What one viewer may see of a session. A reviewer of a blind session who has not
//! submitted sees only their own ratings: no automated value, evidence or rationale, no
//! other reviewer's rating, no spread and no disagreement flag (those would leak them).
struct SideBySide
{
    qint64 sessionId = -1;
    QString viewer;
    bool automatedHidden = false;
    QStringList reviewers;
    std::vector<SideBySideLine> lines; //!< per interaction, criteria in scorecard order, then total

    std::vector<SideBySideLine> disagreementsOnly() const;
};

//! Builds the side-by-side data of a calibration session.
//!
//! Disagreement rule (per criterion): among the visible ratings with a value, two differ
//! in pass/fail (Scale::isFail: below the middle of the scale) or differ by at least one
//! scale point; or one rater scored the criterion N/A and another gave it a value. For the
//! total: the raters differ in passed / not passed, or by at least 10 points of 100.
class SideBySideBuilder
{
public:
    static constexpr const char *kTotalId = "total";
    static constexpr double kTotalDisagreementPoints = 10;

    explicit SideBySideBuilder(Workspace &workspace);

    //! The view of \a viewer: a session reviewer sees what the blind rule allows; anyone
    //! else (the facilitator) sees everything. An unknown session gives nullopt.
    std::optional<SideBySide> build(qint64 sessionId, const QString &viewer) const;
    //! Everything, whoever asks: for reports once the session is over.
    std::optional<SideBySide> buildUnblinded(qint64 sessionId) const;

    //! The disagreement rule on a set of ratings of one criterion.
    static bool disagree(const Scale &scale, const std::vector<SideBySideRating> &ratings);

private:
    std::optional<SideBySide> make(qint64 sessionId, const QString &viewer, bool unblinded) const;
    Workspace &m_workspace;
};

} // namespace qaw
