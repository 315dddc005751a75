#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! Ratings of items (rows) by raters (columns); a rating may be missing. Values are
//! numbers: category codes, scale points or totals.
class RatingMatrix
{
public:
    RatingMatrix() = default;
    //! An empty matrix of \a items rows for the named raters; every rating missing.
    RatingMatrix(int items, const QStringList &raterNames);
    //! Builds a matrix from rows of ratings; every row must have raterNames.size() cells.
    static RatingMatrix fromRows(const std::vector<std::vector<std::optional<double>>> &rows,
                                 const QStringList &raterNames = {});

    int itemCount() const { return m_items; }
    int raterCount() const { return int(m_raterNames.size()); }
    const QStringList &raterNames() const { return m_raterNames; }

    std::optional<double> rating(int item, int rater) const;
    void setRating(int item, int rater, std::optional<double> value);

    //! How many raters rated \a item.
    int ratingCount(int item) const;
    bool isComplete(int item) const { return ratingCount(item) == raterCount(); }
    //! The ratings given to \a item, missing ones left out, in rater order.
    std::vector<double> itemRatings(int item) const;

    //! A matrix made of the given rows (repeats allowed): the bootstrap's resample.
    RatingMatrix selectItems(const std::vector<int> &items) const;
    //! A matrix of the given raters' columns, in that order: e.g. {automated, reviewer} for
    //! an automated-vs-human report whose all-rater statistics cover just those two.
    RatingMatrix selectRaters(const std::vector<int> &raters) const;

    //! The distinct values used anywhere, ascending.
    QList<double> observedValues() const;

private:
    int m_items = 0;
    QStringList m_raterNames;
    std::vector<std::optional<double>> m_cells; // row-major, m_items x raterCount()
};

//! Two ratings are "the same value" when they differ by less than this (values come from
//! text or from weighted sums, so exact floating-point comparison would be brittle).
constexpr double kRatingTolerance = 1e-9;

inline bool sameRating(double a, double b)
{
    return (a > b ? a - b : b - a) < kRatingTolerance;
}

//! The categories to count over: the declared scale (which may contain points nobody
//! used) merged with every value observed in \a m, ascending and without duplicates.
QList<double> categoryScale(const RatingMatrix &m, const QList<double> &declared);

//! The position of \a value in \a scale, or -1 when it is not on the scale.
int categoryIndex(const QList<double> &scale, double value);

} // namespace qaw
