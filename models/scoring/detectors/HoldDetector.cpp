#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

namespace qaw {
namespace {

//! Hold etiquette: every hold (a gap of at least min_hold_seconds in a timed transcript)
//! must be asked for by the agent just before it and thanked for just after it. N/A
//! when there was no hold, and when the transcript has no times to find holds with.
class HoldDetector : public Detector
{
public:
    qint64 minHoldMs = 15000;
    int lookback = 2;
    int lookahead = 2;
    PhraseSet askPhrases;
    PhraseSet thankPhrases;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        if (!context.hasOffsets())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The transcript has no turn start/end times, so holds cannot "
                               "be found."));
        const std::vector<int> &order = context.byStart();
        qint64 coveredUntil = context.turns()[size_t(order.front())].startMs;
        int holds = 0;
        QStringList problems;
        std::vector<EvidenceSpan> evidence;
        for (size_t k = 0; k < order.size(); ++k) {
            const Turn &t = context.turns()[size_t(order[k])];
            if (k > 0 && t.startMs - coveredUntil >= minHoldMs) {
                ++holds;
                const int asked = findAgentTurn(context, order, k, -1, lookback, askPhrases);
                const int thanked = findAgentTurn(context, order, k, +1, lookahead, thankPhrases);
                const QString at = QString::number(double(coveredUntil) / 1000.0, 'f', 0);
                if (asked < 0)
                    problems << QStringLiteral("the hold at %1 s was not asked for").arg(at);
                else
                    evidence.push_back(context.wholeTurn(asked));
                if (thanked < 0)
                    problems << QStringLiteral("the customer was not thanked after the hold "
                                               "at %1 s")
                                    .arg(at);
                else
                    evidence.push_back(context.wholeTurn(thanked));
                if (asked < 0 || thanked < 0) {
                    EvidenceSpan s = context.wholeTurn(order[k]);
                    s.timeMs = coveredUntil;
                    evidence.push_back(s);
                }
            }
            coveredUntil = std::max(coveredUntil, t.endMs);
        }
        if (holds == 0)
            return DetectorOutcome::notApplicable(QStringLiteral("There was no hold."));
        if (!problems.isEmpty())
            return DetectorOutcome::fail(
                QStringLiteral("%1 hold(s): %2.").arg(holds).arg(problems.join(QStringLiteral("; "))),
                std::move(evidence));
        return DetectorOutcome::pass(
            QStringLiteral("%1 hold(s), each asked for before and thanked for after.").arg(holds),
            std::move(evidence));
    }

private:
    // The agent turn within `reach` turns before (direction -1) or from (direction +1)
    // position k of the start order that says one of the phrases; -1 when there is none.
    int findAgentTurn(const ScoringContext &context, const std::vector<int> &order, size_t k,
                      int direction, int reach, const PhraseSet &phrases) const
    {
        for (int step = 0; step < reach; ++step) {
            const qint64 position = direction < 0 ? qint64(k) - 1 - step : qint64(k) + step;
            if (position < 0 || position >= qint64(order.size()))
                break;
            const int turn = order[size_t(position)];
            if (context.turns()[size_t(turn)].speaker == Speaker::Agent &&
                phrases.first(context.tokens(turn)))
                return turn;
        }
        return -1;
    }
};

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

} // namespace

std::unique_ptr<Detector> makeHoldDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<HoldDetector>();
    d->minHoldMs = qint64(config.value(QStringLiteral("min_hold_seconds")).toDouble(15) * 1000);
    d->lookback = std::max(1, config.value(QStringLiteral("lookback_turns")).toInt(2));
    d->lookahead = std::max(1, config.value(QStringLiteral("lookahead_turns")).toInt(2));
    QStringList ask = stringList(config.value(QStringLiteral("ask_phrases")));
    if (ask.isEmpty())
        ask = defaultHoldPhrases();
    const QStringList thank = stringList(config.value(QStringLiteral("thank_phrases")));
    if (thank.isEmpty()) {
        build.error(QStringLiteral("a hold detector needs \"thank_phrases\""));
        return nullptr;
    }
    if (d->minHoldMs <= 0) {
        build.error(QStringLiteral("min_hold_seconds must be above 0"));
        return nullptr;
    }
    d->askPhrases = PhraseSet(ask, build.lexicon, 2, true);
    d->thankPhrases = PhraseSet(thank, build.lexicon, 2, true);
    return d;
}

} // namespace qaw
