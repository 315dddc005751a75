#include "WhatIfTuningPanel.h"

#include "calibration/CalibrationStore.h"
#include "calibration/SessionReport.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qaw {

WhatIfTuningPanel::WhatIfTuningPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfTuningPanel"));
    m_criterion = new QComboBox(this);
    m_criterion->setObjectName(QStringLiteral("whatIfCriterion"));
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("whatIfCriterionJson"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_run = new QPushButton(tr("&Try these settings"), this);
    m_run->setObjectName(QStringLiteral("runWhatIf"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_result = new QTreeWidget(this);
    m_result->setObjectName(QStringLiteral("whatIfResult"));
    m_result->setHeaderLabels({tr("Statistic (automated vs reviewers)"), tr("Now"), tr("With the change")});
    m_result->setRootIsDecorated(false);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Criterion:"), this));
    top->addWidget(m_criterion, 1);
    top->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Its settings (the scorecard's JSON for this criterion; "
                                    "change phrases or thresholds, nothing is saved):"), this));
    layout->addWidget(m_editor, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_result, 1);
    connect(m_criterion, &QComboBox::currentIndexChanged, this, &WhatIfTuningPanel::showCriterion);
    connect(m_run, &QPushButton::clicked, this, &WhatIfTuningPanel::run);
    setSession(nullptr, -1);
}

void WhatIfTuningPanel::setRescorer(CriterionRescorer rescorer)
{
    m_rescorer = std::move(rescorer);
    m_customRescorer = true;
}

void WhatIfTuningPanel::setSession(Workspace *workspace, qint64 sessionId)
{
    m_workspace = workspace;
    m_session = sessionId;
    m_card = Scorecard{};
    if (workspace && sessionId >= 0)
        if (const auto session = CalibrationStore(*workspace).load(sessionId))
            if (const auto stored = ScorecardRepository(*workspace).version(session->scorecardVersionId))
                m_card = stored->scorecard;
    const QString current = m_criterion->currentData().toString();
    m_criterion->blockSignals(true);
    m_criterion->clear();
    for (const Criterion *c : m_card.criteria())
        if (!c->detector.isEmpty())
            m_criterion->addItem(c->name, c->id);
    m_criterion->setCurrentIndex(std::max(0, m_criterion->findData(current)));
    m_criterion->blockSignals(false);
    m_run->setEnabled(m_criterion->count() > 0);
    m_summary->setText(m_criterion->count() > 0 ? QString()
                                                : tr("Select a calibration session to tune its "
                                                     "detector criteria."));
    m_result->clear();
    showCriterion();
}

void WhatIfTuningPanel::showCriterion()
{
    const QString id = m_criterion->currentData().toString();
    const QJsonArray sections =
        QJsonDocument::fromJson(m_card.toJson()).object().value(QStringLiteral("sections")).toArray();
    for (const QJsonValue &s : sections)
        for (const QJsonValue &c : s.toObject().value(QStringLiteral("criteria")).toArray())
            if (c.toObject().value(QStringLiteral("id")).toString() == id) {
                m_editor->setPlainText(QString::fromUtf8(QJsonDocument(c.toObject()).toJson()));
                return;
            }
    m_editor->clear();
}

bool WhatIfTuningPanel::run()
{
    m_result->clear();
    if (!m_workspace || m_session < 0)
        return false;
    QString id, error;
    const auto changed = WhatIfTuning::withChangedCriterion(m_card, m_editor->toPlainText().toUtf8(),
                                                            &id, &error);
    WhatIfTuning tuning(*m_workspace);
    if (m_customRescorer)
        tuning.setRescorer(m_rescorer);
    const auto result = changed ? tuning.run({m_session}, *changed, id, &error) : std::nullopt;
    if (!result) {
        m_summary->setText(tr("Cannot try these settings: %1").arg(error));
        return false;
    }
    m_summary->setText(tr("%1: %2 -> %3. The change moves %4 of %5 automated scores "
                          "(%6 reviewer ratings compared). Nothing has been saved.")
                           .arg(result->alphaBefore.name, statisticText(result->alphaBefore),
                                statisticText(result->alphaAfter))
                           .arg(result->changedScores)
                           .arg(result->interactions)
                           .arg(result->units));
    for (size_t i = 0; i < result->before.size() && i < result->after.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_result);
        item->setText(0, result->before[i].name);
        item->setText(1, statisticText(result->before[i]));
        item->setText(2, statisticText(result->after[i]));
    }
    m_result->header()->resizeSections(QHeaderView::ResizeToContents);
    return true;
}

} // namespace qaw
