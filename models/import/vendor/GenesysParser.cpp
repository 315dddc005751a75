#include "import/vendor/GenesysParser.h"

#include "import/vendor/VendorParseSupport.h"

#include <QHash>

#include <algorithm>

namespace qaw::vendor {
namespace {

struct Phrase
{
    Speaker speaker = Speaker::System;
    QString purpose;
    QString text;
    qint64 epochMs = -1;
    qint64 durationMs = -1;
};

QString channelOf(const QJsonObject &document)
{
    const QString media = stringField(document, "mediaType").toLower();
    if (media == QLatin1String("call") || media == QLatin1String("callback") ||
        media == QLatin1String("voice"))
        return QStringLiteral("voice");
    if (media == QLatin1String("email"))
        return QStringLiteral("email");
    if (media == QLatin1String("message")) {
        // Messages say which network in messageType (on the transcript or participant).
        QString type;
        for (const QJsonValue &t : arrayField(document, "transcripts"))
            type = type.isEmpty() ? stringField(t.toObject(), "messageType") : type;
        for (const QJsonValue &p : arrayField(document, "participants"))
            type = type.isEmpty() ? stringField(p.toObject(), "messageType") : type;
        type = type.toLower();
        if (type == QLatin1String("sms"))
            return QStringLiteral("sms");
        static const QStringList social{QStringLiteral("facebook"),  QStringLiteral("twitter"),
                                        QStringLiteral("whatsapp"),  QStringLiteral("line"),
                                        QStringLiteral("instagram"), QStringLiteral("apple")};
        if (social.contains(type))
            return QStringLiteral("social");
        return QStringLiteral("chat");
    }
    if (media == QLatin1String("chat"))
        return QStringLiteral("chat");
    return QStringLiteral("voice"); // speech analytics transcripts are calls by default
}

//! Sentiment entries are matched to phrases by start time and participant (their
//! phraseIndex does not count the phrases of the file reliably).
QString sentimentKey(qint64 startMs, const QString &purpose)
{
    return QString::number(startMs) + QLatin1Char('/') + purpose;
}

} // namespace

std::optional<Speaker> speakerFromGenesysPurpose(const QString &purpose)
{
    const QString p = purpose.trimmed().toLower();
    if (p.isEmpty())
        return std::nullopt;
    if (p == QLatin1String("external") || p == QLatin1String("customer"))
        return Speaker::Customer;
    if (p == QLatin1String("internal") || p == QLatin1String("agent") || p == QLatin1String("user"))
        return Speaker::Agent;
    if (p.contains(QLatin1String("bot")) || p == QLatin1String("virtualagent"))
        return Speaker::Bot;
    return Speaker::System;
}

ParsedRecord parseGenesysFile(const VendorFile &file)
{
    QString error;
    const std::optional<QJsonObject> parsed = parseJsonObject(file.content, &error);
    if (!parsed)
        return rejectedRecord(file, 1, file.content, error);
    const QJsonObject &document = *parsed;
    const QJsonValue transcriptsValue = field(document, "transcripts");
    if (!transcriptsValue.isArray() || transcriptsValue.toArray().isEmpty())
        return rejectedRecord(file, 1, file.content,
                              QStringLiteral("Genesys file has no transcripts"));
    const QJsonArray transcripts = transcriptsValue.toArray();

    std::vector<Phrase> phrases;
    QHash<QString, QJsonValue> sentimentByPhrase;
    QStringList topics;
    for (int t = 0; t < transcripts.size(); ++t) {
        const QJsonObject transcript = transcripts.at(t).toObject();
        const QJsonObject analytics = objectField(transcript, "analytics");
        for (const QJsonValue &s : arrayField(analytics, "sentiment"))
            sentimentByPhrase.insert(sentimentKey(readMillis(field(s.toObject(), "startTimeMs")),
                                                  stringField(s.toObject(), "participant")),
                                     field(s.toObject(), "sentiment"));
        for (const QJsonValue &topic : arrayField(analytics, "topics")) {
            const QString name = stringField(topic.toObject(), "topicName");
            if (!name.isEmpty() && !topics.contains(name))
                topics << name;
        }
        const QJsonArray list = arrayField(transcript, "phrases");
        for (int i = 0; i < list.size(); ++i) {
            const QString where = QStringLiteral("transcript %1 phrase %2").arg(t + 1).arg(i + 1);
            const QJsonObject item = list.at(i).toObject();
            Phrase phrase;
            phrase.purpose = stringField(item, "participantPurpose");
            const std::optional<Speaker> speaker = speakerFromGenesysPurpose(phrase.purpose);
            if (!speaker)
                return rejectedRecord(file, 1, file.content,
                                      where + QStringLiteral(" has no participantPurpose"));
            if (!field(item, "text").isString())
                return rejectedRecord(file, 1, file.content,
                                      where + QStringLiteral(" has no text"));
            phrase.speaker = *speaker;
            phrase.text = stringField(item, "text");
            phrase.epochMs = readMillis(field(item, "startTimeMs"));
            phrase.durationMs = readMillis(field(objectField(item, "duration"), "milliseconds"));
            phrases.push_back(std::move(phrase));
        }
    }
    if (phrases.empty())
        return rejectedRecord(file, 1, file.content,
                              QStringLiteral("Genesys transcripts have no phrases"));
    // Several transcripts of one communication interleave; order by time when all have one.
    if (std::all_of(phrases.begin(), phrases.end(), [](const Phrase &p) { return p.epochMs >= 0; }))
        std::stable_sort(phrases.begin(), phrases.end(),
                         [](const Phrase &a, const Phrase &b) { return a.epochMs < b.epochMs; });

    Interaction in;
    in.source = vendorFormatName(VendorFormat::GenesysCloud);
    in.channel = channelOf(document);
    in.externalId = stringField(document, "conversationId");
    if (in.externalId.isEmpty())
        in.externalId = baseNameOf(file.fileName);
    in.language = stringField(transcripts.first().toObject(), "language");
    in.agentId = unknownAgentId();
    for (const QJsonValue &value : arrayField(document, "participants")) {
        const QJsonObject p = value.toObject();
        const QString purpose = stringField(p, "participantPurpose").toLower();
        if (purpose == QLatin1String("agent") && in.agentId == unknownAgentId() &&
            !stringField(p, "userId").isEmpty()) {
            in.agentId = stringField(p, "userId");
            in.team = stringField(p, "teamId");
            if (!stringField(p, "queueId").isEmpty())
                in.queue = stringField(p, "queueId");
        } else if (purpose == QLatin1String("customer") && in.customerId.isEmpty()) {
            in.customerId = stringField(p, "ani");
            if (in.customerId.isEmpty())
                in.customerId = stringField(p, "from");
        }
        if (in.queue.isEmpty())
            in.queue = stringField(p, "queueId");
    }

    // startTimeMs are epoch milliseconds: the call starts at the earliest phrase and the
    // offsets count from there.
    qint64 firstMs = -1;
    qint64 lastEndMs = -1;
    for (const Phrase &p : phrases) {
        if (p.epochMs < 0)
            continue;
        firstMs = firstMs < 0 ? p.epochMs : std::min(firstMs, p.epochMs);
        lastEndMs = std::max(lastEndMs, p.epochMs + std::max<qint64>(p.durationMs, 0));
    }
    const bool isVoice = in.channel == QLatin1String("voice");
    QJsonArray sentiments;
    for (const Phrase &p : phrases) {
        Turn turn;
        turn.speaker = p.speaker;
        turn.text = p.text;
        turn.atMs = p.epochMs;
        if (isVoice && p.epochMs >= 0) {
            turn.startMs = p.epochMs - firstMs;
            turn.endMs = p.durationMs >= 0 ? turn.startMs + p.durationMs : -1;
        }
        sentiments.append(sentimentByPhrase.value(sentimentKey(p.epochMs, p.purpose)));
        in.turns.push_back(std::move(turn));
    }
    if (firstMs >= 0)
        in.durationMs = lastEndMs - firstMs;

    auto &attributes = in.attributes;
    const QStringList ids{QStringLiteral("conversationId"), QStringLiteral("communicationId"),
                          QStringLiteral("mediaType")};
    for (const QString &key : ids)
        if (document.value(key).isString())
            attributes.insert(key, document.value(key));
    const qint64 conversationStart = readMillis(field(document, "conversationStartTime"));
    if (conversationStart >= 0)
        attributes.insert(QStringLiteral("conversationStartTime"),
                          utcFromEpochMs(conversationStart).toString(Qt::ISODateWithMs));
    attributes.insert(QStringLiteral("turn_sentiments"), sentiments);
    if (!topics.isEmpty())
        attributes.insert(QStringLiteral("topics"), QJsonArray::fromStringList(topics));

    qint64 contentStart = firstMs;
    if (contentStart < 0)
        contentStart = readMillis(field(document, "startTime"));
    if (contentStart < 0)
        contentStart = conversationStart;
    if (!applyStartTime(in, file, contentStart, &error))
        return rejectedRecord(file, 1, file.content, error);
    return acceptedRecord(file, 1, file.content, std::move(in));
}

} // namespace qaw::vendor
