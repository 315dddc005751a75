#include "CoachingQueuePanel.h"

#include "AgentPatternPage.h"
#include "CoachingAgentList.h"
#include "CoachingItemPanel.h"
#include "FlagRuleDialog.h"
#include "Prompts.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"
#include "itemmodels/CoachingQueueModel.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace qaw {
namespace {

QComboBox *combo(QWidget *parent, const char *name, const QString &anyLabel)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(QString::fromLatin1(name));
    c->addItem(anyLabel, -1);
    c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return c;
}

} // namespace

CoachingQueuePanel::CoachingQueuePanel(QWidget *parent) : QWidget(parent)
{
    m_model = new CoachingQueueModel(this);
    m_agent = combo(this, "queueFilterAgent", tr("All agents"));
    m_team = combo(this, "queueFilterTeam", tr("All teams"));
    m_rule = combo(this, "queueFilterRule", tr("All rules"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("queueFilterStatus"));
    m_status->addItem(tr("Open items"), QStringLiteral("open"));
    m_status->addItem(tr("All items"), QString());
    for (CoachingStatus s : coachingStatus::all())
        m_status->addItem(coachingStatus::label(s), coachingStatus::name(s));
    m_age = new QComboBox(this);
    m_age->setObjectName(QStringLiteral("queueFilterAge"));
    m_age->addItem(tr("Any age"), QPoint(-1, -1));
    m_age->addItem(tr("Flagged in the last 7 days"), QPoint(-1, 7));
    m_age->addItem(tr("Waiting over 7 days"), QPoint(8, -1));
    m_age->addItem(tr("Waiting over 30 days"), QPoint(31, -1));
    m_owner = new QLineEdit(this);
    m_owner->setObjectName(QStringLiteral("queueFilterOwner"));
    m_owner->setPlaceholderText(tr("Owner (- for unassigned)"));
    m_owner->setClearButtonEnabled(true);
    m_owner->setMaximumWidth(190);

    m_run = new QPushButton(tr("Run flag rules"), this);
    m_run->setObjectName(QStringLiteral("queueRunFlagger"));
    auto *rules = new QPushButton(tr("Flag rules…"), this);
    rules->setObjectName(QStringLiteral("queueEditRules"));
    m_prepare = new QPushButton(tr("Prepare meeting"), this);
    m_prepare->setObjectName(QStringLiteral("queuePrepareMeeting"));
    m_prepare->setToolTip(tr("Coaching-meeting preparation for the agent of the selected item"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("coachingQueueTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CoachingQueueModel::Priority, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("queueSummary"));
    m_item = new CoachingItemPanel(this);
    m_item->setObjectName(QStringLiteral("coachingItemPanel"));
    m_agents = new CoachingAgentList(this);
    m_agentPage = new AgentPatternPage(this);
    m_agentPage->setObjectName(QStringLiteral("coachingAgentPage"));
    m_detail = new QStackedWidget(this);
    m_detail->setObjectName(QStringLiteral("coachingDetail"));
    m_detail->addWidget(m_item);
    m_detail->addWidget(m_agentPage);

    auto *filters = new QHBoxLayout;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_status, m_agent, m_team, m_rule, m_age, m_owner})
        filters->addWidget(w);
    filters->addStretch();
    filters->addWidget(m_prepare);
    filters->addWidget(rules);
    filters->addWidget(m_run);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_summary);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("coachingQueueSplitter"));
    splitter->addWidget(m_agents);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({340, 680, 540});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    for (QComboBox *c : {m_agent, m_team, m_rule, m_status, m_age})
        connect(c, &QComboBox::activated, this, &CoachingQueuePanel::applyFilter);
    connect(m_owner, &QLineEdit::editingFinished, this, &CoachingQueuePanel::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CoachingQueuePanel::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CoachingQueuePanel::updateSummary);
    connect(m_item, &CoachingItemPanel::itemsChanged, this, &CoachingQueuePanel::refresh);
    connect(m_run, &QPushButton::clicked, this, &CoachingQueuePanel::runFlagger);
    connect(&m_flagWatcher, &QFutureWatcher<FlagRunResult>::finished, this,
            &CoachingQueuePanel::flaggerDone);
    connect(m_agents, &CoachingAgentList::agentChosen, this, &CoachingQueuePanel::agentChosen);
    connect(m_agentPage, &AgentPatternPage::prepareMeeting, this,
            &CoachingQueuePanel::prepareMeeting);
    connect(rules, &QPushButton::clicked, this, [this] {
        if (!m_workspace)
            return;
        FlagRuleDialog dialog(*m_workspace, this);
        dialog.exec();
        fillFilters();
    });
    connect(m_prepare, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit prepareMeeting(
                m_model->data(current, CoachingQueueModel::AgentIdRole).toLongLong());
    });
}

void CoachingQueuePanel::setWorkspace(Workspace *workspace)
{
    // The worker writes through its own connection to the old workspace: it ends first.
    if (m_flagWatcher.isRunning())
        m_flagWatcher.waitForFinished();
    m_workspace = workspace;
    m_item->setWorkspace(workspace);
    m_agentPage->setWorkspace(workspace);
    fillFilters();
    m_agents->reload(workspace);
    m_model->setWorkspace(workspace);
    applyFilter();
}

void CoachingQueuePanel::setPrompts(Prompts *prompts)
{
    m_prompts = prompts;
    m_item->setPrompts(prompts);
}

void CoachingQueuePanel::fillFilters()
{
    auto refill = [](QComboBox *c, const std::vector<NamedId> &entries) {
        const QVariant current = c->currentData();
        while (c->count() > 1)
            c->removeItem(1);
        for (const NamedId &e : entries)
            c->addItem(e.name, e.id);
        c->setCurrentIndex(std::max(0, c->findData(current)));
    };
    std::vector<NamedId> rules;
    if (m_workspace) {
        for (const FlagRule &r : FlagRuleStore(*m_workspace).all())
            rules.push_back({r.id, r.name});
        refill(m_agent, queries::agents(*m_workspace));
        refill(m_team, queries::teams(*m_workspace));
    }
    refill(m_rule, rules);
}

void CoachingQueuePanel::applyFilter()
{
    CoachingQueueFilter f;
    f.agentId = m_agent->currentData().toLongLong();
    f.teamId = m_team->currentData().toLongLong();
    f.ruleId = m_rule->currentData().toLongLong();
    f.status = m_status->currentData().toString();
    f.owner = m_owner->text().trimmed();
    const QPoint age = m_age->currentData().toPoint();
    f.minAgeDays = age.x();
    f.maxAgeDays = age.y();
    m_model->setFilter(f);
    m_table->resizeColumnsToContents();
    if (m_table->columnWidth(CoachingQueueModel::Reason) > 420)
        m_table->setColumnWidth(CoachingQueueModel::Reason, 420);
    // The first (highest-priority) item is shown at once, so the detail is never empty.
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    selectionChanged();
}

void CoachingQueuePanel::refresh()
{
    QList<qint64> selected;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        selected << m_model->itemId(i.row());
    const qint64 current = m_model->itemId(m_table->currentIndex().row());
    fillFilters();
    m_agents->reload(m_workspace);
    m_model->reload();
    for (qint64 id : selected) {
        const int row = m_model->rowOfItem(id);
        if (row >= 0)
            m_table->selectionModel()->select(
                m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const int row = m_model->rowOfItem(current);
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::NoUpdate);
    selectionChanged();
}

void CoachingQueuePanel::selectionChanged()
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << m_model->itemId(i.row());
    qint64 current = m_model->itemId(m_table->currentIndex().row());
    if (!ids.contains(current))
        current = ids.isEmpty() ? -1 : ids.first();
    m_item->setItems(current, ids);
    m_prepare->setEnabled(current >= 0);
    if (!ids.isEmpty())
        m_detail->setCurrentWidget(m_item);
}

void CoachingQueuePanel::agentChosen(qint64 agentId)
{
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(agentId)));
    applyFilter();
    // An agent's page leads with what to coach on; the table below it holds the items.
    if (agentId >= 0) {
        m_agentPage->showAgent(agentId);
        m_detail->setCurrentWidget(m_agentPage);
    }
}

void CoachingQueuePanel::updateSummary()
{
    const int overdue = m_model->overdueCount();
    m_summary->setText(
        tr("%L1 items%2")
            .arg(m_model->rowCount())
            .arg(overdue > 0
                     ? tr(" · <span style=\"color:#b01e1e\"><b>%L1 overdue</b></span>").arg(overdue)
                     : QString()));
}

void CoachingQueuePanel::runFlagger()
{
    if (!m_workspace || m_flagWatcher.isRunning())
        return;
    m_run->setEnabled(false);
    m_summary->setText(tr("Running the flag rules…"));
    Workspace *ws = m_workspace;
    const QString user = currentUserName();
    m_flagWatcher.setFuture(QtConcurrent::run([ws, user]() {
        std::unique_ptr<Workspace> connection = ws->openAnotherConnection();
        if (!connection->isOpen()) {
            FlagRunResult failed;
            failed.ok = false;
            failed.error = connection->errorMessage();
            return failed;
        }
        return Flagger(*connection).run(user);
    }));
}

void CoachingQueuePanel::flaggerDone()
{
    const FlagRunResult r = m_flagWatcher.result();
    m_run->setEnabled(true);
    refresh();
    emit flaggerFinished(r);
    if (!m_prompts)
        return;
    if (!r.ok)
        m_prompts->error(this, tr("Run flag rules"), r.error);
    else
        m_prompts->information(
            this, tr("Run flag rules"),
            tr("%1 rules ran: %2 new coaching items (%3 agent patterns); %4 over the weekly "
               "budget, counted on the agents.%5")
                .arg(r.rulesRun)
                .arg(r.itemsCreated)
                .arg(r.patternsOpened)
                .arg(r.overBudget)
                .arg(r.skipped.isEmpty()
                         ? QString()
                         : tr("\nHeld back: %1").arg(r.skipped.join(QStringLiteral("; ")))));
}

} // namespace qaw
