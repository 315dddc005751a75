#include "MeetingPrepPanel.h"

#include "Prompts.h"
#include "RecordSessionDialog.h"
#include "coaching/CoachingPacket.h"
#include "coaching/MeetingPreparation.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace qaw {

MeetingPrepPanel::MeetingPrepPanel(QWidget *parent) : QWidget(parent)
{
    m_agent = new QComboBox(this);
    m_agent->setObjectName(QStringLiteral("meetingAgent"));
    m_agent->setMinimumWidth(220);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("meetingPreview"));
    m_export = new QPushButton(tr("Export PDF…"), this);
    m_export->setObjectName(QStringLiteral("meetingExportPdf"));
    m_print = new QPushButton(tr("Print…"), this);
    m_print->setObjectName(QStringLiteral("meetingPrint"));
    m_record = new QPushButton(tr("Record session…"), this);
    m_record->setObjectName(QStringLiteral("meetingRecordSession"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Agent"), this));
    bar->addWidget(m_agent);
    bar->addStretch();
    bar->addWidget(m_record);
    bar->addWidget(m_export);
    bar->addWidget(m_print);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_preview, 1);
    connect(m_agent, &QComboBox::currentIndexChanged, this, &MeetingPrepPanel::prepare);
    connect(m_export, &QPushButton::clicked, this, &MeetingPrepPanel::exportClicked);
    connect(m_print, &QPushButton::clicked, this, &MeetingPrepPanel::printClicked);
    connect(m_record, &QPushButton::clicked, this, &MeetingPrepPanel::recordClicked);
}

MeetingPrepPanel::~MeetingPrepPanel() = default;

void MeetingPrepPanel::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    refresh();
}

void MeetingPrepPanel::refresh()
{
    const QVariant current = m_agent->currentData();
    {
        const QSignalBlocker block(m_agent);
        m_agent->clear();
        if (m_workspace)
            for (const NamedId &a : queries::agents(*m_workspace))
                m_agent->addItem(a.name, a.id);
        m_agent->setCurrentIndex(std::max(0, m_agent->findData(current)));
    }
    prepare();
}

void MeetingPrepPanel::showAgent(qint64 agentId)
{
    const int index = m_agent->findData(agentId);
    if (index >= 0 && index != m_agent->currentIndex())
        m_agent->setCurrentIndex(index);
}

void MeetingPrepPanel::prepare()
{
    m_preview->setDocument(nullptr);
    m_document.reset();
    m_prep.reset();
    const bool ready = m_workspace && m_agent->currentIndex() >= 0;
    for (QPushButton *b : {m_export, m_print, m_record})
        b->setEnabled(ready);
    if (!ready) {
        m_preview->setHtml(tr("<p><i>Open a workspace to prepare a coaching meeting.</i></p>"));
        return;
    }
    auto prep = MeetingPreparationBuilder(*m_workspace).build(m_agent->currentData().toLongLong());
    if (!prep)
        return;
    m_prep = std::make_unique<MeetingPreparation>(*prep);
    m_document = CoachingPacket(*m_prep).document();
    m_preview->setDocument(m_document.get());
}

bool MeetingPrepPanel::exportPdf(const QString &path, QString *error)
{
    if (!m_prep) {
        *error = tr("Choose an agent first.");
        return false;
    }
    return CoachingPacket(*m_prep).writePdf(path, error);
}

void MeetingPrepPanel::exportClicked()
{
    if (!m_prep || !m_prompts)
        return;
    const QString suggested = QStringLiteral("coaching-%1.pdf").arg(m_prep->agent.externalId);
    const QString path = m_prompts->saveFileName(this, tr("Export coaching packet"), suggested,
                                                 tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, &error))
        m_prompts->error(this, tr("Export coaching packet"), error);
}

void MeetingPrepPanel::printClicked()
{
    if (!m_prep)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Coaching meeting: %1").arg(m_prep->agent.displayName()));
    QPrintDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("meetingPrintDialog"));
    if (dialog.exec() == QDialog::Accepted)
        CoachingPacket(*m_prep).print(&printer);
}

void MeetingPrepPanel::recordClicked()
{
    if (!m_workspace)
        return;
    RecordSessionDialog dialog(*m_workspace, m_agent->currentData().toLongLong(), this);
    if (dialog.exec() == QDialog::Accepted) {
        prepare();
        emit sessionRecorded();
    }
}

} // namespace qaw
