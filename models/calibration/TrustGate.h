#pragma once

#include "calibration/AgreementAdapter.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace qaw {

class Workspace;
struct Scorecard;

//! Whether one criterion's automated scores can be trusted.
struct CriterionCalibration
{
    QString criterionId;
    QString criterionName;
    int calibratedItems = 0; //!< interactions with an automated and a human value
    int units = 0;           //!< (interaction, reviewer) pairs the alpha is computed over
    NamedStatistic alpha;    //!< automated vs human, ordinal (nominal for yes/no)
    bool calibrated = false;
    QString reason;          //!< why not, in words; empty when calibrated
};

//! The trust gate of every criterion of a scorecard, for the views ("not calibrated"
//! badges) and the coaching rules.
struct CalibrationStatus
{
    double threshold = 0.667;
    int minimumItems = 30;
    std::vector<CriterionCalibration> criteria;
    //! Why the scores could not be read (damaged packed scores, say); then there are no
    //! criteria and nothing is published.
    QString error;

    bool isCalibrated(const QString &criterionId) const;
    const CriterionCalibration *criterion(const QString &criterionId) const;
    QStringList calibratedIds() const;
};

//! Trust gating. A criterion is calibrated when its automated-vs-human Krippendorff's alpha
//! (ordinal; nominal for yes/no) is at least the threshold and at least the minimum number
//! of interactions has both an automated and a human value for it.
//!
//! The alpha is computed over every human evaluation in the workspace (inside calibration
//! sessions or not) against the interaction's current automated evaluation: each
//! (interaction, reviewer) pair is one unit with two ratings, the automated and the human
//! one (a reviewer's latest evaluation of an interaction counts once); N/A on either side
//! leaves the unit out. Settings (workspace_settings): calibration_alpha_threshold
//! (default 0.667), calibration_min_items (default 30). The result is published as a JSON
//! array of criterion ids under calibrated_criteria.
class TrustGate
{
public:
    static constexpr double kDefaultThreshold = 0.667;
    static constexpr int kDefaultMinimumItems = 30;
    static const QString kThresholdKey;
    static const QString kMinimumItemsKey;
    static const QString kCalibratedKey;

    static double threshold(const Workspace &workspace);
    static int minimumItems(const Workspace &workspace);

    static CalibrationStatus compute(const Workspace &workspace, const Scorecard &scorecard);
    //! Writes calibrated_criteria; false when the workspace could not be written.
    static bool publish(Workspace &workspace, const CalibrationStatus &status);
    //! compute() on the workspace's active scorecard, then publish().
    static CalibrationStatus refresh(Workspace &workspace);
    //! What was last published (empty when never).
    static QStringList publishedCalibratedCriteria(const Workspace &workspace);
};

} // namespace qaw
