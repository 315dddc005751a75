#include "scoring/ScoringContext.h"

#include "scoring/VaderSentiment.h"

#include <algorithm>

namespace qaw {

namespace {

constexpr int kNotLookedFor = -2;

Speaker opposite(Speaker s)
{
    return s == Speaker::Agent ? Speaker::Customer : s == Speaker::Customer ? Speaker::Agent : s;
}

} // namespace

ScoringContext::ScoringContext(const StoredInteraction &stored, const PhraseLexicon &lexicon,
                               const ConceptMatcher *concepts)
    : m_stored(stored), m_lexicon(lexicon), m_concepts(concepts)
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

const ConceptMatch &ScoringContext::concept(int turn, int concept) const
{
    const size_t perTurn = size_t(m_concepts->size());
    if (m_conceptCache.empty()) {
        ConceptMatch unknown;
        unknown.pattern = kNotLookedFor;
        m_conceptCache.assign(perTurn * turns().size(), unknown);
    }
    ConceptMatch &m = m_conceptCache[size_t(turn) * perTurn + size_t(concept)];
    if (m.pattern == kNotLookedFor)
        m = m_concepts->find(tokens(turn), concept);
    return m;
}

bool ScoringContext::speakersSwapped() const
{
    if (m_swapped >= 0)
        return m_swapped != 0;
    m_swapped = 0;
    const int signature = m_concepts ? m_concepts->agentSignature() : -1;
    if (signature < 0)
        return false;
    // Customers say an agent's words now and then ("let me check my email"), agents
    // nearly always several times: swapped when the customer's side says them at least
    // twice and three times as often as the agent's.
    auto count = [&](Speaker speaker, int enough) {
        int says = 0;
        for (int i = 0; i < turnCount() && says < enough; ++i)
            if (turns()[size_t(i)].speaker == speaker &&
                concept(i, signature).strength == ConceptMatch::Clear)
                ++says;
        return says;
    };
    // The agent's side first: nearly always it says such things twice early on.
    const int agentSays = count(Speaker::Agent, 2);
    if (agentSays >= 2)
        return false;
    const int customerSays = count(Speaker::Customer, turnCount());
    m_swapped = customerSays >= 2 && customerSays >= 3 * agentSays ? 1 : 0;
    return m_swapped != 0;
}

Speaker ScoringContext::speakerOf(int turn) const
{
    const Speaker s = turns()[size_t(turn)].speaker;
    return speakersSwapped() ? opposite(s) : s;
}

bool ScoringContext::speaks(Speaker speaker) const
{
    for (int i = 0; i < turnCount(); ++i)
        if (speakerOf(i) == speaker)
            return true;
    return false;
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
