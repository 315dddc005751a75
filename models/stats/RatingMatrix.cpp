#include "stats/RatingMatrix.h"

#include <algorithm>

namespace qaw {

RatingMatrix::RatingMatrix(int items, const QStringList &raterNames)
    : m_items(std::max(0, items)), m_raterNames(raterNames),
      m_cells(size_t(m_items) * size_t(raterNames.size()))
{
}

RatingMatrix RatingMatrix::fromRows(const std::vector<std::vector<std::optional<double>>> &rows,
                                    const QStringList &raterNames)
{
    QStringList names = raterNames;
    if (names.isEmpty() && !rows.empty()) {
        for (size_t r = 0; r < rows.front().size(); ++r)
            names.append(QStringLiteral("rater %1").arg(r + 1));
    }
    RatingMatrix m(int(rows.size()), names);
    for (size_t i = 0; i < rows.size(); ++i) {
        const size_t cells = std::min(rows[i].size(), size_t(names.size()));
        for (size_t r = 0; r < cells; ++r)
            m.setRating(int(i), int(r), rows[i][r]);
    }
    return m;
}

std::optional<double> RatingMatrix::rating(int item, int rater) const
{
    if (item < 0 || item >= m_items || rater < 0 || rater >= raterCount())
        return std::nullopt;
    return m_cells[size_t(item) * size_t(raterCount()) + size_t(rater)];
}

void RatingMatrix::setRating(int item, int rater, std::optional<double> value)
{
    if (item < 0 || item >= m_items || rater < 0 || rater >= raterCount())
        return;
    m_cells[size_t(item) * size_t(raterCount()) + size_t(rater)] = value;
}

int RatingMatrix::ratingCount(int item) const
{
    int count = 0;
    for (int r = 0; r < raterCount(); ++r)
        count += rating(item, r).has_value() ? 1 : 0;
    return count;
}

std::vector<double> RatingMatrix::itemRatings(int item) const
{
    std::vector<double> values;
    values.reserve(size_t(raterCount()));
    for (int r = 0; r < raterCount(); ++r) {
        if (const auto v = rating(item, r))
            values.push_back(*v);
    }
    return values;
}

RatingMatrix RatingMatrix::selectItems(const std::vector<int> &items) const
{
    RatingMatrix m(int(items.size()), m_raterNames);
    const size_t raters = size_t(raterCount());
    for (size_t i = 0; i < items.size(); ++i) {
        const size_t from = size_t(items[i]) * raters;
        std::copy(m_cells.begin() + std::ptrdiff_t(from),
                  m_cells.begin() + std::ptrdiff_t(from + raters),
                  m.m_cells.begin() + std::ptrdiff_t(i * raters));
    }
    return m;
}

RatingMatrix RatingMatrix::selectRaters(const std::vector<int> &raters) const
{
    QStringList names;
    for (int r : raters)
        names.append(m_raterNames.value(r));
    RatingMatrix m(m_items, names);
    for (int item = 0; item < m_items; ++item) {
        for (size_t r = 0; r < raters.size(); ++r)
            m.setRating(item, int(r), rating(item, raters[r]));
    }
    return m;
}

QList<double> RatingMatrix::observedValues() const
{
    return categoryScale(*this, {});
}

QList<double> categoryScale(const RatingMatrix &m, const QList<double> &declared)
{
    std::vector<double> values(declared.begin(), declared.end());
    for (int i = 0; i < m.itemCount(); ++i) {
        for (int r = 0; r < m.raterCount(); ++r) {
            if (const auto v = m.rating(i, r))
                values.push_back(*v);
        }
    }
    std::sort(values.begin(), values.end());
    QList<double> scale;
    for (double v : values) {
        if (scale.isEmpty() || !sameRating(scale.back(), v))
            scale.append(v);
    }
    return scale;
}

int categoryIndex(const QList<double> &scale, double value)
{
    // Binary search on the sorted scale, then a tolerant comparison of the neighbours.
    const auto it = std::lower_bound(scale.begin(), scale.end(), value - kRatingTolerance);
    if (it != scale.end() && sameRating(*it, value))
        return int(it - scale.begin());
    return -1;
}

} // namespace qaw
