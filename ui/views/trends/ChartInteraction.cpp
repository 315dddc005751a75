#include "views/trends/ChartInteraction.h"

#include <QToolTip>

#include <qcustomplot.h>

namespace qaw {

ChartInteraction::ChartInteraction(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    plot->setMouseTracking(true);
    connect(plot, &QCustomPlot::mouseMove, this, &ChartInteraction::onMove);
    connect(plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent *event) { m_pressPos = event->pos(); });
    connect(plot, &QCustomPlot::mouseRelease, this, &ChartInteraction::onRelease);
}

void ChartInteraction::clear()
{
    m_points.clear();
    m_cells = nullptr;
}

void ChartInteraction::setPoints(QCPAbstractPlottable *plottable, std::vector<Point> points)
{
    m_points.insert(plottable, std::move(points));
}

const ChartInteraction::Point *ChartInteraction::pointAt(QCPAbstractPlottable *plottable,
                                                         int index) const
{
    const auto it = m_points.constFind(plottable);
    if (it == m_points.constEnd() || index < 0 || size_t(index) >= it->size())
        return nullptr;
    return &(*it)[size_t(index)];
}

const std::vector<ChartInteraction::Point> *
ChartInteraction::pointsOf(QCPAbstractPlottable *plottable) const
{
    const auto it = m_points.constFind(plottable);
    return it == m_points.constEnd() ? nullptr : &*it;
}

const ChartInteraction::Point *ChartInteraction::hit(const QPoint &pos) const
{
    int index = -1;
    // The topmost plottable with points under the cursor (bands and fills have none).
    for (int i = m_plot->plottableCount() - 1; i >= 0; --i) {
        QCPAbstractPlottable *p = m_plot->plottable(i);
        if (!m_points.contains(p) || !p->visible())
            continue;
        QVariant details;
        const double distance = p->selectTest(pos, false, &details);
        if (distance < 0 || distance > m_plot->selectionTolerance())
            continue;
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        index = selection.isEmpty() ? -1 : selection.dataRange().begin();
        if (const Point *point = pointAt(p, index))
            return point;
    }
    if (m_cells && m_plot->axisRect()->rect().contains(pos)) {
        const double x = m_plot->xAxis->pixelToCoord(pos.x());
        const double y = m_plot->yAxis->pixelToCoord(pos.y());
        return m_cells(x, y);
    }
    return nullptr;
}

void ChartInteraction::onMove(QMouseEvent *event)
{
    const Point *point = hit(event->pos());
    if (point)
        QToolTip::showText(event->globalPosition().toPoint(), point->tooltip, m_plot);
    else
        QToolTip::hideText();
}

void ChartInteraction::onRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressPos).manhattanLength() > 4)
        return; // a drag, not a click
    const Point *point = hit(event->pos());
    if (point && point->drillable)
        emit drillDown(point->filter);
}

} // namespace qaw
