#include "import/vendor/TranscribeParser.h"

#include "import/vendor/AwsAnalyticsSupport.h"
#include "import/vendor/VendorParseSupport.h"

#include <algorithm>

namespace qaw::vendor {

ParsedRecord parseTranscribeFile(const VendorFile &file)
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
                                  ? QStringLiteral("Transcribe file has no Transcript")
                                  : QStringLiteral("Transcribe Transcript is not an array"));
    const QJsonArray transcript = transcriptValue.toArray();
    const QString status = stringField(document, "JobStatus");
    if (!status.isEmpty() && status != QLatin1String("COMPLETED"))
        return rejectedRecord(
            file, 1, file.content,
            QStringLiteral("Transcribe job status is %1, not COMPLETED").arg(status));

    Interaction in;
    in.source = vendorFormatName(VendorFormat::TranscribeCallAnalytics);
    in.channel = QStringLiteral("voice"); // Call Analytics transcribes calls only
    in.language = stringField(document, "LanguageCode");
    in.agentId = unknownAgentId();
    in.externalId = stringField(document, "JobName");
    if (in.externalId.isEmpty())
        in.externalId = baseNameOf(file.fileName);

    QJsonArray sentiments;
    qint64 lastEndMs = -1;
    for (int i = 0; i < transcript.size(); ++i) {
        const QString where = QStringLiteral("Transcript segment %1").arg(i + 1);
        if (!transcript.at(i).isObject())
            return rejectedRecord(file, 1, file.content,
                                  where + QStringLiteral(" is not an object"));
        const QJsonObject segment = transcript.at(i).toObject();
        QString role = stringField(segment, "ParticipantRole");
        if (role.isEmpty())
            role = stringField(segment, "ParticipantId");
        const std::optional<Speaker> speaker = speakerFromAwsRole(role);
        if (!speaker)
            return rejectedRecord(file, 1, file.content,
                                  where + QStringLiteral(" has no ParticipantRole"));
        const QJsonValue content = field(segment, "Content");
        if (!content.isString())
            return rejectedRecord(file, 1, file.content,
                                  where + QStringLiteral(" has no Content text"));
        Turn turn;
        turn.speaker = *speaker;
        turn.text = content.toString();
        turn.startMs = readMillis(field(segment, "BeginOffsetMillis"));
        turn.endMs = readMillis(field(segment, "EndOffsetMillis"));
        lastEndMs = std::max(lastEndMs, turn.endMs);
        const QString sentiment = stringField(segment, "Sentiment");
        sentiments.append(sentiment.isEmpty() ? QJsonValue() : QJsonValue(sentiment));
        in.turns.push_back(std::move(turn));
    }
    if (in.turns.empty())
        return rejectedRecord(file, 1, file.content,
                              QStringLiteral("Transcribe Transcript has no segments"));

    in.durationMs = awsConversationDurationMs(document);
    if (in.durationMs < 0)
        in.durationMs = lastEndMs;
    addAwsCharacteristics(document, in.attributes);
    in.attributes.insert(QStringLiteral("turn_sentiments"), sentiments);
    // Call Analytics output holds offsets only; the start comes from elsewhere.
    if (!applyStartTime(in, file, -1, &error))
        return rejectedRecord(file, 1, file.content, error);
    return acceptedRecord(file, 1, file.content, std::move(in));
}

} // namespace qaw::vendor
