#pragma once

#include "calibration/AgreementAdapter.h"
#include "calibration/CalibrationSession.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Agreement of two raters (or of all reviewers together) on one criterion or the total.
struct RaterComparison
{
    QString label; //!< "automated vs alice", "alice vs bob", "all reviewers"
    QString kind;  //!< "automated_vs_human", "human_vs_human", "all_reviewers"
    int pairedItems = 0; //!< items where every compared rater gave a value (not N/A)
    std::vector<NamedStatistic> statistics;
};

struct CriterionAgreement
{
    QString criterionId; //!< "total" for the weighted total
    QString criterionName;
    QString scale;       //!< yes_no, scale_1_5, points, total_0_100
    int items = 0;               //!< interactions in the session
    int automatedRated = 0;      //!< with an automated value (not N/A)
    QList<int> reviewerRated;    //!< per reviewer, with a value
    int disagreements = 0;       //!< lines flagged by the side-by-side disagreement rule
    bool calibrated = false;     //!< the workspace-wide trust gate (CalibrationStatus)
    std::vector<RaterComparison> comparisons;
};

//! The report of one calibration session: per criterion and for the total, the agreement
//! of the automated scorer with each reviewer and of the reviewers with each other, with
//! counts. Always unblinded: it is for the facilitator.
struct SessionReport
{
    CalibrationSession session;
    QString scorecardName;
    int scorecardVersion = 0;
    std::vector<CriterionAgreement> criteria; //!< scorecard order, then the total

    //! Builds the report; \a bootstrapResamples 0 leaves out confidence intervals.
    static std::optional<SessionReport> build(Workspace &workspace, qint64 sessionId,
                                              QString *error, int bootstrapResamples = 1000);

    QJsonObject toJson() const;
    //! One row per statistic: criterion, comparison, statistic, value, CI, undefined reason.
    QString toCsv() const;
    QString toText() const;
    QString toHtml() const; //!< what the PDF shows
    //! Writes the report as PDF (needs a QGuiApplication for fonts).
    bool writePdf(const QString &path, QString *error) const;
};

//! Formats a statistic for people: "0.734", or "undefined (reason)".
QString statisticText(const NamedStatistic &statistic, int decimals = 3);

} // namespace qaw
