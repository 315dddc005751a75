#pragma once

#include "analytics/TrendsSnapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace qaw {

//! The drivers page of Trends: the outcome chooser, the ranked table of criteria with
//! their counts and intervals, the note on how to read it, and (beside the table) the
//! scatter of automated total vs CSAT that the view draws.
class DriversPanel : public QWidget
{
    Q_OBJECT
public:
    DriversPanel(QWidget *scatter, QWidget *parent = nullptr);

    Outcome outcome() const;
    QTableWidget *table() const { return m_table; }
    void show(const TrendsSnapshot &snapshot);

    //! The filter behind table row \a row: the interactions where its criterion failed.
    static InteractionFilter failedFilter(const TrendsSnapshot &snapshot, int row);

signals:
    void outcomeChanged();
    void rowClicked(int row);

private:
    QComboBox *m_outcome = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace qaw
