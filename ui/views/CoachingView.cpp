#include "CoachingView.h"

#include "Prompts.h"
#include "coaching/CoachingQueuePanel.h"
#include "coaching/EffectivenessPanel.h"
#include "coaching/MeetingPrepPanel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace qaw {

CoachingView::CoachingView(QWidget *parent)
    : WorkspaceView(parent), m_ownPrompts(std::make_unique<Prompts>())
{
    setObjectName(QStringLiteral("coachingView"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("coachingTabs"));
    m_tabs->setDocumentMode(true);
    m_queue = new CoachingQueuePanel(this);
    m_queue->setObjectName(QStringLiteral("coachingQueue"));
    m_meeting = new MeetingPrepPanel(this);
    m_meeting->setObjectName(QStringLiteral("coachingMeeting"));
    m_effect = new EffectivenessPanel(this);
    m_effect->setObjectName(QStringLiteral("coachingEffectiveness"));
    m_tabs->addTab(m_queue, tr("Queue"));
    m_tabs->addTab(m_meeting, tr("Meeting preparation"));
    m_tabs->addTab(m_effect, tr("Did it work?"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_tabs);
    setPrompts(m_ownPrompts.get());

    connect(m_queue, &CoachingQueuePanel::prepareMeeting, this, [this](qint64 agentId) {
        m_meeting->showAgent(agentId);
        m_tabs->setCurrentWidget(m_meeting);
    });
    connect(m_meeting, &MeetingPrepPanel::sessionRecorded, m_effect, &EffectivenessPanel::refresh);
}

CoachingView::~CoachingView() = default;

void CoachingView::setPrompts(Prompts *prompts)
{
    m_queue->setPrompts(prompts);
    m_meeting->setPrompts(prompts);
}

void CoachingView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setEnabled(workspace != nullptr);
    m_queue->setWorkspace(workspace);
    m_meeting->setWorkspace(workspace);
    m_effect->setWorkspace(workspace);
}

void CoachingView::refresh()
{
    m_queue->refresh();
    m_meeting->refresh();
    m_effect->refresh();
}

} // namespace qaw
