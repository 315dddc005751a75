#include "CalibrationAgreementPanel.h"

#include "Prompts.h"
#include "calibration/TrustGate.h"
#include "io/OutputFile.h"
#include "storage/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {

CalibrationAgreementPanel::CalibrationAgreementPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("calibrationAgreementPanel"));
    m_gate = new QLabel(this);
    m_gate->setObjectName(QStringLiteral("trustGateSummary"));
    m_gate->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("agreementTable"));
    m_tree->setHeaderLabels({tr("Criterion / comparison / statistic"), tr("Value [95% CI]"),
                             tr("Paired items"), tr("Status")});
    m_tree->setAlternatingRowColors(true);
    m_csv = new QPushButton(tr("Export &CSV..."), this);
    m_csv->setObjectName(QStringLiteral("exportCalibrationCsv"));
    m_pdf = new QPushButton(tr("Export &PDF..."), this);
    m_pdf->setObjectName(QStringLiteral("exportCalibrationPdf"));
    // Indeterminate bars draw no text in most styles: the words go in a label beside it.
    m_busy = new QWidget(this);
    m_busy->setObjectName(QStringLiteral("agreementBusy"));
    auto *busyLabel = new QLabel(tr("Calculating agreement..."), m_busy);
    auto *busyBar = new QProgressBar(m_busy);
    busyBar->setRange(0, 0); // indeterminate: the bootstrap gives no progress
    busyBar->setTextVisible(false);
    busyBar->setMaximumWidth(120);
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(busyLabel);
    busyLayout->addWidget(busyBar);
    m_busy->setVisible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_gate, 1);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_csv);
    buttons->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);
    connect(m_csv, &QPushButton::clicked, this, [this] { askAndExport(false); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { askAndExport(true); });
    setReport(nullptr, std::nullopt);
}

void CalibrationAgreementPanel::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

bool CalibrationAgreementPanel::isBusy() const
{
    return !m_busy->isHidden();
}

void CalibrationAgreementPanel::setReport(Workspace *workspace,
                                          const std::optional<SessionReport> &report)
{
    m_report = report;
    m_tree->clear();
    m_csv->setEnabled(report.has_value());
    m_pdf->setEnabled(report.has_value());
    if (!workspace) {
        m_gate->clear();
        return;
    }
    const QStringList calibrated = TrustGate::publishedCalibratedCriteria(*workspace);
    m_gate->setText(tr("Trust gate: automated-vs-human Krippendorff's alpha (ordinal; nominal "
                       "for yes/no) at least %1 over at least %2 human-scored interactions. "
                       "Calibrated: %3.")
                        .arg(TrustGate::threshold(*workspace), 0, 'f', 3)
                        .arg(TrustGate::minimumItems(*workspace))
                        .arg(calibrated.isEmpty() ? tr("none") : calibrated.join(QStringLiteral(", "))));
    if (!report)
        return;
    for (const CriterionAgreement &c : report->criteria) {
        auto *top = new QTreeWidgetItem(m_tree);
        top->setText(0, c.criterionName);
        top->setData(0, Qt::UserRole, c.criterionId);
        top->setText(2, tr("%1 items, %2 disagreements").arg(c.items).arg(c.disagreements));
        const bool isTotal = c.criterionId == QLatin1String("total");
        top->setText(3, isTotal ? QString() : c.calibrated ? tr("calibrated") : tr("not calibrated"));
        if (!isTotal && !c.calibrated)
            top->setForeground(3, QColor(178, 34, 34));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        bool anyPaired = false;
        for (const RaterComparison &k : c.comparisons) {
            auto *comparison = new QTreeWidgetItem(top);
            comparison->setText(0, k.label);
            comparison->setText(2, QString::number(k.pairedItems));
            anyPaired = anyPaired || k.pairedItems > 0;
            for (const NamedStatistic &s : k.statistics) {
                // The headline on the comparison's own row: Krippendorff's alpha.
                if (s.key.startsWith(QLatin1String("krippendorff_alpha")))
                    comparison->setText(1, QStringLiteral("\u03b1 %1").arg(statisticText(s)));
                auto *stat = new QTreeWidgetItem(comparison);
                stat->setText(0, s.name);
                stat->setData(0, Qt::UserRole, s.key);
                stat->setText(1, statisticText(s));
                if (!s.value)
                    stat->setForeground(1, QColor(120, 120, 120));
            }
        }
        top->setExpanded(anyPaired);
    }
    m_tree->header()->resizeSections(QHeaderView::ResizeToContents);
}

bool CalibrationAgreementPanel::exportCsv(const QString &path, QString *error) const
{
    if (!m_report) {
        *error = tr("No session is selected.");
        return false;
    }
    return writeFileAtomically(path, m_report->toCsv().toUtf8(), error);
}

bool CalibrationAgreementPanel::exportPdf(const QString &path, QString *error) const
{
    if (!m_report) {
        *error = tr("No session is selected.");
        return false;
    }
    return m_report->writePdf(path, error);
}

void CalibrationAgreementPanel::askAndExport(bool pdf)
{
    if (!m_prompts || !m_report)
        return;
    const QString suggested = QStringLiteral("calibration-%1.%2").arg(m_report->session.id).arg(
        pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    const QString path = m_prompts->saveFileName(
        this, pdf ? tr("Export calibration report as PDF") : tr("Export calibration report as CSV"),
        suggested, pdf ? tr("PDF (*.pdf)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(pdf ? exportPdf(path, &error) : exportCsv(path, &error)))
        m_prompts->error(this, tr("Export failed"), error);
}

} // namespace qaw
