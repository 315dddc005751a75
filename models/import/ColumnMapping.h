#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace qaw {

//! What a CSV column can mean. Interaction fields come from the first row of an
//! interaction; turn fields from every row (one row per turn) or from the transcript.
enum class CsvField {
    ConversationId,
    Channel,
    StartedAt,
    DurationMs,
    DurationSeconds,
    AgentId,
    AgentName,
    Team,
    CustomerId,
    Queue,
    Language,
    Csat,
    Resolved,
    Tags,
    Speaker,     //!< one row per turn: who speaks
    TurnTime,    //!< one row per turn: a time of day (absolute) or an offset like 01:02
    TurnStartMs, //!< one row per turn: offset from the start of the call, milliseconds
    TurnEndMs,
    Text,        //!< one row per turn: what was said
    Transcript,  //!< one row per interaction: the whole "Agent: ..." transcript
};
constexpr int kCsvFieldCount = int(CsvField::Transcript) + 1;

//! Which CSV column feeds which field, guessed from the header and correctable by the
//! user; saved in the workspace as a named profile (MappingProfiles.h).
class ColumnMapping
{
public:
    enum class Shape { Unknown, RowPerTurn, RowPerInteraction };

    //! Matches header names against the usual names of each field ("Contact ID",
    //! "conversation_id", "Agent Name", "Message", ...), each column used once.
    static ColumnMapping guess(const QStringList &header);

    QString column(CsvField field) const { return m_columns[size_t(field)]; }
    void setColumn(CsvField field, const QString &column) { m_columns[size_t(field)] = column; }

    //! Used when no column gives the channel (e.g. a chat-only export).
    QString defaultChannel() const { return m_defaultChannel; }
    void setDefaultChannel(const QString &channel) { m_defaultChannel = channel; }

    //! Row per turn when speaker and text are mapped, row per interaction when a
    //! transcript column is; a transcript column wins when both are.
    Shape shape() const;

    //! The fields still needed before rows can become interactions, and columns that do
    //! not exist in \a header; empty when the mapping is usable.
    QStringList problems(const QStringList &header) const;

    QJsonObject toJson() const;
    static std::optional<ColumnMapping> fromJson(const QJsonObject &json, QString *error);

    static QString fieldName(CsvField field); //!< "conversation_id", "agent_id", ...
    static std::optional<CsvField> fieldFromName(const QString &name);

private:
    std::array<QString, kCsvFieldCount> m_columns;
    QString m_defaultChannel;
};

} // namespace qaw
