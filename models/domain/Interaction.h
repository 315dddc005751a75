#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

enum class Speaker { Agent, Customer, System, Bot };

QString speakerName(Speaker speaker);
std::optional<Speaker> speakerFromName(const QString &name);

//! One utterance of a transcript. Voice turns carry offsets from the start of the
//! call; chat turns may carry an absolute time instead. -1 means "not known".
struct Turn
{
    Speaker speaker = Speaker::Agent;
    QString text;
    qint64 startMs = -1;
    qint64 endMs = -1;
    qint64 atMs = -1; //!< epoch milliseconds, UTC

    bool hasOffsets() const { return startMs >= 0 && endMs >= startMs; }
};

//! One contact as it comes out of a reader, before it is stored.
struct Interaction
{
    QString source;     //!< where it came from, e.g. "jsonl", "contact-lens"
    QString externalId; //!< the id in that source; (source, externalId) is unique
    QString channel;    //!< voice, chat, email, sms, social
    QDateTime startedAt;
    qint64 durationMs = -1;
    QString agentId;
    QString agentName;
    QString team;
    QString customerId;
    QString queue;
    QString language;
    std::optional<int> csat;
    std::optional<bool> resolved;
    QStringList tags;
    QJsonObject attributes;
    std::vector<Turn> turns;
};

QStringList knownChannels();

} // namespace qaw
