#include "views/EvaluationPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {
namespace {

// Where an item's evidence span is kept: turn, charStart, charEnd (turn -1: none).
constexpr int kTurnRole = Qt::UserRole + 1;
constexpr int kStartRole = Qt::UserRole + 2;
constexpr int kEndRole = Qt::UserRole + 3;

void setSpan(QTreeWidgetItem *item, const EvidenceSpan &span)
{
    item->setData(0, kTurnRole, span.turn);
    item->setData(0, kStartRole, span.charStart);
    item->setData(0, kEndRole, span.charEnd);
}

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString valueText(const CriterionResult &r, const Criterion *c)
{
    if (r.na || !r.value)
        return QObject::tr("N/A");
    if (c && c->scale.type == Scale::Type::YesNo)
        return *r.value > 0 ? QObject::tr("Yes") : QObject::tr("No");
    return QStringLiteral("%1 / %2").arg(*r.value).arg(r.max);
}

} // namespace

EvaluationPanel::EvaluationPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("evaluationPanel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("evaluationSummary"));
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("evaluationCriteria"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Criterion"), tr("Score"), tr("Why")});
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item, int) { onItemActivated(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item, int) { onItemActivated(item); });
    clear();
}

void EvaluationPanel::clear()
{
    m_tree->clear();
    m_summary->setText(tr("No evaluation."));
}

void EvaluationPanel::setEvaluation(const Evaluation &e, const std::optional<Scorecard> &card)
{
    m_tree->clear();
    QString summary = QStringLiteral("<b>%1</b>: ")
                          .arg(e.kind == EvaluatorKind::Automated ? tr("Automated")
                                                                   : e.evaluator.toHtmlEscaped());
    summary += e.total ? tr("%1 / 100").arg(*e.total, 0, 'f', 1) : tr("no total (all N/A)");
    summary += QStringLiteral(", ") + (e.autoFailed ? tr("auto-failed")
                                       : e.passed   ? tr("passed")
                                                    : tr("not passed"));
    if (e.stale)
        summary += QStringLiteral(", ") + tr("stale (the interaction changed since)");
    if (const int review = e.needsReview(); review > 0 && e.kind == EvaluatorKind::Automated)
        summary += QStringLiteral(", <b>") +
                   tr("%n verdict(s) need review", nullptr, review) + QStringLiteral("</b>");
    m_summary->setText(summary);

    for (const CriterionResult &r : e.criteria) {
        const Criterion *c = card ? card->criterion(r.criterionId) : nullptr;
        auto *item = new QTreeWidgetItem(m_tree);
        const bool untrusted = e.kind == EvaluatorKind::Automated && m_calibrationKnown &&
                               !m_calibrated.contains(r.criterionId);
        // Weak evidence: the verdict is counted, but a person should confirm it before it
        // is coached on or trusted.
        const bool review = e.kind == EvaluatorKind::Automated && r.needsReview();
        item->setText(0, (c ? c->name : r.criterionId) +
                             (untrusted ? tr("  (not calibrated)") : QString()) +
                             (review ? tr("  (needs review)") : QString()));
        item->setData(0, Qt::AccessibleDescriptionRole,
                      review ? tr("needs review: weak evidence") : QString());
        item->setToolTip(0, (c ? c->purpose : QString()) +
                                (untrusted ? tr("\nNot calibrated: automated and human scores "
                                                "do not yet agree well enough (or too few "
                                                "interactions were reviewed) to trust it.")
                                           : QString()) +
                                (review ? tr("\nNeeds review: the evidence for this verdict is "
                                             "weak or missing, so it never auto-fails the "
                                             "evaluation or becomes a coaching item.")
                                        : QString()));
        item->setText(1, valueText(r, c));
        QString why = r.rationale;
        if (!r.comment.isEmpty())
            why += QStringLiteral("\n") + tr("Reviewer: %1").arg(r.comment);
        item->setText(2, why);
        item->setToolTip(2, why);
        item->setData(0, kTurnRole, -1);
        if (r.na) {
            for (int col = 0; col < 3; ++col)
                item->setForeground(col, m_tree->palette().brush(QPalette::Disabled,
                                                                 QPalette::Text));
        } else if (c && r.value && c->scale.isFail(*r.value)) {
            item->setForeground(1, QBrush(QColor(0xb0, 0x20, 0x20)));
        }
        if (review) {
            QFont italic = item->font(1);
            italic.setItalic(true);
            item->setFont(1, italic);
        }
        if (!r.evidence.empty())
            setSpan(item, r.evidence.front());
        for (const EvidenceSpan &span : r.evidence) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, span.timeMs >= 0 ? tr("Turn %1 at %2").arg(span.turn + 1).arg(
                                                     clock(span.timeMs))
                                               : tr("Turn %1").arg(span.turn + 1));
            setSpan(child, span);
        }
    }
}

void EvaluationPanel::onItemActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int turn = item->data(0, kTurnRole).toInt();
    if (turn < 0)
        return;
    emit evidenceClicked(turn, item->data(0, kStartRole).toInt(), item->data(0, kEndRole).toInt());
}

} // namespace qaw
