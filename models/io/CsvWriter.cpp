#include "io/CsvWriter.h"

#include <QIODevice>
#include <QRegularExpression>

namespace qaw {

CsvWriter::CsvWriter(QIODevice &out, QLatin1String lineEnd) : m_out(out), m_lineEnd(lineEnd) {}

bool CsvWriter::writeRow(const QStringList &cells)
{
    if (!m_error.isEmpty())
        return false;
    const QByteArray bytes = line(cells, m_lineEnd).toUtf8();
    if (m_out.write(bytes) != bytes.size()) {
        m_error = m_out.errorString();
        return false;
    }
    return true;
}

bool CsvWriter::isPlainNumber(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    return number.match(text).hasMatch();
}

QString CsvWriter::cell(const QString &text)
{
    QString out = text;
    // A spreadsheet treats these leading characters as the start of a formula (tab and
    // carriage return because some programs drop them and read what follows).
    if (!out.isEmpty() && QStringLiteral("=+-@\t\r").contains(out.front()) &&
        !isPlainNumber(out))
        out.prepend(QLatin1Char('\''));
    if (!out.contains(QLatin1Char(',')) && !out.contains(QLatin1Char('"')) &&
        !out.contains(QLatin1Char('\n')) && !out.contains(QLatin1Char('\r')))
        return out;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString CsvWriter::line(const QStringList &cells, QLatin1String lineEnd)
{
    QString out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += cell(cells.at(i));
    }
    return out + lineEnd;
}

} // namespace qaw
