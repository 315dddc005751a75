#pragma once

#include "storage/InteractionFilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <list>

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

private:
    using Row = QVector<QVariant>;
    const QVector<Row> &page(int pageIndex) const;
    QVector<Row> readPage(int pageIndex) const;
    QString orderBy(bool reversed = false) const;

    Workspace *m_workspace = nullptr;
    InteractionFilter m_filter;
    int m_sortColumn = Started;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_rowCount = 0;
    mutable QHash<int, QVector<Row>> m_pages;
    mutable std::list<int> m_pageAge; // most recently used first
};

} // namespace qaw
