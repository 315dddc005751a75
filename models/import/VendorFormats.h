#pragma once

#include "import/ParsedRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

//! Export formats of contact-centre platforms and help desks, read whole (they come as
//! one JSON document per contact or per API page, small enough to hold in memory).
enum class VendorFormat {
    ContactLens,             //!< Amazon Connect Contact Lens analysis output (voice and chat)
    TranscribeCallAnalytics, //!< Amazon Transcribe Call Analytics output
    GenesysCloud,            //!< Genesys Cloud speech & text analytics transcript
    Zendesk,                 //!< Zendesk Support API v2: tickets, audits, satisfaction ratings
};

QString vendorFormatName(VendorFormat format); //!< "contact-lens", "transcribe", ...
std::optional<VendorFormat> vendorFormatFromName(const QString &name);

//! Recognises a vendor format from a parsed JSON document's shape, or nullopt.
std::optional<VendorFormat> detectVendorFormat(const QJsonDocument &document);

struct VendorFile
{
    QString fileName;
    QByteArray content;
    //! Start time to use when neither the content nor the file name holds one (Contact
    //! Lens voice and Transcribe output carry offsets only). Invalid: the parser falls
    //! back to the modification time of fileName if it exists, else rejects the record.
    //! See docs/import-formats.md.
    QDateTime fallbackStartedAt{};
};

//! Turns the files of one vendor format into interactions (source = the format's name).
//! Zendesk needs its files together: tickets, their audits (comment events become turns)
//! and satisfaction ratings (good/bad become CSAT 5/1) are joined by ticket id. A record
//! that cannot be read is returned with its reason, never dropped.
//! The other formats give one record per file, in file order (recordNo 1, raw = the
//! file); Zendesk gives one per ticket (recordNo = its place in its file, raw = the
//! joined ticket, audits, rating and metric), then one reject per audit, rating or metric
//! whose ticket is not among the files. Mapping rules: docs/import-formats.md.
std::vector<ParsedRecord> parseVendorFiles(VendorFormat format, const std::vector<VendorFile> &files);

} // namespace qaw
