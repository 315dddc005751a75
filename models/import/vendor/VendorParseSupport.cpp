#include "import/vendor/VendorParseSupport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace qaw::vendor {

QString unknownAgentId()
{
    return QStringLiteral("unknown-agent");
}

std::optional<QJsonObject> parseJsonObject(const QByteArray &content, QString *error)
{
    if (content.size() > kMaxVendorDocumentBytes) {
        *error =
            QStringLiteral("file too large for one vendor JSON document: %1 MB, the limit is %2 MB")
                .arg(content.size() / (1024 * 1024))
                .arg(kMaxVendorDocumentBytes / (1024 * 1024));
        return std::nullopt;
    }
    if (content.trimmed().isEmpty()) {
        *error = QStringLiteral("empty file");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at byte %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("expected a JSON object at the top level, found %1")
                     .arg(document.isArray() ? QStringLiteral("an array")
                                             : QStringLiteral("a single value"));
        return std::nullopt;
    }
    return document.object();
}

qint64 isoToEpochMs(const QJsonValue &value)
{
    if (!value.isString())
        return -1;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

qint64 readMillis(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        if (!std::isfinite(ms) || ms < 0 || ms > 9.0e15)
            return -1;
        return std::llround(ms);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 ms = value.toString().trimmed().toLongLong(&ok);
        return ok && ms >= 0 ? ms : -1;
    }
    return -1;
}

QString idString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(std::llround(value.toDouble()));
    return {};
}

QDateTime utcFromEpochMs(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
}

QString baseNameOf(const QString &fileName)
{
    QString name = QFileInfo(fileName).fileName();
    if (name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        name.chop(5);
    return name;
}

FileNameHints hintsFromFileName(const QString &fileName)
{
    static const QRegularExpression contactPattern(
        QStringLiteral("^([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
                       "[0-9A-Fa-f]{12})_analysis"));
    static const QRegularExpression timePattern(
        QStringLiteral("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?Z)"));
    FileNameHints hints;
    const QString name = QFileInfo(fileName).fileName();
    const QRegularExpressionMatch contact = contactPattern.match(name);
    if (contact.hasMatch())
        hints.contactId = contact.captured(1);
    const QRegularExpressionMatch time = timePattern.match(name);
    if (time.hasMatch())
        hints.timeMs = isoToEpochMs(QJsonValue(time.captured(1)));
    return hints;
}

bool applyStartTime(Interaction &interaction, const VendorFile &file, qint64 contentStartMs,
                    QString *error)
{
    const auto use = [&interaction](qint64 epochMs, const char *source) {
        interaction.startedAt = utcFromEpochMs(epochMs);
        interaction.attributes.insert(QStringLiteral("started_at_source"), QLatin1String(source));
        return true;
    };
    if (contentStartMs >= 0)
        return use(contentStartMs, "content");
    const FileNameHints hints = hintsFromFileName(file.fileName);
    if (hints.timeMs >= 0)
        return use(hints.timeMs, "file-name");
    if (file.fallbackStartedAt.isValid())
        return use(file.fallbackStartedAt.toMSecsSinceEpoch(), "caller");
    const QFileInfo info(file.fileName);
    if (!file.fileName.isEmpty() && info.exists() && info.lastModified().isValid())
        return use(info.lastModified().toMSecsSinceEpoch(), "file-mtime");
    *error = QStringLiteral("no start time: the file holds no absolute time, its name no "
                            "timestamp, and no fallback time was given");
    return false;
}

ParsedRecord acceptedRecord(const VendorFile &file, qint64 recordNo, const QByteArray &raw,
                            Interaction interaction)
{
    ParsedRecord record;
    record.recordNo = recordNo;
    record.fileName = file.fileName;
    record.raw = raw;
    record.interaction = std::move(interaction);
    return record;
}

ParsedRecord rejectedRecord(const VendorFile &file, qint64 recordNo, const QByteArray &raw,
                            const QString &error)
{
    ParsedRecord record;
    record.recordNo = recordNo;
    record.fileName = file.fileName;
    record.raw = raw;
    record.error = error;
    return record;
}

} // namespace qaw::vendor
