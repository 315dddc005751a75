#include "scoring/detectors/ConceptSearch.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

namespace qaw {
namespace {

constexpr size_t kMaxEvidence = 6;

} // namespace

ConceptQuery::ConceptQuery(const QJsonObject &config, DetectorBuild &build)
    : m_concepts(build.conceptIndices(config.value(QStringLiteral("concepts")))),
      m_filter(TurnFilter::fromJson(config, build))
{
}

ConceptFindings ConceptQuery::find(const ScoringContext &context, bool stopAtClear) const
{
    std::vector<int> turns;
    QString ignored;
    if (context.isEmpty() || !m_filter.select(context, &turns, &ignored))
        return {};
    return findIn(context, turns, stopAtClear);
}

ConceptFindings ConceptQuery::findIn(const ScoringContext &context, const std::vector<int> &turns,
                                     bool stopAtClear) const
{
    ConceptFindings out;
    if (!context.concepts())
        return out;
    for (int turn : turns) {
        ConceptHit best;
        for (int concept : m_concepts) {
            const ConceptMatch &m = context.concept(turn, concept);
            if (m.strength > best.match.strength)
                best = ConceptHit{concept, turn, m};
            if (m.strength == ConceptMatch::Clear)
                break;
        }
        if (best.match.strength == ConceptMatch::Clear) {
            out.clear.push_back(best);
            if (stopAtClear)
                return out;
        } else if (best.match.strength == ConceptMatch::Weak) {
            out.weak.push_back(best);
        }
    }
    return out;
}

QString ConceptQuery::names(const ScoringContext &context) const
{
    QStringList ids;
    for (int c : m_concepts)
        ids << (context.concepts() ? context.concepts()->id(c) : QString::number(c));
    return ids.join(QStringLiteral(" or "));
}

QString quoteHit(const ScoringContext &context, const ConceptHit &hit)
{
    return context.turns()[size_t(hit.turn)].text.mid(hit.match.charStart,
                                                      hit.match.charEnd - hit.match.charStart);
}

EvidenceSpan spanOf(const ScoringContext &context, const ConceptHit &hit)
{
    return context.span(hit.turn, hit.match.charStart, hit.match.charEnd);
}

std::vector<EvidenceSpan> evidenceOf(const ScoringContext &context,
                                     const std::vector<ConceptHit> &hits)
{
    std::vector<EvidenceSpan> out;
    for (size_t k = 0; k < hits.size() && k < kMaxEvidence; ++k)
        out.push_back(spanOf(context, hits[k]));
    return out;
}

} // namespace qaw
