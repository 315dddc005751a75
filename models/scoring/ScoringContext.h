#pragma once

#include "domain/Evaluation.h"
#include "scoring/ConceptMatcher.h"
#include "scoring/PhraseLexicon.h"
#include "storage/WorkspaceQueries.h"

#include <vector>

namespace qaw {

//! One interaction as the detectors see it: the transcript tokenised once against the
//! scorecard's lexicon, per-turn sentiment computed at most once, and the turn order and
//! timing helpers every timing detector needs. Lives on one thread for one interaction.
class ScoringContext
{
public:
    //! \a concepts: the scorecard's compiled concepts (null: a scorecard without any).
    ScoringContext(const StoredInteraction &stored, const PhraseLexicon &lexicon,
                   const ConceptMatcher *concepts = nullptr);

    const StoredInteraction &stored() const { return m_stored; }
    const Interaction &interaction() const { return m_stored.interaction; }
    const std::vector<Turn> &turns() const { return m_stored.interaction.turns; }
    int turnCount() const { return int(turns().size()); }
    bool isEmpty() const { return turns().empty(); }

    const TokenisedText &tokens(int turn) const;
    //! VADER compound score of a turn, -1 to 1.
    double sentiment(int turn) const;

    const ConceptMatcher *concepts() const { return m_concepts; }
    //! The strongest evidence of \a concept (an index into concepts()) in a turn, found at
    //! most once per turn and concept.
    const ConceptMatch &concept(int turn, int concept) const;

    //! Who said a turn, as the detectors should take it: the stored label, or its opposite
    //! when the agent's and the customer's labels are swapped (speakersSwapped()).
    Speaker speakerOf(int turn) const;
    //! Speech-to-text exports sometimes give the agent's channel the customer's label.
    //! Taken as swapped when turns labelled customer say what only agents say (the
    //! library's agent signature: "how can I help", "can I take your postcode") at least
    //! twice and three times as often as turns labelled agent.
    bool speakersSwapped() const;

    //! Every turn has start and end offsets (a timed voice transcript).
    bool hasOffsets() const { return m_allOffsets; }
    //! Turn indices sorted by start offset (only meaningful with hasOffsets()).
    const std::vector<int> &byStart() const { return m_byStart; }
    //! When a turn began, in ms from the start of the interaction; -1 when not known.
    qint64 turnTimeMs(int turn) const;
    bool speaks(Speaker speaker) const;

    //! An evidence span covering characters of a turn, with its time when known.
    EvidenceSpan span(int turn, int charStart, int charEnd) const;
    EvidenceSpan wholeTurn(int turn) const;

private:
    const StoredInteraction &m_stored;
    const PhraseLexicon &m_lexicon;
    const ConceptMatcher *m_concepts = nullptr;
    bool m_allOffsets = false;
    mutable qint8 m_swapped = -1; //!< -1: not worked out yet
    qint64 m_startMs = -1;
    std::vector<int> m_byStart;
    //! What is worked out per turn on first use (one allocation for all of them).
    struct TurnCache
    {
        TokenisedText tokens;
        double sentiment = 0;
        bool tokenised = false;
        bool hasSentiment = false;
    };
    mutable std::vector<TurnCache> m_turnCache;
    //! Turn t's match of concept c at t * concepts + c; pattern -2 until looked for.
    mutable std::vector<ConceptMatch> m_conceptCache;
};

} // namespace qaw
