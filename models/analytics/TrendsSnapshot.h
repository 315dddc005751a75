#pragma once

#include "analytics/DriverAnalysis.h"
#include "analytics/TrendQueries.h"

#include <QString>

#include <map>
#include <vector>

namespace qaw {

class Workspace;

//! One line of the quality chart: a label and the filter that defines it.
struct SeriesSpec
{
    QString label;
    InteractionFilter filter;
};

//! Everything the Trends workspace asks for after a filter change.
struct TrendsRequest
{
    InteractionFilter filter;       //!< the shared filter (the first series)
    std::vector<SeriesSpec> series; //!< every line of the quality chart, first = filter
    Bucketing bucketing = Bucketing::Week;
    Outcome outcome = Outcome::Csat;
    //! 10 points: the roll-ups keep bins of 10, so any multiple of 10 is served from them;
    //! other widths read every matching interaction (a second or more at a million).
    double histogramWidth = 10;
};

struct SeriesPoints
{
    SeriesSpec spec;
    std::vector<TrendPoint> points;
};

//! The answers, computed together (on a worker thread by the view) and then drawn.
struct TrendsSnapshot
{
    TrendsRequest request;
    std::vector<CriterionPassMark> criteria;
    std::vector<SeriesPoints> series;
    std::map<QString, std::vector<CriterionPoint>> criterionResults;
    std::vector<HistogramBin> histogram;
    std::vector<HeatCell> heatMap;
    std::vector<AutoVsHumanPoint> automatedVsHuman;
    std::vector<Marker> markers;
    std::vector<DriverRow> drivers;
    Scatter scatter;
    qint64 elapsedMs = 0;
};

TrendsSnapshot computeTrends(Workspace &ws, const TrendsRequest &request);

} // namespace qaw
