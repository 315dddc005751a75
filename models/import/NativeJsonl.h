#pragma once

#include "domain/Interaction.h"
#include "import/CommonUtcTime.h"
#include "import/NativeJsonlSource.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace qaw {

//! Reads one line of native JSON Lines. On failure returns nullopt and sets \a error to
//! a reason a supervisor can act on ("truncated JSON ...", "missing required field
//! 'agent.id'", "field 'csat' must be ...").
std::optional<Interaction> parseNativeJsonLine(const QByteArray &line, QString *error);

//! The same checks on an already parsed object.
std::optional<Interaction> interactionFromNativeJson(const QJsonObject &object, QString *error);

} // namespace qaw
