#include "scoring/ScoringContext.h"
#include "scoring/detectors/ConceptSearch.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

#include <algorithm>

namespace qaw {
namespace {

//! The agent's stance toward the customer: blame, dismissal, sarcasm, orders ("calm
//! down"), rudeness. What the words say about the situation does not count: "that sounds
//! really frustrating" is empathy, good tone, however negative its words. Clear evidence
//! is a breach concept; weak evidence a weak breach match, or (with sentiment_threshold)
//! a strongly negative turn that says nothing kind. One breach scores 2 of 5, two or more
//! 1; none 5.
class ToneDetector : public Detector
{
public:
    ConceptQuery breaches;
    ConceptQuery kind;
    std::optional<double> sentimentThreshold;
    bool weakCounts = true;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        std::vector<int> turns;
        QString naReason;
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        if (!breaches.filter().select(context, &turns, &naReason))
            return DetectorOutcome::notApplicable(naReason);
        if (turns.empty())
            return DetectorOutcome::notApplicable(QStringLiteral("The agent never speaks."));
        ConceptFindings found = breaches.findIn(context, turns);
        if (found.clear.empty() && sentimentThreshold)
            addHostileTurns(context, turns, &found);
        if (!found.clear.empty()) {
            const double fraction = found.clear.size() > 1 ? 0.0 : 0.25;
            return DetectorOutcome::graded(fraction, describe(context, found.clear, QString()),
                                           evidenceOf(context, found.clear));
        }
        if (!found.weak.empty()) {
            const QString why = describe(context, found.weak, QStringLiteral("; needs review"));
            return DetectorOutcome::graded(weakCounts ? 0.25 : 1.0, why,
                                           evidenceOf(context, found.weak))
                .withConfidence(Confidence::Weak);
        }
        return DetectorOutcome::pass(
            QStringLiteral("No %1 in %2.").arg(breaches.names(context), breaches.filter().describe()));
    }

private:
    QString describe(const ScoringContext &context, const std::vector<ConceptHit> &hits,
                     const QString &suffix) const
    {
        const ConceptHit &first = hits.front();
        const QString what = first.concept >= 0 ? context.concepts()->id(first.concept)
                                                : QStringLiteral("a strongly negative turn");
        return QStringLiteral("%1 turn(s) with a poor stance toward the customer%2; first, turn "
                              "%3: \"%4\" (%5).")
            .arg(hits.size())
            .arg(suffix)
            .arg(first.turn + 1)
            .arg(quoteHit(context, first), what);
    }

    // A turn whose words are strongly negative and say nothing kind is weak evidence:
    // VADER reads the words, not who they are aimed at.
    void addHostileTurns(const ScoringContext &context, const std::vector<int> &turns,
                         ConceptFindings *found) const
    {
        for (int turn : turns) {
            const bool already = std::any_of(found->weak.begin(), found->weak.end(),
                                             [turn](const ConceptHit &h) { return h.turn == turn; });
            if (already || context.sentiment(turn) > *sentimentThreshold)
                continue;
            if (!kind.isEmpty() && kind.findIn(context, {turn}, true).any())
                continue;
            ConceptMatch m;
            m.strength = ConceptMatch::Weak;
            m.charEnd = int(context.turns()[size_t(turn)].text.size());
            found->weak.push_back(ConceptHit{-1, turn, m});
        }
        std::sort(found->weak.begin(), found->weak.end(),
                  [](const ConceptHit &a, const ConceptHit &b) { return a.turn < b.turn; });
    }
};

} // namespace

std::unique_ptr<Detector> makeToneDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<ToneDetector>();
    const int errorsBefore = int(build.errors.size());
    const QString speaker = config.value(QStringLiteral("speaker")).toString(QStringLiteral("agent"));
    QJsonObject breachConfig = config;
    breachConfig.insert(QStringLiteral("concepts"), config.value(QStringLiteral("breach_concepts")));
    breachConfig.insert(QStringLiteral("speaker"), speaker);
    d->breaches = ConceptQuery(breachConfig, build);
    if (config.contains(QStringLiteral("kind_concepts")))
        d->kind = ConceptQuery(QJsonObject{{QStringLiteral("concepts"),
                                            config.value(QStringLiteral("kind_concepts"))},
                                           {QStringLiteral("speaker"), speaker}},
                               build);
    if (config.contains(QStringLiteral("sentiment_threshold"))) {
        const double t = config.value(QStringLiteral("sentiment_threshold")).toDouble(2);
        if (t < -1 || t > 1)
            build.error(QStringLiteral("sentiment_threshold must be from -1 to 1"));
        d->sentimentThreshold = t;
    }
    d->weakCounts = config.value(QStringLiteral("weak_counts")).toBool(true);
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return d;
}

} // namespace qaw
