#include "HumanEvaluationForm.h"

#include "calibration/CalibrationStore.h"
#include "calibration/HumanEvaluationStore.h"
#include "settings/AppSettings.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace qaw {

HumanEvaluationForm::HumanEvaluationForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("humanEvaluationForm"));
    m_reviewer = AppSettings().reviewerName();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("humanEvaluationTitle"));
    m_title->setWordWrap(true);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("humanEvaluationScroll"));
    scroll->setWidgetResizable(true);
    m_grid = new QWidget(scroll);
    scroll->setWidget(m_grid);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("humanEvaluationTotal"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("humanEvaluationStatus"));
    m_status->setWordWrap(true);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveHumanEvaluation"));
    m_submit = new QPushButton(tr("Su&bmit session"), this);
    m_submit->setObjectName(QStringLiteral("submitHumanEvaluation"));
    m_submit->setToolTip(tr("Submit your scores for the whole calibration session; a blind "
                            "session then shows you the automated scores."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_total, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_submit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    connect(m_save, &QPushButton::clicked, this, &HumanEvaluationForm::save);
    connect(m_submit, &QPushButton::clicked, this, &HumanEvaluationForm::submit);
    setInteraction(-1);
}

void HumanEvaluationForm::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    setInteraction(-1);
}

void HumanEvaluationForm::setReviewer(const QString &reviewer)
{
    m_reviewer = reviewer;
    setInteraction(m_interaction, m_session);
}

void HumanEvaluationForm::setInteraction(qint64 interactionId, qint64 sessionId)
{
    m_interaction = interactionId;
    m_session = sessionId;
    m_status->clear();
    std::optional<StoredScorecard> stored;
    if (m_workspace && interactionId >= 0) {
        ScorecardRepository repository(*m_workspace);
        const auto session = sessionId >= 0 ? CalibrationStore(*m_workspace).load(sessionId)
                                            : std::nullopt;
        stored = session ? repository.version(session->scorecardVersionId) : repository.active();
    }
    const bool usable = stored.has_value();
    m_card = usable ? stored->scorecard : Scorecard{};
    m_versionId = usable ? stored->versionId : -1;
    rebuild();
    m_saved.clear();
    if (usable)
        load();
    m_title->setText(usable ? tr("<b>Your evaluation</b> (%1) on %2 v%3")
                                  .arg(m_reviewer.toHtmlEscaped(), m_card.name.toHtmlEscaped())
                                  .arg(stored->version)
                            : tr("Select an interaction to evaluate it."));
    m_save->setEnabled(usable);
    m_submit->setVisible(sessionId >= 0);
    m_submit->setEnabled(usable);
    updateTotal();
}

void HumanEvaluationForm::rebuild()
{
    m_rows.clear();
    delete m_grid->layout();
    for (QWidget *child : m_grid->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        delete child;
    auto *grid = new QGridLayout(m_grid);
    int row = 0;
    for (const ScorecardSection &section : m_card.sections) {
        auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(section.name.toHtmlEscaped()), m_grid);
        grid->addWidget(heading, row++, 0, 1, 4);
        for (const Criterion &c : section.criteria) {
            Row r;
            auto *label = new QLabel(c.name, m_grid);
            label->setToolTip(c.purpose);
            r.score = new QComboBox(m_grid);
            r.score->setObjectName(QStringLiteral("humanScore_") + c.id);
            r.score->addItem(tr("not scored"), QVariant());
            if (c.scale.type == Scale::Type::YesNo) {
                r.score->addItem(tr("Yes"), 1.0);
                r.score->addItem(tr("No"), 0.0);
            } else {
                for (int v = int(c.scale.minimum()); v <= int(c.scale.maximum()); ++v)
                    r.score->addItem(QString::number(v), double(v));
            }
            r.na = new QCheckBox(tr("N/A"), m_grid);
            r.na->setObjectName(QStringLiteral("humanNa_") + c.id);
            r.comment = new QLineEdit(m_grid);
            r.comment->setObjectName(QStringLiteral("humanComment_") + c.id);
            r.comment->setPlaceholderText(tr("Comment"));
            r.comment->setMinimumWidth(140);
            label->setBuddy(r.score);
            grid->addWidget(label, row, 0);
            grid->addWidget(r.score, row, 1);
            grid->addWidget(r.na, row, 2);
            grid->addWidget(r.comment, row, 3);
            ++row;
            connect(r.score, &QComboBox::currentIndexChanged, this, &HumanEvaluationForm::updateTotal);
            QComboBox *score = r.score;
            connect(r.na, &QCheckBox::toggled, this, [this, score](bool na) {
                score->setEnabled(!na);
                updateTotal();
            });
            m_rows[c.id] = r;
        }
    }
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(row, 1);
}

void HumanEvaluationForm::load()
{
    m_saved.clear();
    const auto existing = HumanEvaluationStore(*m_workspace).find(m_interaction, m_reviewer, m_session);
    if (!existing)
        return;
    for (const CriterionResult &r : existing->criteria) {
        auto it = m_rows.find(r.criterionId);
        if (it == m_rows.end())
            continue;
        it->second.na->setChecked(r.na);
        if (r.value)
            it->second.score->setCurrentIndex(std::max(0, it->second.score->findData(*r.value)));
        it->second.comment->setText(r.comment);
        m_saved << r.criterionId;
    }
    m_status->setText(tr("Saved evaluation loaded; changes are kept in the audit log."));
}

std::vector<CriterionResult> HumanEvaluationForm::results() const
{
    std::vector<CriterionResult> out;
    for (const Criterion *c : m_card.criteria()) {
        const Row &r = m_rows.at(c->id);
        const QVariant value = r.score->currentData();
        CriterionResult result;
        result.criterionId = c->id;
        result.max = c->scale.maximum();
        result.na = r.na->isChecked();
        result.comment = r.comment->text();
        if (!result.na && value.isValid())
            result.value = value.toDouble();
        // A criterion set back to "not scored" is kept so that saving clears it (audited).
        if (result.na || result.value || !result.comment.isEmpty() || m_saved.contains(c->id))
            out.push_back(result);
    }
    return out;
}

QString HumanEvaluationForm::totalText() const
{
    return m_total->text();
}

void HumanEvaluationForm::updateTotal()
{
    if (m_rows.empty()) {
        m_total->clear();
        return;
    }
    const ScoreTotals t = m_card.totals(results());
    if (!t.total) {
        m_total->setText(tr("Total: no criterion scored yet"));
        return;
    }
    m_total->setText(tr("Total %1 (%2)")
                         .arg(*t.total, 0, 'f', 1)
                         .arg(t.autoFailed ? tr("auto-fail") : t.passed ? tr("pass") : tr("fail")));
}

bool HumanEvaluationForm::save()
{
    if (!m_workspace || m_interaction < 0)
        return false;
    Evaluation e;
    e.interactionId = m_interaction;
    e.scorecardVersionId = m_versionId;
    e.kind = EvaluatorKind::Human;
    e.evaluator = m_reviewer;
    e.calibrationSessionId = m_session;
    e.criteria = results();
    QString error;
    if (HumanEvaluationStore(*m_workspace).save(e, m_card, &error) < 0) {
        m_status->setText(tr("Not saved: %1").arg(error));
        emit failed(error);
        return false;
    }
    m_saved.clear();
    for (const CriterionResult &r : e.criteria)
        m_saved << r.criterionId;
    m_status->setText(tr("Saved as %1.").arg(m_reviewer));
    emit saved(m_interaction);
    return true;
}

bool HumanEvaluationForm::submit()
{
    if (!m_workspace || m_session < 0 || !save())
        return false;
    QString error;
    if (!CalibrationStore(*m_workspace).submit(m_session, m_reviewer, &error)) {
        m_status->setText(tr("Not submitted: %1").arg(error));
        emit failed(error);
        return false;
    }
    m_status->setText(tr("Submitted: the session's automated scores are now visible to you."));
    emit submitted(m_session);
    return true;
}

} // namespace qaw
