#pragma once

#include "domain/Interaction.h"

#include <QJsonObject>

#include <optional>

// What Amazon Connect Contact Lens and Amazon Transcribe Call Analytics share: participant
// roles and the ConversationCharacteristics block.
namespace qaw::vendor {

//! AGENT and SUPERVISOR are the agent side, CUSTOMER the customer, CUSTOM_BOT a bot, SYSTEM
//! and any other named role the system. nullopt when the role is empty.
std::optional<Speaker> speakerFromAwsRole(const QString &role);

//! Copies the figures a reviewer may want (categories, talk and non-talk time,
//! interruptions, overall sentiment, the post-contact summary) into attributes.
void addAwsCharacteristics(const QJsonObject &document, QJsonObject &attributes);

//! Total conversation duration from ConversationCharacteristics, or -1.
qint64 awsConversationDurationMs(const QJsonObject &document);

} // namespace qaw::vendor
