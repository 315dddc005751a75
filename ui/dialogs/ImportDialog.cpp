#include "ImportDialog.h"

#include "Prompts.h"

#include "import/MappingProfiles.h"
#include "domain/Interaction.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qaw {
namespace {

const QStringList kFormats = {QStringLiteral("auto"),         QStringLiteral("jsonl"),
                              QStringLiteral("csv"),          QStringLiteral("contact-lens"),
                              QStringLiteral("transcribe"),   QStringLiteral("genesys"),
                              QStringLiteral("zendesk")};

QCheckBox *checkBox(const QString &text, const char *name, bool checked, QWidget *parent)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(QLatin1String(name));
    box->setChecked(checked);
    return box;
}

} // namespace

ImportDialog::ImportDialog(Workspace &workspace, Prompts &prompts, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_prompts(prompts)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import interactions"));
    resize(1100, 760);

    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(QStringLiteral("importFileList"));
    m_fileList->setMaximumHeight(110);
    auto *add = new QPushButton(tr("Add files..."), this);
    add->setObjectName(QStringLiteral("importAddFiles"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("importRemoveFile"));
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fileList, 1);
    filesRow->addLayout(fileButtons);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("importFormat"));
    for (const QString &f : kFormats)
        m_format->addItem(f == QLatin1String("auto") ? tr("Detect from content") : f, f);
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("importDetectedFormat"));
    m_redactCards = checkBox(tr("Card numbers"), "redactCards", true, this);
    m_redactSsn = checkBox(tr("US social security numbers"), "redactSsn", true, this);
    m_redactEmail = checkBox(tr("E-mail addresses"), "redactEmail", false, this);
    m_redactPhone = checkBox(tr("Phone numbers"), "redactPhone", false, this);
    auto *redaction = new QHBoxLayout;
    for (QCheckBox *b : {m_redactCards, m_redactSsn, m_redactEmail, m_redactPhone})
        redaction->addWidget(b);
    redaction->addStretch();
    auto *options = new QFormLayout;
    options->addRow(tr("Format"), m_format);
    options->addRow(tr("Detected"), m_detected);
    options->addRow(tr("Redact before storing"), redaction);

    m_mappingBox = new QGroupBox(tr("CSV column mapping"), this);
    m_mappingBox->setObjectName(QStringLiteral("csvMappingBox"));
    m_mappingTable = new QTableWidget(0, 2, m_mappingBox);
    m_mappingTable->setObjectName(QStringLiteral("csvMappingTable"));
    m_mappingTable->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file")});
    m_mappingTable->horizontalHeader()->setStretchLastSection(true);
    m_mappingTable->verticalHeader()->hide();
    m_profiles = new QComboBox(m_mappingBox);
    m_profiles->setObjectName(QStringLiteral("mappingProfiles"));
    auto *loadButton = new QPushButton(tr("Use profile"), m_mappingBox);
    loadButton->setObjectName(QStringLiteral("loadMappingProfile"));
    auto *saveButton = new QPushButton(tr("Save as profile..."), m_mappingBox);
    saveButton->setObjectName(QStringLiteral("saveMappingProfile"));
    m_defaultChannel = new QComboBox(m_mappingBox);
    m_defaultChannel->setObjectName(QStringLiteral("mappingDefaultChannel"));
    m_defaultChannel->addItem(tr("(from a column)"), QString());
    for (const QString &c : knownChannels())
        m_defaultChannel->addItem(c, c);
    m_mappingProblems = new QLabel(m_mappingBox);
    m_mappingProblems->setObjectName(QStringLiteral("mappingProblems"));
    m_mappingProblems->setWordWrap(true);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(new QLabel(tr("Profile"), m_mappingBox));
    profileRow->addWidget(m_profiles, 1);
    profileRow->addWidget(loadButton);
    profileRow->addWidget(saveButton);
    auto *mappingLayout = new QVBoxLayout(m_mappingBox);
    mappingLayout->addLayout(profileRow);
    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(new QLabel(tr("Channel when no column gives it"), m_mappingBox));
    channelRow->addWidget(m_defaultChannel, 1);
    mappingLayout->addLayout(channelRow);
    mappingLayout->addWidget(m_mappingTable, 1);
    mappingLayout->addWidget(m_mappingProblems);

    m_preview = new QTableWidget(0, 6, this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setHorizontalHeaderLabels({tr("Record"), tr("ID"), tr("Channel"), tr("Agent"),
                                          tr("Turns"), tr("Status")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("importButtons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_mappingBox, 1);
    auto *previewBox = new QVBoxLayout;
    previewBox->addWidget(new QLabel(tr("<b>Preview</b> (first interactions of the selected file)"), this));
    previewBox->addWidget(m_preview, 1);
    middle->addLayout(previewBox, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filesRow);
    layout->addLayout(options);
    layout->addLayout(middle, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(remove, &QPushButton::clicked, this, &ImportDialog::removeSelectedFile);
    connect(loadButton, &QPushButton::clicked, this, &ImportDialog::loadProfile);
    connect(m_defaultChannel, &QComboBox::currentIndexChanged, this, &ImportDialog::mappingEdited);
    connect(saveButton, &QPushButton::clicked, this, &ImportDialog::saveProfile);
    connect(m_fileList, &QListWidget::currentRowChanged, this, [this] {
        m_mappingEdited = false;
        refreshPreview();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    for (QCheckBox *b : {m_redactCards, m_redactSsn, m_redactEmail, m_redactPhone})
        connect(b, &QCheckBox::toggled, this, &ImportDialog::refreshPreview);
    m_profiles->addItems(mappingProfileNames(m_workspace));
    m_mappingBox->setEnabled(false);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_fileList->model(), &QAbstractItemModel::rowsInserted, this,
            [buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(true); });
}

void ImportDialog::setFiles(const QStringList &files)
{
    m_files = files;
    m_fileList->clear();
    for (const QString &f : files)
        m_fileList->addItem(QFileInfo(f).fileName() + QStringLiteral("  —  ") + f);
    if (!files.isEmpty())
        m_fileList->setCurrentRow(0);
}

void ImportDialog::addFiles()
{
    const QString file = m_prompts.openFileName(
        this, tr("Import interactions"),
        tr("Interaction exports (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
    if (!file.isEmpty())
        setFiles(m_files + QStringList{file});
}

void ImportDialog::removeSelectedFile()
{
    const int row = m_fileList->currentRow();
    if (row < 0)
        return;
    QStringList files = m_files;
    files.removeAt(row);
    setFiles(files);
}

ImportOptions ImportDialog::options() const
{
    ImportOptions o;
    o.format = m_format->currentData().toString();
    if (m_mappingEdited)
        o.mappingJson = QString::fromUtf8(QJsonDocument(m_mapping.toJson()).toJson(QJsonDocument::Compact));
    RedactionKinds kinds;
    if (m_redactCards->isChecked())
        kinds |= RedactionKind::Cards;
    if (m_redactSsn->isChecked())
        kinds |= RedactionKind::Ssn;
    if (m_redactEmail->isChecked())
        kinds |= RedactionKind::Email;
    if (m_redactPhone->isChecked())
        kinds |= RedactionKind::Phone;
    o.redact = kinds;
    return o;
}

void ImportDialog::refreshPreview()
{
    if (m_updating)
        return;
    const int row = m_fileList->currentRow();
    if (row < 0 || row >= m_files.size()) {
        m_detected->clear();
        m_preview->setRowCount(0);
        m_mappingBox->setEnabled(false);
        return;
    }
    const ImportPreview preview = previewImportFile(m_files[row], options(), 20, &m_workspace);
    if (!preview.readable) {
        m_detected->setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                                .arg(preview.error.toHtmlEscaped()));
        m_preview->setRowCount(0);
        m_mappingBox->setEnabled(false);
        return;
    }
    QString detected = preview.format;
    if (preview.format == QLatin1String("csv"))
        detected += tr(" · %1 · delimiter %2 · %3 columns")
                        .arg(preview.encoding,
                             preview.delimiter == QLatin1Char('\t') ? tr("tab")
                                                                    : QString(preview.delimiter))
                        .arg(preview.header.size());
    m_detected->setText(detected);
    showMapping(preview);
    showRecords(preview);
}

void ImportDialog::showMapping(const ImportPreview &preview)
{
    const bool csv = preview.format == QLatin1String("csv");
    m_mappingBox->setEnabled(csv);
    if (!csv) {
        m_mappingTable->setRowCount(0);
        m_mappingProblems->clear();
        return;
    }
    m_updating = true;
    m_header = preview.header;
    if (!m_mappingEdited)
        m_mapping = preview.mapping;
    m_mappingTable->setRowCount(kCsvFieldCount);
    for (int f = 0; f < kCsvFieldCount; ++f) {
        const auto field = CsvField(f);
        auto *name = new QTableWidgetItem(ColumnMapping::fieldName(field));
        name->setFlags(Qt::ItemIsEnabled);
        m_mappingTable->setItem(f, 0, name);
        auto *combo = new QComboBox(m_mappingTable);
        combo->setObjectName(QStringLiteral("mapping_") + ColumnMapping::fieldName(field));
        combo->addItem(tr("(not in this file)"), QString());
        for (const QString &column : m_header)
            combo->addItem(column, column);
        combo->setCurrentIndex(std::max(0, combo->findData(m_mapping.column(field))));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::mappingEdited);
        m_mappingTable->setCellWidget(f, 1, combo);
    }
    m_defaultChannel->setCurrentIndex(std::max(0, m_defaultChannel->findData(m_mapping.defaultChannel())));
    const QStringList problems = m_mapping.problems(m_header);
    m_mappingProblems->setText(problems.isEmpty()
                                   ? tr("The mapping is complete.")
                                   : QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                                         .arg(problems.join(QStringLiteral("<br>")).toHtmlEscaped()));
    m_updating = false;
}

void ImportDialog::mappingEdited()
{
    if (m_updating)
        return;
    for (int f = 0; f < kCsvFieldCount; ++f)
        if (auto *combo = qobject_cast<QComboBox *>(m_mappingTable->cellWidget(f, 1)))
            m_mapping.setColumn(CsvField(f), combo->currentData().toString());
    m_mapping.setDefaultChannel(m_defaultChannel->currentData().toString());
    m_mappingEdited = true;
    refreshPreview();
}

void ImportDialog::loadProfile()
{
    QString error;
    const auto mapping = loadMappingProfile(m_workspace, m_profiles->currentText(), &error);
    if (!mapping) {
        m_prompts.error(this, tr("Cannot use the profile"), error);
        return;
    }
    m_mapping = *mapping;
    m_mappingEdited = true;
    refreshPreview();
}

void ImportDialog::saveProfile()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save mapping profile"),
                                               tr("Profile name (usable as qaw import --mapping NAME):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QString error;
    if (!saveMappingProfile(m_workspace, name, m_mapping, &error)) {
        m_prompts.error(this, tr("Cannot save the profile"), error);
        return;
    }
    if (m_profiles->findText(name) < 0)
        m_profiles->addItem(name);
    m_profiles->setCurrentText(name);
}

void ImportDialog::showRecords(const ImportPreview &preview)
{
    m_preview->setRowCount(int(preview.records.size()));
    int row = 0;
    for (const ParsedRecord &r : preview.records) {
        const bool ok = r.interaction.has_value();
        const QStringList cells = {
            QString::number(r.recordNo),
            ok ? r.interaction->externalId : QString(),
            ok ? r.interaction->channel : QString(),
            ok ? (r.interaction->agentName.isEmpty() ? r.interaction->agentId : r.interaction->agentName) : QString(),
            ok ? QString::number(r.interaction->turns.size()) : QString(),
            ok ? tr("ok") : tr("rejected: %1").arg(r.error)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (!ok)
                item->setForeground(QColor(176, 0, 32));
            m_preview->setItem(row, c, item);
        }
        ++row;
    }
    m_preview->resizeColumnsToContents();
}

} // namespace qaw
