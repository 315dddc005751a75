#pragma once

#include "analytics/DriverAnalysis.h"
#include "analytics/TrendQueries.h"

#include <QJsonArray>
#include <QString>

#include <map>
#include <vector>

namespace qaw::analyticsExport {

//! The same numbers as the charts and `qaw report`, as JSON (undefined values are null)
//! and as CSV (undefined values are empty cells). One format for the GUI and the CLI.
QJsonArray trendJson(const std::vector<TrendPoint> &points);
QString trendCsv(const std::vector<TrendPoint> &points);

QJsonArray criterionJson(const QString &criterionId, const std::vector<CriterionPoint> &points);
QString criterionCsv(const std::map<QString, std::vector<CriterionPoint>> &byCriterion);

QJsonArray driversJson(const std::vector<DriverRow> &rows, Outcome outcome);
QString driversCsv(const std::vector<DriverRow> &rows, Outcome outcome);

QString histogramCsv(const std::vector<HistogramBin> &bins);
QString heatMapCsv(const std::vector<HeatCell> &cells);
QString autoVsHumanCsv(const std::vector<AutoVsHumanPoint> &points);
QString scatterCsv(const Scatter &scatter);

//! A number for CSV: empty when undefined, else shortest round-trip text.
QString csvNumber(double value);

} // namespace qaw::analyticsExport
