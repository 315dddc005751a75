#pragma once

#include "coaching/CriterionScales.h"
#include "domain/Evaluation.h"

#include <QDialog>

#include <vector>

class QLineEdit;
class QSpinBox;

namespace qaw {

//! Lets a supervisor correct the automated verdicts of one interaction. What they
//! change is saved as a human evaluation (CoachingItemStore::correctScore), which the
//! calibration statistics read as a correction.
class CorrectScoreDialog : public QDialog
{
    Q_OBJECT
public:
    CorrectScoreDialog(const Evaluation &automated, const CriterionScales &scales,
                       QWidget *parent = nullptr);

    //! The criteria whose value differs from the automated one (N/A as na).
    std::vector<CriterionResult> corrections() const;
    //! The value box of a criterion (its minimum - 1 means N/A), for tests.
    QSpinBox *valueBox(const QString &criterionId) const;

private:
    struct Row
    {
        QString criterionId;
        int automated = 0; //!< as in the box: minimum - 1 for N/A
        QSpinBox *box = nullptr;
        QLineEdit *comment = nullptr;
    };
    std::vector<Row> m_rows;
};

} // namespace qaw
