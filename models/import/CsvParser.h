#pragma once

#include "import/LineReader.h"

#include <QStringList>

#include <deque>

namespace qaw {

//! One CSV record: its fields, or the reason it could not be read.
struct CsvRow
{
    qint64 lineNo = 0;  //!< the physical line where the record starts (1-based)
    QStringList fields;
    QByteArray raw;     //!< the record's text as it was in the file (at most 1 MiB)
    QString error;      //!< empty when the fields are good
};

//! RFC 4180 reader over UTF-8 text, streaming: quoted fields may hold delimiters, doubled
//! quotes and line breaks. The delimiter (comma, semicolon or tab) is detected from the
//! header line unless given. A quote that is never closed spoils only its own line: the
//! record is rejected as "unbalanced quotes" and reading starts again on the next line.
class CsvParser
{
public:
    explicit CsvParser(QIODevice *utf8Device, char delimiter = 0);

    //! Reads the header record (the first non-blank one); false when there is none.
    bool readHeader(QString *error);
    QStringList header() const { return m_header; }
    char delimiter() const { return m_delimiter; }

    //! The next record after the header; false at the end of the text.
    bool next(CsvRow &row);

    qint64 bytesConsumed() const { return m_lines.bytesConsumed(); }

    static char detectDelimiter(const QByteArray &headerLine);

private:
    enum class Parse { Complete, NeedMore, Malformed };
    bool takeLine(RawLine &line);
    Parse parse(const QByteArray &text, QList<QByteArray> *fields) const;
    bool readRecord(CsvRow &row);
    void rejectFirstLineAndResync(CsvRow &row, std::vector<RawLine> &lines, const QString &reason);

    LineReader m_lines;
    std::deque<RawLine> m_pending; //!< lines given back after a resync
    char m_delimiter;
    QStringList m_header;
};

} // namespace qaw
