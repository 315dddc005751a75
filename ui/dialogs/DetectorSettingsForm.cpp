#include "dialogs/DetectorSettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <cmath>

namespace qaw {
namespace {

// The settings whose values come from a fixed list (docs/scorecard-format.md).
QStringList choicesFor(const QString &key)
{
    if (key == QLatin1String("speaker"))
        return {QStringLiteral("agent"), QStringLiteral("customer"), QStringLiteral("system"),
                QStringLiteral("bot"), QStringLiteral("any")};
    if (key == QLatin1String("mode"))
        return {QStringLiteral("any"), QStringLiteral("all"), QStringLiteral("none")};
    if (key == QLatin1String("measure"))
        return {QStringLiteral("agent_negativity"), QStringLiteral("customer_change")};
    if (key == QLatin1String("check"))
        return {QStringLiteral("no_card_read_back"), QStringLiteral("required_disclosure")};
    return {};
}

// "max_gap_seconds" -> "Max gap seconds"
QString labelFor(const QString &key)
{
    QString label = key;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

bool isStringList(const QJsonArray &array)
{
    for (const QJsonValue &v : array)
        if (!v.isString())
            return false;
    return true;
}

QJsonArray linesToArray(const QString &text)
{
    QJsonArray lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

template <typename W> W *named(W *widget, const QString &key)
{
    widget->setObjectName(QStringLiteral("detectorField_") + key);
    return widget;
}

QDoubleSpinBox *numberBox(double value, const QString &key, QWidget *parent)
{
    auto *box = named(new QDoubleSpinBox(parent), key);
    const bool fractional = value != std::floor(value) || key.contains(QLatin1String("threshold")) ||
                            key.contains(QLatin1String("positive"));
    box->setDecimals(fractional ? 2 : 0);
    box->setSingleStep(fractional ? 0.05 : 1);
    box->setRange(-1e6, 1e6);
    box->setValue(value);
    return box;
}

} // namespace

DetectorSettingsForm::DetectorSettingsForm(QWidget *parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

void DetectorSettingsForm::clearRows()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

void DetectorSettingsForm::setDetector(const QJsonObject &detector)
{
    m_detector = detector;
    clearRows();
    const QString type = detector.value(QLatin1String("type")).toString();
    auto *typeLabel = named(new QLabel(QStringLiteral("<b>%1</b>").arg(type.toHtmlEscaped()), this),
                            QStringLiteral("type"));
    m_form->addRow(tr("Type"), typeLabel);
    for (auto it = detector.begin(); it != detector.end(); ++it)
        if (it.key() != QLatin1String("type"))
            addRow(it.key(), it.value());
}

void DetectorSettingsForm::addRow(const QString &key, const QJsonValue &value)
{
    const QStringList choices = choicesFor(key);
    if (value.isString() && !choices.isEmpty()) {
        auto *box = named(new QComboBox(this), key);
        box->addItems(choices);
        if (!choices.contains(value.toString()))
            box->addItem(value.toString());
        box->setCurrentText(value.toString());
        connect(box, &QComboBox::currentTextChanged, this,
                [this, key](const QString &text) { setValue(key, text); });
        m_form->addRow(labelFor(key), box);
    } else if (value.isString()) {
        auto *edit = named(new QLineEdit(value.toString(), this), key);
        connect(edit, &QLineEdit::textChanged, this,
                [this, key](const QString &text) { setValue(key, text); });
        m_form->addRow(labelFor(key), edit);
    } else if (value.isDouble()) {
        auto *box = numberBox(value.toDouble(), key, this);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, key](double v) { setValue(key, v); });
        m_form->addRow(labelFor(key), box);
    } else if (value.isBool()) {
        auto *check = named(new QCheckBox(this), key);
        check->setChecked(value.toBool());
        connect(check, &QCheckBox::toggled, this, [this, key](bool on) { setValue(key, on); });
        m_form->addRow(labelFor(key), check);
    } else if (value.isArray() && isStringList(value.toArray())) {
        auto *edit = named(new QPlainTextEdit(this), key);
        QStringList lines;
        for (const QJsonValue &v : value.toArray())
            lines << v.toString();
        edit->setPlainText(lines.join(QLatin1Char('\n')));
        edit->setMinimumHeight(120);
        edit->setToolTip(tr("One per line. Matching ignores case and punctuation and allows "
                            "small wording changes."));
        connect(edit, &QPlainTextEdit::textChanged, this,
                [this, key, edit] { setValue(key, linesToArray(edit->toPlainText())); });
        m_form->addRow(tr("%1\n(one per line)").arg(labelFor(key)), edit);
    } else if (key == QLatin1String("window") && value.isObject()) {
        addWindowRows(value.toObject());
    } else {
        const int parts = value.isArray() ? int(value.toArray().size()) : 0;
        const QString what = parts > 0 ? tr("%n detector(s) combined", nullptr, parts)
                                       : tr("not editable here");
        auto *note = named(new QLabel(tr("%1: edit in the JSON tab").arg(what), this), key);
        note->setEnabled(false);
        m_form->addRow(labelFor(key), note);
    }
}

void DetectorSettingsForm::addWindowRows(const QJsonObject &window)
{
    for (auto it = window.begin(); it != window.end(); ++it) {
        if (!it.value().isDouble())
            continue;
        const QString key = it.key();
        auto *box = numberBox(it.value().toDouble(), QStringLiteral("window_") + key, this);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, key](double v) { setWindowValue(key, v); });
        m_form->addRow(tr("Window: %1").arg(labelFor(key).toLower()), box);
    }
}

void DetectorSettingsForm::setValue(const QString &key, const QJsonValue &value)
{
    m_detector.insert(key, value);
    emit detectorEdited(m_detector);
}

void DetectorSettingsForm::setWindowValue(const QString &key, double value)
{
    QJsonObject window = m_detector.value(QLatin1String("window")).toObject();
    window.insert(key, value);
    setValue(QStringLiteral("window"), window);
}

} // namespace qaw
