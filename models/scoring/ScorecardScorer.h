#pragma once

#include "domain/Evaluation.h"
#include "domain/Scorecard.h"
#include "scoring/ConceptMatcher.h"
#include "scoring/PhraseLexicon.h"
#include "scoring/detectors/Detector.h"
#include "storage/WorkspaceQueries.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace qaw {

class ScoringContext;

//! A scorecard version made ready to score: every criterion's detector and N/A rule
//! built once, every phrase interned into one lexicon. score() is a pure function of the
//! interaction, safe to call from many threads at once, and gives the same evaluation
//! whatever thread runs it.
class ScorecardScorer
{
public:
    //! Null with the reasons in \a errors when a detector or N/A rule is not valid.
    static std::unique_ptr<ScorecardScorer> compile(const Scorecard &card, QStringList *errors);

    const Scorecard &scorecard() const { return m_card; }
    //! The scorecard's concepts compiled against its lexicon; null when it has none.
    const ConceptMatcher *concepts() const { return m_concepts.get(); }
    const PhraseLexicon &lexicon() const { return m_lexicon; }

    //! The automated evaluation (evaluator "auto"; scorecard version and creation time
    //! left for the caller), with one result per criterion in scorecard order and the
    //! totals of Scorecard::totals().
    Evaluation score(const StoredInteraction &stored) const;

    //! Sets total, passed and autoFailed of \a e as Scorecard::totals() does, without its
    //! lookups by id string (3% of the scoring) when the criteria are one result per
    //! criterion in scorecard order, as score() gives them.
    void setTotals(Evaluation *e) const;

    //! Maps a detector's 0..1 fraction onto a scale: yes/no passes at 0.5; 1-5 and points
    //! round to the nearest step.
    static double valueOnScale(const Scale &scale, double fraction);

private:
    ScorecardScorer() = default;

    struct CompiledCriterion
    {
        const Criterion *criterion = nullptr;
        std::unique_ptr<Detector> detector; //!< null: scored by reviewers only
        QStringList channelIn;
        QStringList channelNotIn;
        QStringList queueIn;
        std::unique_ptr<Detector> naWhen;
    };

    CriterionResult scoreCriterion(const CompiledCriterion &c, const ScoringContext &context) const;

    Scorecard m_card;
    PhraseLexicon m_lexicon;
    std::unique_ptr<ConceptMatcher> m_concepts; //!< null: the scorecard has no concepts
    std::vector<CompiledCriterion> m_criteria;
    //! Where each criterion's result counts (Scorecard::counted()), in m_criteria's order.
    std::vector<CountedCriterion> m_counted;
};

} // namespace qaw
