#include "ScorecardEditor.h"

#include "dialogs/ConceptLibraryEditor.h"
#include "dialogs/DetectorSettingsForm.h"

#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {
namespace {

enum Page { EmptyPage, SectionPage, CriterionPage };
constexpr int kSectionRole = Qt::UserRole;
constexpr int kCriterionRole = Qt::UserRole + 1;

QString compactJson(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// Empty text is an empty object; anything else must be a JSON object.
std::optional<QJsonObject> parseObject(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

template <typename W> W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

} // namespace

ScorecardEditor::ScorecardEditor(Workspace &workspace, const Scorecard &card, int version,
                                 QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_card(card)
{
    setObjectName(QStringLiteral("scorecardEditor"));
    setWindowTitle(tr("Edit scorecard — %1 (version %2)").arg(card.name).arg(version));
    resize(1200, 760);

    m_name = named(new QLineEdit(card.name, this), "scorecardName");
    m_passMark = named(new QDoubleSpinBox(this), "scorecardPassMark");
    m_passMark->setRange(0, 100);
    m_passMark->setValue(card.passMark);
    auto *header = new QFormLayout;
    header->addRow(tr("Name"), m_name);
    header->addRow(tr("Pass mark (0-100)"), m_passMark);

    m_tree = named(new QTreeWidget(this), "scorecardTree");
    m_tree->setHeaderLabels({tr("Section / criterion"), tr("Weight"), tr("Scale")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    auto *addSectionButton = named(new QPushButton(tr("Add section"), this), "addSectionButton");
    auto *addCriterionButton = named(new QPushButton(tr("Add criterion"), this), "addCriterionButton");
    auto *removeButton = named(new QPushButton(tr("Remove"), this), "removeItemButton");
    auto *treeButtons = new QHBoxLayout;
    treeButtons->addWidget(addSectionButton);
    treeButtons->addWidget(addCriterionButton);
    treeButtons->addWidget(removeButton);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(header);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(treeButtons);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new QLabel(tr("Select a section or a criterion to edit it."), this));
    auto *sectionPage = new QWidget(this);
    auto *sectionForm = new QFormLayout(sectionPage);
    m_sectionName = named(new QLineEdit(this), "sectionName");
    sectionForm->addRow(tr("Section name"), m_sectionName);
    m_pages->addWidget(sectionPage);

    auto *criterionPage = new QWidget(this);
    auto *form = new QFormLayout(criterionPage);
    m_criterionId = named(new QLineEdit(this), "criterionId");
    m_criterionName = named(new QLineEdit(this), "criterionName");
    m_purpose = named(new QLineEdit(this), "criterionPurpose");
    m_purpose->setPlaceholderText(tr("One line: why this matters"));
    m_weight = named(new QDoubleSpinBox(this), "criterionWeight");
    m_weight->setRange(0, 1000);
    m_scale = named(new QComboBox(this), "criterionScale");
    m_scale->addItem(tr("Yes / no"), int(Scale::Type::YesNo));
    m_scale->addItem(tr("1 to 5"), int(Scale::Type::OneToFive));
    m_scale->addItem(tr("0 to N points"), int(Scale::Type::Points));
    m_points = named(new QSpinBox(this), "criterionPoints");
    m_points->setRange(1, 100);
    m_autoFail = named(new QComboBox(this), "criterionAutoFail");
    m_autoFail->addItem(tr("None"), int(AutoFail::None));
    m_autoFail->addItem(tr("Fails the whole evaluation"), int(AutoFail::Evaluation));
    m_autoFail->addItem(tr("Zeroes its section"), int(AutoFail::Section));
    m_outcome = named(new QComboBox(this), "criterionOutcome");
    for (const char *o : {"csat", "fcr", "aht", "compliance"})
        m_outcome->addItem(QString::fromLatin1(o).toUpper(), QString::fromLatin1(o));
    m_naRule = named(new QPlainTextEdit(this), "criterionNaRule");
    m_naRule->setPlaceholderText(tr("{\"channel_in\": [\"email\"]}  (empty: always applies)"));
    m_naRule->setMaximumHeight(70);
    m_detector = named(new QPlainTextEdit(this), "criterionDetector");
    m_detector->setFont(QFont(QStringLiteral("monospace")));
    m_detector->setMinimumHeight(220);
    m_detectorForm = new DetectorSettingsForm(this);
    m_detectorForm->setObjectName(QStringLiteral("detectorSettingsForm"));
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_detectorForm);
    formScroll->setWidgetResizable(true);
    formScroll->setMinimumHeight(220);
    m_detectorTabs = named(new QTabWidget(this), "detectorTabs");
    m_detectorTabs->addTab(formScroll, tr("Settings"));
    m_detectorTabs->addTab(m_detector, tr("JSON"));
    m_jsonError = named(new QLabel(this), "jsonError");
    m_jsonError->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(tr("Id"), m_criterionId);
    form->addRow(tr("Name"), m_criterionName);
    form->addRow(tr("Purpose"), m_purpose);
    form->addRow(tr("Weight"), m_weight);
    auto *scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale, 1);
    scaleRow->addWidget(new QLabel(tr("max points"), this));
    scaleRow->addWidget(m_points);
    form->addRow(tr("Scale"), scaleRow);
    form->addRow(tr("Auto-fail"), m_autoFail);
    form->addRow(tr("CX outcome"), m_outcome);
    form->addRow(tr("N/A when"), m_naRule);
    form->addRow(tr("Detector"), m_detectorTabs);
    form->addRow(QString(), m_jsonError);
    m_pages->addWidget(criterionPage);

    m_validation = named(new QLabel(this), "validationMessages");
    m_validation->setWordWrap(true);
    m_preview = named(new QTextBrowser(this), "scorecardPreview");
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_pages, 3);
    rightLayout->addWidget(m_validation);
    rightLayout->addWidget(new QLabel(tr("<b>Live preview</b> (the selected interaction, scored with "
                                         "these unsaved edits)"), this));
    rightLayout->addWidget(m_preview, 2);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({460, 740});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("scorecardEditorButtons"));
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save as new version"));
    // The concepts the detectors refer to are part of the version: edited beside the
    // criteria, the preview following every edit.
    m_concepts = new ConceptLibraryEditor(m_card.concepts, this);
    auto *tabs = named(new QTabWidget(this), "scorecardEditorTabs");
    tabs->addTab(splitter, tr("Criteria"));
    tabs->addTab(m_concepts, tr("Concepts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    connect(m_concepts, &ConceptLibraryEditor::libraryEdited, this,
            [this](const ConceptLibrary &library) {
                m_card.concepts = library;
                refreshValidationAndPreview();
            });

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addSectionButton, &QPushButton::clicked, this, &ScorecardEditor::addSection);
    connect(addCriterionButton, &QPushButton::clicked, this, &ScorecardEditor::addCriterion);
    connect(removeButton, &QPushButton::clicked, this, &ScorecardEditor::removeSelected);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ScorecardEditor::showSelected);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_card.name = t;
        refreshValidationAndPreview();
    });
    connect(m_passMark, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_card.passMark = v;
        refreshValidationAndPreview();
    });
    connect(m_sectionName, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (ScorecardSection *s = selectedSection(); s && !m_loading) {
            s->name = t;
            m_tree->currentItem()->setText(0, t);
        }
    });
    auto commit = [this] { commitCriterionFields(); };
    for (QLineEdit *e : {m_criterionId, m_criterionName, m_purpose})
        connect(e, &QLineEdit::textChanged, this, commit);
    connect(m_weight, &QDoubleSpinBox::valueChanged, this, commit);
    connect(m_points, &QSpinBox::valueChanged, this, commit);
    for (QComboBox *c : {m_scale, m_autoFail, m_outcome})
        connect(c, &QComboBox::currentIndexChanged, this, commit);
    connect(m_naRule, &QPlainTextEdit::textChanged, this, commit);
    connect(m_detector, &QPlainTextEdit::textChanged, this, commit);
    // The form and the JSON show the same settings: an edit in the form rewrites the JSON
    // (and through it the criterion); the form is rebuilt from the criterion when shown.
    connect(m_detectorForm, &DetectorSettingsForm::detectorEdited, this,
            [this](const QJsonObject &detector) {
                if (m_loading)
                    return;
                m_loading = true;
                m_detector->setPlainText(compactJson(detector));
                m_loading = false;
                commitCriterionFields();
            });
    connect(m_detectorTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (const Criterion *c = selectedCriterion(); c && index == 0)
            m_detectorForm->setDetector(c->detector);
    });

    buildTree();
    if (m_tree->topLevelItemCount() > 0 && m_tree->topLevelItem(0)->childCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    refreshValidationAndPreview();
}

void ScorecardEditor::buildTree()
{
    m_tree->clear();
    for (int s = 0; s < int(m_card.sections.size()); ++s) {
        const ScorecardSection &section = m_card.sections[size_t(s)];
        auto *sectionItem = new QTreeWidgetItem(m_tree, {section.name});
        sectionItem->setData(0, kSectionRole, s);
        sectionItem->setData(0, kCriterionRole, -1);
        for (int c = 0; c < int(section.criteria.size()); ++c) {
            const Criterion &criterion = section.criteria[size_t(c)];
            auto *item = new QTreeWidgetItem(sectionItem, {criterion.name, QString::number(criterion.weight),
                                                           criterion.scale.name()});
            item->setData(0, kSectionRole, s);
            item->setData(0, kCriterionRole, c);
        }
    }
    m_tree->expandAll();
}

ScorecardSection *ScorecardEditor::selectedSection()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const int s = item->data(0, kSectionRole).toInt();
    return s >= 0 && s < int(m_card.sections.size()) ? &m_card.sections[size_t(s)] : nullptr;
}

Criterion *ScorecardEditor::selectedCriterion()
{
    ScorecardSection *section = selectedSection();
    const int c = m_tree->currentItem() ? m_tree->currentItem()->data(0, kCriterionRole).toInt() : -1;
    if (!section || c < 0 || c >= int(section->criteria.size()))
        return nullptr;
    return &section->criteria[size_t(c)];
}

void ScorecardEditor::showSelected()
{
    m_loading = true;
    if (Criterion *c = selectedCriterion()) {
        m_criterionId->setText(c->id);
        m_criterionName->setText(c->name);
        m_purpose->setText(c->purpose);
        m_weight->setValue(c->weight);
        m_scale->setCurrentIndex(m_scale->findData(int(c->scale.type)));
        m_points->setValue(c->scale.points);
        m_points->setEnabled(c->scale.type == Scale::Type::Points);
        m_autoFail->setCurrentIndex(m_autoFail->findData(int(c->autoFail)));
        m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(c->outcome)));
        m_naRule->setPlainText(compactJson(c->na));
        m_detector->setPlainText(compactJson(c->detector));
        m_detectorForm->setDetector(c->detector);
        m_jsonError->clear();
        m_pages->setCurrentIndex(CriterionPage);
    } else if (ScorecardSection *s = selectedSection()) {
        m_sectionName->setText(s->name);
        m_pages->setCurrentIndex(SectionPage);
    } else {
        m_pages->setCurrentIndex(EmptyPage);
    }
    m_loading = false;
}

void ScorecardEditor::commitCriterionFields()
{
    Criterion *c = selectedCriterion();
    if (m_loading || !c)
        return;
    c->id = m_criterionId->text().trimmed();
    c->name = m_criterionName->text();
    c->purpose = m_purpose->text();
    c->weight = m_weight->value();
    c->scale.type = Scale::Type(m_scale->currentData().toInt());
    c->scale.points = c->scale.type == Scale::Type::Points ? m_points->value() : 1;
    m_points->setEnabled(c->scale.type == Scale::Type::Points);
    c->autoFail = AutoFail(m_autoFail->currentData().toInt());
    c->outcome = m_outcome->currentData().toString();
    const auto na = parseObject(m_naRule->toPlainText());
    const auto detector = parseObject(m_detector->toPlainText());
    QStringList jsonErrors;
    if (na)
        c->na = *na;
    else
        jsonErrors << tr("The N/A rule is not a JSON object; the last valid one is kept.");
    if (detector)
        c->detector = *detector;
    else
        jsonErrors << tr("The detector settings are not a JSON object; the last valid ones are kept.");
    m_jsonError->setText(jsonErrors.join(QLatin1Char(' ')));
    QTreeWidgetItem *item = m_tree->currentItem();
    item->setText(0, c->name);
    item->setText(1, QString::number(c->weight));
    item->setText(2, c->scale.name());
    refreshValidationAndPreview();
}

void ScorecardEditor::addSection()
{
    ScorecardSection s;
    s.id = QStringLiteral("section_%1").arg(m_card.sections.size() + 1);
    s.name = tr("New section");
    m_card.sections.push_back(s);
    buildTree();
    m_tree->setCurrentItem(m_tree->topLevelItem(m_tree->topLevelItemCount() - 1));
    refreshValidationAndPreview();
}

void ScorecardEditor::addCriterion()
{
    if (m_card.sections.empty())
        addSection();
    ScorecardSection *section = selectedSection() ? selectedSection() : &m_card.sections.back();
    const int sectionIndex = int(section - m_card.sections.data());
    Criterion c;
    c.id = QStringLiteral("new_criterion_%1").arg(m_card.criteria().size() + 1);
    c.name = tr("New criterion");
    c.outcome = QStringLiteral("csat");
    c.detector = QJsonObject{{QStringLiteral("type"), QStringLiteral("phrases")},
                             {QStringLiteral("mode"), QStringLiteral("any")},
                             {QStringLiteral("speaker"), QStringLiteral("agent")},
                             {QStringLiteral("phrases"), QJsonArray()}};
    section->criteria.push_back(c);
    buildTree();
    QTreeWidgetItem *sectionItem = m_tree->topLevelItem(sectionIndex);
    m_tree->setCurrentItem(sectionItem->child(sectionItem->childCount() - 1));
    refreshValidationAndPreview();
}

void ScorecardEditor::removeSelected()
{
    ScorecardSection *section = selectedSection();
    if (!section)
        return;
    if (Criterion *c = selectedCriterion())
        section->criteria.erase(section->criteria.begin() + (c - section->criteria.data()));
    else
        m_card.sections.erase(m_card.sections.begin() + (section - m_card.sections.data()));
    buildTree();
    refreshValidationAndPreview();
}

void ScorecardEditor::setPreview(const PreviewScorer &scorer, const std::optional<StoredInteraction> &interaction)
{
    m_scorer = scorer;
    m_previewInteraction = interaction;
    refreshValidationAndPreview();
}

void ScorecardEditor::refreshValidationAndPreview()
{
    const QStringList problems = m_card.validate();
    m_validation->setText(problems.isEmpty()
                              ? tr("<span style=\"color:#2e7d32\">The scorecard is valid.</span>")
                              : tr("<span style=\"color:#b00020\">Fix before saving:</span><br>") +
                                    problems.join(QStringLiteral("<br>")).toHtmlEscaped());
    if (auto *save = findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save))
        save->setEnabled(problems.isEmpty());
    if (!m_previewInteraction) {
        m_preview->setHtml(tr("<i>Select an interaction in the Interactions workspace to preview "
                              "its score here.</i>"));
        return;
    }
    if (!m_scorer || !problems.isEmpty()) {
        m_preview->setHtml(problems.isEmpty() ? tr("<i>No scorer is connected.</i>")
                                              : tr("<i>The preview resumes once the scorecard is valid.</i>"));
        return;
    }
    const Evaluation e = m_scorer(m_card, *m_previewInteraction);
    QString html = tr("<p><b>%1</b>: total %2%3</p><table>")
                       .arg(m_previewInteraction->interaction.externalId.toHtmlEscaped(),
                            e.total ? QString::number(*e.total, 'f', 1) : tr("n/a"),
                            e.autoFailed ? tr(" (auto-fail)") : e.passed ? tr(" (pass)") : tr(" (fail)"));
    for (const CriterionResult &r : e.criteria) {
        const Criterion *c = m_card.criterion(r.criterionId);
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td style=\"color:#555\">%3</td></tr>")
                    .arg((c ? c->name : r.criterionId).toHtmlEscaped(),
                         r.na ? tr("N/A") : QStringLiteral("%1 / %2").arg(r.value.value_or(0)).arg(r.max),
                         r.rationale.toHtmlEscaped());
    }
    m_preview->setHtml(html + QStringLiteral("</table>"));
}

qint64 ScorecardEditor::saveNewVersion(const QString &user, const QString &note, bool activate, QString *error)
{
    ScorecardRepository repo(m_workspace);
    const qint64 id = repo.saveNewVersion(m_card, user, note, error);
    if (id < 0 || !activate)
        return id;
    return repo.activate(id, error) ? id : -1;
}

} // namespace qaw
