#include "TrendsView.h"

#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QLabel>
#include <QTimeZone>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace qaw {

TrendsView::TrendsView(QWidget *parent) : WorkspaceView(parent)
{
    setObjectName(QStringLiteral("trendsView"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trendsSummary"));
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("trendsPlot"));
    m_plot->setMinimumHeight(300);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("Interactions per week"));
    m_plot->yAxis2->setLabel(tr("Mean CSAT (1-5)"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(1, 5);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

void TrendsView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setEnabled(workspace != nullptr);
    refresh();
}

void TrendsView::refresh()
{
    m_plot->clearPlottables();
    if (!m_workspace) {
        m_summary->clear();
        m_plot->replot();
        return;
    }
    const std::vector<VolumeBucket> weeks = queries::weeklyVolume(*m_workspace, {});
    QVector<double> x, volume, csat;
    qint64 total = 0;
    for (const VolumeBucket &b : weeks) {
        x << double(QDateTime(b.start, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
        volume << double(b.interactions);
        // NaN leaves a gap where nobody answered a survey that week.
        csat << (b.withCsat > 0 ? b.meanCsat : qQNaN());
        total += b.interactions;
    }
    auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("Interactions"));
    bars->setWidth(5 * 86400);
    bars->setBrush(QColor(31, 95, 139, 120));
    bars->setPen(Qt::NoPen);
    bars->setData(x, volume, true);
    QCPGraph *line = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    line->setName(tr("Mean CSAT"));
    line->setPen(QPen(QColor(220, 120, 30), 2));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    line->setData(x, csat, true);
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis2->setRange(1, 5);
    if (!x.isEmpty())
        m_plot->xAxis->setRange(x.first() - 4 * 86400, x.last() + 4 * 86400);
    m_plot->replot();
    m_summary->setText(tr("%L1 interactions over %2 weeks. Automated quality trends appear "
                          "here once interactions are scored.")
                           .arg(total)
                           .arg(weeks.size()));
}

} // namespace qaw
