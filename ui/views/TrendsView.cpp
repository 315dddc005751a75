#include "TrendsView.h"

#include "Prompts.h"
#include "views/trends/ChartInteraction.h"
#include "views/trends/DriversPanel.h"
#include "views/trends/TrendsCharts.h"

#include "analytics/AnalyticsExport.h"
#include "io/OutputFile.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QComboBox>
#include <QDateEdit>
#include <QBuffer>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <qcustomplot.h>

#include <cmath>

namespace qaw {
namespace {

const QDate kNoLimit(2000, 1, 1); // shown as "any": the date edits' "no limit"

QComboBox *combo(QWidget *parent, const char *name)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(QLatin1String(name));
    c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return c;
}

QDateEdit *dateEdit(QWidget *parent, const char *name)
{
    auto *d = new QDateEdit(parent);
    d->setObjectName(QLatin1String(name));
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    d->setMinimumDate(kNoLimit);
    d->setSpecialValueText(QObject::tr("any"));
    d->setDate(kNoLimit);
    return d;
}

// The chart drawn into memory, so the file is written (and checked) by OutputFile rather
// than by QCustomPlot::savePdf/savePng, which truncate the target and report nothing
// about a failed write.
QByteArray plotPdf(QCustomPlot *plot, int width, int height)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("QA Workbench"));
        // 72 dots per inch on a page measured in points: one plot pixel is one point,
        // the page the size of the chart, as QCustomPlot::savePdf lays it out.
        writer.setResolution(72);
        writer.setPageLayout(QPageLayout(
            QPageSize(QSizeF(width, height), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF()));
        QCPPainter painter;
        if (!painter.begin(&writer))
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&painter, width, height);
        if (!painter.end())
            return {};
    }
    return bytes;
}

QByteArray plotPng(QCustomPlot *plot, int width, int height)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!plot->toPixmap(width, height).save(&buffer, "PNG"))
        return {};
    return bytes;
}

} // namespace

TrendsView::TrendsView(QWidget *parent) : WorkspaceView(parent)
{
    setObjectName(QStringLiteral("trendsView"));
    m_ownPrompts = std::make_unique<Prompts>();
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setObjectName(QStringLiteral("trendsRefreshTimer"));
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(40);
    connect(m_refreshTimer, &QTimer::timeout, this, &TrendsView::startQuery);
    connect(&m_watcher, &QFutureWatcher<TrendsSnapshot>::finished, this,
            &TrendsView::onQueryFinished);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("trendsCharts"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createPlot(Quality, "trendsQualityPlot"), tr("Quality over time"));
    auto *criteriaPage = new QWidget(this);
    auto *criteriaLayout = new QVBoxLayout(criteriaPage);
    criteriaLayout->setContentsMargins(0, 4, 0, 0);
    auto *criterionRow = new QHBoxLayout;
    m_criterion = combo(criteriaPage, "trendsCriterion");
    criterionRow->addWidget(new QLabel(tr("Criterion:"), criteriaPage));
    criterionRow->addWidget(m_criterion);
    criterionRow->addStretch(1);
    criteriaLayout->addLayout(criterionRow);
    criteriaLayout->addWidget(createPlot(Criteria, "trendsCriteriaPlot"), 1);
    m_tabs->addTab(criteriaPage, tr("Criteria pass rates"));
    m_tabs->addTab(createPlot(Histogram, "trendsHistogramPlot"), tr("Distribution"));
    m_tabs->addTab(createPlot(HeatMap, "trendsHeatMapPlot"), tr("Agents × criteria"));
    m_tabs->addTab(createPlot(AutoVsHuman, "trendsAutoHumanPlot"), tr("Automated vs human"));
    m_driversPanel = new DriversPanel(createPlot(Scatter, "trendsScatterPlot"), this);
    connect(m_driversPanel, &DriversPanel::outcomeChanged, this, &TrendsView::scheduleRefresh);
    connect(m_driversPanel, &DriversPanel::rowClicked, this, [this](int row) {
        if (row >= 0 && size_t(row) < m_snapshot.drivers.size())
            emit drillDown(DriversPanel::failedFilter(m_snapshot, row));
    });
    m_tabs->addTab(m_driversPanel, tr("Drivers of CSAT, FCR, AHT"));
    connect(m_criterion, &QComboBox::currentIndexChanged, this, &TrendsView::drawCriteriaChart);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trendsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    setWorkspace(nullptr);
}

TrendsView::~TrendsView()
{
    m_watcher.waitForFinished();
}

QCustomPlot *TrendsView::createPlot(Chart chart, const char *objectName)
{
    auto *plot = new QCustomPlot(this);
    plot->setObjectName(QLatin1String(objectName));
    plot->setMinimumHeight(260);
    trendsCharts::styleChart(plot);
    m_plots[chart] = plot;
    m_interactions[chart] = new ChartInteraction(plot);
    connect(m_interactions[chart], &ChartInteraction::drillDown, this, &TrendsView::drillDown);
    return plot;
}

QWidget *TrendsView::createFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_from = dateEdit(bar, "trendsFrom");
    m_to = dateEdit(bar, "trendsTo");
    m_team = combo(bar, "trendsTeam");
    m_agent = combo(bar, "trendsAgent");
    m_channel = combo(bar, "trendsChannel");
    m_queue = combo(bar, "trendsQueue");
    m_bucket = combo(bar, "trendsBucket");
    m_bucket->addItem(tr("Day"), int(Bucketing::Day));
    m_bucket->addItem(tr("Week"), int(Bucketing::Week));
    m_bucket->addItem(tr("Month"), int(Bucketing::Month));
    m_bucket->setCurrentIndex(1);
    const auto labelled = [bar, row](const QString &text, QWidget *w) {
        auto *l = new QLabel(text, bar);
        l->setBuddy(w);
        row->addWidget(l);
        row->addWidget(w);
    };
    labelled(tr("&From"), m_from);
    labelled(tr("T&o"), m_to);
    labelled(tr("T&eam"), m_team);
    labelled(tr("A&gent"), m_agent);
    labelled(tr("C&hannel"), m_channel);
    labelled(tr("&Queue"), m_queue);
    labelled(tr("&By"), m_bucket);
    auto *pin = new QPushButton(tr("&Compare"), bar);
    pin->setObjectName(QStringLiteral("trendsPinSeries"));
    pin->setToolTip(tr("Keep the chosen team or agent as a line on the quality chart"));
    auto *clear = new QPushButton(tr("C&lear comparison"), bar);
    clear->setObjectName(QStringLiteral("trendsClearSeries"));
    row->addWidget(pin);
    row->addWidget(clear);
    row->addStretch(1);
    for (const auto &[kind, name, text] : {std::tuple{"png", "trendsExportPng", tr("PNG")},
                                           std::tuple{"pdf", "trendsExportPdf", tr("PDF")},
                                           std::tuple{"csv", "trendsExportCsv", tr("CSV")}}) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QLatin1String(name));
        button->setText(tr("Export %1").arg(text));
        button->setToolTip(tr("Export the chart on show as %1").arg(text));
        const QString k = QLatin1String(kind);
        connect(button, &QToolButton::clicked, this, [this, k] { exportChart(k); });
        row->addWidget(button);
    }
    connect(pin, &QPushButton::clicked, this, &TrendsView::pinSeries);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_pinned.clear();
        scheduleRefresh();
    });
    connect(m_team, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loadingChoices)
            reloadAgents();
        scheduleRefresh();
    });
    for (QComboBox *c : {m_agent, m_channel, m_queue, m_bucket})
        connect(c, &QComboBox::currentIndexChanged, this, &TrendsView::scheduleRefresh);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &TrendsView::scheduleRefresh);
    return bar;
}

void TrendsView::setWorkspace(Workspace *workspace)
{
    m_watcher.waitForFinished(); // the worker reads through the old workspace
    m_workspace = workspace;
    m_pinned.clear();
    setEnabled(workspace != nullptr);
    loadFilterChoices();
    refresh();
}

void TrendsView::loadFilterChoices()
{
    m_loadingChoices = true;
    m_team->clear();
    m_channel->clear();
    m_queue->clear();
    m_team->addItem(tr("All teams"), qint64(-1));
    m_channel->addItem(tr("All channels"), QString());
    m_queue->addItem(tr("All queues"), QString());
    if (m_workspace) {
        for (const NamedId &t : queries::teams(*m_workspace))
            m_team->addItem(t.name, t.id);
        for (const QString &c : queries::channels(*m_workspace))
            m_channel->addItem(c, c);
        for (const QString &q : queries::queues(*m_workspace))
            m_queue->addItem(q, q);
    }
    reloadAgents();
    m_loadingChoices = false;
}

void TrendsView::reloadAgents()
{
    const bool wasLoading = m_loadingChoices;
    m_loadingChoices = true;
    m_agent->clear();
    m_agent->addItem(tr("All agents"), qint64(-1));
    if (m_workspace)
        for (const NamedId &a : queries::agents(*m_workspace, m_team->currentData().toLongLong()))
            m_agent->addItem(a.name, a.id);
    m_loadingChoices = wasLoading;
}

void TrendsView::refresh()
{
    if (!m_workspace) {
        m_snapshot = TrendsSnapshot{};
        m_summary->setText(tr("Open a workspace to see its trends."));
        draw();
        return;
    }
    scheduleRefresh();
}

void TrendsView::scheduleRefresh()
{
    if (m_loadingChoices || !m_workspace)
        return;
    m_refreshTimer->start(); // restarts: a burst of changes makes one query
}

QTableWidget *TrendsView::driversTable() const
{
    return m_driversPanel->table();
}

bool TrendsView::isBusy() const
{
    // Not m_watcher.isRunning(): the run may have ended with its result not yet drawn.
    return m_refreshTimer->isActive() || m_queryRunning || m_queryAgain;
}

InteractionFilter TrendsView::currentFilter() const
{
    InteractionFilter f;
    if (m_from->date() != kNoLimit)
        f.from = m_from->date();
    if (m_to->date() != kNoLimit)
        f.to = m_to->date();
    f.teamId = m_team->currentData().toLongLong();
    f.agentId = m_agent->currentData().toLongLong();
    f.channel = m_channel->currentData().toString();
    f.queue = m_queue->currentData().toString();
    return f;
}

QString TrendsView::seriesLabel(const InteractionFilter &f) const
{
    if (f.agentId >= 0)
        return m_agent->findData(f.agentId) >= 0 ? m_agent->itemText(m_agent->findData(f.agentId))
                                                 : tr("Agent %1").arg(f.agentId);
    if (f.teamId >= 0)
        return m_team->itemText(m_team->findData(f.teamId));
    return tr("Whole workspace");
}

TrendsRequest TrendsView::buildRequest() const
{
    TrendsRequest r;
    r.filter = currentFilter();
    r.bucketing = Bucketing(m_bucket->currentData().toInt());
    r.outcome = m_driversPanel->outcome();
    r.series.push_back({seriesLabel(r.filter), r.filter});
    if (r.filter.teamId >= 0 || r.filter.agentId >= 0) {
        InteractionFilter all = r.filter;
        all.teamId = all.agentId = -1;
        r.series.push_back({tr("Whole workspace"), all});
    }
    for (const SeriesSpec &pinned : m_pinned) {
        InteractionFilter f = r.filter;
        f.teamId = pinned.filter.teamId;
        f.agentId = pinned.filter.agentId;
        if (f.teamId != r.filter.teamId || f.agentId != r.filter.agentId)
            r.series.push_back({pinned.label, f});
    }
    return r;
}

void TrendsView::pinSeries()
{
    const InteractionFilter f = currentFilter();
    if (f.teamId < 0 && f.agentId < 0)
        return; // the whole workspace is always drawn beside a team or agent
    for (const SeriesSpec &s : m_pinned)
        if (s.filter.teamId == f.teamId && s.filter.agentId == f.agentId)
            return;
    m_pinned.push_back({seriesLabel(f), f});
    scheduleRefresh();
}

void TrendsView::startQuery()
{
    if (!m_workspace)
        return;
    if (m_queryRunning) {
        m_queryAgain = true; // one more run with the newest filter when this one ends
        return;
    }
    m_queryAgain = false;
    m_queryRunning = true;
    m_summary->setText(tr("Calculating…"));
    Workspace *ws = m_workspace;
    const TrendsRequest request = buildRequest();
    m_watcher.setFuture(QtConcurrent::run([ws, request] {
        std::unique_ptr<Workspace> connection = ws->openAnotherConnection();
        if (!connection->isOpen())
            return TrendsSnapshot{};
        return computeTrends(*connection, request);
    }));
}

void TrendsView::onQueryFinished()
{
    m_queryRunning = false;
    if (!m_workspace)
        return; // closed while the query ran: nothing to show
    if (m_queryAgain) {
        startQuery();
        return;
    }
    m_snapshot = m_watcher.result();
    qint64 scored = 0;
    if (!m_snapshot.series.empty())
        for (const TrendPoint &p : m_snapshot.series.front().points)
            scored += p.n;
    m_summary->setText(tr("%L1 scored interactions in %2 · %L3 ms")
                           .arg(scored)
                           .arg(m_snapshot.series.empty() ? tr("this filter")
                                                          : m_snapshot.series.front().spec.label)
                           .arg(m_snapshot.elapsedMs));
    draw();
    emit refreshed();
}

void TrendsView::draw()
{
    const QString chosen = m_criterion->currentData().toString();
    m_criterion->blockSignals(true);
    m_criterion->clear();
    m_criterion->addItem(tr("All criteria"), QString());
    for (const CriterionPassMark &c : m_snapshot.criteria)
        m_criterion->addItem(c.name, c.id);
    m_criterion->setCurrentIndex(std::max(0, m_criterion->findData(chosen)));
    m_criterion->blockSignals(false);
    trendsCharts::drawQuality(m_plots[Quality], m_interactions[Quality], m_snapshot);
    drawCriteriaChart();
    trendsCharts::drawHistogram(m_plots[Histogram], m_interactions[Histogram], m_snapshot);
    trendsCharts::drawHeatMap(m_plots[HeatMap], m_interactions[HeatMap], m_snapshot);
    trendsCharts::drawAutoVsHuman(m_plots[AutoVsHuman], m_interactions[AutoVsHuman], m_snapshot);
    trendsCharts::drawScatter(m_plots[Scatter], m_interactions[Scatter], m_snapshot);
    m_driversPanel->show(m_snapshot);
}

void TrendsView::drawCriteriaChart()
{
    const QString id = m_criterion->currentData().toString();
    trendsCharts::drawCriteria(m_plots[Criteria], m_interactions[Criteria], m_snapshot,
                               id.isEmpty() ? QStringList() : QStringList{id});
}

TrendsView::Chart TrendsView::currentChart() const
{
    switch (m_tabs->currentIndex()) {
    case 0:
        return Quality;
    case 1:
        return Criteria;
    case 2:
        return Histogram;
    case 3:
        return HeatMap;
    case 4:
        return AutoVsHuman;
    default:
        return Scatter;
    }
}

QString TrendsView::currentCsv() const
{
    const TrendsSnapshot &s = m_snapshot;
    switch (currentChart()) {
    case Quality: {
        QString out;
        for (const SeriesPoints &series : s.series)
            out += QStringLiteral("# %1\n").arg(series.spec.label) +
                   analyticsExport::trendCsv(series.points);
        return out;
    }
    case Criteria:
        return analyticsExport::criterionCsv(s.criterionResults);
    case Histogram:
        return analyticsExport::histogramCsv(s.histogram);
    case HeatMap:
        return analyticsExport::heatMapCsv(s.heatMap);
    case AutoVsHuman:
        return analyticsExport::autoVsHumanCsv(s.automatedVsHuman);
    default:
        return analyticsExport::driversCsv(s.drivers, s.request.outcome) + QLatin1Char('\n') +
               analyticsExport::scatterCsv(s.scatter);
    }
}

void TrendsView::exportChart(const QString &kind)
{
    static const char *const names[] = {"quality-trend",   "criteria-pass-rates", "distribution",
                                        "agents-criteria", "automated-vs-human",  "drivers"};
    const Chart chart = currentChart();
    Prompts *prompts = m_prompts ? m_prompts : m_ownPrompts.get();
    const QString suggested = QLatin1String(names[chart]) + QLatin1Char('.') + kind;
    const QString path =
        prompts->saveFileName(this, tr("Export chart"), suggested,
                              kind == QLatin1String("csv")   ? tr("CSV files (*.csv)")
                              : kind == QLatin1String("pdf") ? tr("PDF files (*.pdf)")
                                                             : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QByteArray bytes;
    if (kind == QLatin1String("csv")) {
        bytes = currentCsv().toUtf8();
    } else {
        QCustomPlot *plot = m_plots[chart];
        const int w = std::max(plot->width(), 900);
        const int h = std::max(plot->height(), 500);
        bytes = kind == QLatin1String("pdf") ? plotPdf(plot, w, h) : plotPng(plot, w, h);
    }
    QString error;
    if (bytes.isEmpty())
        prompts->error(this, tr("Export failed"), tr("The chart for %1 could not be drawn.").arg(path));
    else if (!writeFileAtomically(path, bytes, &error))
        prompts->error(this, tr("Export failed"), error);
}

} // namespace qaw
