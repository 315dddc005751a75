#include "NewCalibrationSessionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace qaw {

NewCalibrationSessionDialog::NewCalibrationSessionDialog(const QString &defaultReviewer,
                                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newCalibrationSessionDialog"));
    setWindowTitle(tr("New calibration session"));
    m_name = new QLineEdit(tr("Calibration %1").arg(QDate::currentDate().toString(Qt::ISODate)), this);
    m_name->setObjectName(QStringLiteral("sessionName"));
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("sessionSampling"));
    m_method->addItem(tr("Random among scored interactions"), int(SamplingMethod::Random));
    m_method->addItem(tr("Stratified: low / middle / high third of automated totals"),
                      int(SamplingMethod::Stratified));
    m_method->addItem(tr("Flagged interactions only"), int(SamplingMethod::Flagged));
    m_method->addItem(tr("Verdicts that need review (weak evidence)"),
                      int(SamplingMethod::NeedsReview));
    m_method->addItem(tr("Hand-picked ids"), int(SamplingMethod::HandPicked));
    m_size = new QSpinBox(this);
    m_size->setObjectName(QStringLiteral("sessionSize"));
    m_size->setRange(1, 500);
    m_size->setValue(10);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("sessionSeed"));
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed draws the same sample."));
    m_reviewers = new QLineEdit(defaultReviewer, this);
    m_reviewers->setObjectName(QStringLiteral("sessionReviewers"));
    m_reviewers->setPlaceholderText(tr("alice, bob, carol"));
    m_blind = new QCheckBox(tr("Blind: hide automated scores from a reviewer until they submit"), this);
    m_blind->setObjectName(QStringLiteral("sessionBlind"));
    m_blind->setChecked(true);
    m_ids = new QLineEdit(this);
    m_ids->setObjectName(QStringLiteral("sessionIds"));
    m_ids->setPlaceholderText(tr("interaction ids, comma-separated"));
    m_ids->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("sessionButtons"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Sample:"), m_method);
    form->addRow(tr("Si&ze:"), m_size);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Ids:"), m_ids);
    form->addRow(tr("&Reviewers:"), m_reviewers);
    form->addRow(m_blind);
    form->addRow(buttons);
    auto validate = [this, buttons] {
        m_ids->setEnabled(request().method == SamplingMethod::HandPicked);
        m_size->setEnabled(request().method != SamplingMethod::HandPicked);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem().isEmpty());
        buttons->button(QDialogButtonBox::Ok)->setToolTip(problem());
    };
    connect(m_method, &QComboBox::currentIndexChanged, this, validate);
    connect(m_name, &QLineEdit::textChanged, this, validate);
    connect(m_reviewers, &QLineEdit::textChanged, this, validate);
    connect(m_ids, &QLineEdit::textChanged, this, validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString NewCalibrationSessionDialog::sessionName() const
{
    return m_name->text().trimmed();
}

SampleRequest NewCalibrationSessionDialog::request() const
{
    SampleRequest r;
    r.method = SamplingMethod(m_method->currentData().toInt());
    r.size = m_size->value();
    r.seed = quint64(m_seed->value());
    for (const QString &id : m_ids->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 v = id.trimmed().toLongLong(&ok);
        r.ids.push_back(ok ? v : -1);
    }
    return r;
}

QStringList NewCalibrationSessionDialog::reviewers() const
{
    QStringList out;
    for (const QString &r : m_reviewers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!r.trimmed().isEmpty() && !out.contains(r.trimmed()))
            out << r.trimmed();
    return out;
}

bool NewCalibrationSessionDialog::blind() const
{
    return m_blind->isChecked();
}

QString NewCalibrationSessionDialog::problem() const
{
    if (sessionName().isEmpty())
        return tr("The session needs a name.");
    if (reviewers().isEmpty())
        return tr("Name at least one reviewer.");
    const SampleRequest r = request();
    if (r.method == SamplingMethod::HandPicked &&
        (r.ids.empty() || std::find(r.ids.begin(), r.ids.end(), -1) != r.ids.end()))
        return tr("Give the interaction ids as whole numbers, comma-separated.");
    return {};
}

} // namespace qaw
