#pragma once

#include "domain/Evaluation.h"
#include "domain/Scorecard.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace qaw {

//! One evaluation, criterion by criterion: the score on its scale (or N/A), the
//! rationale, the reviewer's comment, and each evidence span as a child row. Clicking a
//! criterion (its first span) or a span emits evidenceClicked() so that the transcript
//! view can scroll to and highlight the words.
class EvaluationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EvaluationPanel(QWidget *parent = nullptr);

    //! Shows \a evaluation; \a card (the version it was made with) gives names and
    //! sections, otherwise criterion ids are shown.
    void setEvaluation(const Evaluation &evaluation, const std::optional<Scorecard> &card = {});
    //! Criteria whose automated scores passed the calibration trust gate; the others are
    //! marked "not calibrated" (an automated evaluation only).
    void setCalibratedCriteria(const QStringList &ids, bool known) { m_calibrated = ids; m_calibrationKnown = known; }
    void clear();

    QTreeWidget *criteriaTree() const { return m_tree; }

signals:
    void evidenceClicked(int turn, int charStart, int charEnd);

private:
    void onItemActivated(QTreeWidgetItem *item);

    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    QStringList m_calibrated;
    bool m_calibrationKnown = false;
};

} // namespace qaw
