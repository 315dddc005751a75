#include "import/VendorFormats.h"

#include "import/vendor/ContactLensParser.h"
#include "import/vendor/GenesysParser.h"
#include "import/vendor/TranscribeParser.h"
#include "import/vendor/VendorParseSupport.h"
#include "import/vendor/ZendeskParser.h"

#include <algorithm>

namespace qaw {
namespace {

using vendor::arrayField;
using vendor::field;

bool anyItemHas(const QJsonArray &items, const char *key)
{
    return std::any_of(items.begin(), items.end(), [key](const QJsonValue &v) {
        return v.toObject().contains(QLatin1String(key));
    });
}

bool looksLikeZendesk(const QJsonObject &o)
{
    return field(o, "ticket").isObject() || field(o, "tickets").isArray() ||
           field(o, "audit").isObject() || field(o, "audits").isArray() ||
           field(o, "satisfaction_rating").isObject() ||
           field(o, "satisfaction_ratings").isArray() || field(o, "ticket_metric").isObject() ||
           field(o, "ticket_metrics").isArray();
}

bool looksLikeGenesys(const QJsonObject &o)
{
    const QJsonValue transcripts = field(o, "transcripts");
    if (!transcripts.isArray())
        return false;
    return anyItemHas(transcripts.toArray(), "phrases") ||
           anyItemHas(arrayField(o, "participants"), "participantPurpose") ||
           o.contains(QLatin1String("conversationId"));
}

//! Contact Lens and Transcribe Call Analytics look alike (Transcript, Participants,
//! ConversationCharacteristics); what tells them apart is below.
std::optional<VendorFormat> awsFormat(const QJsonObject &o)
{
    const QJsonValue transcript = field(o, "Transcript");
    const bool hasContactFields = o.contains(QLatin1String("CustomerMetadata")) ||
                                  field(o, "Version").toString().startsWith(QLatin1String("CHAT-"));
    if (!transcript.isArray()) {
        // No transcript at all: still recognisably a Contact Lens or Transcribe file, so
        // that its reader can reject it with the reason.
        if (o.contains(QLatin1String("JobName")) &&
            o.contains(QLatin1String("ConversationCharacteristics")))
            return VendorFormat::TranscribeCallAnalytics;
        if (hasContactFields ||
            (o.contains(QLatin1String("Participants")) && o.contains(QLatin1String("Channel"))))
            return VendorFormat::ContactLens;
        return std::nullopt;
    }
    const QJsonArray items = transcript.toArray();
    if (o.contains(QLatin1String("JobName")))
        return VendorFormat::TranscribeCallAnalytics;
    if (hasContactFields || anyItemHas(items, "AbsoluteTime") ||
        anyItemHas(items, "ParticipantId") ||
        anyItemHas(arrayField(o, "Participants"), "ParticipantId"))
        return VendorFormat::ContactLens;
    if (anyItemHas(items, "ParticipantRole") &&
        (o.contains(QLatin1String("ConversationCharacteristics")) ||
         anyItemHas(items, "LoudnessScores") || anyItemHas(items, "Items")))
        return VendorFormat::TranscribeCallAnalytics;
    return std::nullopt;
}

} // namespace

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
    return QStringLiteral("contact-lens");
}

std::optional<VendorFormat> vendorFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("contact-lens") || n == QLatin1String("contactlens") ||
        n == QLatin1String("amazon-connect"))
        return VendorFormat::ContactLens;
    if (n == QLatin1String("transcribe") || n == QLatin1String("transcribe-call-analytics"))
        return VendorFormat::TranscribeCallAnalytics;
    if (n == QLatin1String("genesys") || n == QLatin1String("genesys-cloud"))
        return VendorFormat::GenesysCloud;
    if (n == QLatin1String("zendesk"))
        return VendorFormat::Zendesk;
    return std::nullopt;
}

std::optional<VendorFormat> detectVendorFormat(const QJsonDocument &document)
{
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    if (looksLikeZendesk(o))
        return VendorFormat::Zendesk;
    if (looksLikeGenesys(o))
        return VendorFormat::GenesysCloud;
    return awsFormat(o);
}

std::vector<ParsedRecord> parseVendorFiles(VendorFormat format,
                                           const std::vector<VendorFile> &files)
{
    if (format == VendorFormat::Zendesk)
        return vendor::parseZendeskFiles(files);
    std::vector<ParsedRecord> records;
    records.reserve(files.size());
    for (const VendorFile &file : files) {
        switch (format) {
        case VendorFormat::ContactLens:
            records.push_back(vendor::parseContactLensFile(file));
            break;
        case VendorFormat::TranscribeCallAnalytics:
            records.push_back(vendor::parseTranscribeFile(file));
            break;
        case VendorFormat::GenesysCloud:
            records.push_back(vendor::parseGenesysFile(file));
            break;
        case VendorFormat::Zendesk:
            break;
        }
    }
    return records;
}

} // namespace qaw
