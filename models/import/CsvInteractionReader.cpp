#include "import/CsvInteractionReader.h"

#include "import/CommonUtcTime.h"
#include "import/TranscriptText.h"

#include <QRegularExpression>

namespace qaw {
namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

QString csvSource()
{
    return QStringLiteral("csv");
}

std::optional<bool> parseBool(const QString &text, bool *ok)
{
    const QString t = text.trimmed().toLower();
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("y") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("n") ||
        t == QLatin1String("0"))
        return false;
    *ok = false;
    return std::nullopt;
}

} // namespace

std::optional<QDateTime> parseCsvTime(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 n = t.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(n > 100000000000LL ? n : n * 1000, Qt::UTC);
    QString iso = t;
    static const QRegularExpression spaceBetween(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}) (\\d)"));
    iso.replace(spaceBetween, QStringLiteral("\\1T\\2"));
    return parseIsoTime(iso);
}

bool CsvInteractionReader::open(const QString &path, QString *error, char delimiter)
{
    if (!m_source.open(path, error))
        return false;
    m_parser = std::make_unique<CsvParser>(m_source.device(), delimiter);
    return m_parser->readHeader(error);
}

void CsvInteractionReader::setMapping(const ColumnMapping &mapping)
{
    m_mapping = mapping;
    const QStringList header = m_parser->header();
    for (int i = 0; i < kCsvFieldCount; ++i) {
        const QString column = mapping.column(CsvField(i));
        m_index[size_t(i)] = column.isEmpty() ? -1 : int(header.indexOf(column));
    }
}

qint64 CsvInteractionReader::bytesRead() const
{
    return m_source.originalBytes(m_parser->bytesConsumed());
}

QString CsvInteractionReader::cell(const CsvRow &row, CsvField field) const
{
    const int i = m_index[size_t(field)];
    return (i >= 0 && i < row.fields.size()) ? row.fields.at(i).trimmed() : QString();
}

bool CsvInteractionReader::fillInteraction(const CsvRow &row, Interaction &in, QString *error) const
{
    in.source = csvSource();
    in.externalId = cell(row, CsvField::ConversationId);
    if (in.externalId.isEmpty())
        return fail(error, QStringLiteral("the conversation id is empty"));
    in.channel = cell(row, CsvField::Channel).toLower();
    if (in.channel.isEmpty())
        in.channel = m_mapping.defaultChannel();
    if (!knownChannels().contains(in.channel))
        return fail(error, QStringLiteral("unknown channel '%1' (expected voice, chat, email, sms or "
                                       "social)")
                            .arg(in.channel));
    const QString started = cell(row, CsvField::StartedAt);
    if (!started.isEmpty()) {
        const std::optional<QDateTime> t = parseCsvTime(started);
        if (!t)
            return fail(error, QStringLiteral("start time '%1' is not a date and time").arg(started));
        in.startedAt = *t;
    }
    in.agentId = cell(row, CsvField::AgentId);
    if (in.agentId.isEmpty())
        return fail(error, QStringLiteral("the agent id is empty"));
    in.agentName = cell(row, CsvField::AgentName);
    in.team = cell(row, CsvField::Team);
    in.customerId = cell(row, CsvField::CustomerId);
    in.queue = cell(row, CsvField::Queue);
    in.language = cell(row, CsvField::Language);
    bool ok = true;
    if (const QString ms = cell(row, CsvField::DurationMs); !ms.isEmpty())
        in.durationMs = ms.toLongLong(&ok);
    else if (const QString s = cell(row, CsvField::DurationSeconds); !s.isEmpty()) {
        const std::optional<qint64> clock = parseClock(s);
        in.durationMs = clock ? *clock : qint64(s.toDouble(&ok) * 1000.0);
    }
    if (!ok || in.durationMs < -1)
        return fail(error, QStringLiteral("the duration is not a number of seconds or milliseconds"));
    if (const QString csat = cell(row, CsvField::Csat); !csat.isEmpty()) {
        const int v = csat.toInt(&ok);
        if (!ok || v < 1 || v > 5)
            return fail(error, QStringLiteral("csat '%1' is not a whole number from 1 to 5").arg(csat));
        in.csat = v;
    }
    in.resolved = parseBool(cell(row, CsvField::Resolved), &ok);
    if (!ok)
        return fail(error, QStringLiteral("resolved '%1' is not yes/no or true/false")
                            .arg(cell(row, CsvField::Resolved)));
    static const QRegularExpression tagSeparators(QStringLiteral("[;,|]"));
    for (const QString &tag : cell(row, CsvField::Tags).split(tagSeparators, Qt::SkipEmptyParts))
        in.tags << tag.trimmed();
    return true;
}

bool CsvInteractionReader::addTurn(const CsvRow &row, Interaction &in, QString *error) const
{
    Turn t;
    const QString label = cell(row, CsvField::Speaker);
    const std::optional<Speaker> speaker = speakerFromLabel(label);
    if (!speaker)
        return fail(error, QStringLiteral("line %1: unknown speaker '%2'").arg(row.lineNo).arg(label));
    t.speaker = *speaker;
    const int textColumn = m_index[size_t(CsvField::Text)];
    t.text = textColumn >= 0 && textColumn < row.fields.size() ? row.fields.at(textColumn) : QString();
    bool ok = true;
    if (const QString s = cell(row, CsvField::TurnStartMs); !s.isEmpty())
        t.startMs = s.toLongLong(&ok);
    if (const QString e = cell(row, CsvField::TurnEndMs); ok && !e.isEmpty())
        t.endMs = e.toLongLong(&ok);
    if (!ok)
        return fail(error, QStringLiteral("line %1: turn offsets must be whole milliseconds")
                            .arg(row.lineNo));
    if (const QString time = cell(row, CsvField::TurnTime); !time.isEmpty()) {
        if (const std::optional<qint64> offset = parseClock(time)) {
            t.startMs = *offset;
        } else if (const std::optional<QDateTime> at = parseCsvTime(time)) {
            t.atMs = at->toMSecsSinceEpoch();
        } else {
            bool isSeconds = false;
            const double seconds = time.toDouble(&isSeconds);
            if (!isSeconds)
                return fail(error, QStringLiteral("line %1: turn time '%2' is neither a time nor an "
                                               "offset")
                                    .arg(row.lineNo)
                                    .arg(time));
            t.startMs = qint64(seconds * 1000.0);
        }
    }
    in.turns.push_back(std::move(t));
    return true;
}

void CsvInteractionReader::rowToInteraction(const CsvRow &row, ParsedRecord &record) const
{
    Interaction in;
    QString error;
    if (!fillInteraction(row, in, &error)) {
        record.error = error;
        return;
    }
    if (!in.startedAt.isValid()) {
        record.error = QStringLiteral("the start time is empty");
        return;
    }
    const int column = m_index[size_t(CsvField::Transcript)];
    std::optional<std::vector<Turn>> turns =
        parseTranscriptText(column >= 0 && column < row.fields.size() ? row.fields.at(column) : QString(), &error);
    if (!turns) {
        record.error = error;
        return;
    }
    in.turns = std::move(*turns);
    record.interaction = std::move(in);
}

bool CsvInteractionReader::nextConversation(ParsedRecord &record)
{
    CsvRow row;
    if (m_hasPending) {
        row = std::move(m_pending);
        m_hasPending = false;
    } else {
        if (!m_parser->next(row))
            return false;
        if (!row.error.isEmpty()) {
            record.recordNo = row.lineNo;
            record.raw = row.raw;
            record.error = row.error;
            return true;
        }
    }
    record.recordNo = row.lineNo;
    Interaction in;
    QString error;
    bool good = fillInteraction(row, in, &error) && addTurn(row, in, &error);
    const QString id = cell(row, CsvField::ConversationId);
    record.raw = row.raw;
    // The rows that follow with the same id are the rest of this conversation.
    CsvRow more;
    while (m_parser->next(more)) {
        if (more.error.isEmpty() && cell(more, CsvField::ConversationId) != id) {
            m_pending = std::move(more);
            m_hasPending = true;
            break;
        }
        if (record.raw.size() < kKeptRawBytes)
            record.raw += '\n' + more.raw;
        if (!more.error.isEmpty()) {
            // A broken row inside a conversation spoils the conversation, not the file.
            if (good)
                error = QStringLiteral("line %1: %2").arg(more.lineNo).arg(more.error);
            good = false;
            continue;
        }
        if (good)
            good = addTurn(more, in, &error);
    }
    if (record.raw.size() > kKeptRawBytes)
        record.raw.truncate(kKeptRawBytes);
    if (good && !in.startedAt.isValid()) {
        const qint64 first = in.turns.front().atMs;
        if (first >= 0)
            in.startedAt = QDateTime::fromMSecsSinceEpoch(first, Qt::UTC);
        else
            good = fail(&error, QStringLiteral("no start time: neither a start column nor "
                                               "absolute turn times"));
    }
    if (good)
        record.interaction = std::move(in);
    else
        record.error = error;
    return true;
}

bool CsvInteractionReader::next(ParsedRecord &record)
{
    record = ParsedRecord();
    if (m_mapping.shape() == ColumnMapping::Shape::RowPerTurn)
        return nextConversation(record);
    CsvRow row;
    if (!m_parser->next(row))
        return false;
    record.recordNo = row.lineNo;
    record.raw = row.raw;
    if (!row.error.isEmpty())
        record.error = row.error;
    else
        rowToInteraction(row, record);
    return true;
}

} // namespace qaw
