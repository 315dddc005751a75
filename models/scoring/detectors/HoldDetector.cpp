#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/Silences.h"

#include <QJsonArray>

#include <limits>

namespace qaw {
namespace {

QString secondsAt(const Silence &s)
{
    return s.fromMs >= 0 ? QStringLiteral(" at %1 s").arg(double(s.fromMs) / 1000.0, 0, 'f', 0)
                         : QString();
}

//! Hold etiquette: every hold (a silence of at least hold_seconds, or a system event
//! saying the customer was put on hold) must be announced or asked for by the agent just
//! before it and thanked for just after it. N/A when there was no hold: saying "one
//! moment" makes no hold, and a shorter pause is judged as dead air. A silence that
//! nobody announced or thanked for may not have been a hold at all (a line fault, a
//! transcript gap): its fail is weak, for review.
class HoldDetector : public Detector
{
public:
    SilenceRules rules;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        const qint64 minMs = rules.holdMs > 0 ? rules.holdMs : std::numeric_limits<qint64>::max();
        std::vector<Silence> holds = rules.find(context, minMs);
        if (holds.empty())
            return DetectorOutcome::notApplicable(
                context.hasOffsets()
                    ? QStringLiteral("There was no hold.")
                    : QStringLiteral("There was no hold event, and the transcript has no turn "
                                     "start/end times to find holds by their silence."));
        QStringList problems;
        std::vector<EvidenceSpan> evidence;
        Confidence confidence = Confidence::Clear;
        for (const Silence &hold : holds) {
            const ConceptHit asked = rules.announced(context, hold);
            const ConceptHit thanked = rules.thanked(context, hold);
            const QString at = secondsAt(hold);
            for (const ConceptHit *cue : {&asked, &thanked}) {
                if (cue->match.found())
                    evidence.push_back(spanOf(context, *cue));
                if (cue->match.strength == ConceptMatch::Weak)
                    confidence = Confidence::Weak;
            }
            if (!asked.match.found())
                problems << QStringLiteral("the hold%1 was not announced").arg(at);
            if (!thanked.match.found())
                problems << QStringLiteral("the customer was not thanked after the hold%1").arg(at);
            if (!asked.match.found() || !thanked.match.found()) {
                EvidenceSpan s = context.wholeTurn(context.byStart()[hold.position]);
                if (hold.fromMs >= 0)
                    s.timeMs = hold.fromMs;
                evidence.push_back(s);
            }
            if (!asked.match.found() && !thanked.match.found() && !hold.holdEvent)
                confidence = Confidence::Weak; // a silence nobody spoke of
        }
        if (!problems.isEmpty())
            return DetectorOutcome::fail(QStringLiteral("%1 hold(s): %2.")
                                             .arg(holds.size())
                                             .arg(problems.join(QStringLiteral("; "))),
                                         std::move(evidence))
                .withConfidence(confidence);
        return DetectorOutcome::pass(
                   QStringLiteral("%1 hold(s), each announced before and thanked for after.")
                       .arg(holds.size()),
                   std::move(evidence))
            .withConfidence(confidence);
    }
};

} // namespace

std::unique_ptr<Detector> makeHoldDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<HoldDetector>();
    const int errorsBefore = int(build.errors.size());
    // min_hold_seconds: the name before concepts; 15 s was its default.
    const double legacy = config.value(QStringLiteral("min_hold_seconds")).toDouble(15);
    d->rules.read(config, build, legacy);
    if (d->rules.holdMs <= 0 && d->rules.holdEventConcepts.isEmpty()) {
        build.error(QStringLiteral("hold_seconds must be above 0 unless hold_event_concepts "
                                   "find holds"));
        return nullptr;
    }
    if (d->rules.askPhrases.isEmpty() && d->rules.askConcepts.isEmpty())
        d->rules.askPhrases = PhraseSet(defaultHoldPhrases(), build.lexicon, 2, true);
    if (d->rules.thankPhrases.isEmpty() && d->rules.thankConcepts.isEmpty()) {
        build.error(QStringLiteral("a hold detector needs \"thank_phrases\" or "
                                   "\"thank_concepts\""));
        return nullptr;
    }
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return d;
}

} // namespace qaw
