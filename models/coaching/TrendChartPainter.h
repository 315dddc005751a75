#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace qaw {

struct ChartSeries
{
    QString label;
    QColor colour;
    std::vector<std::optional<double>> values; //!< one per x label; empty = a gap
    bool dashed = false;
};

struct ChartMarker
{
    double position = 0; //!< in x-label units (0 = first label), fractions allowed
    QString label;
};

//! A small line chart drawn with QPainter only (QCustomPlot is not available to the
//! core library), for the coaching packet: weekly values, a legend, vertical markers
//! for coaching sessions.
struct TrendChart
{
    QString title;
    QStringList xLabels;
    std::vector<ChartSeries> series;
    std::vector<ChartMarker> markers;
    double yMin = 0;
    double yMax = 100;
    QString yUnit; //!< appended to the y tick labels, e.g. "%"

    void paint(QPainter &painter, const QRectF &rect) const;
    //! The chart as an image of \a size pixels (white background).
    QImage render(const QSize &size) const;
};

} // namespace qaw
