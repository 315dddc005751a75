#include "CorrectScoreDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace qaw {

CorrectScoreDialog::CorrectScoreDialog(const Evaluation &automated, const CriterionScales &scales,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("correctScoreDialog"));
    setWindowTitle(tr("Correct the automated score"));
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Criterion</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Automated</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Your verdict</b>"), this), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Comment</b>"), this), 0, 3);
    int line = 1;
    for (const CriterionResult &r : automated.criteria) {
        const Scale scale = scales.scale(r.criterionId, r.max);
        Row row;
        row.criterionId = r.criterionId;
        row.box = new QSpinBox(this);
        row.box->setObjectName(QStringLiteral("correct_") + r.criterionId);
        row.box->setRange(int(scale.minimum()) - 1, int(scale.maximum()));
        row.box->setSpecialValueText(tr("N/A"));
        row.automated = r.na || !r.value ? int(scale.minimum()) - 1 : int(std::lround(*r.value));
        row.box->setValue(row.automated);
        row.comment = new QLineEdit(this);
        row.comment->setObjectName(QStringLiteral("comment_") + r.criterionId);
        const bool failed = !r.na && r.value && scale.isFail(*r.value);
        auto *name = new QLabel(scales.name(r.criterionId), this);
        if (failed)
            name->setStyleSheet(QStringLiteral("color:#b01e1e"));
        name->setToolTip(r.rationale);
        grid->addWidget(name, line, 0);
        grid->addWidget(new QLabel(r.na || !r.value ? tr("N/A")
                                                    : QStringLiteral("%1 / %2").arg(*r.value).arg(
                                                          scale.maximum()),
                                   this),
                        line, 1);
        grid->addWidget(row.box, line, 2);
        grid->addWidget(row.comment, line, 3);
        m_rows.push_back(row);
        ++line;
    }
    auto *inner = new QWidget(this);
    inner->setLayout(grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("correctScoreButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Your verdicts are saved as a human evaluation by you; they "
                                    "count as corrections in the calibration statistics."),
                                 this));
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

std::vector<CriterionResult> CorrectScoreDialog::corrections() const
{
    std::vector<CriterionResult> out;
    for (const Row &row : m_rows) {
        if (row.box->value() == row.automated && row.comment->text().isEmpty())
            continue;
        CriterionResult r;
        r.criterionId = row.criterionId;
        r.na = row.box->value() == row.box->minimum();
        if (!r.na)
            r.value = row.box->value();
        r.comment = row.comment->text();
        out.push_back(r);
    }
    return out;
}

QSpinBox *CorrectScoreDialog::valueBox(const QString &criterionId) const
{
    for (const Row &row : m_rows)
        if (row.criterionId == criterionId)
            return row.box;
    return nullptr;
}

} // namespace qaw
