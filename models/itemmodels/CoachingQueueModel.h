#pragma once

#include "coaching/CoachingQueueQuery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace qaw {

class Workspace;

//! The coaching queue as a table: one row per coaching item, sortable on every column,
//! filtered in SQL. An open item past its due date is overdue (OverdueRole, and a
//! reddish background so every view highlights it the same way).
class CoachingQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Priority,
        Status,
        Agent,
        Team,
        Rule,
        Topic, //!< a pattern's criterion and rates, or an interaction item's criteria
        Interaction,
        Started,
        Total,
        Owner,
        Due,
        Age,
        Reason,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int InteractionIdRole = Qt::UserRole + 2;
    static constexpr int AgentIdRole = Qt::UserRole + 3;
    static constexpr int OverdueRole = Qt::UserRole + 4;
    static constexpr int StatusRole = Qt::UserRole + 5; //!< the stored status name
    static constexpr int IsPatternRole = Qt::UserRole + 6;

    explicit CoachingQueueModel(QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    void setFilter(const CoachingQueueFilter &filter);
    const CoachingQueueFilter &filter() const { return m_filter; }
    //! "Today" for overdue and age (the current date unless set, for tests).
    void setToday(const QDate &today);
    void reload();

    qint64 itemId(int row) const;
    int rowOfItem(qint64 id) const;
    int overdueCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    using Row = CoachingQueueRow;
    static QString topic(const Row &r);
    QDate today() const;
    void sortRows();

    Workspace *m_workspace = nullptr;
    CoachingQueueFilter m_filter;
    QDate m_today;
    int m_sortColumn = Priority;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    std::vector<Row> m_rows;
};

} // namespace qaw
