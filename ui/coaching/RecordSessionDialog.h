#pragma once

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace qaw {

class Workspace;

//! Records a coaching session: agent, date, focus criteria, notes, commitments and the
//! follow-up date. Accepting stores it (CoachingSessionStore, audited).
class RecordSessionDialog : public QDialog
{
    Q_OBJECT
public:
    RecordSessionDialog(Workspace &workspace, qint64 agentId, QWidget *parent = nullptr);

    qint64 recordedId() const { return m_recorded; }
    void accept() override;

    QListWidget *focusList() const { return m_focus; }

private:
    Workspace &m_workspace;
    qint64 m_recorded = -1;
    QComboBox *m_agent = nullptr;
    QDateEdit *m_date = nullptr;
    QDateEdit *m_followUp = nullptr;
    QListWidget *m_focus = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPlainTextEdit *m_commitments = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace qaw
