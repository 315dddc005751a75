#include "CalibrationView.h"

#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {

CalibrationView::CalibrationView(QWidget *parent) : WorkspaceView(parent)
{
    setObjectName(QStringLiteral("calibrationView"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("calibrationSummary"));
    m_summary->setWordWrap(true);
    m_scorecards = new QTreeWidget(this);
    m_scorecards->setObjectName(QStringLiteral("scorecardVersionList"));
    m_scorecards->setHeaderLabels({tr("Scorecard"), tr("Version"), tr("Active"), tr("Created"),
                                   tr("By"), tr("Note")});
    m_scorecards->setRootIsDecorated(false);
    m_sessions = new QTreeWidget(this);
    m_sessions->setObjectName(QStringLiteral("calibrationSessionList"));
    m_sessions->setHeaderLabels({tr("Session"), tr("Interactions"), tr("Reviewers"), tr("Mode"),
                                 tr("Status")});
    m_sessions->setRootIsDecorated(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("<b>Scorecard versions</b>"), this));
    layout->addWidget(m_scorecards, 1);
    layout->addWidget(new QLabel(tr("<b>Calibration sessions</b>"), this));
    layout->addWidget(m_sessions, 2);
}

void CalibrationView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setEnabled(workspace != nullptr);
    refresh();
}

void CalibrationView::refresh()
{
    m_scorecards->clear();
    m_sessions->clear();
    if (!m_workspace) {
        m_summary->clear();
        return;
    }
    const WorkspaceCounts c = m_workspace->counts();
    m_summary->setText(tr("%L1 human evaluations and %L2 automated evaluations in this "
                          "workspace; %L3 calibration sessions.")
                           .arg(c.humanEvaluations)
                           .arg(c.evaluations - c.humanEvaluations)
                           .arg(c.calibrationSessions));
    for (const ScorecardVersionRow &v : queries::scorecardVersions(*m_workspace)) {
        auto *item = new QTreeWidgetItem(m_scorecards);
        item->setText(0, v.scorecardName);
        item->setText(1, QString::number(v.version));
        item->setText(2, v.active ? tr("active") : QString());
        item->setText(3, v.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        item->setText(4, v.createdBy);
        item->setText(5, v.note);
    }
    for (const CalibrationSessionRow &session : queries::calibrationSessions(*m_workspace)) {
        auto *item = new QTreeWidgetItem(m_sessions);
        item->setText(0, session.name);
        item->setText(1, QString::number(session.interactions));
        item->setText(2, QString::number(session.reviewers));
        item->setText(3, session.blind ? tr("blind") : tr("open"));
        item->setText(4, session.status);
    }
    if (m_sessions->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(m_sessions);
        item->setText(0, tr("No calibration sessions yet"));
        item->setFlags(Qt::NoItemFlags);
    }
    for (QTreeWidget *tree : {m_scorecards, m_sessions})
        tree->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace qaw
