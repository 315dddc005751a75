#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

namespace qaw {
namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

//! Dead air: gaps in a timed transcript longer than max_gap_seconds where nobody
//! speaks. A gap that follows, within hold_lookback_turns, an agent turn announcing a hold
//! is a hold, not dead air (hold etiquette is its own criterion).
class SilenceDetector : public Detector
{
public:
    qint64 maxGapMs = 10000;
    int lookback = 2;
    PhraseSet holdPhrases;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        if (!context.hasOffsets())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The transcript has no turn start/end times, so silences "
                               "cannot be measured."));
        const std::vector<int> &order = context.byStart();
        qint64 coveredUntil = context.turns()[size_t(order.front())].startMs;
        int holds = 0;
        std::vector<EvidenceSpan> evidence;
        QString firstGap;
        for (size_t k = 0; k < order.size(); ++k) {
            const Turn &t = context.turns()[size_t(order[k])];
            const qint64 gap = t.startMs - coveredUntil;
            if (k > 0 && gap > maxGapMs) {
                if (announcedHold(context, order, k)) {
                    ++holds;
                } else {
                    EvidenceSpan s = context.wholeTurn(order[k]);
                    s.timeMs = coveredUntil;
                    evidence.push_back(s);
                    if (firstGap.isEmpty())
                        firstGap = QStringLiteral("%1 s of silence at %2 s, before turn %3, "
                                                  "with no hold announced")
                                       .arg(seconds(gap), seconds(coveredUntil))
                                       .arg(order[k] + 1);
                }
            }
            coveredUntil = std::max(coveredUntil, t.endMs);
        }
        if (evidence.empty())
            return DetectorOutcome::pass(
                QStringLiteral("No unexplained silence over %1 s%2.")
                    .arg(seconds(maxGapMs))
                    .arg(holds ? QStringLiteral(" (%1 announced hold(s))").arg(holds) : QString()));
        const QString why =
            QStringLiteral("%1 unexplained silence(s): %2.").arg(evidence.size()).arg(firstGap);
        return DetectorOutcome::fail(why, std::move(evidence));
    }

private:
    bool announcedHold(const ScoringContext &context, const std::vector<int> &order,
                       size_t k) const
    {
        for (size_t back = 1; back <= size_t(lookback) && back <= k; ++back) {
            const int turn = order[k - back];
            if (context.turns()[size_t(turn)].speaker == Speaker::Agent &&
                holdPhrases.first(context.tokens(turn)))
                return true;
        }
        return false;
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
    d->lookback = std::max(1, config.value(QStringLiteral("hold_lookback_turns")).toInt(2));
    QStringList phrases;
    for (const QJsonValue &v : config.value(QStringLiteral("hold_phrases")).toArray())
        phrases << v.toString();
    if (phrases.isEmpty())
        phrases = defaultHoldPhrases();
    d->holdPhrases = PhraseSet(phrases, build.lexicon, 2, true);
    return d;
}

} // namespace qaw
