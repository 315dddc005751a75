#pragma once

#include "domain/Interaction.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class ScoringContext;
struct DetectorBuild;

//! Which turns a text detector reads: one speaker (or all) and a window: the speaker's
//! first or last N turns, or the first or last N seconds of the interaction.
class TurnFilter
{
public:
    //! Reads "speaker" and "window" ({first_turns|last_turns|first_seconds|last_seconds}).
    static TurnFilter fromJson(const QJsonObject &config, DetectorBuild &build);

    //! The selected turn indices in transcript order. Returns false with \a naReason when
    //! the window is in seconds and the turns carry no times.
    bool select(const ScoringContext &context, std::vector<int> *turns, QString *naReason) const;
    //! The selection in words, for rationales ("the agent's first 3 turns"); built once.
    const QString &describe() const { return m_description; }
    std::optional<Speaker> speaker() const { return m_speaker; }

private:
    QString describeNow() const;

    QString m_description = QStringLiteral("all turns");
    std::optional<Speaker> m_speaker;
    int m_firstTurns = -1;
    int m_lastTurns = -1;
    double m_firstSeconds = -1;
    double m_lastSeconds = -1;
};

QString speakerLabel(std::optional<Speaker> speaker);

} // namespace qaw
