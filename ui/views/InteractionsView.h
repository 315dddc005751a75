#pragma once

#include "WorkspaceView.h"
#include "storage/InteractionFilter.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace qaw {

class InteractionTableModel;

//! The table of interactions with filters, and the selected one's transcript.
class InteractionsView : public WorkspaceView
{
    Q_OBJECT
public:
    explicit InteractionsView(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace) override;
    void refresh() override;

    InteractionTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    //! Shows exactly these interactions (a drill-down from a chart, say).
    void applyFilter(const InteractionFilter &filter);
    //! The interaction shown in the detail pane, or -1.
    qint64 currentInteractionId() const { return m_currentId; }

private:
    void fillFilterChoices();
    InteractionFilter filterFromWidgets() const;
    void showInteraction(qint64 id);
    void updateResultCount();

    Workspace *m_workspace = nullptr;
    InteractionTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_resultCount = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_queue = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTimer *m_filterTimer = nullptr;
    bool m_fillingChoices = false;
    qint64 m_currentId = -1;
};

} // namespace qaw
