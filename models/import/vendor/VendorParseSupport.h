#pragma once

#include "import/VendorFormats.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// Small pieces every vendor reader needs: reading JSON safely, turning times into epoch
// milliseconds, building accepted and rejected records, and finding a start time.
namespace qaw::vendor {

//! The agent id of an interaction whose file does not say who the agent was.
QString unknownAgentId();

inline QJsonValue field(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key));
}
inline QJsonObject objectField(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}
inline QJsonArray arrayField(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toArray();
}
inline QString stringField(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

//! Vendor documents are one contact or one API page; anything larger is not one of them,
//! and parsing it whole would cost many times its size in memory.
constexpr qint64 kMaxVendorDocumentBytes = 64 * 1024 * 1024;

//! Parses bytes as a JSON object; on failure returns nullopt and says why in *error.
std::optional<QJsonObject> parseJsonObject(const QByteArray &content, QString *error);

//! An ISO 8601 string as epoch milliseconds (UTC), or -1 when missing or unreadable.
qint64 isoToEpochMs(const QJsonValue &value);
//! A non-negative whole number of milliseconds (a number or a numeric string), or -1.
qint64 readMillis(const QJsonValue &value);
//! A number or numeric string as a string id ("20014182"), empty when missing.
QString idString(const QJsonValue &value);

QDateTime utcFromEpochMs(qint64 epochMs);

//! The file's name without folders and without the ".json" ending.
QString baseNameOf(const QString &fileName);

//! What Amazon Connect puts in its output file names:
//! "<ContactId>_analysis_[redacted_]<yyyy-MM-ddTHH:mm:ssZ>.json".
struct FileNameHints
{
    QString contactId;
    qint64 timeMs = -1;
};
FileNameHints hintsFromFileName(const QString &fileName);

//! Sets startedAt when the content gave no time: the file name's timestamp, then the
//! caller's fallback, then the file's modification time. Records which one in the
//! "started_at_source" attribute. Returns false (with *error) when none is available.
bool applyStartTime(Interaction &interaction, const VendorFile &file, qint64 contentStartMs,
                    QString *error);

ParsedRecord acceptedRecord(const VendorFile &file, qint64 recordNo, const QByteArray &raw,
                            Interaction interaction);
ParsedRecord rejectedRecord(const VendorFile &file, qint64 recordNo, const QByteArray &raw,
                            const QString &error);

} // namespace qaw::vendor
