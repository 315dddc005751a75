#include "AgentPatternPage.h"

#include "coaching/CoachingQueueQuery.h"
#include "coaching/CoachingSessionStore.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace qaw {
namespace {

const QColor kSeriesColours[] = {QColor(0x1f, 0x5f, 0x8b), QColor(0xc0, 0x50, 0x20),
                                 QColor(0x2e, 0x8b, 0x57), QColor(0x8b, 0x3a, 0x8b)};

QString pct(double rate)
{
    return QString::number(rate * 100, 'f', 0) + QLatin1Char('%');
}

QString patternHtml(const CoachingQueueRow &r)
{
    const QJsonObject &p = r.pattern;
    auto num = [&](const char *key) { return p.value(QLatin1String(key)).toDouble(); };
    QString h = QObject::tr("<h3>%1</h3><p>Fails in <b>%2</b> of confident verdicts (%3 of %4; "
                            "95% interval %5-%6) against <b>%7</b> for the rest of the team "
                            "(n = %8), %9 to %10.")
                    .arg(p.value(QLatin1String("name")).toString().toHtmlEscaped(),
                         pct(num("rate")), QString::number(int(num("fails"))),
                         QString::number(int(num("n"))), pct(num("ci_low")), pct(num("ci_high")),
                         pct(num("team_rate")), QString::number(int(num("team_n"))),
                         p.value(QLatin1String("window_start")).toString())
                    .arg(p.value(QLatin1String("window_end")).toString());
    const QJsonValue before = p.value(QLatin1String("previous_rate"));
    if (before.isDouble())
        h += QObject::tr(" The weeks before: %1.").arg(pct(before.toDouble()));
    h += QStringLiteral("</p>");
    if (r.overBudget > 0)
        h += QObject::tr("<p>%n more flagged interaction(s) this week did not fit the weekly "
                         "budget.</p>",
                         nullptr, r.overBudget);
    const QStringList examples = r.interactions();
    h += examples.isEmpty() ? QObject::tr("<p>No example outside the other items.</p>")
                            : QObject::tr("<p>Examples: %1</p>")
                                  .arg(examples.join(QStringLiteral(", ")).toHtmlEscaped());
    return h;
}

} // namespace

AgentPatternPage::AgentPatternPage(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("agentPageTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    auto *prepare = new QPushButton(tr("Prepare meeting"), this);
    prepare->setObjectName(QStringLiteral("agentPagePrepareMeeting"));
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("agentPagePatterns"));
    m_trend = new QCustomPlot(this);
    m_trend->setObjectName(QStringLiteral("agentPageTrend"));
    m_trend->setMinimumHeight(200);
    m_trend->legend->setVisible(true);
    m_trend->yAxis->setLabel(tr("Fail rate (%); dashed: rest of team"));
    QFont small = m_trend->legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_trend->legend->setFont(small);
    m_trend->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(prepare);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_summary, 3);
    layout->addWidget(m_trend, 2);
    connect(prepare, &QPushButton::clicked, this, [this] {
        if (m_agentId >= 0)
            emit prepareMeeting(m_agentId);
    });
}

void AgentPatternPage::showAgent(qint64 agentId)
{
    m_agentId = agentId;
    m_trend->clearGraphs();
    std::vector<CoachingQueueRow> patterns;
    if (m_workspace && agentId >= 0) {
        CoachingQueueFilter filter;
        filter.agentId = agentId;
        for (const CoachingQueueRow &r : queryCoachingQueue(*m_workspace, filter, QDate()))
            if (r.isPattern)
                patterns.push_back(r);
    }
    const auto agent = m_workspace && agentId >= 0 ? agentById(*m_workspace, agentId)
                                                   : std::nullopt;
    m_title->setText(!agent ? tr("Choose an agent on the left")
                            : tr("%1 · %2 · %n pattern(s)", nullptr, int(patterns.size()))
                                  .arg(agent->displayName(), agent->team));
    QString html;
    for (const CoachingQueueRow &r : patterns)
        html += patternHtml(r);
    if (agentId >= 0 && patterns.empty())
        html = tr("<p>No pattern against the team: this agent's open items are single "
                  "interactions (in the table).</p>");
    m_summary->setHtml(html);
    QVector<double> ticks;
    QVector<QString> labels;
    for (size_t i = 0; i < patterns.size() && i < std::size(kSeriesColours); ++i) {
        const QJsonObject &p = patterns[i].pattern;
        const QJsonArray weekly = p.value(QLatin1String("weekly")).toArray();
        QCPGraph *agentGraph = m_trend->addGraph();
        agentGraph->setName(p.value(QLatin1String("name")).toString());
        agentGraph->setPen(QPen(kSeriesColours[i], 2));
        agentGraph->setScatterStyle(QCPScatterStyle::ssDisc);
        QCPGraph *teamGraph = m_trend->addGraph();
        teamGraph->setPen(QPen(kSeriesColours[i], 1, Qt::DashLine));
        teamGraph->removeFromLegend();
        for (int w = 0; w < weekly.size(); ++w) {
            const QJsonObject o = weekly.at(w).toObject();
            const double n = o.value(QLatin1String("n")).toDouble();
            if (n > 0)
                agentGraph->addData(w, 100 * o.value(QLatin1String("fails")).toDouble() / n);
            teamGraph->addData(w, 100 * p.value(QLatin1String("team_rate")).toDouble());
            if (i == 0) {
                ticks << w;
                labels << o.value(QLatin1String("week")).toString().mid(5);
            }
        }
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    m_trend->xAxis->setTicker(ticker);
    m_trend->xAxis->setRange(-0.5, std::max<double>(0.5, double(ticks.size()) - 0.5));
    m_trend->yAxis->setRange(0, 100);
    m_trend->setVisible(!patterns.empty());
    m_trend->replot();
}

} // namespace qaw
