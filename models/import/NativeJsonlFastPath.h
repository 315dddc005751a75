#pragma once

#include "domain/Interaction.h"

#include <QByteArray>

#include <optional>

namespace qaw {

//! The fast path of parseNativeJsonLine(): a strict, hand-written decoder for the common,
//! clean line of native JSON Lines (one object of the documented keys, each at most once,
//! plain whole numbers, valid UTF-8, standard escapes), straight into an Interaction.
//! Returns nullopt, "not handled", on anything unusual, which includes every line the
//! QJsonDocument path rejects: that path then decides, and it alone words reject reasons.
//! An interaction it returns is field for field the one the QJsonDocument path gives.
std::optional<Interaction> parseNativeJsonLineFast(const QByteArray &line);

} // namespace qaw
