#include "import/vendor/AwsAnalyticsSupport.h"

#include "import/vendor/VendorParseSupport.h"

namespace qaw::vendor {
namespace {

void insertMillis(QJsonObject &attributes, const char *key, const QJsonValue &value)
{
    const qint64 ms = readMillis(value);
    if (ms >= 0)
        attributes.insert(QLatin1String(key), ms);
}

void insertNumber(QJsonObject &attributes, const char *key, const QJsonValue &value)
{
    if (value.isDouble())
        attributes.insert(QLatin1String(key), value.toDouble());
}

} // namespace

std::optional<Speaker> speakerFromAwsRole(const QString &role)
{
    const QString r = role.trimmed().toUpper();
    if (r.isEmpty())
        return std::nullopt;
    if (r == QLatin1String("AGENT") || r == QLatin1String("SUPERVISOR"))
        return Speaker::Agent;
    if (r == QLatin1String("CUSTOMER"))
        return Speaker::Customer;
    if (r == QLatin1String("CUSTOM_BOT") || r == QLatin1String("BOT"))
        return Speaker::Bot;
    return Speaker::System;
}

qint64 awsConversationDurationMs(const QJsonObject &document)
{
    return readMillis(field(objectField(document, "ConversationCharacteristics"),
                            "TotalConversationDurationMillis"));
}

void addAwsCharacteristics(const QJsonObject &document, QJsonObject &attributes)
{
    const QJsonArray categories =
        arrayField(objectField(document, "Categories"), "MatchedCategories");
    if (!categories.isEmpty())
        attributes.insert(QStringLiteral("categories"), categories);
    const QString output = stringField(objectField(document, "ContentMetadata"), "Output");
    if (!output.isEmpty())
        attributes.insert(QStringLiteral("content_output"), output);

    const QJsonObject cc = objectField(document, "ConversationCharacteristics");
    insertMillis(attributes, "conversation_duration_ms",
                 field(cc, "TotalConversationDurationMillis"));
    insertMillis(attributes, "non_talk_time_ms",
                 field(objectField(cc, "NonTalkTime"), "TotalTimeMillis"));
    const QJsonObject interruptions = objectField(cc, "Interruptions");
    insertMillis(attributes, "interruptions_count", field(interruptions, "TotalCount"));
    insertMillis(attributes, "interruptions_ms", field(interruptions, "TotalTimeMillis"));
    const QJsonObject talk = objectField(objectField(cc, "TalkTime"), "DetailsByParticipant");
    insertMillis(attributes, "talk_time_agent_ms",
                 field(objectField(talk, "AGENT"), "TotalTimeMillis"));
    insertMillis(attributes, "talk_time_customer_ms",
                 field(objectField(talk, "CUSTOMER"), "TotalTimeMillis"));
    insertMillis(attributes, "agent_greeting_ms",
                 field(objectField(cc, "ResponseTime"), "AgentGreetingTimeMillis"));

    // Voice output puts the overall scores right under OverallSentiment, chat output one
    // level down under DetailsByParticipantRole.
    QJsonObject overall = objectField(objectField(cc, "Sentiment"), "OverallSentiment");
    if (overall.contains(QLatin1String("DetailsByParticipantRole")))
        overall = objectField(overall, "DetailsByParticipantRole");
    insertNumber(attributes, "sentiment_agent", field(overall, "AGENT"));
    insertNumber(attributes, "sentiment_customer", field(overall, "CUSTOMER"));

    const QString summary = stringField(
        objectField(objectField(cc, "ContactSummary"), "PostContactSummary"), "Content");
    if (!summary.isEmpty())
        attributes.insert(QStringLiteral("summary"), summary);
}

} // namespace qaw::vendor
