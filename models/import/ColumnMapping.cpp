#include "import/ColumnMapping.h"

#include "domain/Interaction.h"

namespace qaw {
namespace {

struct FieldInfo
{
    CsvField field;
    const char *name;
    // Normalised header names (lower case, letters and digits only), most specific first.
    const char *synonyms;
};

// Order matters: the more specific fields claim their columns first ("start time" is the
// interaction's start, "time" a turn's).
const FieldInfo kFields[] = {
    {CsvField::ConversationId, "conversation_id",
     "conversationid interactionid contactid callid chatid ticketid caseid sessionid "
     "conversation interaction contact ticket id"},
    {CsvField::Transcript, "transcript",
     "transcript fulltranscript chattranscript transcription dialogue dialog conversationtext"},
    {CsvField::Channel, "channel", "channel mediatype media contacttype channeltype medium"},
    {CsvField::StartedAt, "started_at",
     "startedat starttime startdatetime conversationstart contactstart callstart createdat "
     "created startdate datetime date"},
    {CsvField::DurationMs, "duration_ms", "durationms handletimems ahtms"},
    {CsvField::DurationSeconds, "duration_seconds",
     "durationseconds durationsec durations duration handletime aht"},
    {CsvField::AgentId, "agent_id",
     "agentid agentlogin agentemail agentcode repid employeeid agent"},
    {CsvField::AgentName, "agent_name", "agentname agentfullname repname"},
    {CsvField::Team, "team", "team teamname agentteam group department"},
    {CsvField::CustomerId, "customer_id",
     "customerid callerid clientid customernumber requesterid accountid customer"},
    {CsvField::Queue, "queue", "queue queuename skill routingqueue"},
    {CsvField::Language, "language", "language lang locale"},
    {CsvField::Csat, "csat", "csat csatscore satisfaction satisfactionscore rating"},
    {CsvField::Resolved, "resolved", "resolved isresolved fcr"},
    {CsvField::Tags, "tags", "tags labels categories"},
    {CsvField::Speaker, "speaker",
     "speaker role participantrole participant speakerrole sender from author party"},
    {CsvField::TurnStartMs, "turn_start_ms", "startms beginms offsetms turnstartms"},
    {CsvField::TurnEndMs, "turn_end_ms", "endms turnendms"},
    {CsvField::TurnTime, "turn_time",
     "turntime messagetime timestamp time at offset sentat"},
    {CsvField::Text, "text", "text message utterance content body messagetext line"},
};

QString normalised(const QString &header)
{
    QString out;
    for (const QChar c : header)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

} // namespace

QString ColumnMapping::fieldName(CsvField field)
{
    for (const FieldInfo &f : kFields)
        if (f.field == field)
            return QString::fromLatin1(f.name);
    return {};
}

std::optional<CsvField> ColumnMapping::fieldFromName(const QString &name)
{
    for (const FieldInfo &f : kFields)
        if (name == QLatin1String(f.name))
            return f.field;
    return std::nullopt;
}

ColumnMapping ColumnMapping::guess(const QStringList &header)
{
    ColumnMapping m;
    QStringList names;
    for (const QString &h : header)
        names << normalised(h);
    QList<bool> used(header.size(), false);
    for (const FieldInfo &f : kFields) {
        const QStringList synonyms = QString::fromLatin1(f.synonyms).split(QLatin1Char(' '));
        for (const QString &synonym : synonyms) {
            const qsizetype at = names.indexOf(synonym);
            if (at >= 0 && !used[at]) {
                m.setColumn(f.field, header.at(at));
                used[at] = true;
                break;
            }
        }
    }
    return m;
}

ColumnMapping::Shape ColumnMapping::shape() const
{
    if (!column(CsvField::Transcript).isEmpty())
        return Shape::RowPerInteraction;
    if (!column(CsvField::Speaker).isEmpty() && !column(CsvField::Text).isEmpty())
        return Shape::RowPerTurn;
    return Shape::Unknown;
}

QStringList ColumnMapping::problems(const QStringList &header) const
{
    QStringList out;
    auto need = [&](CsvField field, const char *what) {
        if (column(field).isEmpty())
            out << QStringLiteral("no column for %1 (%2)").arg(fieldName(field), QLatin1String(what));
    };
    need(CsvField::ConversationId, "the interaction id");
    need(CsvField::AgentId, "the agent");
    const Shape s = shape();
    if (s == Shape::Unknown)
        out << QStringLiteral("no column for the transcript, nor for speaker and text (one row "
                              "per turn)");
    if (s != Shape::RowPerTurn || column(CsvField::TurnTime).isEmpty())
        need(CsvField::StartedAt, "when the interaction started");
    if (column(CsvField::Channel).isEmpty() && !knownChannels().contains(m_defaultChannel))
        out << QStringLiteral("no column for channel and no default channel");
    for (int i = 0; i < kCsvFieldCount; ++i) {
        const QString c = m_columns[size_t(i)];
        if (!c.isEmpty() && !header.contains(c))
            out << QStringLiteral("column '%1' (for %2) is not in the header")
                       .arg(c, fieldName(CsvField(i)));
    }
    return out;
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonObject columns;
    for (const FieldInfo &f : kFields)
        if (!column(f.field).isEmpty())
            columns.insert(QString::fromLatin1(f.name), column(f.field));
    QJsonObject o{{QStringLiteral("columns"), columns}};
    if (!m_defaultChannel.isEmpty())
        o.insert(QStringLiteral("default_channel"), m_defaultChannel);
    return o;
}

std::optional<ColumnMapping> ColumnMapping::fromJson(const QJsonObject &json, QString *error)
{
    ColumnMapping m;
    const QJsonObject columns = json.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const std::optional<CsvField> field = fieldFromName(it.key());
        if (!field || !it.value().isString()) {
            *error = QStringLiteral("unknown field '%1' in the column mapping").arg(it.key());
            return std::nullopt;
        }
        m.setColumn(*field, it.value().toString());
    }
    m.m_defaultChannel = json.value(QStringLiteral("default_channel")).toString();
    return m;
}

} // namespace qaw
