#pragma once

#include "domain/Scorecard.h"

#include <QWidget>

#include <QStringList>

#include <map>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace qaw {

class Workspace;

//! A human evaluation of one interaction on the workspace's scorecard (or a calibration
//! session's scorecard version): per criterion an input fitting its scale (yes/no, 1-5,
//! 0-N), N/A and a comment; the total worked out live with Scorecard::totals; Save and,
//! inside a calibration session, Submit, as the current reviewer. Every change to a saved
//! evaluation is audited by HumanEvaluationStore.
class HumanEvaluationForm : public QWidget
{
    Q_OBJECT
public:
    explicit HumanEvaluationForm(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    void setReviewer(const QString &reviewer);
    QString reviewer() const { return m_reviewer; }
    //! Shows the reviewer's evaluation of \a interactionId (empty when none yet). In a
    //! session (\a sessionId >= 0) the session's scorecard version is used.
    void setInteraction(qint64 interactionId, qint64 sessionId = -1);
    qint64 interactionId() const { return m_interaction; }

    //! What the inputs hold now, as criterion results (criteria left unscored omitted).
    std::vector<CriterionResult> results() const;
    //! The live total text, e.g. "Total 84.0 (pass)".
    QString totalText() const;

    bool save();
    bool submit();

signals:
    void saved(qint64 interactionId);
    void submitted(qint64 sessionId);
    void failed(const QString &message);

private:
    struct Row
    {
        QComboBox *score = nullptr;
        QCheckBox *na = nullptr;
        QLineEdit *comment = nullptr;
    };
    void rebuild();
    void load();
    void updateTotal();

    Workspace *m_workspace = nullptr;
    QString m_reviewer;
    qint64 m_interaction = -1;
    qint64 m_session = -1;
    qint64 m_versionId = -1;
    Scorecard m_card;
    std::map<QString, Row> m_rows;
    QStringList m_saved; //!< criteria the stored evaluation has: clearing one is a change
    QWidget *m_grid = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_submit = nullptr;
};

} // namespace qaw
