#pragma once

#include "WorkspaceView.h"

#include <memory>

class QTabWidget;

namespace qaw {

class CoachingQueuePanel;
class EffectivenessPanel;
class MeetingPrepPanel;
class Prompts;

//! The Coaching workspace: the queue of flagged interactions with their workflow,
//! coaching-meeting preparation for one agent, and whether coaching worked.
class CoachingView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit CoachingView(QWidget *parent = nullptr);
    ~CoachingView() override;
    void setWorkspace(Workspace *workspace) override;
    void refresh() override;
    //! Where the view asks the user (file names, errors); tests pass their own.
    void setPrompts(Prompts *prompts);

    CoachingQueuePanel *queue() const { return m_queue; }
    MeetingPrepPanel *meeting() const { return m_meeting; }
    EffectivenessPanel *effectiveness() const { return m_effect; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    Workspace *m_workspace = nullptr;
    std::unique_ptr<Prompts> m_ownPrompts;
    QTabWidget *m_tabs = nullptr;
    CoachingQueuePanel *m_queue = nullptr;
    MeetingPrepPanel *m_meeting = nullptr;
    EffectivenessPanel *m_effect = nullptr;
};

} // namespace qaw
