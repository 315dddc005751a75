#include "views/trends/TrendsCharts.h"

#include "views/trends/ChartInteraction.h"

#include <QLocale>

#include <qcustomplot.h>

#include <cmath>

namespace qaw::trendsCharts {
namespace {

const QColor kPalette[] = {QColor(31, 95, 139),   QColor(220, 120, 30), QColor(46, 139, 87),
                           QColor(123, 79, 160),  QColor(192, 57, 43),  QColor(22, 160, 160),
                           QColor(120, 120, 120), QColor(180, 150, 20)};

QColor colour(size_t i)
{
    return kPalette[i % (sizeof(kPalette) / sizeof(kPalette[0]))];
}

QString number(double v, int decimals = 1)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("n/a");
}

QString count(qint64 n)
{
    return QLocale().toString(n);
}

double bucketSeconds(Bucketing b)
{
    switch (b) {
    case Bucketing::Day:
        return 86400;
    case Bucketing::Week:
        return 7 * 86400;
    case Bucketing::Month:
        return 30 * 86400;
    }
    return 86400;
}

QString bucketLabel(const QDate &d, Bucketing b)
{
    switch (b) {
    case Bucketing::Day:
        return d.toString(Qt::ISODate);
    case Bucketing::Week:
        return QObject::tr("week of %1").arg(d.toString(Qt::ISODate));
    case Bucketing::Month:
        return QLocale().toString(d, QStringLiteral("MMMM yyyy"));
    }
    return {};
}

void reset(QCustomPlot *plot, ChartInteraction *interaction)
{
    plot->clearPlottables();
    plot->clearItems();
    interaction->clear();
    plot->legend->setVisible(false);
    plot->yAxis2->setVisible(false);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel({});
    plot->yAxis2->setLabel({});
    plot->xAxis->setTickLabelRotation(0);
    plot->yAxis->setRangeReversed(false);
    // The heat map's colour scale sits beside the axis rect; other charts have none.
    if (plot->plotLayout()->hasElement(0, 1))
        plot->plotLayout()->remove(plot->plotLayout()->element(0, 1));
    plot->plotLayout()->simplify();
}

void dateAxis(QCustomPlot *plot, Bucketing b)
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(b == Bucketing::Month ? QStringLiteral("MMM yyyy")
                                                    : QStringLiteral("d MMM\nyyyy"));
    ticker->setTickCount(8);
    plot->xAxis->setTicker(ticker);
}

void emptyMessage(QCustomPlot *plot, const QString &text)
{
    auto *label = new QCPItemText(plot);
    label->setPositionAlignment(Qt::AlignCenter);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(QColor(110, 110, 110));
    label->setFont(QFont(plot->font().family(), 11));
}

void addMarkers(QCustomPlot *plot, const TrendsSnapshot &s)
{
    for (const Marker &m : s.markers) {
        const bool coaching = m.kind == Marker::Kind::Coaching;
        auto *line = new QCPItemStraightLine(plot);
        const double x = plotTime(m.date);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(
            QPen(coaching ? QColor(46, 139, 87) : QColor(140, 140, 140), 1.5, Qt::DashLine));
        auto *text = new QCPItemText(plot);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(x, 0.02);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        text->setPadding(QMargins(3, 0, 0, 0));
        text->setText(m.label);
        text->setColor(coaching ? QColor(46, 139, 87) : QColor(110, 110, 110));
        text->setFont(QFont(plot->font().family(), 8));
    }
}

QCPGraph *line(QCustomPlot *plot, const QString &name, const QColor &c, QCPAxis *y = nullptr)
{
    QCPGraph *g = plot->addGraph(plot->xAxis, y ? y : plot->yAxis);
    g->setName(name);
    g->setPen(QPen(c, 2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(c, 1.5), Qt::white, 6));
    return g;
}

void timeRange(QCustomPlot *plot, const std::vector<QDate> &buckets, Bucketing b)
{
    if (buckets.empty())
        return;
    const double pad = bucketSeconds(b) * 0.6;
    plot->xAxis->setRange(plotTime(buckets.front()) - pad, plotTime(buckets.back()) + pad);
}

} // namespace

void styleChart(QCustomPlot *plot)
{
    plot->setBackground(Qt::white);
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(true);
    QFont f = plot->font();
    f.setPointSize(9);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
        axis->setBasePen(QPen(QColor(150, 150, 150)));
        axis->setTickPen(QPen(QColor(150, 150, 150)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(70, 70, 70));
        axis->setLabelColor(QColor(70, 70, 70));
        axis->grid()->setPen(QPen(QColor(230, 230, 230)));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    plot->xAxis->grid()->setVisible(false);
    plot->legend->setFont(f);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->setSelectionTolerance(10);
}

void drawQuality(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s)
{
    reset(plot, interaction);
    const Bucketing b = s.request.bucketing;
    dateAxis(plot, b);
    plot->yAxis->setLabel(QObject::tr("Automated total (mean, band = ±1 SD)"));
    plot->yAxis2->setLabel(QObject::tr("Interactions scored (n)"));
    plot->yAxis2->setVisible(true);
    std::vector<QDate> buckets;
    qint64 totalN = 0;
    double maxN = 0;
    for (size_t i = 0; i < s.series.size(); ++i) {
        const SeriesPoints &series = s.series[i];
        QVector<double> x, mean, low, high, n;
        std::vector<ChartInteraction::Point> points, bars;
        for (const TrendPoint &p : series.points) {
            x << plotTime(p.bucket);
            mean << p.mean;
            const bool spread = std::isfinite(p.sd);
            low << (spread ? p.mean - p.sd : p.mean);
            high << (spread ? p.mean + p.sd : p.mean);
            n << double(p.n);
            const QString tip =
                QObject::tr("%1 · %2\nmean %3, SD %4\n95% CI %5–%6\nn = %7")
                    .arg(series.spec.label, bucketLabel(p.bucket, b), number(p.mean), number(p.sd),
                         number(p.ciLow), number(p.ciHigh), count(p.n));
            const InteractionFilter f = trends::bucketFilter(series.spec.filter, p.bucket, b);
            points.push_back({tip, f, p.n > 0});
            bars.push_back({tip, f, p.n > 0});
            maxN = std::max(maxN, double(p.n));
            if (i == 0) {
                buckets.push_back(p.bucket);
                totalN += p.n;
            }
        }
        const QColor c = colour(i);
        if (i == 0) {
            auto *volume = new QCPBars(plot->xAxis, plot->yAxis2);
            volume->setName(QObject::tr("n (%1)").arg(series.spec.label));
            volume->setWidth(bucketSeconds(b) * 0.7);
            volume->setPen(Qt::NoPen);
            volume->setBrush(QColor(31, 95, 139, 40));
            volume->setData(x, n, true);
            interaction->setPoints(volume, bars);
        }
        QCPGraph *lower = plot->addGraph();
        QCPGraph *upper = plot->addGraph();
        lower->setPen(Qt::NoPen);
        upper->setPen(Qt::NoPen);
        upper->setBrush(QColor(c.red(), c.green(), c.blue(), i == 0 ? 45 : 25));
        upper->setChannelFillGraph(lower);
        lower->setData(x, low, true);
        upper->setData(x, high, true);
        lower->removeFromLegend();
        upper->removeFromLegend();
        QCPGraph *g = line(plot, series.spec.label, c);
        g->setData(x, mean, true);
        interaction->setPoints(g, points);
    }
    plot->xAxis->setLabel({});
    plot->yAxis->setRange(0, 100);
    plot->yAxis2->setRange(0, std::max(1.0, maxN * 3)); // bars in the lower third
    timeRange(plot, buckets, b);
    addMarkers(plot, s);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    if (totalN == 0)
        emptyMessage(plot, QObject::tr("No automated scores for this filter yet."));
    plot->replot();
}

void drawCriteria(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s,
                  const QStringList &criterionIds)
{
    reset(plot, interaction);
    const Bucketing b = s.request.bucketing;
    dateAxis(plot, b);
    plot->yAxis->setLabel(QObject::tr("Pass rate (%)"));
    std::vector<QDate> buckets;
    size_t drawn = 0;
    qint64 any = 0;
    for (const CriterionPassMark &c : s.criteria) {
        if (!criterionIds.isEmpty() && !criterionIds.contains(c.id))
            continue;
        const auto it = s.criterionResults.find(c.id);
        if (it == s.criterionResults.end())
            continue;
        QVector<double> x, rate;
        std::vector<ChartInteraction::Point> points;
        buckets.clear();
        for (const CriterionPoint &p : it->second) {
            buckets.push_back(p.bucket);
            x << plotTime(p.bucket);
            rate << p.passRate * 100;
            any += p.n;
            InteractionFilter f = trends::bucketFilter(s.request.filter, p.bucket, b);
            f.criterionId = c.id;
            f.criterionPassMark = c.passMark;
            f.criterionResult = InteractionFilter::CriterionResult::Failed;
            points.push_back({QObject::tr("%1 · %2\npass rate %3% (%4 of %5)\nclick: the %6 "
                                          "that failed")
                                  .arg(c.name, bucketLabel(p.bucket, b), number(p.passRate * 100),
                                       count(p.passed), count(p.n), count(p.n - p.passed)),
                              f, p.n - p.passed > 0});
        }
        QCPGraph *g = line(plot, c.name, colour(drawn++));
        g->setData(x, rate, true);
        interaction->setPoints(g, points);
    }
    plot->yAxis->setRange(0, 105);
    timeRange(plot, buckets, b);
    addMarkers(plot, s);
    plot->legend->setVisible(drawn > 0);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    if (any == 0)
        emptyMessage(plot, QObject::tr("No criterion results for this filter."));
    plot->replot();
}

void drawHistogram(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s)
{
    reset(plot, interaction);
    plot->xAxis->setLabel(QObject::tr("Automated total"));
    plot->yAxis->setLabel(QObject::tr("Interactions"));
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(QObject::tr("Interactions"));
    bars->setPen(QPen(Qt::white));
    bars->setBrush(colour(0));
    QVector<double> x, n;
    std::vector<ChartInteraction::Point> points;
    double maxN = 0;
    for (const HistogramBin &bin : s.histogram) {
        x << (bin.lower + bin.upper) / 2;
        n << double(bin.count);
        maxN = std::max(maxN, double(bin.count));
        points.push_back(
            {QObject::tr("total %1–%2%3\n%4 interactions")
                 .arg(number(bin.lower, 0), number(bin.upper, 0),
                      bin.upper >= 100 ? QStringLiteral("") : QStringLiteral(" (excl.)"),
                      count(bin.count)),
             trends::binFilter(s.request.filter, bin), bin.count > 0});
    }
    if (!s.histogram.empty())
        bars->setWidth(s.histogram.front().upper - s.histogram.front().lower);
    bars->setData(x, n, true);
    interaction->setPoints(bars, points);
    plot->xAxis->setRange(0, 100);
    plot->yAxis->setRange(0, std::max(1.0, maxN * 1.1));
    if (maxN == 0)
        emptyMessage(plot, QObject::tr("No automated scores for this filter yet."));
    plot->replot();
}

void drawHeatMap(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s)
{
    reset(plot, interaction);
    // Rows: agents in name order; columns: criteria that applied somewhere.
    std::vector<std::pair<qint64, QString>> agents;
    QStringList columns;
    for (const HeatCell &c : s.heatMap) {
        if (agents.empty() || agents.back().first != c.agentId)
            agents.emplace_back(c.agentId, c.agentName);
        if (!columns.contains(c.criterionId))
            columns << c.criterionId;
    }
    QStringList ordered; // scorecard order
    for (const CriterionPassMark &c : s.criteria)
        if (columns.contains(c.id))
            ordered << c.id;
    if (agents.empty() || ordered.isEmpty()) {
        emptyMessage(plot, QObject::tr("No criterion results for this filter."));
        plot->replot();
        return;
    }
    const int nx = int(ordered.size());
    const int ny = int(agents.size());
    auto *map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(nx, ny);
    map->data()->setRange(QCPRange(0, nx - 1), QCPRange(0, ny - 1));
    auto cells = std::make_shared<std::vector<ChartInteraction::Point>>(size_t(nx * ny));
    for (int xi = 0; xi < nx; ++xi)
        for (int yi = 0; yi < ny; ++yi)
            map->data()->setCell(xi, yi, qQNaN());
    std::map<qint64, int> row;
    for (int yi = 0; yi < ny; ++yi)
        row[agents[size_t(yi)].first] = yi;
    for (const HeatCell &c : s.heatMap) {
        const int xi = int(ordered.indexOf(c.criterionId));
        const int yi = row[c.agentId];
        map->data()->setCell(xi, yi, c.passRate * 100);
        InteractionFilter f = s.request.filter;
        f.agentId = c.agentId;
        f.criterionId = c.criterionId;
        (*cells)[size_t(yi * nx + xi)] = {QObject::tr("%1 · %2\npass rate %3% (%4 of %5)")
                                              .arg(c.agentName, c.criterionId,
                                                   number(c.passRate * 100), count(c.passed),
                                                   count(c.n)),
                                          f, c.n > 0};
    }
    QCPColorGradient gradient;
    gradient.clearColorStops(); // the default gradient has stops of its own
    gradient.setColorStopAt(0, QColor(192, 57, 43));
    gradient.setColorStopAt(0.6, QColor(241, 196, 15));
    gradient.setColorStopAt(1, QColor(39, 174, 96));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, 100));
    map->setInterpolate(false);
    auto *scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(QObject::tr("Pass rate (%)"));
    scale->setBarWidth(12);
    map->setColorScale(scale);
    scale->setGradient(gradient); // the scale's gradient wins over the map's
    scale->setDataRange(QCPRange(0, 100));
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (int xi = 0; xi < nx; ++xi)
        xTicks->addTick(xi, ordered[xi]);
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (int yi = 0; yi < ny; ++yi)
        yTicks->addTick(yi, agents[size_t(yi)].second);
    plot->xAxis->setTicker(xTicks);
    plot->xAxis->setTickLabelRotation(-35);
    plot->yAxis->setTicker(yTicks);
    plot->xAxis->setRange(-0.5, nx - 0.5);
    plot->yAxis->setRange(-0.5, ny - 0.5);
    plot->yAxis->setRangeReversed(true); // first agent at the top
    interaction->setCellLookup(
        [cells, nx, ny](double x, double y) -> const ChartInteraction::Point * {
            const int xi = int(std::lround(x));
            const int yi = int(std::lround(y));
            if (xi < 0 || yi < 0 || xi >= nx || yi >= ny)
                return nullptr;
            const ChartInteraction::Point &p = (*cells)[size_t(yi * nx + xi)];
            return p.tooltip.isEmpty() ? nullptr : &p;
        });
    auto *margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plot->replot();
}

void drawAutoVsHuman(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s)
{
    reset(plot, interaction);
    const Bucketing b = s.request.bucketing;
    dateAxis(plot, b);
    plot->yAxis->setLabel(QObject::tr("Mean total of human-reviewed interactions"));
    QVector<double> x, autoMean, humanMean;
    std::vector<ChartInteraction::Point> autoPoints, humanPoints;
    std::vector<QDate> buckets;
    qint64 any = 0;
    for (const AutoVsHumanPoint &p : s.automatedVsHuman) {
        buckets.push_back(p.automated.bucket);
        x << plotTime(p.automated.bucket);
        autoMean << p.automated.mean;
        humanMean << p.human.mean;
        any += p.human.n;
        InteractionFilter f = trends::bucketFilter(s.request.filter, p.automated.bucket, b);
        f.withHumanOnly = true;
        const QString when = bucketLabel(p.automated.bucket, b);
        autoPoints.push_back({QObject::tr("Automated · %1\nmean %2, n = %3")
                                  .arg(when, number(p.automated.mean), count(p.automated.n)),
                              f, p.automated.n > 0});
        humanPoints.push_back({QObject::tr("Human · %1\nmean %2, n = %3 evaluations")
                                   .arg(when, number(p.human.mean), count(p.human.n)),
                               f, p.human.n > 0});
    }
    QCPGraph *a = line(plot, QObject::tr("Automated"), colour(0));
    a->setData(x, autoMean, true);
    interaction->setPoints(a, autoPoints);
    QCPGraph *h = line(plot, QObject::tr("Human reviewers"), colour(1));
    h->setData(x, humanMean, true);
    interaction->setPoints(h, humanPoints);
    plot->yAxis->setRange(0, 100);
    timeRange(plot, buckets, b);
    addMarkers(plot, s);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    if (any == 0)
        emptyMessage(plot, QObject::tr("No human reviews for this filter yet."));
    plot->replot();
}

void drawScatter(QCustomPlot *plot, ChartInteraction *interaction, const TrendsSnapshot &s)
{
    reset(plot, interaction);
    plot->xAxis->setLabel(QObject::tr("Mean automated total (agent-week)"));
    plot->yAxis->setLabel(QObject::tr("Mean CSAT"));
    auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
    curve->setName(QObject::tr("Agent-weeks"));
    curve->setLineStyle(QCPCurve::lsNone);
    curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 95, 139, 110), 6));
    QVector<double> t, x, y;
    std::vector<ChartInteraction::Point> points;
    double minX = 100, maxX = 0;
    for (const ScatterPoint &p : s.scatter.points) {
        t << double(t.size());
        x << p.total;
        y << p.csat;
        minX = std::min(minX, p.total);
        maxX = std::max(maxX, p.total);
        const InteractionFilter f = drivers::pointFilter(s.request.filter, p);
        points.push_back(
            {QObject::tr("agent #%1 · week of %2\ntotal %3, CSAT %4\nn = %5")
                 .arg(p.agentId)
                 .arg(p.week.toString(Qt::ISODate), number(p.total), number(p.csat, 2), count(p.n)),
             f, true});
    }
    curve->setData(t, x, y, true);
    interaction->setPoints(curve, points);
    const stats::Fit &fit = s.scatter.fit;
    if (std::isfinite(fit.slope)) {
        QCPGraph *g = plot->addGraph();
        g->setName(QObject::tr("Least-squares fit"));
        g->setPen(QPen(colour(1), 2));
        g->setData(QVector<double>{minX, maxX}, QVector<double>{fit.intercept + fit.slope * minX,
                                                                fit.intercept + fit.slope * maxX});
    }
    auto *summary = new QCPItemText(plot);
    summary->position->setType(QCPItemPosition::ptAxisRectRatio);
    summary->position->setCoords(0.02, 0.03);
    summary->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    summary->setTextAlignment(Qt::AlignLeft);
    summary->setBrush(QColor(255, 255, 255, 220));
    summary->setPadding(QMargins(6, 4, 6, 4));
    summary->setText(QObject::tr("%1 agent-weeks\nPearson r = %2\nSpearman ρ = %3\n"
                                 "fit: CSAT = %4 + %5 × total")
                         .arg(count(fit.n), number(fit.pearson, 3), number(fit.spearman, 3),
                              number(fit.intercept, 2), number(fit.slope, 4)));
    plot->xAxis->setRange(std::max(0.0, minX - 5), std::min(100.0, maxX + 5));
    plot->yAxis->setRange(1, 5.2);
    if (s.scatter.points.empty()) {
        summary->setVisible(false);
        plot->xAxis->setRange(0, 100);
        emptyMessage(plot, QObject::tr("No interactions with both a score and CSAT."));
    }
    plot->replot();
}

} // namespace qaw::trendsCharts
