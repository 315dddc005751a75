#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! One agreement statistic, named exactly, with its value or the reason it is undefined.
struct NamedStatistic
{
    QString key;  //!< stable machine name, e.g. "krippendorff_alpha_ordinal"
    QString name; //!< what a person reads, e.g. "Krippendorff's alpha (ordinal)"
    std::optional<double> value;
    QString undefinedReason;
    std::optional<double> ciLower; //!< bootstrap 95% interval, when computed and defined
    std::optional<double> ciUpper;
};

//! How the ratings are measured, which chooses the statistics that apply.
enum class RatingLevel {
    YesNo,   //!< two categories: nominal
    Ordinal, //!< 1-5 or 0-N points
    Total,   //!< 0-100 weighted totals: interval
};

using RatingColumn = std::vector<std::optional<double>>; //!< one rater, item by item

//! The only place calibration calls the agreement statistics library (models/stats/),
//! so that its functions plug in here and nowhere else. Missing ratings are nullopt.
namespace agreement {

//! Two raters (\a first is the automated scorer where there is one: bias = first minus
//! second). \a categories: the declared scale (empty for totals).
std::vector<NamedStatistic> pair(const RatingColumn &first, const RatingColumn &second,
                                 RatingLevel level, const QList<double> &categories,
                                 int bootstrapResamples = 1000);

//! Three or more raters together (Fleiss, Randolph, alpha, all-raters percent agreement).
std::vector<NamedStatistic> group(const std::vector<RatingColumn> &raters, RatingLevel level,
                                  const QList<double> &categories,
                                  int bootstrapResamples = 1000);

//! Krippendorff's alpha over units of ratings (each unit a list of pairable values): the
//! trust-gating statistic, ordinal (nominal for yes/no), no bootstrap.
NamedStatistic alpha(const std::vector<RatingColumn> &raters, RatingLevel level);

} // namespace agreement
} // namespace qaw
