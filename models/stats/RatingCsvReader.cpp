#include "stats/RatingCsvReader.h"

#include <QtNumeric>

namespace qaw {

QList<CsvRow> splitCsv(const QString &text, QString *error)
{
    QList<CsvRow> rows;
    CsvRow row;
    QString cell;
    bool quoted = false;
    bool cellWasQuoted = false;
    int line = 1;
    row.line = 1;
    const auto endRow = [&] {
        row.cells.append(cell);
        cell.clear();
        cellWasQuoted = false;
        const bool blank = row.cells.size() == 1 && row.cells.front().trimmed().isEmpty();
        if (!blank)
            rows.append(row);
        row = CsvRow();
    };
    int start = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    for (int i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                cell.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && cell.trimmed().isEmpty() && !cellWasQuoted) {
            quoted = true;
            cellWasQuoted = true;
            cell.clear();
        } else if (c == QLatin1Char(',')) {
            row.cells.append(cell);
            cell.clear();
            cellWasQuoted = false;
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRow();
            ++line;
            row.line = line;
        } else {
            cell.append(c);
        }
    }
    if (quoted) {
        if (error)
            *error = QStringLiteral("line %1: a quoted field is not closed").arg(row.line);
        return {};
    }
    if (!cell.isEmpty() || !row.cells.isEmpty())
        endRow();
    return rows;
}

RatingCsv readRatingCsv(const QString &text, const QStringList &declaredCategories)
{
    RatingCsv result;
    for (const QString &label : declaredCategories)
        result.categoryLabels.append(label.trimmed());

    // Numbers when every declared category is one; labels coded 1..k otherwise.
    bool numericScale = true;
    QList<double> codes;
    for (const QString &label : result.categoryLabels) {
        bool ok = false;
        const double v = label.toDouble(&ok);
        numericScale = numericScale && ok;
        codes.append(v);
    }
    if (!numericScale) {
        result.labelCoded = true;
        codes.clear();
        for (int i = 0; i < result.categoryLabels.size(); ++i)
            codes.append(double(i + 1));
    }
    result.categories = codes;
    const QList<double> sortedScale = categoryScale(RatingMatrix(), codes);

    QString error;
    const QList<CsvRow> rows = splitCsv(text, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    if (rows.isEmpty()) {
        result.error = QStringLiteral("the file is empty: expected a header row of rater names");
        return result;
    }
    QStringList raters;
    for (const QString &name : rows.front().cells)
        raters.append(name.trimmed());
    if (raters.size() < 2) {
        result.error = QStringLiteral("the header names %1 rater(s); at least two rater columns "
                                      "are needed")
                           .arg(raters.size());
        return result;
    }
    if (rows.size() < 2) {
        result.error = QStringLiteral("there are no item rows after the header");
        return result;
    }

    RatingMatrix matrix(int(rows.size() - 1), raters);
    for (int r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        if (row.cells.size() != raters.size()) {
            result.error = QStringLiteral("line %1 has %2 cells but the header has %3 raters")
                               .arg(row.line)
                               .arg(row.cells.size())
                               .arg(raters.size());
            return result;
        }
        for (int c = 0; c < raters.size(); ++c) {
            const QString cell = row.cells.at(c).trimmed();
            if (cell.isEmpty())
                continue; // a missing rating
            const int labelIndex = result.categoryLabels.indexOf(cell);
            bool isNumber = false;
            const double number = cell.toDouble(&isNumber);
            isNumber = isNumber && qIsFinite(number); // "nan" and "inf" are not ratings
            std::optional<double> value;
            if (!numericScale && labelIndex >= 0)
                value = codes.at(labelIndex);
            else if (isNumber && (numericScale || result.categoryLabels.isEmpty()))
                value = number;
            if (!value) {
                result.error =
                    result.categoryLabels.isEmpty()
                        ? QStringLiteral("line %1, rater \"%2\": \"%3\" is not a number "
                                         "(declare label categories with --categories)")
                              .arg(row.line)
                              .arg(raters.at(c), cell)
                        : QStringLiteral("line %1, rater \"%2\": \"%3\" is not one of the "
                                         "declared categories (%4)")
                              .arg(row.line)
                              .arg(raters.at(c), cell,
                                   result.categoryLabels.join(QStringLiteral(", ")));
                return result;
            }
            if (numericScale && !sortedScale.isEmpty() && categoryIndex(sortedScale, *value) < 0) {
                result.error =
                    QStringLiteral("line %1, rater \"%2\": %3 is not on the declared "
                                   "scale (%4)")
                        .arg(row.line)
                        .arg(raters.at(c), cell, result.categoryLabels.join(QStringLiteral(", ")));
                return result;
            }
            matrix.setRating(r - 1, c, value);
        }
    }
    result.matrix = matrix;
    return result;
}

} // namespace qaw
