#pragma once

#include "storage/InteractionFilter.h"

#include <QHash>
#include <QObject>
#include <QPoint>
#include <QString>

#include <functional>
#include <vector>

class QCustomPlot;
class QCPAbstractPlottable;
class QMouseEvent;

namespace qaw {

//! What hovering and clicking a chart does: each data point of a plottable carries a
//! tooltip (value and count) and the filter of the interactions behind it. Clicking a
//! point emits drillDown with that filter. A colour map (no data points) answers
//! through a lookup of plot coordinates instead.
class ChartInteraction : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        QString tooltip;
        InteractionFilter filter;
        bool drillable = true;
    };
    using CellLookup = std::function<const Point *(double x, double y)>;

    explicit ChartInteraction(QCustomPlot *plot);

    void clear();
    //! The points of \a plottable, in the order of its data (keys ascending).
    void setPoints(QCPAbstractPlottable *plottable, std::vector<Point> points);
    void setCellLookup(CellLookup lookup) { m_cells = std::move(lookup); }

    const Point *pointAt(QCPAbstractPlottable *plottable, int index) const;
    const std::vector<Point> *pointsOf(QCPAbstractPlottable *plottable) const;

signals:
    void drillDown(const qaw::InteractionFilter &filter);

private:
    const Point *hit(const QPoint &pos) const;
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);

    QCustomPlot *m_plot;
    QHash<QCPAbstractPlottable *, std::vector<Point>> m_points;
    CellLookup m_cells;
    QPoint m_pressPos;
};

} // namespace qaw
