#include "itemmodels/InteractionTableModel.h"

#include "itemmodels/InteractionTableModelOrder.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QMutex>
#include <QPromise>
#include <QSqlQuery>
#include <QThreadPool>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace qaw {
namespace {

constexpr int kMaxCachedPages = 16;

const char *const kColumns =
    "SELECT i.id, i.started_at, i.external_id, i.channel, a.name, t.name, i.queue, "
    "i.duration_ms, i.csat, i.resolved, i.auto_total, i.auto_failed, i.turn_count FROM ";
constexpr int kCells = 13;

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

// What the model and its row-order worker share. The worker needs the workspace only to
// open its own connection: the model clears the pointer (under the mutex) when it lets go
// of the job, so it never waits for a running sort, and the worker never opens a
// connection through a workspace that may be gone.
struct InteractionTableModel::RowOrderJob
{
    std::atomic<bool> cancelled{false};
    QMutex mutex;
    const Workspace *workspace = nullptr;
};

InteractionTableModel::InteractionTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    connect(&m_rowOrderWatcher, &QFutureWatcher<RowOrder>::finished, this,
            &InteractionTableModel::onRowOrderFinished);
}

InteractionTableModel::~InteractionTableModel()
{
    cancelRowOrder();
    // Cancelled workers stop within a few thousand rows (or after SQLite's first step).
    for (QFuture<RowOrder> &future : m_cancelledOrders)
        future.waitForFinished();
}

void InteractionTableModel::setWorkspace(Workspace *workspace)
{
    cancelRowOrder(); // the worker uses the old workspace's file
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

void InteractionTableModel::setBackgroundRowOrder(bool enabled)
{
    m_backgroundRowOrder = enabled;
    reload();
}

void InteractionTableModel::reload()
{
    beginResetModel();
    cancelRowOrder();
    m_pages.clear();
    m_pageAge.clear();
    m_rowCount = 0;
    m_segmentRows.clear();
    if (m_workspace && m_workspace->isOpen()) {
        QVariantList values;
        const QString where = m_filter.whereClause(QStringLiteral("i"), &values);
        QSqlQuery q(m_workspace->database());
        q.prepare(QStringLiteral("SELECT count(*) FROM interactions i") + where);
        bindAll(q, values);
        if (q.exec() && q.next())
            m_rowCount = q.value(0).toInt();
        const auto segments = interaction_order::segments(m_sortColumn, m_sortOrder, m_filter);
        if (segments.size() > 1) {
            // Count the segments with a condition on i alone; the one without (the teams
            // joined) holds the rest.
            int counted = 0;
            for (const interaction_order::Segment &segment : segments) {
                if (!segment.countable || segment.condition.isEmpty()) {
                    m_segmentRows << -1;
                    continue;
                }
                QVariantList v;
                QSqlQuery c(m_workspace->database());
                c.prepare(QStringLiteral("SELECT count(*) FROM interactions i") +
                          interaction_order::where(m_filter, segment, &v, true));
                bindAll(c, v);
                const int n = c.exec() && c.next() ? c.value(0).toInt() : 0;
                m_segmentRows << n;
                counted += n;
            }
            for (int &n : m_segmentRows)
                if (n < 0)
                    n = std::max(0, m_rowCount - counted);
        }
    }
    endResetModel();
    startRowOrder();
}

void InteractionTableModel::cancelRowOrder()
{
    if (m_rowOrderJob) {
        m_rowOrderJob->cancelled.store(true);
        QMutexLocker lock(&m_rowOrderJob->mutex);
        m_rowOrderJob->workspace = nullptr;
    }
    m_rowOrderJob.reset();
    m_cancelledOrders.removeIf([](const QFuture<RowOrder> &f) { return f.isFinished(); });
    if (m_rowOrderWatcher.future().isValid() && !m_rowOrderWatcher.future().isFinished())
        m_cancelledOrders << m_rowOrderWatcher.future();
    // A new (empty) future detaches the watcher: the old worker's result is never seen.
    m_rowOrderWatcher.setFuture(QFuture<RowOrder>());
    m_rowOrderReady = false;
    m_rowOrder.clear();
}

void InteractionTableModel::startRowOrder()
{
    if (!m_backgroundRowOrder || !m_workspace || !m_workspace->isOpen() || m_rowCount == 0)
        return;
    auto job = std::make_shared<RowOrderJob>();
    job->workspace = m_workspace;
    m_rowOrderJob = job;
    auto promise = std::make_shared<QPromise<RowOrder>>();
    QFuture<RowOrder> future = promise->future();
    promise->start();
    const InteractionFilter filter = m_filter;
    const int column = m_sortColumn;
    const Qt::SortOrder order = m_sortOrder;
    QThreadPool::globalInstance()->start([promise, job, filter, column, order] {
        RowOrder ids;
        std::unique_ptr<Workspace> connection;
        {
            QMutexLocker lock(&job->mutex);
            if (job->workspace && !job->cancelled.load())
                connection = job->workspace->openAnotherConnection();
        }
        if (connection && connection->isOpen())
            ids = interaction_order::readIds(*connection, filter, column, order, job->cancelled);
        connection.reset();
        promise->addResult(ids);
        promise->finish();
    });
    m_rowOrderWatcher.setFuture(future);
}

void InteractionTableModel::onRowOrderFinished()
{
    const QFuture<RowOrder> future = m_rowOrderWatcher.future();
    if (m_rowOrderReady || future.resultCount() == 0)
        return;
    const RowOrder ids = future.result();
    // A different count means the data changed since the count: keep paging by SQL.
    if (ids && ids->size() == m_rowCount) {
        m_rowOrder = *ids;
        m_rowOrderReady = true;
    }
}

bool InteractionTableModel::waitForRowOrder()
{
    if (m_rowOrderWatcher.future().isValid()) {
        m_rowOrderWatcher.waitForFinished();
        onRowOrderFinished();
    }
    return m_rowOrderReady;
}

QVector<InteractionTableModel::Row> InteractionTableModel::readPage(int pageIndex) const
{
    const int first = pageIndex * kPageSize;
    const int count = std::min(kPageSize, m_rowCount - first);
    if (count <= 0)
        return {};
    if (m_rowOrderReady)
        return readByIds(first, count);
    if (m_segmentRows.size() > 1)
        return readSegments(first, count);
    return readSingleSegment(first, count);
}

QVector<InteractionTableModel::Row> InteractionTableModel::readByIds(int first, int count) const
{
    QStringList marks;
    for (int k = 0; k < count; ++k)
        marks << QStringLiteral("?");
    QSqlQuery q(m_workspace->database());
    q.setForwardOnly(true);
    q.prepare(QLatin1String(kColumns) +
              QStringLiteral("interactions i JOIN agents a ON a.id = i.agent_id "
                             "LEFT JOIN teams t ON t.id = i.team_id WHERE i.id IN (") +
              marks.join(QLatin1Char(',')) + QLatin1Char(')'));
    for (int k = 0; k < count; ++k)
        q.addBindValue(m_rowOrder[first + k]);
    QHash<qint64, Row> byId;
    if (q.exec()) {
        while (q.next()) {
            Row row(kCells);
            for (int c = 0; c < kCells; ++c)
                row[c] = q.value(c);
            byId.insert(row[0].toLongLong(), row);
        }
    }
    QVector<Row> rows;
    rows.reserve(count);
    for (int k = 0; k < count; ++k) {
        auto it = byId.constFind(m_rowOrder[first + k]);
        if (it == byId.constEnd())
            break; // deleted since: the rest of the page would be shifted
        rows.push_back(*it);
    }
    return rows;
}

namespace {

// The page's ids are chosen in a subquery that joins only what the sort keys need; the
// display columns (agent and team names) are joined for those rows alone. Joining first
// would look up an agent and a team for every row the sort or OFFSET passes over
// (seconds at a million rows when no index serves the order).
QVector<QVector<QVariant>> runPageQuery(QSqlDatabase db, const interaction_order::Segment &segment,
                                        const QString &where, const QString &orderBy,
                                        const QVariantList &values, int limit, int offset)
{
    QVector<QVector<QVariant>> rows;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String(kColumns) + QStringLiteral("(SELECT i.id AS page_id FROM ") +
              segment.idFrom + where + orderBy +
              QStringLiteral(" LIMIT ? OFFSET ?) page JOIN interactions i ON i.id = page.page_id "
                             "JOIN agents a ON a.id = i.agent_id "
                             "LEFT JOIN teams t ON t.id = i.team_id") +
              orderBy);
    bindAll(q, values);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (q.exec()) {
        rows.reserve(limit);
        while (q.next()) {
            QVector<QVariant> row(kCells);
            for (int c = 0; c < kCells; ++c)
                row[c] = q.value(c);
            rows.push_back(row);
        }
    }
    return rows;
}

} // namespace

// An order of several segments (by team): OFFSET inside each segment the page overlaps.
QVector<InteractionTableModel::Row> InteractionTableModel::readSegments(int first, int count) const
{
    const auto segments = interaction_order::segments(m_sortColumn, m_sortOrder, m_filter);
    QVector<Row> rows;
    int segmentStart = 0;
    for (int k = 0; k < segments.size() && k < m_segmentRows.size() && count > 0; ++k) {
        const int segmentEnd = segmentStart + m_segmentRows[k];
        if (first < segmentEnd) {
            const int take = std::min(count, segmentEnd - first);
            QVariantList values;
            const QString where = interaction_order::where(m_filter, segments[k], &values, false);
            rows += runPageQuery(m_workspace->database(), segments[k], where,
                                 interaction_order::orderBy(segments[k], m_sortOrder == Qt::AscendingOrder),
                                 values, take, first - segmentStart);
            first += take;
            count -= take;
        }
        segmentStart = segmentEnd;
    }
    return rows;
}

// One segment: the cheapest of three ways, all giving the same rows:
// - keyset: from the sort key of a neighbouring cached page (scrolling), which reads
//   only the page itself instead of skipping every row before it with OFFSET (orders of
//   a single key and the id only);
// - from the end: pages in the second half are read in reversed order with the
//   smaller OFFSET counted from the end (dragging the scroll bar to the bottom);
// - OFFSET, otherwise.
QVector<InteractionTableModel::Row> InteractionTableModel::readSingleSegment(int first, int count) const
{
    const int pageIndex = first / kPageSize;
    const interaction_order::Segment segment =
        interaction_order::segments(m_sortColumn, m_sortOrder, m_filter).front();
    QVariantList values;
    const bool byTotal = m_sortColumn == Total;
    QString where = interaction_order::where(m_filter, segment, &values, byTotal);
    const bool keysetPossible = segment.keys.size() == 2;
    const int keyIndex = m_sortColumn + 1; // the row's cell holding the sort key
    const QString key = segment.keys.front();
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    bool reversed = false;
    int offset = first;
    auto previous = m_pages.constFind(pageIndex - 1);
    auto following = m_pages.constFind(pageIndex + 1);
    std::optional<Row> boundary;
    if (keysetPossible && previous != m_pages.constEnd() && previous->size() == kPageSize &&
        !previous->back()[keyIndex].isNull()) {
        boundary = previous->back();
    } else if (keysetPossible && following != m_pages.constEnd() && !following->isEmpty() &&
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
    QVector<Row> rows = runPageQuery(m_workspace->database(), segment, where,
                                     interaction_order::orderBy(segment, ascending != reversed),
                                     values, count, offset);
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
    if (m_rowOrderReady)
        return int(m_rowOrder.indexOf(id));
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
