#include "import/vendor/ZendeskTicketMapper.h"

#include "import/VendorFormats.h"
#include "import/vendor/VendorParseSupport.h"

#include <QJsonDocument>

#include <algorithm>

namespace qaw::vendor {
namespace {

//! Zendesk's own user id for changes made by the system itself.
constexpr qint64 kZendeskSystemUserId = -1;

struct TicketPeople
{
    QString requester;
    QString submitter;
};

//! The requester is the customer; comments added by triggers or automations are the
//! system; every other author is on the agent side (assignee, other agents, CC'd staff).
Speaker commentSpeaker(const QString &authorId, const QString &auditVia, const TicketPeople &people)
{
    if (auditVia == QLatin1String("rule") || auditVia == QLatin1String("automation") ||
        authorId == QString::number(kZendeskSystemUserId))
        return Speaker::System;
    if (!authorId.isEmpty() && authorId == people.requester)
        return Speaker::Customer;
    return Speaker::Agent;
}

QString commentText(const QJsonObject &event)
{
    if (stringField(event, "type") == QLatin1String("VoiceComment")) {
        const QJsonValue transcription = field(objectField(event, "data"), "transcription_text");
        if (transcription.isString() && !transcription.toString().isEmpty())
            return transcription.toString();
    }
    if (field(event, "body").isString())
        return stringField(event, "body");
    if (field(event, "plain_body").isString())
        return stringField(event, "plain_body");
    return {};
}

bool hasCommentText(const QJsonObject &event)
{
    return field(event, "body").isString() || field(event, "plain_body").isString() ||
           field(objectField(event, "data"), "transcription_text").isString();
}

QJsonObject metricAttributes(const QJsonObject &metric)
{
    QJsonObject m;
    for (const char *key : {"reopens", "replies", "solved_at"})
        if (!field(metric, key).isNull() && !field(metric, key).isUndefined())
            m.insert(QLatin1String(key), field(metric, key));
    for (const char *key : {"reply_time_in_minutes", "first_resolution_time_in_minutes",
                            "full_resolution_time_in_minutes", "requester_wait_time_in_minutes"}) {
        const QJsonValue calendar = field(objectField(metric, key), "calendar");
        if (calendar.isDouble())
            m.insert(QLatin1String(key), calendar);
    }
    return m;
}

struct Rating
{
    QString score;
    QString comment;
};

//! The ratings file is the authority; then the rating embedded in the ticket; then the
//! latest SatisfactionRating event of the audits.
Rating ratingOf(const ZendeskTicketParts &parts)
{
    if (parts.rating)
        return {stringField(*parts.rating, "score"), stringField(*parts.rating, "comment")};
    const QJsonObject embedded = objectField(parts.ticket, "satisfaction_rating");
    if (!embedded.isEmpty())
        return {stringField(embedded, "score"), stringField(embedded, "comment")};
    Rating latest;
    for (const QJsonObject &audit : parts.audits)
        for (const QJsonValue &e : arrayField(audit, "events"))
            if (stringField(e.toObject(), "type") == QLatin1String("SatisfactionRating"))
                latest = {stringField(e.toObject(), "score"), stringField(e.toObject(), "body")};
    return latest;
}

} // namespace

QString channelFromZendeskVia(const QString &via)
{
    const QString v = via.trimmed().toLower();
    if (v == QLatin1String("voice") || v.startsWith(QLatin1String("phone")) ||
        v == QLatin1String("voicemail"))
        return QStringLiteral("voice");
    if (v == QLatin1String("chat") || v == QLatin1String("chat_transcript") ||
        v == QLatin1String("native_messaging") || v == QLatin1String("messaging") ||
        v == QLatin1String("web_messaging") || v == QLatin1String("mobile_sdk") ||
        v == QLatin1String("sunshine_conversations_api"))
        return QStringLiteral("chat");
    if (v == QLatin1String("sms") || v == QLatin1String("text"))
        return QStringLiteral("sms");
    static const QStringList socialPrefixes{QStringLiteral("facebook"),
                                            QStringLiteral("twitter"),
                                            QStringLiteral("instagram"),
                                            QStringLiteral("whatsapp"),
                                            QStringLiteral("line"),
                                            QStringLiteral("wechat"),
                                            QStringLiteral("apple_business_chat"),
                                            QStringLiteral("any_channel")};
    for (const QString &prefix : socialPrefixes)
        if (v.startsWith(prefix))
            return QStringLiteral("social");
    return QStringLiteral("email"); // web form, email, API, sample tickets: asynchronous text
}

std::optional<int> csatFromZendeskScore(const QString &score)
{
    const QString s = score.trimmed().toLower();
    if (s.startsWith(QLatin1String("good")))
        return 5;
    if (s.startsWith(QLatin1String("bad")))
        return 1;
    return std::nullopt;
}

QByteArray zendeskRawRecord(const ZendeskTicketParts &parts)
{
    QJsonObject raw{{QStringLiteral("ticket"), parts.ticket}};
    if (!parts.audits.empty()) {
        QJsonArray audits;
        for (const QJsonObject &a : parts.audits)
            audits.append(a);
        raw.insert(QStringLiteral("audits"), audits);
    }
    if (parts.rating)
        raw.insert(QStringLiteral("satisfaction_rating"), *parts.rating);
    if (parts.metric)
        raw.insert(QStringLiteral("ticket_metric"), *parts.metric);
    return QJsonDocument(raw).toJson(QJsonDocument::Compact);
}

std::optional<Interaction> mapZendeskTicket(const ZendeskTicketParts &parts, QString *error)
{
    const QJsonObject &ticket = parts.ticket;
    const QString ticketId = idString(field(ticket, "id"));
    const qint64 createdMs = isoToEpochMs(field(ticket, "created_at"));
    if (createdMs < 0) {
        *error = QStringLiteral("ticket %1 has no valid created_at").arg(ticketId);
        return std::nullopt;
    }
    Interaction in;
    in.source = vendorFormatName(VendorFormat::Zendesk);
    in.externalId = ticketId;
    in.startedAt = utcFromEpochMs(createdMs);
    const QString via = stringField(objectField(ticket, "via"), "channel");
    in.channel = channelFromZendeskVia(via);
    in.agentId = idString(field(ticket, "assignee_id"));
    if (in.agentId.isEmpty())
        in.agentId = unknownAgentId();
    in.customerId = idString(field(ticket, "requester_id"));
    in.queue = idString(field(ticket, "group_id"));
    for (const QJsonValue &tag : arrayField(ticket, "tags"))
        if (tag.isString())
            in.tags << tag.toString();
    const QString status = stringField(ticket, "status").toLower();
    if (!status.isEmpty())
        in.resolved = status == QLatin1String("solved") || status == QLatin1String("closed");

    const TicketPeople people{in.customerId, idString(field(ticket, "submitter_id"))};
    std::vector<std::pair<qint64, const QJsonObject *>> audits; // (created_at, audit)
    audits.reserve(parts.audits.size());
    for (const QJsonObject &audit : parts.audits)
        audits.emplace_back(isoToEpochMs(field(audit, "created_at")), &audit);
    std::stable_sort(audits.begin(), audits.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    const QString description = stringField(ticket, "description");
    bool descriptionSeen = false;
    QJsonArray internalNotes;
    for (const auto &[atMs, auditPointer] : audits) {
        const QJsonObject &audit = *auditPointer;
        const QString auditVia = stringField(objectField(audit, "via"), "channel");
        for (const QJsonValue &value : arrayField(audit, "events")) {
            const QJsonObject event = value.toObject();
            const QString type = stringField(event, "type");
            // The audit that created the ticket holds its first comment, the description.
            descriptionSeen = descriptionSeen || type == QLatin1String("Create");
            if (type != QLatin1String("Comment") && type != QLatin1String("VoiceComment"))
                continue; // field changes, notifications: not part of the conversation
            if (!hasCommentText(event)) {
                *error = QStringLiteral("ticket %1: audit %2 has a %3 event without a body")
                             .arg(ticketId, idString(field(audit, "id")), type);
                return std::nullopt;
            }
            const QString text = commentText(event);
            QString authorId = idString(field(event, "author_id"));
            if (authorId.isEmpty())
                authorId = idString(field(audit, "author_id"));
            descriptionSeen =
                descriptionSeen || text.simplified() == description.simplified() ||
                stringField(event, "plain_body").simplified() == description.simplified();
            if (!field(event, "public").toBool(true)) {
                internalNotes.append(QJsonObject{{QStringLiteral("author_id"), authorId},
                                                 {QStringLiteral("at"), field(audit, "created_at")},
                                                 {QStringLiteral("body"), text}});
                continue;
            }
            Turn turn;
            turn.speaker = commentSpeaker(authorId, auditVia, people);
            turn.text = text;
            turn.atMs = atMs;
            in.turns.push_back(std::move(turn));
        }
    }
    // The description is the ticket's first comment; when the audits at hand hold neither
    // the creation audit nor a comment with its text (none given, or a later page only),
    // it opens the conversation.
    if (!descriptionSeen && !description.trimmed().isEmpty()) {
        Turn first;
        const bool byRequester = people.submitter.isEmpty() || people.submitter == people.requester;
        first.speaker = byRequester ? Speaker::Customer : Speaker::Agent;
        first.text = description;
        first.atMs = createdMs;
        in.turns.insert(in.turns.begin(), std::move(first));
    }
    if (in.turns.empty()) {
        *error = QStringLiteral("ticket %1 has no description and no public comment").arg(ticketId);
        return std::nullopt;
    }

    const Rating rating = ratingOf(parts);
    in.csat = csatFromZendeskScore(rating.score);
    QJsonObject &attributes = in.attributes;
    if (!rating.score.isEmpty())
        attributes.insert(QStringLiteral("csat_score"), rating.score);
    if (!rating.comment.isEmpty())
        attributes.insert(QStringLiteral("csat_comment"), rating.comment);
    for (const char *key : {"subject", "type", "priority", "status"})
        if (field(ticket, key).isString())
            attributes.insert(QLatin1String(key), field(ticket, key));
    if (!via.isEmpty())
        attributes.insert(QStringLiteral("via_channel"), via);
    for (const char *key : {"organization_id", "brand_id", "submitter_id"})
        if (!idString(field(ticket, key)).isEmpty())
            attributes.insert(QLatin1String(key), idString(field(ticket, key)));
    if (!internalNotes.isEmpty())
        attributes.insert(QStringLiteral("internal_notes"), internalNotes);
    if (parts.metric)
        attributes.insert(QStringLiteral("metrics"), metricAttributes(*parts.metric));
    return in;
}

} // namespace qaw::vendor
