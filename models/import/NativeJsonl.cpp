#include "import/NativeJsonl.h"

#include "import/NativeJsonlFastPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace qaw {
namespace {

// A field's name in messages ("agent.id", "turns[3].text"), built only when a message
// needs it: most records are fine, and formatting a name per turn would cost more than
// the checks themselves.
struct FieldPath
{
    FieldPath(const QString &topLevel) : name(topLevel) {} // implicit: top-level names
    FieldPath(int turnIndex, const char *turnField) : turn(turnIndex), field(turnField) {}
    QString text() const
    {
        return turn < 0 ? name : QStringLiteral("turns[%1].%2").arg(turn).arg(QLatin1String(field));
    }

    QString name;
    int turn = -1;
    const char *field = nullptr;
};

// Collects the first problem of a record; every check below returns false on it.
class Checker
{
public:
    explicit Checker(QString *error) : m_error(error) {}

    bool fail(const QString &message)
    {
        *m_error = message;
        return false;
    }
    bool missing(const FieldPath &field)
    {
        return fail(QStringLiteral("missing required field '%1'").arg(field.text()));
    }
    bool wrongType(const FieldPath &field, const char *expected)
    {
        return fail(
            QStringLiteral("field '%1' must be %2").arg(field.text(), QLatin1String(expected)));
    }

    bool requiredString(const QJsonObject &o, const QString &key, const FieldPath &path, QString *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return missing(path);
        if (!v.isString())
            return wrongType(path, "a string");
        *out = v.toString();
        if (out->trimmed().isEmpty())
            return fail(QStringLiteral("field '%1' is empty").arg(path.text()));
        return true;
    }
    bool optionalString(const QJsonObject &o, const QString &key, const FieldPath &path, QString *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return wrongType(path, "a string");
        *out = v.toString();
        return true;
    }
    bool optionalMs(const QJsonObject &o, const QString &key, const FieldPath &path, qint64 *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || std::floor(d) != d || d > 9.0e15)
            return wrongType(path, "a whole number of milliseconds (0 or more)");
        *out = qint64(d);
        return true;
    }

private:
    QString *m_error;
};

QString reasonForParseError(const QJsonParseError &e, qsizetype length)
{
    switch (e.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::UnterminatedString:
        return QStringLiteral("truncated JSON: the record ends before its %1 is closed")
            .arg(e.error == QJsonParseError::UnterminatedString ? QStringLiteral("string")
                                                                : QStringLiteral("object"));
    case QJsonParseError::IllegalUTF8String:
        return QStringLiteral("invalid UTF-8 in a string at byte %1").arg(e.offset);
    default:
        if (e.offset >= length)
            return QStringLiteral("truncated JSON: the record ends at byte %1 (%2)")
                .arg(e.offset)
                .arg(e.errorString());
        return QStringLiteral("invalid JSON at byte %1: %2").arg(e.offset).arg(e.errorString());
    }
}

bool readTurn(Checker &check, const QJsonValue &value, int index, Turn *turn)
{
    if (!value.isObject())
        return check.fail(QStringLiteral("field 'turns[%1]' must be an object").arg(index));
    const QJsonObject o = value.toObject();
    QString speaker;
    if (!check.requiredString(o, QStringLiteral("speaker"), FieldPath(index, "speaker"), &speaker))
        return false;
    const std::optional<Speaker> s = speakerFromName(speaker);
    if (!s)
        return check.fail(QStringLiteral("field '%1' has unknown value '%2' (expected "
                                         "agent, customer, system or bot)")
                              .arg(FieldPath(index, "speaker").text(), speaker));
    turn->speaker = *s;
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (text.isUndefined() || text.isNull())
        return check.missing(FieldPath(index, "text"));
    if (!text.isString())
        return check.wrongType(FieldPath(index, "text"), "a string");
    turn->text = text.toString();
    if (!check.optionalMs(o, QStringLiteral("start_ms"), FieldPath(index, "start_ms"),
                          &turn->startMs) ||
        !check.optionalMs(o, QStringLiteral("end_ms"), FieldPath(index, "end_ms"), &turn->endMs))
        return false;
    if (turn->startMs >= 0 && turn->endMs >= 0 && turn->endMs < turn->startMs)
        return check.fail(QStringLiteral("field '%1' is before its start_ms")
                              .arg(FieldPath(index, "end_ms").text()));
    QString atText;
    if (!check.optionalString(o, QStringLiteral("at"), FieldPath(index, "at"), &atText))
        return false;
    if (!atText.isEmpty()) {
        const std::optional<QDateTime> t = parseIsoTime(atText);
        if (!t)
            return check.fail(QStringLiteral("field '%1' is not an ISO 8601 time: '%2'")
                                  .arg(FieldPath(index, "at").text(), atText));
        turn->atMs = t->toMSecsSinceEpoch();
    }
    return true;
}

bool readPeople(Checker &check, const QJsonObject &o, Interaction *in)
{
    const QJsonValue agent = o.value(QStringLiteral("agent"));
    if (agent.isUndefined() || agent.isNull())
        return check.missing(QStringLiteral("agent.id"));
    if (!agent.isObject())
        return check.wrongType(QStringLiteral("agent"), "an object");
    const QJsonObject a = agent.toObject();
    if (!check.requiredString(a, QStringLiteral("id"), QStringLiteral("agent.id"), &in->agentId) ||
        !check.optionalString(a, QStringLiteral("name"), QStringLiteral("agent.name"),
                              &in->agentName) ||
        !check.optionalString(a, QStringLiteral("team"), QStringLiteral("agent.team"), &in->team))
        return false;
    const QJsonValue customer = o.value(QStringLiteral("customer"));
    if (customer.isUndefined() || customer.isNull())
        return true;
    if (!customer.isObject())
        return check.wrongType(QStringLiteral("customer"), "an object");
    return check.optionalString(customer.toObject(), QStringLiteral("id"),
                                QStringLiteral("customer.id"), &in->customerId);
}

bool readOutcome(Checker &check, const QJsonObject &o, Interaction *in)
{
    const QJsonValue csat = o.value(QStringLiteral("csat"));
    if (!csat.isUndefined() && !csat.isNull()) {
        const double d = csat.toDouble(-1);
        if (!csat.isDouble() || std::floor(d) != d || d < 1 || d > 5)
            return check.wrongType(QStringLiteral("csat"), "a whole number from 1 to 5, or null");
        in->csat = int(d);
    }
    const QJsonValue resolved = o.value(QStringLiteral("resolved"));
    if (!resolved.isUndefined() && !resolved.isNull()) {
        if (!resolved.isBool())
            return check.wrongType(QStringLiteral("resolved"), "true, false or null");
        in->resolved = resolved.toBool();
    }
    const QJsonValue tags = o.value(QStringLiteral("tags"));
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isArray())
            return check.wrongType(QStringLiteral("tags"), "an array of strings");
        for (const QJsonValue &t : tags.toArray()) {
            if (!t.isString())
                return check.wrongType(QStringLiteral("tags"), "an array of strings");
            in->tags << t.toString();
        }
    }
    const QJsonValue attributes = o.value(QStringLiteral("attributes"));
    if (!attributes.isUndefined() && !attributes.isNull()) {
        if (!attributes.isObject())
            return check.wrongType(QStringLiteral("attributes"), "an object");
        in->attributes = attributes.toObject();
    }
    return true;
}

} // namespace

std::optional<Interaction> interactionFromNativeJson(const QJsonObject &o, QString *error)
{
    Checker check(error);
    Interaction in;
    in.source = nativeJsonlSource();
    QString started;
    if (!check.requiredString(o, QStringLiteral("id"), QStringLiteral("id"), &in.externalId) ||
        !check.requiredString(o, QStringLiteral("channel"), QStringLiteral("channel"), &in.channel) ||
        !check.requiredString(o, QStringLiteral("started_at"), QStringLiteral("started_at"),
                              &started))
        return std::nullopt;
    in.channel = in.channel.trimmed().toLower();
    if (!knownChannels().contains(in.channel)) {
        check.fail(QStringLiteral("field 'channel' has unknown value '%1' (expected voice, chat, "
                                  "email, sms or social)")
                       .arg(in.channel));
        return std::nullopt;
    }
    const std::optional<QDateTime> startedAt = parseIsoTime(started);
    if (!startedAt) {
        check.fail(QStringLiteral("field 'started_at' is not an ISO 8601 time: '%1'").arg(started));
        return std::nullopt;
    }
    in.startedAt = *startedAt;
    if (!check.optionalMs(o, QStringLiteral("duration_ms"), QStringLiteral("duration_ms"),
                          &in.durationMs) ||
        !readPeople(check, o, &in) ||
        !check.optionalString(o, QStringLiteral("queue"), QStringLiteral("queue"), &in.queue) ||
        !check.optionalString(o, QStringLiteral("language"), QStringLiteral("language"),
                              &in.language) ||
        !readOutcome(check, o, &in))
        return std::nullopt;
    const QJsonValue turns = o.value(QStringLiteral("turns"));
    if (turns.isUndefined() || turns.isNull()) {
        check.missing(QStringLiteral("turns"));
        return std::nullopt;
    }
    if (!turns.isArray()) {
        check.wrongType(QStringLiteral("turns"), "an array");
        return std::nullopt;
    }
    const QJsonArray array = turns.toArray();
    in.turns.reserve(size_t(array.size()));
    int index = 0;
    for (const QJsonValue &value : array) {
        Turn turn;
        if (!readTurn(check, value, index++, &turn))
            return std::nullopt;
        in.turns.push_back(std::move(turn));
    }
    return in;
}

std::optional<Interaction> parseNativeJsonLine(const QByteArray &line, QString *error)
{
    // The common clean line is read by the fast path; whatever it leaves comes here, so
    // every reject and its reason is still decided below.
    if (std::optional<Interaction> in = parseNativeJsonLineFast(line))
        return in;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = reasonForParseError(parseError, line.size());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object (each line must hold one interaction)");
        return std::nullopt;
    }
    return interactionFromNativeJson(doc.object(), error);
}

} // namespace qaw
