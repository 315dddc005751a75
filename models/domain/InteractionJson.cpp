#include "domain/InteractionJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qaw {

QString isoUtc(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject interactionToJson(const Interaction &in)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), in.externalId);
    o.insert(QStringLiteral("channel"), in.channel);
    o.insert(QStringLiteral("started_at"),
             in.startedAt.toUTC().toString(Qt::ISODate));
    if (in.durationMs >= 0)
        o.insert(QStringLiteral("duration_ms"), in.durationMs);
    QJsonObject agent{{QStringLiteral("id"), in.agentId}};
    if (!in.agentName.isEmpty())
        agent.insert(QStringLiteral("name"), in.agentName);
    if (!in.team.isEmpty())
        agent.insert(QStringLiteral("team"), in.team);
    o.insert(QStringLiteral("agent"), agent);
    if (!in.customerId.isEmpty())
        o.insert(QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), in.customerId}});
    if (!in.queue.isEmpty())
        o.insert(QStringLiteral("queue"), in.queue);
    if (!in.language.isEmpty())
        o.insert(QStringLiteral("language"), in.language);
    o.insert(QStringLiteral("csat"), in.csat ? QJsonValue(*in.csat) : QJsonValue());
    if (in.resolved)
        o.insert(QStringLiteral("resolved"), *in.resolved);
    if (!in.tags.isEmpty())
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(in.tags));
    if (!in.attributes.isEmpty())
        o.insert(QStringLiteral("attributes"), in.attributes);
    QJsonArray turns;
    for (const Turn &t : in.turns) {
        QJsonObject turn{{QStringLiteral("speaker"), speakerName(t.speaker)},
                         {QStringLiteral("text"), t.text}};
        if (t.startMs >= 0)
            turn.insert(QStringLiteral("start_ms"), t.startMs);
        if (t.endMs >= 0)
            turn.insert(QStringLiteral("end_ms"), t.endMs);
        if (t.atMs >= 0)
            turn.insert(QStringLiteral("at"), isoUtc(t.atMs));
        turns.append(turn);
    }
    o.insert(QStringLiteral("turns"), turns);
    return o;
}

QByteArray interactionToJsonLine(const Interaction &in)
{
    QByteArray line = QJsonDocument(interactionToJson(in)).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

} // namespace qaw
