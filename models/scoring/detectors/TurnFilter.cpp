#include "scoring/detectors/TurnFilter.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

namespace qaw {

QString speakerLabel(std::optional<Speaker> speaker)
{
    return speaker ? speakerName(*speaker) : QStringLiteral("anyone");
}

TurnFilter TurnFilter::fromJson(const QJsonObject &config, DetectorBuild &build)
{
    TurnFilter f;
    const QString speaker = config.value(QStringLiteral("speaker")).toString();
    if (!speaker.isEmpty() && speaker != QLatin1String("any")) {
        f.m_speaker = speakerFromName(speaker);
        if (!f.m_speaker)
            build.error(QStringLiteral("unknown speaker \"%1\"").arg(speaker));
    }
    const QJsonObject w = config.value(QStringLiteral("window")).toObject();
    f.m_firstTurns = w.value(QStringLiteral("first_turns")).toInt(-1);
    f.m_lastTurns = w.value(QStringLiteral("last_turns")).toInt(-1);
    f.m_firstSeconds = w.value(QStringLiteral("first_seconds")).toDouble(-1);
    f.m_lastSeconds = w.value(QStringLiteral("last_seconds")).toDouble(-1);
    int set = 0;
    for (bool b : {f.m_firstTurns >= 0, f.m_lastTurns >= 0, f.m_firstSeconds >= 0,
                   f.m_lastSeconds >= 0})
        set += b ? 1 : 0;
    if (set > 1)
        build.error(QStringLiteral("a window takes one of first_turns, last_turns, "
                                   "first_seconds, last_seconds"));
    f.m_description = f.describeNow();
    return f;
}

bool TurnFilter::select(const ScoringContext &context, std::vector<int> *turns,
                        QString *naReason) const
{
    turns->clear();
    std::vector<int> candidates;
    candidates.reserve(size_t(context.turnCount()));
    for (int i = 0; i < context.turnCount(); ++i)
        if (!m_speaker || context.speakerOf(i) == *m_speaker)
            candidates.push_back(i);
    if (m_firstTurns >= 0) {
        candidates.resize(std::min(candidates.size(), size_t(m_firstTurns)));
    } else if (m_lastTurns >= 0 && candidates.size() > size_t(m_lastTurns)) {
        candidates.erase(candidates.begin(), candidates.end() - m_lastTurns);
    } else if (m_firstSeconds >= 0 || m_lastSeconds >= 0) {
        qint64 end = 0;
        for (int i = 0; i < context.turnCount(); ++i) {
            const qint64 t = context.turnTimeMs(i);
            if (t < 0) {
                *naReason = QStringLiteral("the transcript has no turn times, so a window "
                                           "in seconds cannot be applied");
                return false;
            }
            end = std::max(end, t);
        }
        std::vector<int> inWindow;
        for (int i : candidates) {
            const qint64 t = context.turnTimeMs(i);
            if (m_firstSeconds >= 0 ? t <= qint64(m_firstSeconds * 1000)
                                    : t >= end - qint64(m_lastSeconds * 1000))
                inWindow.push_back(i);
        }
        candidates.swap(inWindow);
    }
    *turns = std::move(candidates);
    return true;
}

QString TurnFilter::describeNow() const
{
    const QString who = m_speaker ? QStringLiteral("the %1's").arg(speakerName(*m_speaker))
                                  : QStringLiteral("all");
    if (m_firstTurns >= 0)
        return QStringLiteral("%1 first %2 turns").arg(who).arg(m_firstTurns);
    if (m_lastTurns >= 0)
        return QStringLiteral("%1 last %2 turns").arg(who).arg(m_lastTurns);
    if (m_firstSeconds >= 0)
        return QStringLiteral("%1 turns in the first %2 s").arg(who).arg(m_firstSeconds);
    if (m_lastSeconds >= 0)
        return QStringLiteral("%1 turns in the last %2 s").arg(who).arg(m_lastSeconds);
    return QStringLiteral("%1 turns").arg(who);
}

} // namespace qaw
