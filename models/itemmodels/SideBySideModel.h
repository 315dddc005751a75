#pragma once

#include "calibration/SideBySide.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace qaw {

//! The side-by-side table of a calibration session: one row per interaction and
//! criterion (and total), columns Interaction, Criterion, Automated, one per reviewer,
//! Spread. The automated cell's tooltip holds the rule and the evidence; disagreements
//! have a highlighted background; criteria that are not calibrated say so.
class SideBySideModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum FixedColumn { InteractionColumn, CriterionColumn, AutomatedColumn, FirstReviewerColumn };
    static constexpr int InteractionIdRole = Qt::UserRole + 1;
    static constexpr int DisagreementRole = Qt::UserRole + 2;
    static constexpr int CriterionIdRole = Qt::UserRole + 3;

    explicit SideBySideModel(QObject *parent = nullptr);

    void setData(const SideBySide &data, const QStringList &calibratedCriteria);
    void clear();
    void setOnlyDisagreements(bool only);
    bool onlyDisagreements() const { return m_onlyDisagreements; }
    const SideBySideLine *line(int row) const;
    int spreadColumn() const { return FirstReviewerColumn + int(m_data.reviewers.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();
    QString ratingText(const SideBySideRating &rating, const SideBySideLine &line) const;

    SideBySide m_data;
    QStringList m_calibrated;
    bool m_onlyDisagreements = false;
    std::vector<int> m_rows; //!< indices into m_data.lines
};

} // namespace qaw
