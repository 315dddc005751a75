#include "analytics/TrendsSnapshot.h"

#include <QElapsedTimer>

namespace qaw {

TrendsSnapshot computeTrends(Workspace &ws, const TrendsRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    TrendsSnapshot s;
    s.request = request;
    s.criteria = activeCriteria(ws);
    for (const SeriesSpec &spec : request.series)
        s.series.push_back({spec, trends::automatedTotal(ws, spec.filter, request.bucketing)});
    const InteractionFilter &f = request.filter;
    s.criterionResults = trends::criterionResults(ws, f, request.bucketing, s.criteria);
    s.histogram = trends::histogram(ws, f, request.histogramWidth);
    s.heatMap = trends::heatMap(ws, f, s.criteria);
    s.automatedVsHuman = trends::automatedVsHuman(ws, f, request.bucketing);
    s.markers = trends::markers(ws, f, f.agentId);
    s.drivers = drivers::table(ws, f, request.outcome, s.criteria);
    s.scatter = drivers::totalVsCsat(ws, f);
    s.elapsedMs = timer.elapsed();
    return s;
}

} // namespace qaw
