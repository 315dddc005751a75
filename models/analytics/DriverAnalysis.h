#pragma once

#include "analytics/CriterionPassMarks.h"
#include "analytics/Statistics.h"
#include "storage/InteractionFilter.h"

#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! The customer outcomes quality is linked to.
//! Csat: mean survey score; Fcr: the repeat-contact-within-7-days rate (0-1; lower is
//! better, FCR = 1 - rate); Aht: mean handle time in seconds.
enum class Outcome { Csat, Fcr, Aht };

QString outcomeName(Outcome outcome); //!< "csat", "fcr", "aht"
std::optional<Outcome> outcomeFromName(const QString &name);

//! One criterion's link to an outcome, using each interaction's current automated
//! evaluation: the outcome when the criterion passed vs failed (N/A left out), the
//! difference pass - fail with its 95% interval (Welch for means, unpooled Wald for the
//! repeat rate), and whether the groups are too small to say (either below
//! kMinimumGroup).
struct DriverRow
{
    QString criterionId;
    QString criterionName;
    qint64 nPass = 0;
    qint64 nFail = 0;
    double outcomePass = stats::undefined();
    double outcomeFail = stats::undefined();
    double difference = stats::undefined();
    double ciLow = stats::undefined();
    double ciHigh = stats::undefined();
    bool tooFewToSay = true;

    static constexpr qint64 kMinimumGroup = 30;
    //! The interval excludes zero.
    bool significant() const { return ciLow > 0 || ciHigh < 0; }
};

//! Automated total vs CSAT per agent-week (mean of each), with the least-squares line
//! and Pearson and Spearman correlations of those points.
struct ScatterPoint
{
    qint64 agentId = -1;
    QDate week; //!< Monday
    qint64 n = 0;
    double total = 0;
    double csat = 0;
};

struct Scatter
{
    std::vector<ScatterPoint> points;
    stats::Fit fit;
};

namespace drivers {

//! Ranked: rows with enough data first, then by the size of the difference (largest
//! first); criteria that were always N/A (or unscored) are left out.
std::vector<DriverRow> table(Workspace &ws, const InteractionFilter &filter, Outcome outcome,
                             const std::vector<CriterionPassMark> &criteria);

Scatter totalVsCsat(Workspace &ws, const InteractionFilter &filter);

//! The filter of exactly the interactions behind \a point of a scatter drawn with
//! \a filter: the agent's week, scored, with a CSAT.
InteractionFilter pointFilter(const InteractionFilter &filter, const ScatterPoint &point);

} // namespace drivers
} // namespace qaw
