#include "itemmodels/InteractionTableModel.h"

#include "storage/Workspace.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace qaw {
namespace {

constexpr int kMaxCachedPages = 16;

const char *const kSelect =
    "SELECT i.id, i.started_at, i.external_id, i.channel, a.name, t.name, i.queue, "
    "i.duration_ms, i.csat, i.resolved, i.auto_total, i.auto_failed, i.turn_count "
    "FROM interactions i JOIN agents a ON a.id = i.agent_id "
    "LEFT JOIN teams t ON t.id = i.team_id";

QString sortExpression(int column)
{
    switch (column) {
    case InteractionTableModel::ExternalId:
        return QStringLiteral("i.external_id");
    case InteractionTableModel::Channel:
        return QStringLiteral("i.channel");
    case InteractionTableModel::Agent:
        return QStringLiteral("a.name");
    case InteractionTableModel::Team:
        return QStringLiteral("t.name");
    case InteractionTableModel::Queue:
        return QStringLiteral("i.queue");
    case InteractionTableModel::Duration:
        return QStringLiteral("i.duration_ms");
    case InteractionTableModel::Csat:
        return QStringLiteral("i.csat");
    case InteractionTableModel::Resolved:
        return QStringLiteral("i.resolved");
    case InteractionTableModel::Total:
        return QStringLiteral("i.auto_total");
    case InteractionTableModel::AutoFailed:
        return QStringLiteral("i.auto_failed");
    case InteractionTableModel::Turns:
        return QStringLiteral("i.turn_count");
    default:
        return QStringLiteral("i.started_at");
    }
}

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values)
        q.addBindValue(v);
}

} // namespace

InteractionTableModel::InteractionTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void InteractionTableModel::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    reload();
}

void InteractionTableModel::setFilter(const InteractionFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

QString InteractionTableModel::orderBy(bool reversed) const
{
    const bool ascending = (m_sortOrder == Qt::AscendingOrder) != reversed;
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // The id breaks ties so that paging is stable.
    return QStringLiteral(" ORDER BY ") + sortExpression(m_sortColumn) + direction +
           QStringLiteral(", i.id") + direction;
}

void InteractionTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_pageAge.clear();
    m_rowCount = 0;
    if (m_workspace && m_workspace->isOpen()) {
        QVariantList values;
        const QString where = m_filter.whereClause(QStringLiteral("i"), &values);
        QSqlQuery q(m_workspace->database());
        q.prepare(QStringLiteral("SELECT count(*) FROM interactions i") + where);
        bindAll(q, values);
        if (q.exec() && q.next())
            m_rowCount = q.value(0).toInt();
    }
    endResetModel();
}

// A page is read by the cheapest of three ways, all giving the same rows:
// - keyset: from the sort key of a neighbouring cached page (scrolling), which reads
//   only the page itself instead of skipping every row before it with OFFSET;
// - from the end: pages in the second half are read in reversed order with the
//   smaller OFFSET counted from the end (dragging the scroll bar to the bottom);
// - OFFSET, otherwise.
QVector<InteractionTableModel::Row> InteractionTableModel::readPage(int pageIndex) const
{
    const int first = pageIndex * kPageSize;
    const int count = std::min(kPageSize, m_rowCount - first);
    if (count <= 0)
        return {};
    QVariantList values;
    const bool byTotal = m_sortColumn == Total;
    QString where = m_filter.whereClause(QStringLiteral("i"), &values, byTotal);
    const int keyIndex = m_sortColumn + 1; // the row's cell holding the sort key
    const QString key = sortExpression(m_sortColumn);
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    bool reversed = false;
    int offset = first;
    auto previous = m_pages.constFind(pageIndex - 1);
    auto following = m_pages.constFind(pageIndex + 1);
    std::optional<Row> boundary;
    if (previous != m_pages.constEnd() && previous->size() == kPageSize &&
        !previous->back()[keyIndex].isNull()) {
        boundary = previous->back();
    } else if (following != m_pages.constEnd() && !following->isEmpty() &&
               !following->front()[keyIndex].isNull()) {
        boundary = following->front();
        reversed = true;
    } else if (first > m_rowCount / 2) {
        reversed = true;
        offset = m_rowCount - (first + count);
    }
    if (boundary) {
        // Moving towards smaller keys, SQLite's NULLs (the smallest) still lie ahead.
        const bool towardsSmaller = ascending == reversed;
        const QString cmp = towardsSmaller ? QStringLiteral("<") : QStringLiteral(">");
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) +
                 QStringLiteral("(%1 %2 ? OR (%1 = ? AND i.id %2 ?)%3)")
                     .arg(key, cmp, towardsSmaller ? QStringLiteral(" OR %1 IS NULL").arg(key)
                                                   : QString());
        values << (*boundary)[keyIndex] << (*boundary)[keyIndex] << (*boundary)[0];
        offset = 0;
    }
    QVector<Row> rows;
    QSqlQuery q(m_workspace->database());
    q.setForwardOnly(true);
    q.prepare(QLatin1String(kSelect) + where + orderBy(reversed) +
              QStringLiteral(" LIMIT ? OFFSET ?"));
    bindAll(q, values);
    q.addBindValue(count);
    q.addBindValue(offset);
    if (q.exec()) {
        rows.reserve(count);
        while (q.next()) {
            Row row(13);
            for (int c = 0; c < 13; ++c)
                row[c] = q.value(c);
            rows.push_back(row);
        }
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

const QVector<InteractionTableModel::Row> &InteractionTableModel::page(int pageIndex) const
{
    if (auto it = m_pages.constFind(pageIndex); it != m_pages.constEnd()) {
        m_pageAge.remove(pageIndex);
        m_pageAge.push_front(pageIndex);
        return *it;
    }
    QVector<Row> rows = readPage(pageIndex);
    if (int(m_pageAge.size()) >= kMaxCachedPages) {
        m_pages.remove(m_pageAge.back());
        m_pageAge.pop_back();
    }
    m_pageAge.push_front(pageIndex);
    return *m_pages.insert(pageIndex, rows);
}

qint64 InteractionTableModel::interactionId(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return -1;
    const QVector<Row> &rows = page(row / kPageSize);
    const int offset = row % kPageSize;
    return offset < rows.size() ? rows[offset][0].toLongLong() : -1;
}

int InteractionTableModel::rowOfInteraction(qint64 id) const
{
    for (int row = 0; row < m_rowCount; row += kPageSize) {
        const QVector<Row> &rows = page(row / kPageSize);
        for (int k = 0; k < rows.size(); ++k)
            if (rows[k][0].toLongLong() == id)
                return row + k;
    }
    return -1;
}

int InteractionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int InteractionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InteractionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount || !m_workspace)
        return {};
    const QVector<Row> &rows = page(index.row() / kPageSize);
    const int offset = index.row() % kPageSize;
    if (offset >= rows.size())
        return {};
    const Row &r = rows[offset];
    if (role == IdRole)
        return r[0];
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Duration:
        case Csat:
        case Total:
        case Turns:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Started:
        return QDateTime::fromMSecsSinceEpoch(r[1].toLongLong(), QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ExternalId:
        return r[2];
    case Channel:
        return r[3];
    case Agent:
        return r[4];
    case Team:
        return r[5];
    case Queue:
        return r[6];
    case Duration:
        return r[7].isNull() ? QVariant() : QVariant(formatDuration(r[7].toLongLong()));
    case Csat:
        return r[8];
    case Resolved:
        return r[9].isNull() ? QVariant()
                             : QVariant(r[9].toBool() ? tr("yes") : tr("no"));
    case Total:
        return r[10].isNull() ? QVariant() : QVariant(QString::number(r[10].toDouble(), 'f', 1));
    case AutoFailed:
        return r[11].toInt() == 1 ? QVariant(tr("auto-fail")) : QVariant();
    case Turns:
        return r[12];
    default:
        return {};
    }
}

QVariant InteractionTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Started:
        return tr("Started (UTC)");
    case ExternalId:
        return tr("ID");
    case Channel:
        return tr("Channel");
    case Agent:
        return tr("Agent");
    case Team:
        return tr("Team");
    case Queue:
        return tr("Queue");
    case Duration:
        return tr("Duration");
    case Csat:
        return tr("CSAT");
    case Resolved:
        return tr("Resolved");
    case Total:
        return tr("Score");
    case AutoFailed:
        return tr("Auto-fail");
    case Turns:
        return tr("Turns");
    default:
        return {};
    }
}

void InteractionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

} // namespace qaw
