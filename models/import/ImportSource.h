#pragma once

#include "import/VendorFormats.h"

#include <QString>

#include <optional>

namespace qaw {

//! How a file is read: native JSON Lines, CSV, or one of the vendor JSON formats.
struct SourceFormat
{
    enum class Kind { Jsonl, Csv, Vendor };
    Kind kind = Kind::Jsonl;
    VendorFormat vendor = VendorFormat::ContactLens; //!< when kind is Vendor

    QString name() const; //!< "jsonl", "csv" or the vendor format's name
};

//! A name as given to --format: jsonl, csv, or a vendor format name ("auto" is nullopt).
std::optional<SourceFormat> sourceFormatFromName(const QString &name);
QStringList sourceFormatNames();

//! Whether a file can be read at all; when not, the specific reason: missing, a folder,
//! permission denied, empty, binary. Only these make a whole file fail.
bool checkReadable(const QString &path, QString *reason);

//! Looks at a file's content: a UTF-16 byte-order mark or delimited text is CSV; lines
//! of JSON objects are native JSON Lines unless the document is a vendor format
//! (detectVendorFormat). Fails with a reason for a JSON document of no known format.
std::optional<SourceFormat> detectSourceFormat(const QString &path, QString *error);

//! Vendor files are read whole; larger ones are refused with a reason.
constexpr qint64 kMaxVendorFileBytes = 512LL << 20;

} // namespace qaw
