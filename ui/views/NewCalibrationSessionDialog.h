#pragma once

#include "calibration/SessionSampler.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace qaw {

//! Asks for a new calibration session: name, sampling method, size, seed, reviewers,
//! blind or open, and the ids when hand-picked.
class NewCalibrationSessionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewCalibrationSessionDialog(const QString &defaultReviewer, QWidget *parent = nullptr);

    QString sessionName() const;
    SampleRequest request() const;
    QStringList reviewers() const;
    bool blind() const;
    //! Why the inputs cannot make a session yet (empty when they can).
    QString problem() const;

private:
    QLineEdit *m_name = nullptr;
    QComboBox *m_method = nullptr;
    QSpinBox *m_size = nullptr;
    QSpinBox *m_seed = nullptr;
    QLineEdit *m_reviewers = nullptr;
    QCheckBox *m_blind = nullptr;
    QLineEdit *m_ids = nullptr;
};

} // namespace qaw
