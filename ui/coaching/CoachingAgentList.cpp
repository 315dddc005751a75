#include "CoachingAgentList.h"

#include "coaching/CoachingQueueQuery.h"

#include <QHeaderView>

namespace qaw {
namespace {

enum Column { AgentColumn, PatternsColumn, ItemsColumn, OverBudgetColumn };

} // namespace

CoachingAgentList::CoachingAgentList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("coachingAgents"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setColumnCount(4);
    setMinimumWidth(320);
    setHeaderLabels({tr("Agent"), tr("Patterns"), tr("Items"), tr("Over")});
    headerItem()->setToolTip(OverBudgetColumn,
                             tr("Flagged interactions the weekly budget left out: counted, "
                                "not filed"));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(AgentColumn, QHeaderView::Stretch);
    for (int c : {PatternsColumn, ItemsColumn, OverBudgetColumn})
        header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            emit agentChosen(item->data(AgentColumn, Qt::UserRole).toLongLong());
    });
    // A second click on the chosen agent brings their page back after an item was open.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item == currentItem())
            emit agentChosen(item->data(AgentColumn, Qt::UserRole).toLongLong());
    });
}

qint64 CoachingAgentList::currentAgent() const
{
    return currentItem() ? currentItem()->data(AgentColumn, Qt::UserRole).toLongLong() : -1;
}

void CoachingAgentList::reload(Workspace *workspace)
{
    const qint64 chosen = currentAgent();
    const QSignalBlocker quiet(this);
    clear();
    const std::vector<AgentQueueSummary> agents =
        workspace ? queryCoachingAgents(*workspace) : std::vector<AgentQueueSummary>{};
    int patterns = 0, items = 0, overBudget = 0;
    for (const AgentQueueSummary &a : agents) {
        patterns += a.patterns;
        items += a.interactions;
        overBudget += a.overBudget;
    }
    auto *all = new QTreeWidgetItem(this, {tr("All agents (%L1)").arg(agents.size()),
                                           QString::number(patterns), QString::number(items),
                                           QString::number(overBudget)});
    all->setData(AgentColumn, Qt::UserRole, qint64(-1));
    QTreeWidgetItem *current = all;
    for (const AgentQueueSummary &a : agents) {
        auto *row = new QTreeWidgetItem(this, {a.agent, QString::number(a.patterns),
                                               QString::number(a.interactions),
                                               a.overBudget > 0 ? QString::number(a.overBudget)
                                                                : QString()});
        row->setData(AgentColumn, Qt::UserRole, a.agentId);
        row->setToolTip(AgentColumn,
                        a.topics.isEmpty()
                            ? a.team
                            : tr("%1 · patterns: %2").arg(a.team, a.topics.join(QStringLiteral(", "))));
        if (a.agentId == chosen)
            current = row;
    }
    setCurrentItem(current);
}

} // namespace qaw
