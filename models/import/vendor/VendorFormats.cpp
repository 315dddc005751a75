// Temporary stand-in until the vendor-format parsers are merged: the vendor helper's
// file of the same path replaces this one. Recognises nothing; rejects every record.
#include "import/VendorFormats.h"

namespace qaw {

QString vendorFormatName(VendorFormat format)
{
    switch (format) {
    case VendorFormat::ContactLens:
        return QStringLiteral("contact-lens");
    case VendorFormat::TranscribeCallAnalytics:
        return QStringLiteral("transcribe");
    case VendorFormat::GenesysCloud:
        return QStringLiteral("genesys");
    case VendorFormat::Zendesk:
        return QStringLiteral("zendesk");
    }
    return {};
}

std::optional<VendorFormat> vendorFormatFromName(const QString &name)
{
    for (VendorFormat f : {VendorFormat::ContactLens, VendorFormat::TranscribeCallAnalytics,
                           VendorFormat::GenesysCloud, VendorFormat::Zendesk})
        if (vendorFormatName(f) == name)
            return f;
    return std::nullopt;
}

std::optional<VendorFormat> detectVendorFormat(const QJsonDocument &)
{
    return std::nullopt;
}

std::vector<ParsedRecord> parseVendorFiles(VendorFormat format, const std::vector<VendorFile> &files)
{
    std::vector<ParsedRecord> out;
    for (const VendorFile &f : files) {
        ParsedRecord r;
        r.recordNo = 1;
        r.fileName = f.fileName;
        r.raw = f.content.left(1 << 20);
        r.error = QStringLiteral("format %1 not supported yet").arg(vendorFormatName(format));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace qaw
