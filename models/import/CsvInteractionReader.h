#pragma once

#include "import/ColumnMapping.h"
#include "import/CsvParser.h"
#include "import/CsvSource.h"
#include "import/RecordReader.h"

#include <QHash>

namespace qaw {

//! Turns CSV rows into interactions through a ColumnMapping: one row per interaction
//! (with a transcript column), or one row per turn, rows of one conversation together
//! (interaction columns are taken from its first row). A record is one row, or one
//! conversation's rows; its number is the line where it starts.
class CsvInteractionReader : public RecordReader
{
public:
    //! Opens \a path and reads its header; false (and a reason) when it has none.
    bool open(const QString &path, QString *error, char delimiter = 0);

    QStringList header() const { return m_parser->header(); }
    char delimiter() const { return m_parser->delimiter(); }
    QString encoding() const { return m_source.encoding(); }

    //! Must be set (and have no problems) before next() is called.
    void setMapping(const ColumnMapping &mapping);

    bool next(ParsedRecord &record) override;
    qint64 bytesRead() const override;

private:
    bool nextConversation(ParsedRecord &record);
    void rowToInteraction(const CsvRow &row, ParsedRecord &record) const;
    QString cell(const CsvRow &row, CsvField field) const;
    bool fillInteraction(const CsvRow &row, Interaction &in, QString *error) const;
    bool addTurn(const CsvRow &row, Interaction &in, QString *error) const;

    CsvSource m_source;
    std::unique_ptr<CsvParser> m_parser;
    ColumnMapping m_mapping;
    std::array<int, kCsvFieldCount> m_index{};
    bool m_hasPending = false;
    CsvRow m_pending; //!< the first row of the next conversation (one row per turn)
};

//! Reads a date and time as CSV files write them: ISO 8601, "2026-03-02 14:05:11",
//! or epoch seconds / milliseconds. A time without an offset is taken as UTC.
std::optional<QDateTime> parseCsvTime(const QString &text);

} // namespace qaw
