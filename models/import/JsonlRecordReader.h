#pragma once

#include "import/LineReader.h"
#include "import/RecordReader.h"

namespace qaw {

//! Reads native JSON Lines (docs/native-jsonl.md) one line at a time. Blank lines are
//! skipped; record numbers are line numbers.
class JsonlRecordReader : public RecordReader
{
public:
    explicit JsonlRecordReader(QIODevice *device);

    bool next(ParsedRecord &record) override;
    qint64 bytesRead() const override { return m_lines.bytesConsumed(); }

private:
    LineReader m_lines;
};

} // namespace qaw
