#include "import/vendor/ContactLensParser.h"

#include "import/vendor/AwsAnalyticsSupport.h"
#include "import/vendor/VendorParseSupport.h"

#include <QHash>

#include <algorithm>

namespace qaw::vendor {
namespace {

struct Participant
{
    QString role;
    QString displayName;
};

QHash<QString, Participant> participantsById(const QJsonObject &document)
{
    QHash<QString, Participant> byId;
    for (const QJsonValue &value : arrayField(document, "Participants")) {
        const QJsonObject p = value.toObject();
        const QString id = stringField(p, "ParticipantId");
        if (!id.isEmpty())
            byId.insert(id, {stringField(p, "ParticipantRole"), stringField(p, "DisplayName")});
    }
    return byId;
}

//! Chat output gives sentiment per group of items rather than per item.
QHash<QString, QString> chatSentimentByItemId(const QJsonObject &document)
{
    QHash<QString, QString> byId;
    const QJsonArray groups =
        arrayField(objectField(objectField(document, "ConversationCharacteristics"), "Sentiment"),
                   "DetailsByTranscriptItemGroup");
    for (const QJsonValue &group : groups) {
        const QString sentiment = stringField(group.toObject(), "Sentiment");
        for (const QJsonValue &item : arrayField(group.toObject(), "TranscriptItems"))
            byId.insert(stringField(item.toObject(), "Id"), sentiment);
    }
    return byId;
}

QString channelOf(const QJsonObject &document, const QJsonArray &transcript)
{
    const QString channel = stringField(document, "Channel").toUpper();
    if (channel == QLatin1String("VOICE"))
        return QStringLiteral("voice");
    if (channel == QLatin1String("CHAT"))
        return QStringLiteral("chat");
    if (channel == QLatin1String("EMAIL"))
        return QStringLiteral("email");
    // No (known) Channel field: chat items carry absolute times, voice items offsets.
    const bool anyAbsolute =
        std::any_of(transcript.begin(), transcript.end(), [](const QJsonValue &v) {
            return v.toObject().contains(QLatin1String("AbsoluteTime"));
        });
    return anyAbsolute ? QStringLiteral("chat") : QStringLiteral("voice");
}

QString attachmentText(const QJsonObject &item)
{
    QStringList names;
    for (const QJsonValue &a : arrayField(item, "Attachments"))
        names << stringField(a.toObject(), "AttachmentName");
    return QStringLiteral("[attachment: %1]").arg(names.join(QStringLiteral(", ")));
}

//! "application/vnd.amazonaws.connect.event.participant.joined" -> "participant.joined"
QString eventName(const QString &contentType)
{
    static const QLatin1String prefix("application/vnd.amazonaws.connect.event.");
    return contentType.startsWith(prefix) ? contentType.mid(prefix.size()) : contentType;
}

} // namespace

ParsedRecord parseContactLensFile(const VendorFile &file)
{
    QString error;
    const std::optional<QJsonObject> parsed = parseJsonObject(file.content, &error);
    if (!parsed)
        return rejectedRecord(file, 1, file.content, error);
    const QJsonObject &document = *parsed;
    const QJsonValue transcriptValue = field(document, "Transcript");
    if (!transcriptValue.isArray())
        return rejectedRecord(file, 1, file.content,
                              transcriptValue.isUndefined()
                                  ? QStringLiteral("Contact Lens file has no Transcript")
                                  : QStringLiteral("Contact Lens Transcript is not an array"));
    const QJsonArray transcript = transcriptValue.toArray();

    Interaction in;
    in.source = vendorFormatName(VendorFormat::ContactLens);
    in.channel = channelOf(document, transcript);
    in.language = stringField(document, "LanguageCode");
    in.agentId = unknownAgentId();
    const bool isVoice = in.channel == QLatin1String("voice");

    const QHash<QString, Participant> participants = participantsById(document);
    const QHash<QString, QString> groupSentiment = chatSentimentByItemId(document);
    QJsonArray sentiments;
    QJsonArray events;
    qint64 firstAtMs = -1;
    qint64 lastAtMs = -1;
    for (int i = 0; i < transcript.size(); ++i) {
        const QString where = QStringLiteral("Transcript item %1").arg(i + 1);
        if (!transcript.at(i).isObject())
            return rejectedRecord(file, 1, file.content,
                                  where + QStringLiteral(" is not an object"));
        const QJsonObject item = transcript.at(i).toObject();
        const QString participantId = stringField(item, "ParticipantId");
        QString role = stringField(item, "ParticipantRole");
        if (role.isEmpty())
            role = participants.value(participantId).role;
        if (role.isEmpty())
            role = participantId; // voice output names the participant AGENT or CUSTOMER
        const qint64 atMs = isoToEpochMs(field(item, "AbsoluteTime"));
        if (atMs >= 0) {
            firstAtMs = firstAtMs < 0 ? atMs : std::min(firstAtMs, atMs);
            lastAtMs = std::max(lastAtMs, atMs);
        }

        const QString type = stringField(item, "Type").toUpper();
        if (type == QLatin1String("EVENT")) {
            // Joins, leaves, typing and chat-ended are not speech: kept as attributes.
            QJsonObject event{
                {QStringLiteral("event"), eventName(stringField(item, "ContentType"))}};
            if (!role.isEmpty())
                event.insert(QStringLiteral("role"), role);
            if (atMs >= 0)
                event.insert(QStringLiteral("at"), field(item, "AbsoluteTime"));
            events.append(event);
            continue;
        }

        Turn turn;
        const std::optional<Speaker> speaker = speakerFromAwsRole(role);
        if (!speaker)
            return rejectedRecord(file, 1, file.content,
                                  where +
                                      QStringLiteral(" has no ParticipantId or ParticipantRole"));
        turn.speaker = *speaker;
        const QJsonValue content = field(item, "Content");
        if (content.isString())
            turn.text = content.toString();
        else if (item.contains(QLatin1String("Attachments")))
            turn.text = attachmentText(item);
        else
            return rejectedRecord(file, 1, file.content,
                                  where + QStringLiteral(" has no Content text"));
        if (isVoice) {
            turn.startMs = readMillis(field(item, "BeginOffsetMillis"));
            turn.endMs = readMillis(field(item, "EndOffsetMillis"));
        }
        turn.atMs = atMs;
        if (turn.speaker == Speaker::Agent && in.agentName.isEmpty()) {
            in.agentName = stringField(item, "DisplayName");
            if (in.agentName.isEmpty())
                in.agentName = participants.value(participantId).displayName;
            if (participantId != QLatin1String("AGENT") && !participantId.isEmpty())
                in.attributes.insert(QStringLiteral("agent_participant_id"), participantId);
        }
        QString sentiment = stringField(item, "Sentiment");
        if (sentiment.isEmpty())
            sentiment = groupSentiment.value(stringField(item, "Id"));
        sentiments.append(sentiment.isEmpty() ? QJsonValue() : QJsonValue(sentiment));
        in.turns.push_back(std::move(turn));
    }
    if (in.turns.empty())
        return rejectedRecord(file, 1, file.content,
                              QStringLiteral("Contact Lens Transcript has no messages"));

    const FileNameHints hints = hintsFromFileName(file.fileName);
    in.externalId = stringField(objectField(document, "CustomerMetadata"), "ContactId");
    if (in.externalId.isEmpty())
        in.externalId = hints.contactId.isEmpty() ? baseNameOf(file.fileName) : hints.contactId;

    if (isVoice) {
        in.durationMs = awsConversationDurationMs(document);
        if (in.durationMs < 0) {
            qint64 lastEnd = -1;
            for (const Turn &t : in.turns)
                lastEnd = std::max(lastEnd, t.endMs);
            in.durationMs = lastEnd;
        }
    } else if (firstAtMs >= 0) {
        in.durationMs = lastAtMs - firstAtMs;
    }
    addAwsCharacteristics(document, in.attributes);
    in.attributes.insert(QStringLiteral("turn_sentiments"), sentiments);
    if (!events.isEmpty())
        in.attributes.insert(QStringLiteral("events"), events);
    if (!applyStartTime(in, file, firstAtMs, &error))
        return rejectedRecord(file, 1, file.content, error);
    return acceptedRecord(file, 1, file.content, std::move(in));
}

} // namespace qaw::vendor
