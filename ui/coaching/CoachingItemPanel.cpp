#include "CoachingItemPanel.h"

#include "CorrectScoreDialog.h"
#include "Prompts.h"
#include "coaching/CoachingItemStore.h"
#include "coaching/CriterionScales.h"
#include "coaching/FlagRuleStore.h"
#include "storage/EvaluationStore.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"
#include "views/TranscriptHtml.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>

namespace qaw {
namespace {

//! The transcript with each evidence span of a failed criterion highlighted and labelled.
QString highlightedTranscript(const StoredInteraction &s, const Evaluation *e,
                              const CriterionScales &scales)
{
    if (!e)
        return transcriptHtml(s);
    std::map<int, std::vector<std::pair<EvidenceSpan, QString>>> byTurn;
    for (const CriterionResult &r : e->criteria) {
        const bool failed = !r.na && r.value && scales.isFail(r.criterionId, *r.value, r.max);
        for (const EvidenceSpan &span : r.evidence)
            byTurn[span.turn].push_back(
                {span, (failed ? QStringLiteral("✗ ") : QStringLiteral("✓ ")) +
                           scales.name(r.criterionId)});
    }
    QString html;
    int seq = 0;
    for (const Turn &t : s.interaction.turns) {
        QString text = t.text.toHtmlEscaped();
        QString body;
        const auto it = byTurn.find(seq);
        if (it != byTurn.end()) {
            const auto &span = it->second.front().first;
            const int a = std::clamp(span.charStart, 0, int(t.text.size()));
            const int b = std::clamp(span.charEnd, a, int(t.text.size()));
            body = t.text.left(a).toHtmlEscaped() +
                   QStringLiteral("<span style=\"background-color:#ffe08a\">%1</span>")
                       .arg(t.text.mid(a, b - a).toHtmlEscaped()) +
                   t.text.mid(b).toHtmlEscaped();
            QStringList labels;
            for (const auto &entry : it->second)
                labels << entry.second.toHtmlEscaped();
            body += QStringLiteral(" <span style=\"color:#8a6d00; font-size:small\">[%1]</span>")
                        .arg(labels.join(QStringLiteral(", ")));
        } else {
            body = text;
        }
        const bool agent = t.speaker == Speaker::Agent;
        html += QStringLiteral("<p><b style=\"color:%1\">%2:</b> %3</p>")
                    .arg(agent ? QStringLiteral("#1f5f8b") : QStringLiteral("#8b3a1f"),
                         agent ? QObject::tr("Agent") : QObject::tr("Customer"), body);
        ++seq;
    }
    return html.isEmpty() ? transcriptHtml(s) : html;
}

QString nextActionLabel(CoachingStatus s)
{
    switch (s) {
    case CoachingStatus::New:
        return QObject::tr("Start review");
    case CoachingStatus::InReview:
        return QObject::tr("Plan coaching");
    case CoachingStatus::CoachingPlanned:
        return QObject::tr("Mark coached");
    case CoachingStatus::Coached:
        return QObject::tr("Verify");
    default:
        return QObject::tr("Closed");
    }
}

} // namespace

CoachingItemPanel::CoachingItemPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("coachingItemTitle"));
    m_title->setWordWrap(true);
    m_rule = new QLabel(this);
    m_rule->setObjectName(QStringLiteral("coachingItemRule"));
    m_rule->setWordWrap(true);
    m_rule->setStyleSheet(QStringLiteral(
        "background:#f4f7fa; border:1px solid #d8e1ea; border-radius:4px; padding:6px"));
    m_selectionLabel = new QLabel(this);
    m_selectionLabel->setObjectName(QStringLiteral("coachingSelectionLabel"));
    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("coachingTranscript"));

    m_advance = new QPushButton(tr("Start review"), this);
    m_advance->setObjectName(QStringLiteral("coachingAdvance"));
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("coachingDismiss"));
    m_falseFlag = new QPushButton(tr("False flag"), this);
    m_falseFlag->setObjectName(QStringLiteral("coachingFalseFlag"));
    m_falseFlag->setToolTip(
        tr("Dismiss as a false flag: recorded as a disagreement with the automated scorer"));
    m_correct = new QPushButton(tr("Correct score…"), this);
    m_correct->setObjectName(QStringLiteral("coachingCorrectScore"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("coachingDismissReason"));
    m_reason->setPlaceholderText(tr("Reason for dismissing / note on a false flag"));

    m_owner = new QLineEdit(this);
    m_owner->setObjectName(QStringLiteral("coachingOwner"));
    m_due = new QDateEdit(this);
    m_due->setObjectName(QStringLiteral("coachingDueDate"));
    m_due->setCalendarPopup(true);
    m_due->setSpecialValueText(tr("none"));
    m_due->setMinimumDate(QDate(2000, 1, 1));
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("coachingNotes"));
    m_notes->setMaximumHeight(70);
    m_save = new QPushButton(tr("Save owner, due date, notes"), this);
    m_save->setObjectName(QStringLiteral("coachingSaveDetails"));

    auto *workflow = new QHBoxLayout;
    workflow->addWidget(m_advance);
    workflow->addWidget(m_correct);
    workflow->addStretch();
    auto *dismissRow = new QHBoxLayout;
    dismissRow->addWidget(m_reason, 1);
    dismissRow->addWidget(m_dismiss);
    dismissRow->addWidget(m_falseFlag);
    auto *form = new QFormLayout;
    form->addRow(tr("Owner"), m_owner);
    form->addRow(tr("Due"), m_due);
    form->addRow(tr("Notes"), m_notes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_rule);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_selectionLabel);
    layout->addLayout(workflow);
    layout->addLayout(dismissRow);
    layout->addLayout(form);
    layout->addWidget(m_save, 0, Qt::AlignRight);

    connect(m_advance, &QPushButton::clicked, this, &CoachingItemPanel::advance);
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismiss(false); });
    connect(m_falseFlag, &QPushButton::clicked, this, [this] { dismiss(true); });
    connect(m_save, &QPushButton::clicked, this, &CoachingItemPanel::saveDetails);
    connect(m_correct, &QPushButton::clicked, this, &CoachingItemPanel::correctScore);
    setItems(-1, {});
}

void CoachingItemPanel::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setItems(-1, {});
}

void CoachingItemPanel::setItems(qint64 current, const QList<qint64> &selection)
{
    m_current = current;
    m_selection = selection;
    showItem();
}

void CoachingItemPanel::showItem()
{
    const bool any = m_workspace && m_current >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_advance, m_dismiss, m_falseFlag, m_correct,
                                                       m_save, m_reason, m_owner, m_due, m_notes})
        w->setEnabled(any);
    m_selectionLabel->setText(m_selection.size() > 1
                                  ? tr("%1 items selected: the actions below apply to all of them.")
                                        .arg(m_selection.size())
                                  : QString());
    if (!any) {
        m_title->setText(tr("<i>Select an item in the queue.</i>"));
        m_rule->hide();
        m_transcript->clear();
        return;
    }
    const auto item = CoachingItemStore(*m_workspace, currentUserName()).find(m_current);
    const auto stored =
        item ? queries::interaction(*m_workspace, item->interactionId) : std::nullopt;
    if (!item || !stored)
        return;
    const auto rule = FlagRuleStore(*m_workspace).find(item->ruleId);
    const auto evaluation = EvaluationStore(*m_workspace).currentAutomated(item->interactionId);
    const CriterionScales scales(*m_workspace);
    const Interaction &in = stored->interaction;
    m_title->setText(tr("<b>%1</b> · %2 · %3 · %4 · total <b>%5</b> · <b>%6</b>")
                         .arg(in.externalId.toHtmlEscaped(), in.agentName.toHtmlEscaped(),
                              in.channel, in.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              stored->autoTotal ? QString::number(*stored->autoTotal, 'f', 1)
                                                : QStringLiteral("–"),
                              coachingStatus::label(item->status)));
    m_rule->setText(
        tr("<b>Rule:</b> %1 · severity %3<br><span style=\"color:#666\">%2</span><br>"
           "<b>Why it fired:</b> %4%5")
            .arg(rule ? rule->name.toHtmlEscaped() : tr("(deleted rule)"),
                 rule ? rule->describe().toHtmlEscaped() : QString(),
                 rule ? FlagRule::severityLabel(rule->severity) : QString(),
                 item->reason.toHtmlEscaped(),
                 item->dismissedReason.isEmpty()
                     ? QString()
                     : tr("<br><b>Dismissed:</b> %1").arg(item->dismissedReason.toHtmlEscaped())));
    m_rule->show();
    m_transcript->setHtml(
        highlightedTranscript(*stored, evaluation ? &*evaluation : nullptr, scales));
    m_advance->setText(nextActionLabel(item->status));
    const bool open = coachingStatus::isOpen(item->status);
    m_advance->setEnabled(open);
    m_dismiss->setEnabled(open);
    m_falseFlag->setEnabled(open);
    m_correct->setEnabled(evaluation.has_value());
    m_owner->setText(item->owner);
    m_due->setDate(item->dueDate.isValid() ? item->dueDate : m_due->minimumDate());
    m_notes->setPlainText(item->notes);
}

void CoachingItemPanel::report(const QString &action, const QStringList &refused, int changed)
{
    emit itemsChanged();
    if (!refused.isEmpty() && m_prompts)
        m_prompts->error(this, action,
                         tr("%1 item(s) changed; %2 refused:\n%3")
                             .arg(changed)
                             .arg(refused.size())
                             .arg(refused.join(QLatin1Char('\n'))));
}

void CoachingItemPanel::advance()
{
    if (!m_workspace)
        return;
    CoachingItemStore store(*m_workspace, currentUserName());
    QStringList refused;
    int changed = 0;
    for (qint64 id : m_selection) {
        const auto item = store.find(id);
        if (!item)
            continue;
        const auto next = coachingStatus::nextStates(item->status);
        QString error;
        if (next.empty() || !store.setStatus(id, next.front(), &error))
            refused << (error.isEmpty()
                            ? coachingStatus::refusal(item->status, CoachingStatus::Verified)
                            : error);
        else
            ++changed;
    }
    report(tr("Move on"), refused, changed);
}

void CoachingItemPanel::dismiss(bool falseFlag)
{
    if (!m_workspace)
        return;
    CoachingItemStore store(*m_workspace, currentUserName());
    const QString reason = m_reason->text().trimmed();
    if (!falseFlag && reason.isEmpty()) {
        if (m_prompts)
            m_prompts->error(this, tr("Dismiss"), tr("Type the reason for dismissing first."));
        return;
    }
    QStringList refused;
    int changed = 0;
    for (qint64 id : m_selection) {
        QString error;
        const bool ok = falseFlag ? store.dismissFalseFlag(id, reason, &error)
                                  : store.dismiss(id, reason, &error);
        if (ok)
            ++changed;
        else
            refused << error;
    }
    m_reason->clear();
    report(falseFlag ? tr("False flag") : tr("Dismiss"), refused, changed);
}

void CoachingItemPanel::saveDetails()
{
    if (!m_workspace)
        return;
    CoachingItemStore store(*m_workspace, currentUserName());
    const QDate due = m_due->date() == m_due->minimumDate() ? QDate() : m_due->date();
    QStringList refused;
    // Owner and due date go to every selected item; notes belong to the item shown.
    refused << store.bulkSetOwner(m_selection, m_owner->text()).refused;
    refused << store.bulkSetDueDate(m_selection, due).refused;
    QString error;
    if (!store.setNotes(m_current, m_notes->toPlainText(), &error))
        refused << error;
    report(tr("Save"), refused, int(m_selection.size()));
}

void CoachingItemPanel::correctScore()
{
    if (!m_workspace || m_current < 0)
        return;
    CoachingItemStore store(*m_workspace, currentUserName());
    const auto item = store.find(m_current);
    const auto evaluation =
        item ? EvaluationStore(*m_workspace).currentAutomated(item->interactionId) : std::nullopt;
    if (!evaluation)
        return;
    CorrectScoreDialog dialog(*evaluation, CriterionScales(*m_workspace), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (store.correctScore(m_current, dialog.corrections(), &error) < 0) {
        if (m_prompts)
            m_prompts->error(this, tr("Correct score"), error);
        return;
    }
    emit itemsChanged();
}

} // namespace qaw
