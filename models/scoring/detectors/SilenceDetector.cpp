#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/Silences.h"

#include <QJsonArray>

namespace qaw {
namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

//! Dead air: silences in a timed transcript longer than max_gap_seconds that the agent
//! did not announce in the turns just before ("bear with me while I check"). Holds (a
//! silence of hold_seconds or more, or a hold event) are judged by hold etiquette, not
//! here; with hold_seconds 0 every long silence counts.
class SilenceDetector : public Detector
{
public:
    qint64 maxGapMs = 10000;
    SilenceRules rules;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        if (!context.hasOffsets())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The transcript has no turn start/end times, so silences "
                               "cannot be measured."));
        int announced = 0;
        int holds = 0;
        Confidence confidence = Confidence::Clear;
        std::vector<EvidenceSpan> evidence;
        QString firstGap;
        for (const Silence &s : rules.find(context, maxGapMs + 1)) {
            if (rules.isHold(s)) {
                ++holds;
                continue;
            }
            const ConceptHit cue = rules.announced(context, s);
            if (cue.match.found()) {
                ++announced;
                if (cue.match.strength == ConceptMatch::Weak)
                    confidence = Confidence::Weak;
                continue;
            }
            const int next = context.byStart()[s.position];
            EvidenceSpan span = context.wholeTurn(next);
            span.timeMs = s.fromMs;
            evidence.push_back(span);
            if (firstGap.isEmpty())
                firstGap = QStringLiteral("%1 s of silence at %2 s, before turn %3, with nothing "
                                          "said about it")
                               .arg(seconds(s.lengthMs()), seconds(s.fromMs))
                               .arg(next + 1);
        }
        if (!evidence.empty())
            return DetectorOutcome::fail(QStringLiteral("%1 unexplained silence(s): %2.")
                                             .arg(evidence.size())
                                             .arg(firstGap),
                                         std::move(evidence));
        QStringList notes;
        if (announced > 0)
            notes << QStringLiteral("%1 announced pause(s)").arg(announced);
        if (holds > 0)
            notes << QStringLiteral("%1 hold(s), judged as hold etiquette").arg(holds);
        return DetectorOutcome::pass(QStringLiteral("No unexplained silence over %1 s%2.")
                                         .arg(seconds(maxGapMs),
                                              notes.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" (%1)").arg(notes.join(
                                                        QStringLiteral(", ")))))
            .withConfidence(confidence);
    }
};

} // namespace

QStringList defaultHoldPhrases()
{
    return {QStringLiteral("place you on hold"), QStringLiteral("put you on hold"),
            QStringLiteral("on a short hold"),   QStringLiteral("hold for a moment"),
            QStringLiteral("bear with me"),      QStringLiteral("give me a moment"),
            QStringLiteral("one moment while i"), QStringLiteral("let me check"),
            QStringLiteral("can you hold"),      QStringLiteral("mind holding")};
}

std::unique_ptr<Detector> makeSilenceDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<SilenceDetector>();
    const double maxGap = config.value(QStringLiteral("max_gap_seconds")).toDouble(10);
    if (!(maxGap > 0)) {
        build.error(QStringLiteral("max_gap_seconds must be above 0"));
        return nullptr;
    }
    d->maxGapMs = qint64(maxGap * 1000);
    const int errorsBefore = int(build.errors.size());
    // Before concepts every long silence was dead air unless announced: hold_seconds 0.
    d->rules.read(config, build, 0);
    if (d->rules.askPhrases.isEmpty() && d->rules.askConcepts.isEmpty())
        d->rules.askPhrases = PhraseSet(defaultHoldPhrases(), build.lexicon, 2, true);
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return d;
}

} // namespace qaw
