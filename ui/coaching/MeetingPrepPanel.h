#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QTextBrowser;
class QTextDocument;
class QPushButton;

namespace qaw {

class Prompts;
class Workspace;
struct MeetingPreparation;

//! Coaching-meeting preparation for one agent: the packet on screen (trend charts with
//! earlier sessions marked, weakest criteria, open items, examples with evidence, notes
//! of earlier sessions), exported as PDF, printed, and the session recorded.
class MeetingPrepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MeetingPrepPanel(QWidget *parent = nullptr);
    ~MeetingPrepPanel() override;

    void setWorkspace(Workspace *workspace);
    void setPrompts(Prompts *prompts) { m_prompts = prompts; }
    void showAgent(qint64 agentId);
    void refresh();
    //! Writes the current packet as PDF; false with a message when there is none.
    bool exportPdf(const QString &path, QString *error);

signals:
    void sessionRecorded();

private:
    void prepare();
    void exportClicked();
    void printClicked();
    void recordClicked();

    Workspace *m_workspace = nullptr;
    Prompts *m_prompts = nullptr;
    QComboBox *m_agent = nullptr;
    QTextBrowser *m_preview = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_record = nullptr;
    std::unique_ptr<MeetingPreparation> m_prep;
    std::unique_ptr<QTextDocument> m_document;
};

} // namespace qaw
