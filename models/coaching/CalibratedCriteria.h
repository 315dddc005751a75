#pragma once

#include <QString>
#include <QStringList>

namespace qaw {

class Workspace;

//! The workspace setting that lists the criteria whose automated verdicts the calibration
//! statistics have shown to be trustworthy: a JSON array of criterion ids, e.g.
//! ["greeting","verification"]. The calibration code writes it; coaching only reads it.
inline constexpr const char kCalibratedCriteriaSetting[] = "calibrated_criteria";

//! True when \a criterionId is listed in the workspace setting `calibrated_criteria`.
//! A missing or malformed setting means no criterion is calibrated yet.
bool isCriterionCalibrated(const Workspace &workspace, const QString &criterionId);

//! Every calibrated criterion id (empty when none or when the setting is malformed).
QStringList calibratedCriteria(const Workspace &workspace);

} // namespace qaw
