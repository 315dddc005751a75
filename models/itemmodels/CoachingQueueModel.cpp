#include "itemmodels/CoachingQueueModel.h"

#include <QColor>
#include <QVariant>

#include <algorithm>
#include <climits>

namespace qaw {
CoachingQueueModel::CoachingQueueModel(QObject *parent) : QAbstractTableModel(parent) {}

void CoachingQueueModel::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    reload();
}

void CoachingQueueModel::setFilter(const CoachingQueueFilter &filter)
{
    m_filter = filter;
    reload();
}

void CoachingQueueModel::setToday(const QDate &today)
{
    m_today = today;
    reload();
}

void CoachingQueueModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_workspace) {
        m_rows = queryCoachingQueue(*m_workspace, m_filter, today());
        sortRows();
    }
    endResetModel();
}

QDate CoachingQueueModel::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

qint64 CoachingQueueModel::itemId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].id : -1;
}

int CoachingQueueModel::rowOfItem(qint64 id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

int CoachingQueueModel::overdueCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [this](const Row &r) { return r.isOverdue(today()); }));
}

int CoachingQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CoachingQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CoachingQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole:
        return r.id;
    case InteractionIdRole:
        return r.interactionId;
    case AgentIdRole:
        return r.agentId;
    case IsPatternRole:
        return r.isPattern;
    case OverdueRole:
        return r.isOverdue(today());
    case StatusRole:
        return coachingStatus::name(r.status);
    case Qt::BackgroundRole:
        return r.isOverdue(today()) ? QVariant(QColor(0xfd, 0xe2, 0xe1)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Due && r.isOverdue(today()))
            return QColor(0xb0, 0x1e, 0x1e);
        return coachingStatus::isOpen(r.status) ? QVariant() : QVariant(QColor(0x88, 0x88, 0x88));
    case Qt::ToolTipRole:
        return index.column() == Due && r.isOverdue(today())
                   ? tr("Overdue since %1").arg(r.due.toString(Qt::ISODate))
                   : r.reason;
    case Qt::TextAlignmentRole:
        if (index.column() == Priority || index.column() == Total || index.column() == Age)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Priority:
        return QString::number(r.priority, 'f', 2);
    case Status:
        return coachingStatus::label(r.status);
    case Agent:
        return r.agent;
    case Team:
        return r.team;
    case Rule:
        return r.rule;
    case Topic:
        return topic(r);
    case Interaction:
        return r.isPattern ? tr("%n example(s)", nullptr, int(r.interactions().size()))
                           : r.interaction;
    case Started:
        return r.started.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Total:
        return r.total ? QString::number(*r.total, 'f', 1) : QStringLiteral("–");
    case Owner:
        return r.owner;
    case Due:
        return r.due.isValid() ? r.due.toString(Qt::ISODate) : QString();
    case Age:
        return tr("%1 d").arg(r.ageDays(today()));
    case Reason:
        return r.reason;
    default:
        return {};
    }
}

QString CoachingQueueModel::topic(const Row &r)
{
    if (!r.isPattern)
        return r.criteria.join(QStringLiteral(", "));
    auto pct = [&](const char *key) {
        return QString::number(r.pattern.value(QLatin1String(key)).toDouble() * 100, 'f', 0);
    };
    return tr("%1: fails %2% (team %3%)")
        .arg(r.pattern.value(QLatin1String("name")).toString(r.criteria.value(0)),
             pct("rate"), pct("team_rate"));
}

QVariant CoachingQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {"Priority", "Status", "Agent",       "Team",
                                        "Rule",     "Topic",  "Interaction", "Started",
                                        "Total",    "Owner",  "Due",         "Age",
                                        "Why"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void CoachingQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<qint64> ids;
    for (const QModelIndex &i : before)
        ids.push_back(itemId(i.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
    QModelIndexList after;
    for (size_t k = 0; k < ids.size(); ++k)
        after << index(rowOfItem(ids[k]), before[int(k)].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CoachingQueueModel::sortRows()
{
    auto less = [this](const Row &a, const Row &b) {
        switch (m_sortColumn) {
        case Priority:
            return a.priority < b.priority;
        case Status:
            return int(a.status) < int(b.status);
        case Agent:
            return a.agent.localeAwareCompare(b.agent) < 0;
        case Team:
            return a.team.localeAwareCompare(b.team) < 0;
        case Rule:
            return a.rule.localeAwareCompare(b.rule) < 0;
        case Topic:
            return topic(a).localeAwareCompare(topic(b)) < 0;
        case Interaction:
            return a.interaction < b.interaction;
        case Started:
            return a.started < b.started;
        case Total:
            return a.total.value_or(-1) < b.total.value_or(-1);
        case Owner:
            return a.owner.localeAwareCompare(b.owner) < 0;
        case Due:
            return (a.due.isValid() ? a.due.toJulianDay() : LLONG_MAX) <
                   (b.due.isValid() ? b.due.toJulianDay() : LLONG_MAX);
        case Age:
            return a.createdAtMs > b.createdAtMs;
        case Reason:
            return a.reason < b.reason;
        default:
            return a.id < b.id;
        }
    };
    // Ties keep the item id order, so the order is the same on every reload.
    std::sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if (less(a, b))
            return m_sortOrder == Qt::AscendingOrder;
        if (less(b, a))
            return m_sortOrder == Qt::DescendingOrder;
        return a.id < b.id;
    });
}

} // namespace qaw
