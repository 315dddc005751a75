#pragma once

#include "domain/Interaction.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace qaw {

//! The source name of interactions read from native JSON Lines (docs/native-jsonl.md).
inline QString nativeJsonlSource()
{
    return QStringLiteral("jsonl");
}

//! Reads one line of native JSON Lines. On failure returns nullopt and sets \a error to
//! a reason a supervisor can act on ("truncated JSON ...", "missing required field
//! 'agent.id'", "field 'csat' must be ...").
std::optional<Interaction> parseNativeJsonLine(const QByteArray &line, QString *error);

//! The same checks on an already parsed object.
std::optional<Interaction> interactionFromNativeJson(const QJsonObject &object, QString *error);

//! Parses an ISO 8601 time; a time without an offset is taken as UTC.
std::optional<QDateTime> parseIsoTime(const QString &text);

} // namespace qaw
