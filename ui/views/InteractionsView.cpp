#include "InteractionsView.h"

#include "EvaluationPanel.h"
#include "HumanEvaluationForm.h"
#include "TranscriptHtml.h"

#include "calibration/TrustGate.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"

#include "itemmodels/InteractionTableModel.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace qaw {
namespace {

QComboBox *makeCombo(QWidget *parent, const QString &name, const QString &all)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->addItem(all, QVariant());
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

QDateEdit *makeDate(QWidget *parent, const QString &name)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setDate(edit->minimumDate());
    return edit;
}

} // namespace

InteractionsView::InteractionsView(QWidget *parent) : WorkspaceView(parent)
{
    setObjectName(QStringLiteral("interactionsView"));
    m_model = new InteractionTableModel(this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("interactionSearch"));
    m_search->setPlaceholderText(tr("Search transcripts (all words)"));
    m_search->setClearButtonEnabled(true);
    m_team = makeCombo(this, QStringLiteral("filterTeam"), tr("All teams"));
    m_agent = makeCombo(this, QStringLiteral("filterAgent"), tr("All agents"));
    m_channel = makeCombo(this, QStringLiteral("filterChannel"), tr("All channels"));
    m_queue = makeCombo(this, QStringLiteral("filterQueue"), tr("All queues"));
    m_from = makeDate(this, QStringLiteral("filterFrom"));
    m_to = makeDate(this, QStringLiteral("filterTo"));
    m_resultCount = new QLabel(this);
    m_resultCount->setObjectName(QStringLiteral("interactionCount"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_team);
    filters->addWidget(m_agent);
    filters->addWidget(m_channel);
    filters->addWidget(m_queue);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_resultCount);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("interactionTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InteractionTableModel::Started, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(InteractionTableModel::Started, 130);
    m_table->setColumnWidth(InteractionTableModel::Agent, 140);
    m_table->setColumnWidth(InteractionTableModel::Team, 130);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("interactionDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcriptView"));
    m_evaluation = new EvaluationPanel(this);
    m_evaluation->setObjectName(QStringLiteral("evaluationPanel"));
    m_humanForm = new HumanEvaluationForm(this);
    m_humanForm->setObjectName(QStringLiteral("humanEvaluationForm"));
    m_detailTabs = new QTabWidget(this);
    m_detailTabs->setObjectName(QStringLiteral("interactionDetailTabs"));
    m_detailTabs->addTab(m_evaluation, tr("Automated evaluation"));
    m_detailTabs->addTab(m_humanForm, tr("My evaluation"));
    auto *detailSplitter = new QSplitter(Qt::Vertical, this);
    detailSplitter->setObjectName(QStringLiteral("interactionDetailSplitter"));
    detailSplitter->addWidget(m_detailTabs);
    detailSplitter->addWidget(m_transcript);
    detailSplitter->setStretchFactor(0, 1);
    detailSplitter->setStretchFactor(1, 1);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(detailSplitter, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("interactionsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    // Typing and clicking through filters is merged into one query.
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filterTimer, &QTimer::timeout, this, [this] { applyFilter(filterFromWidgets()); });
    auto schedule = [this] {
        if (!m_fillingChoices)
            m_filterTimer->start();
    };
    connect(m_search, &QLineEdit::textChanged, this, schedule);
    for (QComboBox *combo : {m_agent, m_channel, m_queue})
        connect(combo, &QComboBox::currentIndexChanged, this, schedule);
    connect(m_team, &QComboBox::currentIndexChanged, this, [this, schedule] {
        if (m_fillingChoices || !m_workspace)
            return;
        m_fillingChoices = true;
        m_agent->clear();
        m_agent->addItem(tr("All agents"), QVariant());
        const QVariant team = m_team->currentData();
        for (const NamedId &a : queries::agents(*m_workspace, team.isValid() ? team.toLongLong() : -1))
            m_agent->addItem(a.name, a.id);
        m_fillingChoices = false;
        schedule();
    });
    connect(m_from, &QDateEdit::dateChanged, this, schedule);
    connect(m_to, &QDateEdit::dateChanged, this, schedule);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showInteraction(current.isValid() ? m_model->interactionId(current.row()) : -1);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &InteractionsView::updateResultCount);
    connect(m_evaluation, &EvaluationPanel::evidenceClicked, this, &InteractionsView::showEvidence);
    connect(m_humanForm, &HumanEvaluationForm::saved, this, [this](qint64 id) {
        m_model->reload();
        emit humanEvaluationSaved(id);
    });
}

void InteractionsView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    m_model->setWorkspace(workspace);
    m_humanForm->setWorkspace(workspace);
    fillFilterChoices();
    showInteraction(-1);
    setEnabled(workspace != nullptr);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void InteractionsView::refresh()
{
    fillFilterChoices();
    m_model->reload();
}

void InteractionsView::fillFilterChoices()
{
    m_fillingChoices = true;
    for (QComboBox *combo : {m_team, m_agent, m_channel, m_queue}) {
        while (combo->count() > 1)
            combo->removeItem(1);
    }
    if (m_workspace) {
        for (const NamedId &t : queries::teams(*m_workspace))
            m_team->addItem(t.name, t.id);
        for (const NamedId &a : queries::agents(*m_workspace))
            m_agent->addItem(a.name, a.id);
        for (const QString &c : queries::channels(*m_workspace))
            m_channel->addItem(c, c);
        for (const QString &q : queries::queues(*m_workspace))
            m_queue->addItem(q, q);
    }
    m_fillingChoices = false;
}

InteractionFilter InteractionsView::filterFromWidgets() const
{
    InteractionFilter f;
    f.text = m_search->text();
    if (m_team->currentData().isValid())
        f.teamId = m_team->currentData().toLongLong();
    if (m_agent->currentData().isValid())
        f.agentId = m_agent->currentData().toLongLong();
    f.channel = m_channel->currentData().toString();
    f.queue = m_queue->currentData().toString();
    if (m_from->date() != m_from->minimumDate())
        f.from = m_from->date();
    if (m_to->date() != m_to->minimumDate())
        f.to = m_to->date();
    return f;
}

void InteractionsView::applyFilter(const InteractionFilter &filter)
{
    m_model->setFilter(filter);
    showInteraction(-1);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void InteractionsView::updateResultCount()
{
    m_resultCount->setText(tr("%L1 interactions").arg(m_model->rowCount()));
}

void InteractionsView::showInteraction(qint64 id)
{
    m_currentId = id;
    const auto stored = (m_workspace && id >= 0) ? queries::interaction(*m_workspace, id)
                                                 : std::nullopt;
    m_evidence.clear();
    m_stored = stored;
    if (!stored) {
        m_details->setText(m_workspace ? tr("<i>Select an interaction to see its transcript.</i>")
                                       : QString());
        m_transcript->clear();
        m_evaluation->clear();
        m_humanForm->setInteraction(-1);
        return;
    }
    m_details->setText(interactionSummaryHtml(*stored));
    m_transcript->setHtml(transcriptHtml(*stored));
    m_humanForm->setInteraction(id);
    const auto evaluation = EvaluationStore(*m_workspace).currentAutomated(id);
    if (!evaluation) {
        m_evaluation->clear();
        return;
    }
    const auto card = ScorecardRepository(*m_workspace).version(evaluation->scorecardVersionId);
    const QString published = m_workspace->setting(TrustGate::kCalibratedKey);
    m_evaluation->setCalibratedCriteria(TrustGate::publishedCalibratedCriteria(*m_workspace),
                                        !published.isEmpty());
    m_evaluation->setEvaluation(*evaluation, card ? std::optional<Scorecard>(card->scorecard)
                                                  : std::nullopt);
    for (const CriterionResult &r : evaluation->criteria)
        m_evidence.insert(m_evidence.end(), r.evidence.begin(), r.evidence.end());
    highlightEvidence(-1, 0, 0);
}

void InteractionsView::setReviewer(const QString &reviewer)
{
    m_humanForm->setReviewer(reviewer);
}

void InteractionsView::showEvidence(int turn, int charStart, int charEnd)
{
    highlightEvidence(turn, charStart, charEnd);
}

// Every evidence span is shaded; the one clicked is stronger and scrolled into view.
// The transcript has one block per turn, ending with the turn's text.
void InteractionsView::highlightEvidence(int focusTurn, int focusStart, int focusEnd)
{
    QList<QTextEdit::ExtraSelection> selections;
    const auto &stored = m_stored;
    if (!stored)
        return;
    auto spanCursor = [&](int turn, int start, int end) -> std::optional<QTextCursor> {
        if (turn < 0 || turn >= int(stored->interaction.turns.size()))
            return std::nullopt;
        const QTextBlock block = m_transcript->document()->findBlockByNumber(turn);
        if (!block.isValid())
            return std::nullopt;
        const int textStart = block.length() - 1 - int(stored->interaction.turns[size_t(turn)].text.size());
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + std::max(0, textStart) + std::max(0, start));
        cursor.setPosition(block.position() + std::max(0, textStart) + std::max(start, end),
                           QTextCursor::KeepAnchor);
        return cursor;
    };
    for (const EvidenceSpan &span : m_evidence) {
        if (auto cursor = spanCursor(span.turn, span.charStart, span.charEnd)) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = *cursor;
            selection.format.setBackground(QColor(255, 240, 160));
            selections << selection;
        }
    }
    if (auto focus = spanCursor(focusTurn, focusStart, focusEnd)) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = *focus;
        selection.format.setBackground(QColor(255, 190, 60));
        selections << selection;
        m_transcript->setTextCursor(*focus);
        m_transcript->ensureCursorVisible();
    }
    m_transcript->setExtraSelections(selections);
}

} // namespace qaw
