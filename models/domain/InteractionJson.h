#pragma once

#include "domain/Interaction.h"

#include <QByteArray>
#include <QJsonObject>

namespace qaw {

//! The project's interchange format (docs/native-jsonl.md): one interaction per line.
QJsonObject interactionToJson(const Interaction &interaction);
QByteArray interactionToJsonLine(const Interaction &interaction);

QString isoUtc(qint64 epochMs);

} // namespace qaw
