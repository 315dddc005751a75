#pragma once

#include "domain/Interaction.h"

#include <optional>
#include <vector>

namespace qaw {

//! Who a speaker label in a CSV file means: agent, customer, system or bot under their
//! own names and the usual synonyms (caller, client, rep, advisor, ...).
std::optional<Speaker> speakerFromLabel(const QString &label);

//! Reads a transcript held in one text field, one turn per line:
//! "Agent: Hello", "[00:01:05] Customer: hi", "12:01:05 Customer: hi". A line without a
//! known label continues the previous turn. Returns nullopt (and a reason) when no line
//! carries a label. A leading clock time becomes the turn's start offset (its end is
//! not known from such text).
std::optional<std::vector<Turn>> parseTranscriptText(const QString &text, QString *error);

//! "01:05", "1:01:05", "01:05.250" -> milliseconds; nullopt when not a clock.
std::optional<qint64> parseClock(const QString &text);

} // namespace qaw
