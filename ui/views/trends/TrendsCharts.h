#pragma once

#include "analytics/TrendsSnapshot.h"

#include <QStringList>

class QCustomPlot;

namespace qaw {

class ChartInteraction;

//! Draws each Trends chart from a snapshot into its QCustomPlot and registers, for
//! every data point, the tooltip and the drill-down filter. Each call replaces what the
//! plot showed and replots once.
namespace trendsCharts {

void drawQuality(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s);
//! Pass rates of \a criterionIds (all criteria when empty).
void drawCriteria(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s,
                  const QStringList &criterionIds);
void drawHistogram(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s);
void drawHeatMap(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s);
void drawAutoVsHuman(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s);
void drawScatter(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s);

//! Common look: fonts, grid, margins, an empty-state message.
void styleChart(QCustomPlot *plot);

} // namespace trendsCharts
} // namespace qaw
