#include "domain/Interaction.h"

namespace qaw {

QString speakerName(Speaker speaker)
{
    switch (speaker) {
    case Speaker::Agent:
        return QStringLiteral("agent");
    case Speaker::Customer:
        return QStringLiteral("customer");
    case Speaker::System:
        return QStringLiteral("system");
    case Speaker::Bot:
        return QStringLiteral("bot");
    }
    return QStringLiteral("agent");
}

std::optional<Speaker> speakerFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("agent"))
        return Speaker::Agent;
    if (n == QLatin1String("customer"))
        return Speaker::Customer;
    if (n == QLatin1String("system"))
        return Speaker::System;
    if (n == QLatin1String("bot"))
        return Speaker::Bot;
    return std::nullopt;
}

QStringList knownChannels()
{
    return {QStringLiteral("voice"), QStringLiteral("chat"), QStringLiteral("email"),
            QStringLiteral("sms"), QStringLiteral("social")};
}

} // namespace qaw
