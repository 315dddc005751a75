#pragma once

#include "WorkspaceView.h"
#include "domain/Evaluation.h"
#include "storage/InteractionFilter.h"
#include "storage/WorkspaceQueries.h"

#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTabWidget;
class QTimer;

namespace qaw {

class EvaluationPanel;
class HumanEvaluationForm;
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
    void setReviewer(const QString &reviewer);
    //! Scrolls the transcript to a turn and highlights the given characters of it.
    void showEvidence(int turn, int charStart, int charEnd);
    EvaluationPanel *evaluationPanel() const { return m_evaluation; }
    HumanEvaluationForm *humanForm() const { return m_humanForm; }

signals:
    //! A human evaluation was saved here (the other views may want to refresh).
    void humanEvaluationSaved(qint64 interactionId);

private:
    void fillFilterChoices();
    InteractionFilter filterFromWidgets() const;
    void showInteraction(qint64 id);
    void updateResultCount();
    void highlightEvidence(int focusTurn, int focusStart, int focusEnd);

    Workspace *m_workspace = nullptr;
    InteractionTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    EvaluationPanel *m_evaluation = nullptr;
    HumanEvaluationForm *m_humanForm = nullptr;
    std::vector<EvidenceSpan> m_evidence;
    std::optional<StoredInteraction> m_stored;
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
