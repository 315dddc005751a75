#include "FlagRuleDialog.h"

#include "coaching/CoachingItemWriter.h"
#include "coaching/FlagRuleStore.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qaw {

FlagRuleDialog::FlagRuleDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("flagRuleDialog"));
    setWindowTitle(tr("Flag rules"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("flagRuleList"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("flagRuleName"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("flagRuleKind"));
    for (FlagRuleKind k : FlagRule::allKinds())
        m_kind->addItem(FlagRule::kindLabel(k), FlagRule::kindName(k));
    m_params = new QPlainTextEdit(this);
    m_params->setObjectName(QStringLiteral("flagRuleParams"));
    m_params->setMaximumHeight(90);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("flagRuleSeverity"));
    for (int s = kMinSeverity; s <= kMaxSeverity; ++s)
        m_severity->addItem(FlagRule::severityLabel(s), s);
    m_calibrated = new QCheckBox(tr("Only when the criterion is calibrated"), this);
    m_calibrated->setObjectName(QStringLiteral("flagRuleCalibratedOnly"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setObjectName(QStringLiteral("flagRuleEnabled"));
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("flagRuleDescription"));
    m_description->setWordWrap(true);
    m_description->setStyleSheet(QStringLiteral("color:#555"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("flagRuleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b01e1e"));

    auto *newButton = new QPushButton(tr("New rule"), this);
    newButton->setObjectName(QStringLiteral("flagRuleNew"));
    auto *saveButton = new QPushButton(tr("Save rule"), this);
    saveButton->setObjectName(QStringLiteral("flagRuleSave"));
    auto *deleteButton = new QPushButton(tr("Delete rule"), this);
    deleteButton->setObjectName(QStringLiteral("flagRuleDelete"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->setObjectName(QStringLiteral("flagRuleClose"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Parameters (JSON)"), m_params);
    form->addRow(tr("Severity"), m_severity);
    form->addRow(QString(), m_calibrated);
    form->addRow(QString(), m_enabled);
    form->addRow(m_description);
    form->addRow(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(deleteButton);
    buttons->addStretch();
    buttons->addWidget(saveButton);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch();
    right->addLayout(buttons);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 2);
    top->addLayout(right, 3);
    // The queue-wide budget sits with the rules it limits; it is saved as it changes.
    auto *budget = new QSpinBox(this);
    budget->setObjectName(QStringLiteral("flagRuleWeeklyBudget"));
    budget->setRange(1, 50);
    budget->setValue(CoachingItemWriter::weeklyBudget(m_workspace));
    budget->setSuffix(tr(" open items per agent and week"));
    budget->setToolTip(tr("New items beyond it are counted on the agent, not filed; the most "
                          "pressing (patterns first) are kept."));
    auto *horizon = new QSpinBox(this);
    horizon->setObjectName(QStringLiteral("flagRuleHorizon"));
    horizon->setRange(0, 52);
    horizon->setValue(CoachingItemWriter::horizonWeeks(m_workspace));
    horizon->setSpecialValueText(tr("all weeks"));
    horizon->setSuffix(tr(" weeks"));
    horizon->setToolTip(tr("Single events older than this (counted back from the latest "
                           "scored interaction) are counted, not filed"));
    auto *budgetRow = new QHBoxLayout;
    budgetRow->addWidget(new QLabel(tr("Weekly budget:"), this));
    budgetRow->addWidget(budget);
    budgetRow->addWidget(new QLabel(tr("Single events from the last"), this));
    budgetRow->addWidget(horizon);
    budgetRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(budgetRow);
    layout->addWidget(close);
    connect(budget, &QSpinBox::valueChanged, this, [this](int value) {
        m_workspace.setSetting(QLatin1String(kWeeklyBudgetSetting), QString::number(value));
    });
    connect(horizon, &QSpinBox::valueChanged, this, [this](int value) {
        m_workspace.setSetting(QLatin1String(kHorizonWeeksSetting), QString::number(value));
    });
    resize(760, 420);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int) {
        if (QListWidgetItem *item = m_list->currentItem())
            if (const auto rule =
                    FlagRuleStore(m_workspace).find(item->data(Qt::UserRole).toLongLong()))
                showRule(*rule);
    });
    connect(m_kind, &QComboBox::activated, this, &FlagRuleDialog::kindChanged);
    connect(newButton, &QPushButton::clicked, this, &FlagRuleDialog::newRule);
    connect(saveButton, &QPushButton::clicked, this, &FlagRuleDialog::saveRule);
    connect(deleteButton, &QPushButton::clicked, this, &FlagRuleDialog::deleteRule);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    FlagRuleStore(m_workspace).installDefaultsIfNone();
    reloadList(-1);
}

QString FlagRuleDialog::lastError() const
{
    return m_error->text();
}

void FlagRuleDialog::reloadList(qint64 select)
{
    m_list->clear();
    int row = 0;
    for (const FlagRule &r : FlagRuleStore(m_workspace).all()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  ·  %2%3")
                                             .arg(r.name, FlagRule::severityLabel(r.severity),
                                                  r.enabled ? QString() : tr("  (off)")),
                                         m_list);
        item->setData(Qt::UserRole, r.id);
        if (!r.enabled)
            item->setForeground(Qt::gray);
        if (r.id == select)
            row = m_list->count() - 1;
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(row);
    else
        newRule();
}

void FlagRuleDialog::showRule(const FlagRule &rule)
{
    m_editing = rule.id;
    m_name->setText(rule.name);
    m_kind->setCurrentIndex(m_kind->findData(FlagRule::kindName(rule.kind)));
    m_params->setPlainText(
        QString::fromUtf8(QJsonDocument(rule.params).toJson(QJsonDocument::Compact)));
    m_severity->setCurrentIndex(m_severity->findData(rule.severity));
    m_calibrated->setChecked(rule.calibratedOnly);
    m_enabled->setChecked(rule.enabled);
    m_description->setText(rule.describe());
    m_error->clear();
}

void FlagRuleDialog::kindChanged()
{
    FlagRuleKind kind;
    if (!FlagRule::kindFromName(m_kind->currentData().toString(), &kind))
        return;
    FlagRule r;
    r.kind = kind;
    r.params = FlagRule::defaultParams(kind);
    m_params->setPlainText(
        QString::fromUtf8(QJsonDocument(r.params).toJson(QJsonDocument::Compact)));
    m_description->setText(r.describe());
}

void FlagRuleDialog::newRule()
{
    FlagRule r;
    r.name = tr("New rule");
    r.params = FlagRule::defaultParams(r.kind);
    showRule(r);
    m_list->clearSelection();
}

void FlagRuleDialog::saveRule()
{
    FlagRule r;
    r.id = m_editing;
    r.name = m_name->text().trimmed();
    FlagRule::kindFromName(m_kind->currentData().toString(), &r.kind);
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(m_params->toPlainText().toUtf8(), &parse);
    if (!m_params->toPlainText().trimmed().isEmpty() && !doc.isObject()) {
        m_error->setText(tr("The parameters are not a JSON object: %1.").arg(parse.errorString()));
        return;
    }
    r.params = doc.object();
    r.severity = m_severity->currentData().toInt();
    r.calibratedOnly = m_calibrated->isChecked();
    r.enabled = m_enabled->isChecked();
    QString error;
    const qint64 id = FlagRuleStore(m_workspace).save(r, currentUserName(), &error);
    if (id < 0) {
        m_error->setText(error);
        return;
    }
    reloadList(id);
}

void FlagRuleDialog::deleteRule()
{
    if (m_editing < 0)
        return;
    QString error;
    if (!FlagRuleStore(m_workspace).remove(m_editing, currentUserName(), &error)) {
        m_error->setText(error);
        return;
    }
    reloadList(-1);
}

} // namespace qaw
