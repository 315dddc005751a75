#include "CoachingView.h"

#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {

CoachingView::CoachingView(QWidget *parent) : WorkspaceView(parent)
{
    setObjectName(QStringLiteral("coachingView"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("coachingSummary"));
    m_summary->setWordWrap(true);
    m_sessions = new QTreeWidget(this);
    m_sessions->setObjectName(QStringLiteral("coachingSessionList"));
    m_sessions->setHeaderLabels({tr("Date"), tr("Agent"), tr("Team"), tr("Focus"),
                                 tr("Follow-up"), tr("Notes")});
    m_sessions->setRootIsDecorated(false);
    m_sessions->setSortingEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("<b>Coaching sessions</b>"), this));
    layout->addWidget(m_sessions, 1);
}

void CoachingView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setEnabled(workspace != nullptr);
    refresh();
}

void CoachingView::refresh()
{
    m_sessions->clear();
    if (!m_workspace) {
        m_summary->clear();
        return;
    }
    const WorkspaceCounts c = m_workspace->counts();
    m_summary->setText(tr("%L1 items in the coaching queue; %L2 coaching sessions recorded.")
                           .arg(c.coachingItems)
                           .arg(c.coachingSessions));
    for (const CoachingSessionRow &s : queries::coachingSessions(*m_workspace)) {
        auto *item = new QTreeWidgetItem(m_sessions);
        item->setText(0, s.date.toString(Qt::ISODate));
        item->setText(1, s.agentName.isEmpty() ? s.agentExternalId : s.agentName);
        item->setText(2, s.team);
        item->setText(3, s.focus.join(QStringLiteral(", ")));
        item->setText(4, s.followUp.toString(Qt::ISODate));
        item->setText(5, s.notes);
        item->setToolTip(5, s.notes);
    }
    m_sessions->sortByColumn(0, Qt::DescendingOrder);
    m_sessions->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace qaw
