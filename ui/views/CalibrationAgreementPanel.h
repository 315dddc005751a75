#pragma once

#include "calibration/SessionReport.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace qaw {

class Prompts;
class Workspace;

//! The agreement statistics of a calibration session, criterion by criterion (and the
//! total), each statistic named exactly, with "not calibrated" badges from the trust gate,
//! and CSV / PDF export.
class CalibrationAgreementPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CalibrationAgreementPanel(QWidget *parent = nullptr);

    void setPrompts(Prompts *prompts) { m_prompts = prompts; }
    //! Shows \a report (nullopt: nothing) and the trust gate of \a workspace.
    void setReport(Workspace *workspace, const std::optional<SessionReport> &report);
    QTreeWidget *tree() const { return m_tree; }
    //! Shows or hides the busy indicator while a report is computed off the GUI thread
    //! (the previous report stays visible meanwhile).
    void setBusy(bool busy);
    bool isBusy() const;

    bool exportCsv(const QString &path, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;

private:
    void askAndExport(bool pdf);

    Prompts *m_prompts = nullptr;
    std::optional<SessionReport> m_report;
    QLabel *m_gate = nullptr;
    QWidget *m_busy = nullptr; //!< label and indeterminate progress bar
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_pdf = nullptr;
};

} // namespace qaw
