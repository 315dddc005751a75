#include "ImportHistoryDialog.h"

#include "Prompts.h"

#include "import/ImportBatches.h"
#include "io/OutputFile.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace qaw {
namespace {

QTableWidget *makeTable(const QStringList &headers, const char *name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QLatin1String(name));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    return table;
}

} // namespace

ImportHistoryDialog::ImportHistoryDialog(Workspace &workspace, Prompts &prompts, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_prompts(prompts)
{
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import history"));
    resize(1100, 700);
    m_batches = makeTable({tr("Batch"), tr("Started (UTC)"), tr("File"), tr("Format"), tr("Status"),
                           tr("Imported"), tr("Updated"), tr("Unchanged"), tr("Rejected"),
                           tr("Redacted"), tr("Message")},
                          "importBatchTable", this);
    m_rejects = makeTable({tr("Record"), tr("Reason"), tr("Raw text")}, "rejectTable", this);
    const std::vector<ImportBatch> batches = listImportBatches(m_workspace);
    m_batches->setRowCount(int(batches.size()));
    for (int row = 0; row < int(batches.size()); ++row) {
        const ImportBatch &b = batches[size_t(row)];
        const QStringList cells = {
            QString::number(b.id),
            QDateTime::fromMSecsSinceEpoch(b.startedAt, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            QFileInfo(b.filePath).fileName(), b.format, b.status, QString::number(b.imported),
            QString::number(b.updated), QString::number(b.unchanged), QString::number(b.rejected),
            QString::number(b.redacted), b.message};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, b.id);
            item->setToolTip(c == 2 ? b.filePath : cells[c]);
            m_batches->setItem(row, c, item);
        }
    }
    m_batches->resizeColumnsToContents();

    auto *exportButton = new QPushButton(tr("Export rejects as CSV..."), this);
    exportButton->setObjectName(QStringLiteral("exportRejects"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_batches);
    splitter->addWidget(m_rejects);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(exportButton, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Every import is a batch. Records that could not be imported "
                                    "are kept with their reason and raw text."), this));
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ImportHistoryDialog::exportRejects);
    connect(m_batches, &QTableWidget::itemSelectionChanged, this, &ImportHistoryDialog::showRejects);
    if (m_batches->rowCount() > 0)
        m_batches->selectRow(0);
}

qint64 ImportHistoryDialog::selectedBatch() const
{
    const QList<QTableWidgetItem *> items = m_batches->selectedItems();
    return items.isEmpty() ? -1 : items.first()->data(Qt::UserRole).toLongLong();
}

void ImportHistoryDialog::selectBatch(qint64 batchId)
{
    for (int row = 0; row < m_batches->rowCount(); ++row)
        if (m_batches->item(row, 0)->data(Qt::UserRole).toLongLong() == batchId)
            m_batches->selectRow(row);
}

void ImportHistoryDialog::showRejects()
{
    const qint64 batch = selectedBatch();
    const std::vector<RejectedRecord> rejects =
        batch >= 0 ? listRejects(m_workspace, batch, 1000) : std::vector<RejectedRecord>{};
    m_rejects->setRowCount(int(rejects.size()));
    for (int row = 0; row < int(rejects.size()); ++row) {
        const RejectedRecord &r = rejects[size_t(row)];
        m_rejects->setItem(row, 0, new QTableWidgetItem(QString::number(r.recordNo)));
        m_rejects->setItem(row, 1, new QTableWidgetItem(r.reason));
        auto *raw = new QTableWidgetItem(r.raw.left(300));
        raw->setToolTip(r.raw.left(2000));
        m_rejects->setItem(row, 2, raw);
    }
    m_rejects->resizeColumnToContents(0);
    m_rejects->setColumnWidth(1, 380);
}

void ImportHistoryDialog::exportRejects()
{
    const qint64 batch = selectedBatch();
    const QString path = m_prompts.saveFileName(this, tr("Export rejects"),
                                                QStringLiteral("rejects-batch-%1.csv").arg(batch),
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    OutputFile file(path);
    QString error;
    if (!file.open()) {
        m_prompts.error(this, tr("Cannot export rejects"), file.errorString());
        return;
    }
    if (exportRejectsCsv(m_workspace, batch, file.device(), &error) < 0)
        m_prompts.error(this, tr("Cannot export rejects"),
                        tr("Cannot write %1: %2").arg(path, error));
    else if (!file.commit())
        m_prompts.error(this, tr("Cannot export rejects"), file.errorString());
}

} // namespace qaw
