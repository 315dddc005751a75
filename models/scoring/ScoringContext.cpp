#include "scoring/ScoringContext.h"

#include "scoring/VaderSentiment.h"

#include <algorithm>

namespace qaw {

ScoringContext::ScoringContext(const StoredInteraction &stored, const PhraseLexicon &lexicon)
    : m_stored(stored), m_lexicon(lexicon)
{
    const size_t n = stored.interaction.turns.size();
    m_turnCache.resize(n);
    m_allOffsets = n > 0 && std::all_of(turns().begin(), turns().end(),
                                         [](const Turn &t) { return t.hasOffsets(); });
    m_byStart.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_byStart[i] = int(i);
    const auto startsEarlier = [this](int a, int b) {
        return turns()[size_t(a)].startMs < turns()[size_t(b)].startMs;
    };
    // Usually in order already; stable_sort would still take a buffer from the heap.
    if (m_allOffsets && !std::is_sorted(m_byStart.begin(), m_byStart.end(), startsEarlier))
        std::stable_sort(m_byStart.begin(), m_byStart.end(), startsEarlier);
    if (stored.interaction.startedAt.isValid())
        m_startMs = stored.interaction.startedAt.toMSecsSinceEpoch();
    for (const Turn &t : turns())
        if (t.atMs >= 0 && (m_startMs < 0 || t.atMs < m_startMs))
            m_startMs = t.atMs;
}

const TokenisedText &ScoringContext::tokens(int turn) const
{
    TurnCache &c = m_turnCache[size_t(turn)];
    if (!c.tokenised) {
        c.tokens = m_lexicon.tokenise(turns()[size_t(turn)].text);
        c.tokenised = true;
    }
    return c.tokens;
}

double ScoringContext::sentiment(int turn) const
{
    TurnCache &c = m_turnCache[size_t(turn)];
    if (!c.hasSentiment) {
        c.sentiment = VaderSentiment::shared().memoisedCompound(turns()[size_t(turn)].text);
        c.hasSentiment = true;
    }
    return c.sentiment;
}

qint64 ScoringContext::turnTimeMs(int turn) const
{
    const Turn &t = turns()[size_t(turn)];
    if (t.startMs >= 0)
        return t.startMs;
    if (t.atMs >= 0 && m_startMs >= 0)
        return t.atMs - m_startMs;
    return -1;
}

bool ScoringContext::speaks(Speaker speaker) const
{
    return std::any_of(turns().begin(), turns().end(),
                       [speaker](const Turn &t) { return t.speaker == speaker; });
}

EvidenceSpan ScoringContext::span(int turn, int charStart, int charEnd) const
{
    return EvidenceSpan{turn, charStart, charEnd, turnTimeMs(turn)};
}

EvidenceSpan ScoringContext::wholeTurn(int turn) const
{
    return span(turn, 0, int(turns()[size_t(turn)].text.size()));
}

} // namespace qaw
