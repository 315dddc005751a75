#pragma once

#include "scoring/ConceptMatcher.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonObject>

#include <vector>

namespace qaw {

class ScoringContext;
struct DetectorBuild;
struct EvidenceSpan;

//! One turn's evidence of a concept.
struct ConceptHit
{
    int concept = -1;
    int turn = -1;
    ConceptMatch match;
};

//! What a search of some turns for some concepts found: every turn's strongest match,
//! clear ones and weak ones apart, in turn order.
struct ConceptFindings
{
    std::vector<ConceptHit> clear;
    std::vector<ConceptHit> weak;

    bool any() const { return !clear.empty() || !weak.empty(); }
    ConceptMatch::Strength strongest() const
    {
        return !clear.empty() ? ConceptMatch::Clear
                              : !weak.empty() ? ConceptMatch::Weak : ConceptMatch::NotFound;
    }
};

//! Concepts looked for in the turns a filter selects: the part of a detector's settings
//! written {"concepts": [...], "speaker": ..., "window": ...}.
class ConceptQuery
{
public:
    ConceptQuery() = default;
    //! Reads "concepts" (ids of the scorecard's library), "speaker" and "window".
    ConceptQuery(const QJsonObject &config, DetectorBuild &build);

    bool isEmpty() const { return m_concepts.empty(); }
    const TurnFilter &filter() const { return m_filter; }
    //! Every selected turn's strongest match of any of the concepts; \a stopAtClear ends
    //! the search at the first clear match.
    ConceptFindings find(const ScoringContext &context, bool stopAtClear = false) const;
    //! The same over turns already selected.
    ConceptFindings findIn(const ScoringContext &context, const std::vector<int> &turns,
                           bool stopAtClear = false) const;
    //! The concept ids, joined for a rationale ("greeting or help_offer").
    QString names(const ScoringContext &context) const;

private:
    std::vector<int> m_concepts;
    TurnFilter m_filter;
};

//! The words a hit matched, for a rationale.
QString quoteHit(const ScoringContext &context, const ConceptHit &hit);
//! The hit as evidence.
EvidenceSpan spanOf(const ScoringContext &context, const ConceptHit &hit);
//! Up to six hits as evidence.
std::vector<EvidenceSpan> evidenceOf(const ScoringContext &context,
                                     const std::vector<ConceptHit> &hits);

} // namespace qaw
