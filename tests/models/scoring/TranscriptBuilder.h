#pragma once

#include "scoring/PhraseLexicon.h"
#include "scoring/ScorecardScorer.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "storage/DefaultContent.h"
#include "storage/WorkspaceQueries.h"

#include <QJsonDocument>
#include <QTimeZone>

//! Hand-made transcripts for detector tests: voice turns with offsets (say), chat turns
//! with times (write), or turns with no time at all (untimed).
class TranscriptBuilder
{
public:
    explicit TranscriptBuilder(const QString &channel = QStringLiteral("voice"))
    {
        m_stored.id = 1;
        m_stored.interaction.channel = channel;
        m_stored.interaction.startedAt =
            QDateTime(QDate(2026, 6, 1), QTime(9, 0), QTimeZone::utc());
    }

    //! A voice turn starting gapMs after the previous one ended (negative: overlapping).
    TranscriptBuilder &say(qaw::Speaker speaker, const QString &text, qint64 gapMs = 500,
                           qint64 lengthMs = 2000)
    {
        qaw::Turn t;
        t.speaker = speaker;
        t.text = text;
        t.startMs = std::max<qint64>(0, m_clock + gapMs);
        t.endMs = t.startMs + lengthMs;
        m_clock = std::max(m_clock, t.endMs);
        m_stored.interaction.turns.push_back(t);
        return *this;
    }
    //! A chat message secondsAfterPrevious after the previous message.
    TranscriptBuilder &write(qaw::Speaker speaker, const QString &text, double secondsAfterPrevious)
    {
        qaw::Turn t;
        t.speaker = speaker;
        t.text = text;
        m_clock += qint64(secondsAfterPrevious * 1000);
        t.atMs = m_stored.interaction.startedAt.toMSecsSinceEpoch() + m_clock;
        m_stored.interaction.turns.push_back(t);
        return *this;
    }
    TranscriptBuilder &untimed(qaw::Speaker speaker, const QString &text)
    {
        qaw::Turn t;
        t.speaker = speaker;
        t.text = text;
        m_stored.interaction.turns.push_back(t);
        return *this;
    }
    TranscriptBuilder &resolved(std::optional<bool> value)
    {
        m_stored.interaction.resolved = value;
        return *this;
    }
    TranscriptBuilder &repeatContact(std::optional<bool> value)
    {
        m_stored.repeatContact = value;
        return *this;
    }
    TranscriptBuilder &duration(qint64 ms)
    {
        m_stored.interaction.durationMs = ms;
        return *this;
    }
    qaw::StoredInteraction &stored() { return m_stored; }
    qaw::StoredInteraction build() const { return m_stored; }

private:
    qaw::StoredInteraction m_stored;
    qint64 m_clock = 0;
};

//! Builds the detector a JSON text describes and runs it on one interaction.
inline qaw::DetectorOutcome runDetector(const QByteArray &json, const qaw::StoredInteraction &s,
                                        QStringList *errors = nullptr)
{
    qaw::PhraseLexicon lexicon;
    QStringList problems;
    qaw::DetectorBuild build{lexicon, problems, QStringLiteral("test")};
    auto detector = qaw::createDetector(QJsonDocument::fromJson(json).object(), build);
    lexicon.finalise();
    if (errors)
        *errors = problems;
    if (!detector)
        return qaw::DetectorOutcome::notApplicable(QStringLiteral("BUILD FAILED: ") +
                                                   problems.join(QLatin1Char(' ')));
    qaw::ScoringContext context(s, lexicon);
    return detector->evaluate(context);
}

//! The shipped default scorecard, compiled; null with the reasons in \a errors.
inline std::unique_ptr<qaw::ScorecardScorer> compileDefaultScorecard(QStringList *errors)
{
    const auto card = qaw::Scorecard::fromJson(qaw::defaultScorecardJson(), errors);
    return card ? qaw::ScorecardScorer::compile(*card, errors) : nullptr;
}
