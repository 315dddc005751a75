#include "scoring/ScorecardScorer.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace qaw {
namespace {

QStringList lowerList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString().toLower();
    return out;
}

// Several phrases often match the same words ("thanks for calling" inside "thank you for
// calling"): one span per stretch of text is clearer to show and cheaper to store.
std::vector<EvidenceSpan> mergedSpans(std::vector<EvidenceSpan> spans)
{
    if (spans.size() < 2)
        return spans;
    const auto before = [](const EvidenceSpan &a, const EvidenceSpan &b) {
        return a.turn != b.turn ? a.turn < b.turn : a.charStart < b.charStart;
    };
    // Usually in order already; stable_sort would still take a buffer from the heap.
    if (!std::is_sorted(spans.begin(), spans.end(), before))
        std::stable_sort(spans.begin(), spans.end(), before);
    size_t kept = 0; // merged in place: spans[0..kept] are the output so far
    for (size_t i = 1; i < spans.size(); ++i) {
        EvidenceSpan &last = spans[kept];
        const EvidenceSpan &s = spans[i];
        if (last.turn == s.turn && s.charStart <= last.charEnd) {
            last.charEnd = std::max(last.charEnd, s.charEnd);
            continue;
        }
        spans[++kept] = s;
    }
    spans.resize(kept + 1);
    return spans;
}

bool isManual(const QJsonObject &detector)
{
    const QString type = detector.value(QStringLiteral("type")).toString();
    return detector.isEmpty() || type == QLatin1String("manual");
}

} // namespace

double ScorecardScorer::valueOnScale(const Scale &scale, double fraction)
{
    const double f = std::clamp(fraction, 0.0, 1.0);
    switch (scale.type) {
    case Scale::Type::YesNo:
        return f >= 0.5 ? 1 : 0;
    case Scale::Type::OneToFive:
        return 1 + std::round(4 * f);
    case Scale::Type::Points:
        return std::round(scale.points * f);
    }
    return 0;
}

std::unique_ptr<ScorecardScorer> ScorecardScorer::compile(const Scorecard &card,
                                                          QStringList *errors)
{
    std::unique_ptr<ScorecardScorer> scorer(new ScorecardScorer);
    scorer->m_card = card;
    const int errorsBefore = int(errors->size());
    // Concepts first: the detectors refer to them by index.
    if (!scorer->m_card.concepts.isEmpty()) {
        scorer->m_concepts = ConceptMatcher::compile(scorer->m_card.concepts, scorer->m_lexicon,
                                                     errors);
        if (!scorer->m_concepts)
            return nullptr;
    }
    static const QStringList naKeys = {QStringLiteral("channel_in"),
                                       QStringLiteral("channel_not_in"),
                                       QStringLiteral("queue_in"), QStringLiteral("when")};
    for (const Criterion *criterion : scorer->m_card.criteria()) {
        CompiledCriterion c;
        c.criterion = criterion;
        scorer->m_counted.push_back(scorer->m_card.counted(criterion->id));
        DetectorBuild build{scorer->m_lexicon, *errors,
                            QStringLiteral("criterion \"%1\"").arg(criterion->id),
                            scorer->m_concepts.get()};
        if (!isManual(criterion->detector))
            c.detector = createDetector(criterion->detector, build);
        for (const QString &key : criterion->na.keys())
            if (!naKeys.contains(key))
                build.error(QStringLiteral("unknown N/A rule \"%1\" (known: %2)")
                                .arg(key, naKeys.join(QStringLiteral(", "))));
        c.channelIn = lowerList(criterion->na.value(QStringLiteral("channel_in")));
        c.channelNotIn = lowerList(criterion->na.value(QStringLiteral("channel_not_in")));
        c.queueIn = lowerList(criterion->na.value(QStringLiteral("queue_in")));
        if (criterion->na.value(QStringLiteral("when")).isObject()) {
            build.where = QStringLiteral("criterion \"%1\" N/A rule").arg(criterion->id);
            c.naWhen = createDetector(criterion->na.value(QStringLiteral("when")).toObject(), build);
        }
        scorer->m_criteria.push_back(std::move(c));
    }
    scorer->m_lexicon.finalise();
    if (errors->size() > errorsBefore)
        return nullptr;
    return scorer;
}

CriterionResult ScorecardScorer::scoreCriterion(const CompiledCriterion &c,
                                                const ScoringContext &context) const
{
    CriterionResult r;
    r.criterionId = c.criterion->id;
    r.max = c.criterion->scale.maximum();
    auto notApplicable = [&r](const QString &why) {
        r.na = true;
        r.value.reset();
        r.rationale = why;
        r.confidence = Confidence::None;
        return r;
    };
    // Most criteria have no channel or queue rule: no lower-case copy for them.
    const bool channelRules = !c.channelIn.isEmpty() || !c.channelNotIn.isEmpty();
    const QString channel = channelRules ? context.interaction().channel.toLower() : QString();
    if (channelRules && c.channelIn.contains(channel))
        return notApplicable(QStringLiteral("N/A: does not apply to %1 interactions.").arg(channel));
    if (!c.channelNotIn.isEmpty() && !c.channelNotIn.contains(channel))
        return notApplicable(QStringLiteral("N/A: applies only to %1 interactions.")
                                 .arg(c.channelNotIn.join(QStringLiteral(", "))));
    if (!c.queueIn.isEmpty() && c.queueIn.contains(context.interaction().queue.toLower()))
        return notApplicable(QStringLiteral("N/A: does not apply to the %1 queue.")
                                 .arg(context.interaction().queue));
    if (c.naWhen) {
        const DetectorOutcome when = c.naWhen->evaluate(context);
        if (when.passed())
            return notApplicable(QLatin1String("N/A: ") + when.rationale);
    }
    if (!c.detector)
        return notApplicable(QStringLiteral("Scored by a reviewer; no automated detector."));
    DetectorOutcome o = c.detector->evaluate(context);
    if (o.na)
        return notApplicable(QLatin1String("N/A: ") + o.rationale);
    r.value = valueOnScale(c.criterion->scale, o.fraction);
    r.confidence = o.confidence;
    r.rationale = std::move(o.rationale);
    r.evidence = mergedSpans(std::move(o.evidence));
    return r;
}

Evaluation ScorecardScorer::score(const StoredInteraction &stored) const
{
    ScoringContext context(stored, m_lexicon, m_concepts.get());
    Evaluation e;
    e.interactionId = stored.id;
    e.kind = EvaluatorKind::Automated;
    e.evaluator = QStringLiteral("auto");
    e.criteria.reserve(m_criteria.size());
    for (const CompiledCriterion &c : m_criteria)
        e.criteria.push_back(scoreCriterion(c, context));
    setTotals(&e);
    return e;
}

void ScorecardScorer::setTotals(Evaluation *e) const
{
    // score() gives one result per criterion in scorecard order, whose places in the
    // scorecard compile() resolved; anything else is looked up by id.
    const ScoreTotals totals = e->criteria.size() == m_counted.size()
                                   ? m_card.totals(e->criteria, m_counted)
                                   : m_card.totals(e->criteria);
    e->total = totals.total;
    e->passed = totals.passed;
    e->autoFailed = totals.autoFailed;
}

} // namespace qaw
