#include "EffectivenessPanel.h"

#include "coaching/EffectEstimator.h"
#include "storage/Workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {
namespace {

QString rate(const PassCount &c)
{
    const auto r = c.rate();
    return r ? QStringLiteral("%1%  (n=%2)").arg(*r * 100, 0, 'f', 0).arg(c.n)
             : QObject::tr("– (n=0)");
}

QString points(const std::optional<double> &v, const std::optional<Interval> &ci = std::nullopt)
{
    if (!v)
        return QObject::tr("undefined");
    QString s = QStringLiteral("%1%2")
                    .arg(*v >= 0 ? QStringLiteral("+") : QString())
                    .arg(*v * 100, 0, 'f', 1);
    if (ci)
        s += QStringLiteral("  [%1, %2]")
                 .arg(ci->low * 100, 0, 'f', 1)
                 .arg(ci->high * 100, 0, 'f', 1);
    return s;
}

} // namespace

EffectivenessPanel::EffectivenessPanel(QWidget *parent) : QWidget(parent)
{
    m_overview = new QLabel(this);
    m_overview->setObjectName(QStringLiteral("effectOverview"));
    m_overview->setWordWrap(true);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("effectTable"));
    m_table->setRootIsDecorated(false);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setHeaderLabels({tr("Session"), tr("Agent"), tr("Focus criterion"),
                              tr("30 days before"), tr("30 days after"), tr("Change, pts [95% CI]"),
                              tr("Team change"), tr("Beyond the team, pts [95% CI]"),
                              tr("Verdict")});
    auto *note = new QLabel(tr("Pass rates from the automated scores; the team is the rest of the "
                               "agent's team over the same windows. Intervals: Agresti–Caffo "
                               "(see docs/coaching.md)."),
                            this);
    note->setStyleSheet(QStringLiteral("color:#666"));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_overview);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
}

void EffectivenessPanel::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    refresh();
}

void EffectivenessPanel::refresh()
{
    m_table->clear();
    if (!m_workspace) {
        m_overview->clear();
        return;
    }
    const auto effects = EffectEstimator(*m_workspace).estimateAll();
    for (const SessionEffect &s : effects)
        for (const FocusEffect &f : s.focus) {
            auto *item = new QTreeWidgetItem(m_table);
            item->setText(0, s.session.date.toString(Qt::ISODate));
            item->setText(1, s.agent.displayName());
            item->setText(2, f.criterionName);
            item->setText(3, rate(f.agentBefore));
            item->setText(4, rate(f.agentAfter));
            item->setText(5, points(f.change, f.changeInterval));
            item->setText(6, points(f.teamChange));
            item->setText(7, points(f.did, f.didInterval));
            QString verdict = tr("not enough data");
            QColor colour(0x88, 0x88, 0x88);
            if (f.didInterval) {
                if (f.didInterval->low > 0) {
                    verdict = tr("improved");
                    colour = QColor(0x1b, 0x7a, 0x3a);
                } else if (f.didInterval->high < 0) {
                    verdict = tr("got worse");
                    colour = QColor(0xb0, 0x1e, 0x1e);
                } else {
                    verdict = tr("no clear change");
                    colour = QColor(0x8a, 0x6d, 0x00);
                }
            }
            item->setText(8, verdict);
            item->setForeground(8, colour);
        }
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->header()->resizeSections(QHeaderView::ResizeToContents);
    const EffectOverview o = EffectEstimator::overview(effects);
    m_overview->setText(
        o.sessions == 0
            ? tr("No coaching session recorded yet. Record one from Meeting preparation.")
            : tr("<b>%1 sessions</b>, %2 focus criteria measured: <span "
                 "style=\"color:#1b7a3a\"><b>%3 "
                 "improved</b></span> beyond the team, %4 no clear change, %5 got worse, %6 "
                 "without "
                 "enough data. Mean change beyond the team: <b>%7 pts</b>.")
                  .arg(o.sessions)
                  .arg(o.estimates + o.undefined)
                  .arg(o.improved)
                  .arg(o.inconclusive)
                  .arg(o.worse)
                  .arg(o.undefined)
                  .arg(o.meanDid ? QString::number(*o.meanDid * 100, 'f', 1) : tr("undefined")));
}

} // namespace qaw
