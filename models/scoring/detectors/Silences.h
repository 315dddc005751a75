#pragma once

#include "scoring/PhraseLexicon.h"
#include "scoring/detectors/ConceptSearch.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace qaw {

class ScoringContext;
struct DetectorBuild;

//! A stretch of a call where nobody spoke, or a hold a system event announced.
struct Silence
{
    qint64 fromMs = -1;   //!< when the last speech before it ended (-1: not timed)
    qint64 toMs = -1;     //!< when the next turn began
    size_t position = 0;  //!< that next turn's place in ScoringContext::byStart()
    bool holdEvent = false; //!< a system turn said the customer was put on hold

    qint64 lengthMs() const { return fromMs >= 0 && toMs >= fromMs ? toMs - fromMs : 0; }
};

//! How a detector tells a hold from a pause and says whether the agent spoke about it:
//! the settings the hold and dead-air detectors share.
//!   hold_seconds      a silence this long or longer is a hold (dead air is shorter)
//!   *_concepts        concepts that announce a hold, thank for it, or mark a hold event
//!   *_phrases         the same as plain phrases (older scorecards)
struct SilenceRules
{
    qint64 holdMs = 30000;
    int lookback = 3;  //!< turns before a silence where the agent may announce it
    int lookahead = 2; //!< turns after a hold where the agent may thank for it
    PhraseSet askPhrases;
    PhraseSet thankPhrases;
    ConceptQuery askConcepts;
    ConceptQuery thankConcepts;
    ConceptQuery holdEventConcepts;

    //! Reads the settings above (\a defaultHoldSeconds when hold_seconds is absent;
    //! 0: no silence is a hold by its length alone).
    void read(const QJsonObject &config, DetectorBuild &build, double defaultHoldSeconds);

    //! The silences of at least \a minMs between the turns (in start order), and every
    //! hold event, with or without times.
    std::vector<Silence> find(const ScoringContext &context, qint64 minMs) const;
    bool isHold(const Silence &s) const { return s.holdEvent || (holdMs > 0 && s.lengthMs() >= holdMs); }

    //! The strongest agent turn announcing the silence at \a s (within lookback turns
    //! before it), or the strongest thanking for it (within lookahead turns from it).
    ConceptHit announced(const ScoringContext &context, const Silence &s) const;
    ConceptHit thanked(const ScoringContext &context, const Silence &s) const;

private:
    ConceptHit agentCue(const ScoringContext &context, const Silence &s, bool before) const;
};

} // namespace qaw
