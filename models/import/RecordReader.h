#pragma once

#include "import/ParsedRecord.h"

namespace qaw {

//! A streaming source of records from one file: each call yields one interaction or one
//! rejected record (with its reason and raw text), never holding the whole file.
class RecordReader
{
public:
    virtual ~RecordReader() = default;

    //! The next record; false at the end of the file.
    virtual bool next(ParsedRecord &record) = 0;

    //! How far into the file reading has got, in bytes of the file.
    virtual qint64 bytesRead() const = 0;
};

//! The longest record kept whole, and how much raw text of a longer one is kept.
constexpr qint64 kMaxRecordBytes = 8LL << 20;
constexpr qint64 kKeptRawBytes = 1LL << 20;

} // namespace qaw
