#pragma once

#include "stats/AgreementReport.h"

#include <QJsonObject>

namespace qaw {

//! The report as JSON with the names `qaw agreement` documents: cohen_kappa {unweighted,
//! linear, quadratic}, fleiss_kappa {fleiss, randolph_free_marginal}, krippendorff_alpha
//! {nominal, ordinal, interval, ratio}, icc {"ICC(1,1)", ...}, pearson_r, spearman_rho,
//! mean_absolute_error, root_mean_squared_error, mean_signed_bias, percent_agreement {...}
//! (in percent). An undefined statistic is null, and its reason is in `undefined` under its
//! dotted name ("cohen_kappa.unweighted"). Bootstrap intervals are in confidence_intervals.
QJsonObject agreementReportToJson(const AgreementReport &report);

} // namespace qaw
