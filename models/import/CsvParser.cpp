#include "import/CsvParser.h"

#include "import/RecordReader.h"

namespace qaw {
namespace {

// A quoted field still open after this many lines is taken as an unbalanced quote.
constexpr size_t kMaxLinesPerRecord = 2000;

QByteArray joinLines(const std::vector<RawLine> &lines)
{
    QByteArray out;
    for (const RawLine &l : lines) {
        if (!out.isEmpty() || &l != &lines.front())
            out += '\n';
        out += l.bytes;
        if (out.size() > kKeptRawBytes) {
            out.truncate(kKeptRawBytes);
            break;
        }
    }
    return out;
}

bool isBlank(const QByteArray &line)
{
    for (const char c : line)
        if (c != ' ' && c != '\t')
            return false;
    return true;
}

} // namespace

CsvParser::CsvParser(QIODevice *utf8Device, char delimiter)
    : m_lines(utf8Device, kMaxRecordBytes, kKeptRawBytes), m_delimiter(delimiter)
{
}

char CsvParser::detectDelimiter(const QByteArray &headerLine)
{
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    bool quoted = false;
    for (const char c : headerLine) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (tab > comma && tab >= semicolon)
        return '\t';
    if (semicolon > comma)
        return ';';
    return ',';
}

bool CsvParser::takeLine(RawLine &line)
{
    if (!m_pending.empty()) {
        line = std::move(m_pending.front());
        m_pending.pop_front();
        return true;
    }
    return m_lines.next(line);
}

// Splits a whole record. NeedMore: a quoted field is still open at the end of the text.
CsvParser::Parse CsvParser::parse(const QByteArray &text, QList<QByteArray> *fields) const
{
    fields->clear();
    QByteArray field;
    const qsizetype n = text.size();
    qsizetype i = 0;
    for (;;) {
        field.clear();
        if (i < n && text.at(i) == '"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return Parse::NeedMore;
                const char c = text.at(i++);
                if (c != '"') {
                    field += c;
                } else if (i < n && text.at(i) == '"') {
                    field += '"';
                    ++i;
                } else {
                    break;
                }
            }
            if (i < n && text.at(i) != m_delimiter)
                return Parse::Malformed; // text after a closing quote
        } else {
            const qsizetype end = text.indexOf(m_delimiter, i);
            const qsizetype stop = end < 0 ? n : end;
            field = text.mid(i, stop - i);
            i = stop;
        }
        fields->append(field);
        if (i >= n)
            return Parse::Complete;
        ++i; // the delimiter
        if (i >= n) {
            fields->append(QByteArray());
            return Parse::Complete;
        }
    }
}

// Gives back every line after the first one, so that a stray quote costs one line.
void CsvParser::rejectFirstLineAndResync(CsvRow &row, std::vector<RawLine> &lines,
                                         const QString &reason)
{
    for (size_t k = lines.size(); k > 1; --k)
        m_pending.push_front(std::move(lines[k - 1]));
    row.raw = lines.front().bytes;
    row.error = reason;
}

bool CsvParser::readRecord(CsvRow &row)
{
    row = CsvRow();
    RawLine first;
    do {
        if (!takeLine(first))
            return false;
    } while (!first.truncated && isBlank(first.bytes));
    row.lineNo = first.lineNo;
    if (first.truncated) {
        row.raw = first.bytes;
        row.error = QStringLiteral("line is %1 bytes, over the %2 MiB limit for one record")
                        .arg(first.length)
                        .arg(kMaxRecordBytes >> 20);
        return true;
    }
    std::vector<RawLine> lines;
    QByteArray text = first.bytes;
    lines.push_back(std::move(first));
    QList<QByteArray> fields;
    for (;;) {
        const Parse result = parse(text, &fields);
        if (result == Parse::Complete)
            break;
        if (result == Parse::Malformed) {
            if (lines.size() > 1) {
                rejectFirstLineAndResync(row, lines, QStringLiteral("unbalanced quotes: a quoted "
                                                                    "field is not closed on its "
                                                                    "line"));
                return true;
            }
            row.raw = text;
            row.error = QStringLiteral("malformed quoted field: text after its closing quote");
            return true;
        }
        RawLine more;
        if (lines.size() >= kMaxLinesPerRecord || text.size() > kMaxRecordBytes ||
            !takeLine(more)) {
            rejectFirstLineAndResync(row, lines, QStringLiteral("unbalanced quotes: a quoted field "
                                                                "is never closed"));
            return true;
        }
        text += '\n';
        text += more.bytes;
        lines.push_back(std::move(more));
    }
    const qsizetype expected = m_header.size();
    // A trailing delimiter adds empty fields some exporters write; drop them.
    while (expected > 0 && fields.size() > expected && fields.last().isEmpty())
        fields.removeLast();
    if (expected > 0 && fields.size() != expected) {
        if (lines.size() > 1) {
            rejectFirstLineAndResync(row, lines, QStringLiteral("unbalanced quotes: the quoted "
                                                                "field runs over %1 lines and "
                                                                "leaves %2 fields instead of %3")
                                                     .arg(lines.size())
                                                     .arg(fields.size())
                                                     .arg(expected));
            return true;
        }
        row.raw = text;
        row.error = QStringLiteral("has %1 fields, the header has %2").arg(fields.size()).arg(expected);
        return true;
    }
    row.raw = lines.size() == 1 ? text : joinLines(lines);
    if (!isValidUtf8(text)) {
        row.error = QStringLiteral("invalid UTF-8: the record is not valid UTF-8 text");
        return true;
    }
    for (const QByteArray &f : std::as_const(fields))
        row.fields << QString::fromUtf8(f);
    return true;
}

bool CsvParser::readHeader(QString *error)
{
    RawLine first;
    do {
        if (!takeLine(first)) {
            *error = QStringLiteral("the file holds no header line");
            return false;
        }
    } while (!first.truncated && isBlank(first.bytes));
    if (first.truncated) {
        *error = QStringLiteral("the first line is %1 bytes long: not a CSV header").arg(first.length);
        return false;
    }
    if (m_delimiter == 0)
        m_delimiter = detectDelimiter(first.bytes);
    m_pending.push_front(std::move(first));
    CsvRow row;
    if (!readRecord(row) || !row.error.isEmpty()) {
        *error = QStringLiteral("the header line cannot be read: %1").arg(row.error);
        return false;
    }
    for (QString &name : row.fields)
        name = name.trimmed();
    m_header = row.fields;
    return true;
}

bool CsvParser::next(CsvRow &row)
{
    return readRecord(row);
}

} // namespace qaw
