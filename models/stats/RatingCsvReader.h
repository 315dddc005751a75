#pragma once

#include "stats/RatingMatrix.h"

#include <QString>
#include <QStringList>

namespace qaw {

//! The result of reading a ratings CSV: the matrix, or the specific reason it was refused.
struct RatingCsv
{
    RatingMatrix matrix;
    QList<double> categories;   //!< the declared scale as numbers (empty when none declared)
    QStringList categoryLabels; //!< the declared categories as written
    bool labelCoded = false;    //!< the categories are labels, coded 1..k in declared order
    QString error;              //!< empty on success

    bool ok() const { return error.isEmpty(); }
};

//! Reads ratings from CSV text: a header row of rater names, then one row per item with one
//! cell per rater; an empty cell is a missing rating. Quoted fields ("a, b", "say ""hi""")
//! follow RFC 4180; blank lines are skipped; CRLF and a UTF-8 byte-order mark are accepted.
//!
//! \a declaredCategories is the declared scale, in order. If every category is a number the
//! scale is those numbers, and a rating off the scale is refused. Otherwise the categories
//! are labels coded 1, 2, ... in the order given, and every rating must be one of them.
//! Without declared categories every rating must be a number.
//! Refused: no header, fewer than two raters, a row with more or fewer cells than the header,
//! a value that is neither a number nor a declared category, no item rows.
RatingCsv readRatingCsv(const QString &text, const QStringList &declaredCategories = {});

//! Splits CSV text into rows of cells (RFC 4180 quoting); blank lines are dropped. Each row
//! carries the 1-based line number it started on, for messages.
struct CsvRow
{
    int line = 0;
    QStringList cells;
};
QList<CsvRow> splitCsv(const QString &text, QString *error);

} // namespace qaw
