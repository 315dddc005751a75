#pragma once

#include <QJsonObject>
#include <QWidget>

class QFormLayout;

namespace qaw {

//! A form for one detector's settings, built from the settings themselves: phrase lists
//! as one phrase per line, numbers as spin boxes, speaker and mode as choices, the
//! window's limits as numbers. Supervisors tune phrases and thresholds here without
//! writing JSON; what the form cannot show (the parts of an all/any/not combination)
//! it names and leaves to the JSON editor beside it.
class DetectorSettingsForm : public QWidget
{
    Q_OBJECT
public:
    explicit DetectorSettingsForm(QWidget *parent = nullptr);

    //! Rebuilds the form for \a detector. Emits nothing.
    void setDetector(const QJsonObject &detector);
    QJsonObject detector() const { return m_detector; }

signals:
    //! The settings after an edit in the form.
    void detectorEdited(const QJsonObject &detector);

private:
    void clearRows();
    void addRow(const QString &key, const QJsonValue &value);
    void addWindowRows(const QJsonObject &window);
    void setValue(const QString &key, const QJsonValue &value);
    void setWindowValue(const QString &key, double value);

    QFormLayout *m_form = nullptr;
    QJsonObject m_detector;
};

} // namespace qaw
