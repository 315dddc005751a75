#include "views/trends/DriversPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace qaw {
namespace {

QString formatted(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QObject::tr("n/a");
}

} // namespace

DriversPanel::DriversPanel(QWidget *scatter, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("trendsOutcome"));
    m_outcome->addItem(tr("CSAT (mean survey score)"), int(Outcome::Csat));
    m_outcome->addItem(tr("FCR (repeat contact within 7 days)"), int(Outcome::Fcr));
    m_outcome->addItem(tr("AHT (mean handle time, s)"), int(Outcome::Aht));
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &DriversPanel::outcomeChanged);
    auto *label = new QLabel(tr("O&utcome:"), this);
    label->setBuddy(m_outcome);
    top->addWidget(label);
    top->addWidget(m_outcome);
    top->addStretch(1);
    layout->addLayout(top);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("trendsDriversTable"));
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Criterion"), tr("n pass"), tr("n fail"),
                                        tr("When passed"), tr("When failed"), tr("Difference"),
                                        tr("95% CI"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableWidget::cellClicked, this,
            [this](int row, int) { emit rowClicked(row); });

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("trendsDriversNote"));
    m_note->setWordWrap(true);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("trendsDriversSplitter"));
    split->addWidget(m_table);
    split->addWidget(scatter);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addWidget(m_note);
}

Outcome DriversPanel::outcome() const
{
    return Outcome(m_outcome->currentData().toInt());
}

InteractionFilter DriversPanel::failedFilter(const TrendsSnapshot &s, int row)
{
    InteractionFilter f = s.request.filter;
    if (row < 0 || size_t(row) >= s.drivers.size())
        return f;
    const DriverRow &r = s.drivers[size_t(row)];
    f.criterionId = r.criterionId;
    f.criterionResult = InteractionFilter::CriterionResult::Failed;
    for (const CriterionPassMark &c : s.criteria)
        if (c.id == r.criterionId)
            f.criterionPassMark = c.passMark;
    return f;
}

void DriversPanel::show(const TrendsSnapshot &s)
{
    const Outcome outcome = s.request.outcome;
    const int decimals = outcome == Outcome::Fcr ? 3 : outcome == Outcome::Aht ? 0 : 2;
    m_table->setRowCount(int(s.drivers.size()));
    int row = 0;
    for (const DriverRow &r : s.drivers) {
        const QString note =
            r.tooFewToSay ? tr("⚠ too few to say (n < %1 in a group)").arg(DriverRow::kMinimumGroup)
            : r.significant() ? tr("interval excludes 0")
                              : tr("no clear link");
        const QStringList cells = {
            r.criterionName,
            QLocale().toString(r.nPass),
            QLocale().toString(r.nFail),
            formatted(r.outcomePass, decimals),
            formatted(r.outcomeFail, decimals),
            formatted(r.difference, decimals),
            std::isfinite(r.ciLow)
                ? tr("%1 to %2").arg(formatted(r.ciLow, decimals), formatted(r.ciHigh, decimals))
                : tr("n/a"),
            note};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0 && c < 7)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r.tooFewToSay)
                item->setForeground(QColor(150, 150, 150));
            item->setToolTip(
                tr("Click: the interactions where \"%1\" failed").arg(r.criterionName));
            m_table->setItem(row, c, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
    const QString what = outcome == Outcome::Csat ? tr("mean CSAT")
                         : outcome == Outcome::Fcr
                             ? tr("the rate of repeat contact within 7 days (lower is better)")
                             : tr("mean handle time in seconds");
    m_note->setText(
        tr("Each row compares %1 when the criterion passed vs failed in the current automated "
           "evaluation (N/A left out). Difference = passed − failed with a 95% interval (%2). "
           "Rows with fewer than %3 interactions in either group are marked and ranked last. "
           "An association, not proof of cause.")
            .arg(what,
                 outcome == Outcome::Fcr ? tr("Wald, difference of proportions") : tr("Welch's t"))
            .arg(DriverRow::kMinimumGroup));
}

} // namespace qaw
