#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringList>

class QIODevice;

namespace qaw {

//! The one way the programs write CSV (every export goes through it, so a fix to quoting
//! or neutralising reaches all of them). A cell that starts with =, +, -, @, a tab or a
//! carriage return gets a leading apostrophe, as OWASP's "CSV injection" page
//! recommends, so a spreadsheet shows it as text instead of running it as a formula;
//! plain numbers ("-3.5", "+2", "1e-05") are left as they are. Cells holding a comma,
//! a quote or a line break are quoted (RFC 4180).
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice &out, QLatin1String lineEnd = QLatin1String("\n"));

    //! Writes one row; false (and errorString()) when the device refused the bytes.
    bool writeRow(const QStringList &cells);
    QString errorString() const { return m_error; }

    //! One cell, neutralised and quoted as needed.
    static QString cell(const QString &text);
    //! A whole line: every cell through cell(), joined by commas, ending with \a lineEnd.
    static QString line(const QStringList &cells, QLatin1String lineEnd = QLatin1String("\n"));
    //! "-3.5", "+2", ".5", "1e-05": a number a spreadsheet reads as a number, not a formula.
    static bool isPlainNumber(const QString &text);

private:
    QIODevice &m_out;
    QLatin1String m_lineEnd;
    QString m_error;
};

} // namespace qaw
