#pragma once

#include "analytics/Buckets.h"
#include "analytics/CriterionPassMarks.h"
#include "analytics/Statistics.h"
#include "storage/InteractionFilter.h"

#include <QDate>
#include <QString>

#include <map>
#include <vector>

namespace qaw {

class Workspace;

//! One bucket of a trend: how many values and their mean, standard deviation and the
//! 95% confidence interval of the mean (t distribution). Empty buckets have n = 0 and
//! NaN statistics; a single value has a mean but no spread.
struct TrendPoint
{
    QDate bucket;
    qint64 n = 0;
    double mean = stats::undefined();
    double sd = stats::undefined();
    double ciLow = stats::undefined();
    double ciHigh = stats::undefined();

    static TrendPoint of(const QDate &bucket, const stats::Moments &m);
};

//! One bucket of a criterion's results: applicable interactions, how many passed, and
//! the mean normalised score (0-1).
struct CriterionPoint
{
    QDate bucket;
    qint64 n = 0;
    qint64 passed = 0;
    double passRate = stats::undefined();
    double meanNormalised = stats::undefined();
};

struct HistogramBin
{
    double lower = 0;
    double upper = 0; //!< exclusive, except the last bin which holds 100
    qint64 count = 0;
};

struct HeatCell
{
    qint64 agentId = -1;
    QString agentName;
    QString criterionId;
    qint64 n = 0;
    qint64 passed = 0;
    double passRate = stats::undefined();
};

struct AutoVsHumanPoint
{
    TrendPoint automated; //!< automated totals of interactions that have a human review
    TrendPoint human;     //!< human totals (each human evaluation counts once)
};

struct Marker
{
    enum class Kind { ScorecardVersion, Coaching };
    Kind kind = Kind::ScorecardVersion;
    QDate date;
    QString label;
};

//! The aggregates behind the Trends charts. Every figure comes from one SQL aggregate
//! per chart over the shared InteractionFilter; SQL groups by day, and weeks and months
//! are exact merges of the daily sums. Only interactions with an automated total count.
namespace trends {

//! The range of buckets: the filter's dates when set, else the data's first/last day.
std::vector<TrendPoint> automatedTotal(Workspace &ws, const InteractionFilter &filter,
                                       Bucketing bucketing);

std::map<QString, std::vector<CriterionPoint>>
criterionResults(Workspace &ws, const InteractionFilter &filter, Bucketing bucketing,
                 const std::vector<CriterionPassMark> &criteria);

//! Bins of \a width over 0-100.
std::vector<HistogramBin> histogram(Workspace &ws, const InteractionFilter &filter,
                                    double width = 10);

//! Agents x criteria pass rates, agents by name.
std::vector<HeatCell> heatMap(Workspace &ws, const InteractionFilter &filter,
                              const std::vector<CriterionPassMark> &criteria);

std::vector<AutoVsHumanPoint> automatedVsHuman(Workspace &ws, const InteractionFilter &filter,
                                               Bucketing bucketing);

//! Scorecard version changes, and coaching sessions of \a agentId (when >= 0), inside
//! the filter's dates when set.
std::vector<Marker> markers(Workspace &ws, const InteractionFilter &filter, qint64 agentId);

//! The filter that selects exactly the interactions behind \a bucket of a chart drawn
//! with \a filter: the same filter narrowed to the bucket's days, scored ones only.
InteractionFilter bucketFilter(const InteractionFilter &filter, const QDate &bucket,
                               Bucketing bucketing);

//! The filter that selects exactly the interactions counted in histogram \a bin.
InteractionFilter binFilter(const InteractionFilter &filter, const HistogramBin &bin);

} // namespace trends
} // namespace qaw
