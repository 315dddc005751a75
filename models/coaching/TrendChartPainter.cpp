#include "coaching/TrendChartPainter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace qaw {

void TrendChart::paint(QPainter &painter, const QRectF &rect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double unit = rect.height() / 40.0; // everything scales with the chart height
    QFont font = painter.font();
    font.setPixelSize(std::max(8, int(unit * 1.6)));
    painter.setFont(font);
    const QFontMetricsF fm(font);
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPixelSize(int(unit * 2));

    const double top = rect.top() + unit * 4;
    const double left = rect.left() + fm.horizontalAdvance(QStringLiteral("100%")) + unit * 2;
    const double bottom = rect.bottom() - unit * 7;
    const double right = rect.right() - unit * 4; // room for the last x label
    const QRectF plot(QPointF(left, top), QPointF(right, bottom));

    painter.setFont(titleFont);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), unit * 3),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);

    auto yOf = [&](double v) {
        const double span = yMax - yMin;
        return bottom - (span > 0 ? (v - yMin) / span : 0) * plot.height();
    };
    const int n = std::max(1, int(xLabels.size()));
    auto xOf = [&](double i) {
        return n > 1 ? left + i * plot.width() / (n - 1) : plot.center().x();
    };

    // Grid and y ticks every fifth of the range.
    for (int k = 0; k <= 5; ++k) {
        const double v = yMin + (yMax - yMin) * k / 5.0;
        const double y = yOf(v);
        painter.setPen(QPen(QColor(0xe3, 0xe3, 0xe3), unit * 0.1));
        painter.drawLine(QPointF(left, y), QPointF(right, y));
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.drawText(QRectF(rect.left(), y - unit, left - rect.left() - unit * 0.8, unit * 2),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'f', 0) + yUnit);
    }
    // x labels, thinned so they never overlap.
    const double labelWidth = fm.horizontalAdvance(QStringLiteral("00 MMM")) + unit;
    const int step = std::max(1, int(std::ceil(labelWidth / std::max(1.0, plot.width() / n))));
    painter.setPen(QColor(0x66, 0x66, 0x66));
    for (int i = 0; i < int(xLabels.size()); i += step)
        painter.drawText(QRectF(xOf(i) - labelWidth / 2, bottom + unit * 0.5, labelWidth, unit * 2),
                         Qt::AlignHCenter | Qt::AlignTop, xLabels[i]);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), unit * 0.12));
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom));

    for (const ChartMarker &m : markers) {
        const double x = xOf(m.position);
        if (x < left - 1 || x > right + 1)
            continue;
        painter.setPen(QPen(QColor(0x6a, 0x3d, 0x9a), unit * 0.18, Qt::DashLine));
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
        painter.setPen(QColor(0x6a, 0x3d, 0x9a));
        painter.drawText(QRectF(x + unit * 0.4, top, unit * 20, unit * 2),
                         Qt::AlignLeft | Qt::AlignTop, m.label);
    }

    for (const ChartSeries &s : series) {
        QPen pen(s.colour, unit * 0.35);
        if (s.dashed)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        QPainterPath path;
        bool drawing = false;
        for (size_t i = 0; i < s.values.size(); ++i) {
            if (!s.values[i]) {
                drawing = false;
                continue;
            }
            const QPointF pt(xOf(double(i)), yOf(*s.values[i]));
            if (drawing)
                path.lineTo(pt);
            else
                path.moveTo(pt);
            drawing = true;
        }
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setBrush(s.colour);
        painter.setPen(Qt::NoPen);
        for (size_t i = 0; i < s.values.size(); ++i)
            if (s.values[i])
                painter.drawEllipse(QPointF(xOf(double(i)), yOf(*s.values[i])), unit * 0.45,
                                    unit * 0.45);
    }

    // Legend under the x labels.
    double x = left;
    const double y = rect.bottom() - unit * 3;
    for (const ChartSeries &s : series) {
        QPen pen(s.colour, unit * 0.35);
        if (s.dashed)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, y + unit), QPointF(x + unit * 3, y + unit));
        painter.setPen(QColor(0x33, 0x33, 0x33));
        const double w = fm.horizontalAdvance(s.label);
        painter.drawText(QRectF(x + unit * 3.6, y, w + unit, unit * 2),
                         Qt::AlignLeft | Qt::AlignVCenter, s.label);
        x += w + unit * 7;
    }
    painter.restore();
}

QImage TrendChart::render(const QSize &size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
}

} // namespace qaw
