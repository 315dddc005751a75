#include "CalibrationView.h"

#include "CalibrationAgreementPanel.h"
#include "HumanEvaluationForm.h"
#include "NewCalibrationSessionDialog.h"
#include "Prompts.h"
#include "WhatIfTuningPanel.h"
#include "calibration/CalibrationStore.h"
#include "calibration/SessionReport.h"
#include "calibration/SideBySide.h"
#include "calibration/TrustGate.h"
#include "itemmodels/SideBySideModel.h"
#include "settings/AppSettings.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace qaw {
namespace {

// Bootstrap resamples for the intervals shown in the view: enough for a stable 95%
// interval on a session of tens of items, quick enough to recompute after every save.
constexpr int kViewResamples = 200;

} // namespace

CalibrationView::CalibrationView(QWidget *parent)
    : WorkspaceView(parent), m_reviewer(AppSettings().reviewerName()),
      m_ownPrompts(std::make_unique<Prompts>())
{
    setObjectName(QStringLiteral("calibrationView"));
    m_prompts = m_ownPrompts.get();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("calibrationSummary"));
    m_summary->setWordWrap(true);
    m_sessions = new QTreeWidget(this);
    m_sessions->setObjectName(QStringLiteral("calibrationSessionList"));
    m_sessions->setHeaderLabels({tr("Session"), tr("Items"), tr("Reviewers"), tr("Mode")});
    m_sessions->setRootIsDecorated(false);
    m_new = new QPushButton(tr("&New session..."), this);
    m_new->setObjectName(QStringLiteral("newCalibrationSession"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_sessions, 1);
    leftLayout->addWidget(m_new);

    m_viewerNote = new QLabel(this);
    m_viewerNote->setObjectName(QStringLiteral("calibrationViewerNote"));
    m_viewerNote->setWordWrap(true);
    m_onlyDisagreements = new QCheckBox(tr("Only &disagreements"), this);
    m_onlyDisagreements->setObjectName(QStringLiteral("onlyDisagreements"));
    m_model = new SideBySideModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sideBySideTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_form = new HumanEvaluationForm(this);
    auto *sideBySide = new QWidget(this);
    auto *sbsLayout = new QVBoxLayout(sideBySide);
    auto *sbsTop = new QHBoxLayout;
    sbsTop->addWidget(m_viewerNote, 1);
    sbsTop->addWidget(m_onlyDisagreements);
    sbsLayout->addLayout(sbsTop);
    auto *sbsSplit = new QSplitter(Qt::Horizontal, sideBySide);
    sbsSplit->setObjectName(QStringLiteral("sideBySideSplitter"));
    sbsSplit->addWidget(m_table);
    sbsSplit->addWidget(m_form);
    sbsSplit->setStretchFactor(0, 3);
    sbsSplit->setStretchFactor(1, 2);
    sbsLayout->addWidget(sbsSplit, 1);

    m_agreement = new CalibrationAgreementPanel(this);
    m_agreement->setPrompts(m_prompts);
    m_whatIf = new WhatIfTuningPanel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("calibrationTabs"));
    m_tabs->addTab(sideBySide, tr("Side by side"));
    m_tabs->addTab(m_agreement, tr("Agreement"));
    m_tabs->addTab(m_whatIf, tr("What-if tuning"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("calibrationSplitter"));
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setSizes({260, 1200});
    sbsSplit->setSizes({700, 520});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_new, &QPushButton::clicked, this, &CalibrationView::newSession);
    connect(m_sessions, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_session = item ? item->data(0, Qt::UserRole).toLongLong() : -1;
        showSession();
    });
    connect(m_onlyDisagreements, &QCheckBox::toggled, m_model, &SideBySideModel::setOnlyDisagreements);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CalibrationView::showSelectedInteraction);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
    });
    connect(m_form, &HumanEvaluationForm::saved, this, &CalibrationView::afterEvaluationChange);
    connect(m_form, &HumanEvaluationForm::submitted, this, &CalibrationView::afterEvaluationChange);
    connect(&m_reportWatcher, &QFutureWatcher<std::optional<SessionReport>>::finished, this,
            &CalibrationView::onReportFinished);
}

CalibrationView::~CalibrationView()
{
    waitForReport();
}

// The worker reads through a pointer to the workspace: it must end before the workspace
// is replaced or closed.
void CalibrationView::waitForReport()
{
    if (m_reportWatcher.isRunning())
        m_reportWatcher.waitForFinished();
    m_reportRunning = false;
    m_reportAgain = false;
    m_agreement->setBusy(false);
}

void CalibrationView::startReport()
{
    if (!m_workspace || m_session < 0) {
        m_agreement->setReport(m_workspace, std::nullopt);
        return;
    }
    if (m_reportRunning) {
        m_reportAgain = true; // one more run for the newest state when this one ends
        return;
    }
    m_reportAgain = false;
    m_reportRunning = true;
    m_agreement->setBusy(true);
    Workspace *ws = m_workspace;
    const qint64 session = m_session;
    m_reportWatcher.setFuture(QtConcurrent::run([ws, session]() -> std::optional<SessionReport> {
        std::unique_ptr<Workspace> connection = ws->openAnotherConnection();
        if (!connection->isOpen())
            return std::nullopt;
        QString error;
        return SessionReport::build(*connection, session, &error, kViewResamples);
    }));
}

void CalibrationView::onReportFinished()
{
    m_reportRunning = false;
    if (m_reportAgain) {
        startReport();
        return;
    }
    m_agreement->setBusy(false);
    if (!m_workspace)
        return;
    std::optional<SessionReport> report = m_reportWatcher.result();
    // A report of a session no longer selected is dropped (the newer one follows).
    if (report && report->session.id != m_session)
        return;
    m_agreement->setReport(m_workspace, m_session >= 0 ? report : std::nullopt);
    emit reportShown();
}

void CalibrationView::setReviewerName(const QString &name)
{
    m_reviewer = name;
    m_form->setReviewer(name);
    showSession();
}

void CalibrationView::setPrompts(Prompts *prompts)
{
    m_prompts = prompts ? prompts : m_ownPrompts.get();
    m_agreement->setPrompts(m_prompts);
}

void CalibrationView::setWorkspace(Workspace *workspace)
{
    waitForReport();
    m_workspace = workspace;
    m_session = -1;
    m_form->setWorkspace(workspace);
    m_form->setReviewer(m_reviewer);
    setEnabled(workspace != nullptr);
    refresh();
}

void CalibrationView::refresh()
{
    const qint64 keep = m_session;
    m_sessions->blockSignals(true);
    m_sessions->clear();
    m_sessions->blockSignals(false);
    if (!m_workspace) {
        m_summary->clear();
        m_session = -1;
        showSession();
        return;
    }
    const WorkspaceCounts c = m_workspace->counts();
    m_summary->setText(tr("%L1 human and %L2 automated evaluations. You are <b>%3</b>.")
                           .arg(c.humanEvaluations)
                           .arg(c.evaluations - c.humanEvaluations)
                           .arg(m_reviewer.toHtmlEscaped()));
    QTreeWidgetItem *current = nullptr;
    for (const CalibrationSession &s : CalibrationStore(*m_workspace).list()) {
        auto *item = new QTreeWidgetItem(m_sessions);
        item->setText(0, s.name);
        item->setData(0, Qt::UserRole, s.id);
        item->setText(1, QString::number(s.interactionIds.size()));
        QStringList reviewers;
        for (const SessionReviewer &r : s.reviewers)
            reviewers << r.name + (r.submitted() ? QStringLiteral(" \u2713") : QString());
        item->setText(2, reviewers.join(QStringLiteral(", ")));
        item->setText(3, s.blind ? tr("blind") : tr("open"));
        item->setToolTip(0, tr("%1 sampling, created %2 by %3")
                                .arg(samplingMethodName(s.sampling),
                                     QDateTime::fromMSecsSinceEpoch(s.createdAtMs).toString(Qt::ISODate),
                                     s.createdBy));
        if (s.id == keep)
            current = item;
    }
    m_sessions->header()->resizeSections(QHeaderView::ResizeToContents);
    if (!current && m_sessions->topLevelItemCount() > 0)
        current = m_sessions->topLevelItem(0);
    if (current)
        m_sessions->setCurrentItem(current); // shows it through currentItemChanged
    else {
        m_session = -1;
        showSession();
    }
}

qint64 CalibrationView::createSession(const QString &name, const SampleRequest &request,
                                      const QStringList &reviewers, bool blind, QString *error)
{
    if (!m_workspace) {
        *error = tr("No workspace is open.");
        return -1;
    }
    const auto card = ScorecardRepository(*m_workspace).active();
    if (!card) {
        *error = tr("The workspace has no scorecard.");
        return -1;
    }
    CalibrationSession s;
    s.name = name;
    s.scorecardVersionId = card->versionId;
    s.sampling = request.method;
    s.blind = blind;
    s.createdBy = m_reviewer;
    for (const QString &r : reviewers)
        s.reviewers.push_back({r, -1});
    s.interactionIds = drawSample(*m_workspace, request, error);
    if (s.interactionIds.empty())
        return -1;
    const qint64 id = CalibrationStore(*m_workspace).create(s, error);
    if (id >= 0) {
        m_session = id;
        refresh();
    }
    return id;
}

void CalibrationView::selectSession(qint64 sessionId)
{
    for (int i = 0; i < m_sessions->topLevelItemCount(); ++i)
        if (m_sessions->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == sessionId)
            m_sessions->setCurrentItem(m_sessions->topLevelItem(i));
}

void CalibrationView::newSession()
{
    NewCalibrationSessionDialog dialog(m_reviewer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (createSession(dialog.sessionName(), dialog.request(), dialog.reviewers(), dialog.blind(),
                      &error) < 0)
        m_prompts->error(this, tr("New calibration session"), error);
}

void CalibrationView::showSession()
{
    const qint64 keepInteraction = m_form->interactionId();
    const std::optional<SideBySide> data =
        m_workspace && m_session >= 0 ? SideBySideBuilder(*m_workspace).build(m_session, m_reviewer)
                                      : std::nullopt;
    if (data)
        m_model->setData(*data, TrustGate::publishedCalibratedCriteria(*m_workspace));
    else
        m_model->clear();
    if (!data)
        m_viewerNote->setText(tr("Select or create a calibration session."));
    else if (data->automatedHidden)
        m_viewerNote->setText(tr("Blind session: the automated scores and the other reviewers' "
                                 "scores stay hidden until you submit yours."));
    else
        m_viewerNote->setText(tr("Disagreement: a different pass/fail verdict or at least one "
                                 "scale point apart (total: pass/fail or 10 points). Hover an "
                                 "automated score for its evidence."));
    if (data)
        startReport();
    else
        m_agreement->setReport(m_workspace, std::nullopt);
    m_whatIf->setSession(m_workspace, data ? m_session : -1);
    // Keep the form on the interaction being evaluated.
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->line(row)->interactionId == keepInteraction) {
            m_table->selectRow(row);
            return;
        }
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_form->setInteraction(-1);
}

void CalibrationView::showSelectedInteraction()
{
    const SideBySideLine *line = m_model->line(m_table->currentIndex().row());
    if (!line) {
        m_form->setInteraction(-1);
        return;
    }
    if (line->interactionId != m_form->interactionId())
        m_form->setInteraction(line->interactionId, m_session);
    // Only the session's reviewers score inside it; anyone else watches as facilitator.
    const auto session = CalibrationStore(*m_workspace).load(m_session);
    m_form->setEnabled(session && session->reviewer(m_reviewer));
    m_form->setToolTip(m_form->isEnabled() ? QString()
                                           : tr("You (%1) are not a reviewer of this session.")
                                                 .arg(m_reviewer));
}

void CalibrationView::afterEvaluationChange()
{
    if (!m_workspace)
        return;
    TrustGate::refresh(*m_workspace);
    refresh(); // re-selects the session, which rebuilds the side-by-side and the report
}

} // namespace qaw
