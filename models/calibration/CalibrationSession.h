#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! How the interactions of a calibration session were chosen.
enum class SamplingMethod {
    Random,     //!< uniformly among the automatically scored interactions
    Stratified, //!< equal shares from the low, middle and high third of automated totals
    Flagged,    //!< uniformly among the flagged interactions
    HandPicked, //!< exactly the ids given
    NeedsReview, //!< uniformly among interactions whose automated verdicts need review
};

QString samplingMethodName(SamplingMethod method); //!< "random", "stratified", ...
std::optional<SamplingMethod> samplingMethodFromName(const QString &name);

struct SessionReviewer
{
    QString name;
    qint64 submittedAtMs = -1; //!< -1 until the reviewer submits
    bool submitted() const { return submittedAtMs >= 0; }
};

//! A sample of interactions graded by a set of reviewers and the automated scorer on one
//! scorecard version. Blind: a reviewer sees no automated score (and no other reviewer's
//! score) for the session until they have submitted their own.
struct CalibrationSession
{
    qint64 id = -1;
    QString name;
    qint64 scorecardVersionId = -1;
    SamplingMethod sampling = SamplingMethod::HandPicked;
    bool blind = true;
    QString status = QStringLiteral("open"); //!< open or closed
    qint64 createdAtMs = 0;
    QString createdBy;
    std::vector<SessionReviewer> reviewers;
    std::vector<qint64> interactionIds; //!< in the order they were sampled

    const SessionReviewer *reviewer(const QString &name) const;
    QStringList reviewerNames() const;
};

} // namespace qaw
