#include "itemmodels/SideBySideModel.h"

#include <QBrush>
#include <QColor>

namespace qaw {

SideBySideModel::SideBySideModel(QObject *parent) : QAbstractTableModel(parent) {}

void SideBySideModel::setData(const SideBySide &data, const QStringList &calibratedCriteria)
{
    beginResetModel();
    m_data = data;
    m_calibrated = calibratedCriteria;
    rebuildRows();
    endResetModel();
}

void SideBySideModel::clear()
{
    setData(SideBySide{}, {});
}

void SideBySideModel::setOnlyDisagreements(bool only)
{
    if (only == m_onlyDisagreements)
        return;
    beginResetModel();
    m_onlyDisagreements = only;
    rebuildRows();
    endResetModel();
}

void SideBySideModel::rebuildRows()
{
    m_rows.clear();
    for (size_t i = 0; i < m_data.lines.size(); ++i)
        if (!m_onlyDisagreements || m_data.lines[i].disagreement)
            m_rows.push_back(int(i));
}

const SideBySideLine *SideBySideModel::line(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_data.lines[size_t(m_rows[size_t(row)])];
}

int SideBySideModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SideBySideModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : spreadColumn() + 1;
}

QString SideBySideModel::ratingText(const SideBySideRating &r, const SideBySideLine &line) const
{
    if (r.hidden)
        return tr("hidden");
    if (!r.present)
        return QString();
    if (r.na)
        return tr("N/A");
    if (!r.value)
        return QString();
    if (line.yesNo)
        return *r.value >= 0.5 ? tr("yes") : tr("no");
    return line.isTotal ? QString::number(*r.value, 'f', 1) : QString::number(*r.value);
}

QVariant SideBySideModel::data(const QModelIndex &index, int role) const
{
    const SideBySideLine *l = index.isValid() ? line(index.row()) : nullptr;
    if (!l)
        return {};
    const int column = index.column();
    const int reviewer = column - FirstReviewerColumn;
    const bool calibrated = l->isTotal || m_calibrated.contains(l->criterionId);
    switch (role) {
    case InteractionIdRole:
        return l->interactionId;
    case DisagreementRole:
        return l->disagreement;
    case CriterionIdRole:
        return l->criterionId;
    case Qt::BackgroundRole:
        return l->disagreement ? QVariant(QBrush(QColor(255, 224, 178))) : QVariant();
    case Qt::TextAlignmentRole:
        return column >= AutomatedColumn ? QVariant(int(Qt::AlignCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (column == AutomatedColumn) {
            if (l->automated.hidden)
                return tr("Hidden until you submit your own scores (blind session).");
            QStringList parts;
            if (!calibrated)
                parts << tr("Not calibrated: agreement with reviewers is too low or too "
                            "rarely measured to trust this automated score.");
            if (!l->rationale.isEmpty())
                parts << l->rationale;
            parts << l->evidence;
            return parts.join(QLatin1Char('\n'));
        }
        if (reviewer >= 0 && reviewer < int(l->reviewers.size()))
            return l->reviewers[size_t(reviewer)].comment;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (column == InteractionColumn)
        return l->interactionLabel;
    if (column == CriterionColumn)
        return calibrated ? l->criterionName : tr("%1 (not calibrated)").arg(l->criterionName);
    if (column == AutomatedColumn)
        return ratingText(l->automated, *l);
    if (column == spreadColumn())
        return l->spread ? QVariant(QString::number(*l->spread, 'g', 3)) : QVariant();
    if (reviewer >= 0 && reviewer < int(l->reviewers.size()))
        return ratingText(l->reviewers[size_t(reviewer)], *l);
    return {};
}

QVariant SideBySideModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == InteractionColumn)
        return tr("Interaction");
    if (section == CriterionColumn)
        return tr("Criterion");
    if (section == AutomatedColumn)
        return tr("Automated");
    if (section == spreadColumn())
        return tr("Spread");
    const int reviewer = section - FirstReviewerColumn;
    if (reviewer >= 0 && reviewer < m_data.reviewers.size())
        return m_data.reviewers.at(reviewer);
    return {};
}

} // namespace qaw
