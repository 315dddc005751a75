#include "RecordSessionDialog.h"

#include "coaching/CoachingSessionStore.h"
#include "coaching/CriterionScales.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace qaw {

RecordSessionDialog::RecordSessionDialog(Workspace &workspace, qint64 agentId, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("recordSessionDialog"));
    setWindowTitle(tr("Record a coaching session"));
    m_agent = new QComboBox(this);
    m_agent->setObjectName(QStringLiteral("sessionAgent"));
    for (const NamedId &a : queries::agents(workspace))
        m_agent->addItem(a.name, a.id);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(agentId)));
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("sessionDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_followUp = new QDateEdit(QDate::currentDate().addDays(30), this);
    m_followUp->setObjectName(QStringLiteral("sessionFollowUp"));
    m_followUp->setCalendarPopup(true);
    m_followUp->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_focus = new QListWidget(this);
    m_focus->setObjectName(QStringLiteral("sessionFocus"));
    const CriterionScales scales(workspace);
    for (const QString &id : scales.ids()) {
        auto *item = new QListWidgetItem(scales.name(id), m_focus);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("sessionNotes"));
    m_commitments = new QPlainTextEdit(this);
    m_commitments->setObjectName(QStringLiteral("sessionCommitments"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sessionError"));
    m_error->setStyleSheet(QStringLiteral("color:#b01e1e"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("sessionButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordSessionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Agent"), m_agent);
    form->addRow(tr("Date"), m_date);
    form->addRow(tr("Focus criteria"), m_focus);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(tr("Commitments"), m_commitments);
    form->addRow(tr("Follow-up"), m_followUp);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 600);
}

void RecordSessionDialog::accept()
{
    CoachingSession s;
    s.agentId = m_agent->currentData().toLongLong();
    s.date = m_date->date();
    s.followUp = m_followUp->date();
    for (int i = 0; i < m_focus->count(); ++i)
        if (m_focus->item(i)->checkState() == Qt::Checked)
            s.focus << m_focus->item(i)->data(Qt::UserRole).toString();
    if (s.focus.isEmpty()) {
        m_error->setText(tr("Tick at least one focus criterion: the effect is measured on them."));
        return;
    }
    s.notes = m_notes->toPlainText();
    s.commitments = m_commitments->toPlainText();
    QString error;
    m_recorded = CoachingSessionStore(m_workspace, currentUserName()).record(s, &error);
    if (m_recorded < 0) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace qaw
