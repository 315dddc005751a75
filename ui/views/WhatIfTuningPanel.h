#pragma once

#include "calibration/WhatIfTuning.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace qaw {

class Workspace;

//! What-if tuning: edit one detector criterion's settings as JSON and see how agreement
//! with the session's reviewers would change, without saving anything.
class WhatIfTuningPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfTuningPanel(QWidget *parent = nullptr);

    void setSession(Workspace *workspace, qint64 sessionId);
    //! For tests and the lead: replace the scorer hook.
    void setRescorer(CriterionRescorer rescorer);
    QComboBox *criterionBox() const { return m_criterion; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *summary() const { return m_summary; }
    bool run();

private:
    void showCriterion();

    Workspace *m_workspace = nullptr;
    qint64 m_session = -1;
    Scorecard m_card;
    CriterionRescorer m_rescorer;
    bool m_customRescorer = false;
    QComboBox *m_criterion = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_result = nullptr;
};

} // namespace qaw
