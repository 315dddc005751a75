#pragma once

#include "storage/InteractionFilter.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QVector>

#include <list>
#include <memory>
#include <optional>

namespace qaw {

class Workspace;

//! The interactions of a workspace as a table, read from SQL a page at a time so that
//! a million rows cost no more than the pages on screen. Sorting and filtering run in
//! the database.
class InteractionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Started,
        ExternalId,
        Channel,
        Agent,
        Team,
        Queue,
        Duration,
        Csat,
        Resolved,
        Total,
        AutoFailed,
        Turns,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int kPageSize = 256;

    explicit InteractionTableModel(QObject *parent = nullptr);
    ~InteractionTableModel() override;

    void setWorkspace(Workspace *workspace);
    void setFilter(const InteractionFilter &filter);
    const InteractionFilter &filter() const { return m_filter; }
    qint64 interactionId(int row) const;
    //! The row of an interaction among the current results, or -1 (pages through the
    //! results in SQL, never loads them all).
    int rowOfInteraction(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    //! Drops cached pages and counts and reads again (after an import, say).
    void reload();

    //! After each count a worker thread (own connection) reads the id of every row in
    //! order, about 0.2-2 s at a million rows; from then on any page is read by its ids,
    //! so a jump to the middle costs what a jump to the top does. Until it is ready pages
    //! are read by keyset, from the end, or OFFSET. On by default; off reads SQL pages only.
    void setBackgroundRowOrder(bool enabled);
    //! Blocks until the worker's row order is in use (for tests and benchmarks); false
    //! when there is none (disabled, failed, or the data changed under it).
    bool waitForRowOrder();
    bool hasRowOrder() const { return m_rowOrderReady; }

private:
    using Row = QVector<QVariant>;
    using RowOrder = std::optional<QVector<qint64>>;
    const QVector<Row> &page(int pageIndex) const;
    QVector<Row> readPage(int pageIndex) const;
    QVector<Row> readByIds(int first, int count) const;
    QVector<Row> readSegments(int first, int count) const;
    QVector<Row> readSingleSegment(int first, int count) const;
    void startRowOrder();
    void cancelRowOrder();
    void onRowOrderFinished();

    Workspace *m_workspace = nullptr;
    InteractionFilter m_filter;
    int m_sortColumn = Started;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_rowCount = 0;
    QVector<int> m_segmentRows; //!< rows of each segment of the order (when more than one)
    bool m_backgroundRowOrder = true;
    bool m_rowOrderReady = false;
    QVector<qint64> m_rowOrder;
    QFutureWatcher<RowOrder> m_rowOrderWatcher;
    struct RowOrderJob;
    std::shared_ptr<RowOrderJob> m_rowOrderJob; //!< shared with the worker of the running order
    //! Workers let go of but maybe still running: the model waits for them only when it
    //! is destroyed, so that none outlives it (and the application) mid-query.
    QList<QFuture<RowOrder>> m_cancelledOrders;
    mutable QHash<int, QVector<Row>> m_pages;
    mutable std::list<int> m_pageAge; // most recently used first
};

} // namespace qaw
