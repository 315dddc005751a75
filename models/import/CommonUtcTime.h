#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace qaw {

//! Epoch milliseconds of the common time form "YYYY-MM-DDTHH:MM:SSZ" or
//! "YYYY-MM-DDTHH:MM:SS.fffZ", read without QDateTime for the native JSON Lines fast path;
//! nullopt for any other text, including valid ISO 8601 times of another form (parseIsoTime()
//! reads those) and impossible dates such as 2025-02-29.
std::optional<qint64> parseCommonUtcTime(QByteArrayView text);

//! Parses an ISO 8601 time; a time without an offset is taken as UTC.
std::optional<QDateTime> parseIsoTime(const QString &text);

} // namespace qaw
