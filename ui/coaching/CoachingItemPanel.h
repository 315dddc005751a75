#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace qaw {

class Prompts;
class Workspace;

//! The detail of the selected coaching item (the interaction with its evidence
//! highlighted, the rule and why it fired) and the actions on the selected items:
//! workflow steps, dismiss, false flag, owner, due date, notes, correct the score.
//! Actions apply to every selected item (bulk); the detail shows the current one.
class CoachingItemPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CoachingItemPanel(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    void setPrompts(Prompts *prompts) { m_prompts = prompts; }
    //! \a current is shown; \a selection receives the actions.
    void setItems(qint64 current, const QList<qint64> &selection);

signals:
    //! Something changed in the workspace: the queue must reload.
    void itemsChanged();

private:
    void showItem();
    void advance();
    void dismiss(bool falseFlag);
    void saveDetails();
    void correctScore();
    void report(const QString &action, const QStringList &refused, int changed);

    Workspace *m_workspace = nullptr;
    Prompts *m_prompts = nullptr;
    qint64 m_current = -1;
    QList<qint64> m_selection;
    QLabel *m_title = nullptr;
    QLabel *m_rule = nullptr;
    QLabel *m_selectionLabel = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QPushButton *m_advance = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_falseFlag = nullptr;
    QPushButton *m_correct = nullptr;
    QPushButton *m_save = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_owner = nullptr;
    QDateEdit *m_due = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace qaw
