#include "scoring/detectors/Silences.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

namespace qaw {
namespace {

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

ConceptQuery conceptsOf(const QJsonObject &config, const QString &key, const QString &speaker,
                        DetectorBuild &build)
{
    if (!config.contains(key))
        return {};
    return ConceptQuery(QJsonObject{{QStringLiteral("concepts"), config.value(key)},
                                    {QStringLiteral("speaker"), speaker}},
                        build);
}

} // namespace

void SilenceRules::read(const QJsonObject &config, DetectorBuild &build, double defaultHoldSeconds)
{
    const double holdSeconds = config.value(QStringLiteral("hold_seconds")).toDouble(defaultHoldSeconds);
    if (holdSeconds < 0)
        build.error(QStringLiteral("hold_seconds must be 0 or more"));
    holdMs = qint64(holdSeconds * 1000);
    lookback = std::max(1, config.value(QStringLiteral("lookback_turns"))
                               .toInt(config.value(QStringLiteral("hold_lookback_turns")).toInt(3)));
    lookahead = std::max(1, config.value(QStringLiteral("lookahead_turns")).toInt(2));
    QStringList ask = stringList(config.value(QStringLiteral("ask_phrases")));
    if (ask.isEmpty())
        ask = stringList(config.value(QStringLiteral("hold_phrases")));
    if (!ask.isEmpty())
        askPhrases = PhraseSet(ask, build.lexicon, 2, true);
    const QStringList thank = stringList(config.value(QStringLiteral("thank_phrases")));
    if (!thank.isEmpty())
        thankPhrases = PhraseSet(thank, build.lexicon, 2, true);
    const QString agent = QStringLiteral("agent");
    askConcepts = conceptsOf(config, QStringLiteral("ask_concepts"), agent, build);
    thankConcepts = conceptsOf(config, QStringLiteral("thank_concepts"), agent, build);
    holdEventConcepts = conceptsOf(config, QStringLiteral("hold_event_concepts"),
                                   QStringLiteral("system"), build);
}

std::vector<Silence> SilenceRules::find(const ScoringContext &context, qint64 minMs) const
{
    std::vector<Silence> out;
    const std::vector<int> &order = context.byStart();
    const bool timed = context.hasOffsets();
    qint64 coveredUntil = -1;
    bool seenSpeech = false;
    bool pendingEvent = false;
    for (size_t k = 0; k < order.size(); ++k) {
        const int turn = order[k];
        const Turn &t = context.turns()[size_t(turn)];
        // System turns are events, not speech: a hold event starts a hold, others pass.
        if (t.speaker == Speaker::System) {
            if (!holdEventConcepts.isEmpty() && holdEventConcepts.findIn(context, {turn}, true).any())
                pendingEvent = true;
            continue;
        }
        if (seenSpeech) {
            const qint64 gap = timed ? t.startMs - coveredUntil : 0;
            if (pendingEvent || (timed && gap >= minMs))
                out.push_back(Silence{timed ? coveredUntil : -1, timed ? t.startMs : -1, k,
                                      pendingEvent});
        }
        pendingEvent = false;
        if (timed)
            coveredUntil = seenSpeech ? std::max(coveredUntil, t.endMs) : t.endMs;
        seenSpeech = true;
    }
    return out;
}

ConceptHit SilenceRules::announced(const ScoringContext &context, const Silence &s) const
{
    return agentCue(context, s, true);
}

ConceptHit SilenceRules::thanked(const ScoringContext &context, const Silence &s) const
{
    return agentCue(context, s, false);
}

ConceptHit SilenceRules::agentCue(const ScoringContext &context, const Silence &s, bool before) const
{
    const std::vector<int> &order = context.byStart();
    const PhraseSet &phrases = before ? askPhrases : thankPhrases;
    const ConceptQuery &concepts = before ? askConcepts : thankConcepts;
    const int reach = before ? lookback : lookahead;
    ConceptHit best;
    qint64 position = before ? qint64(s.position) - 1 : qint64(s.position);
    for (int seen = 0; seen < reach && position >= 0 && position < qint64(order.size());
         position += before ? -1 : 1) {
        const int turn = order[size_t(position)];
        const Speaker speaker = context.speakerOf(turn);
        if (speaker == Speaker::System)
            continue; // events do not use up the reach
        ++seen;
        if (speaker != Speaker::Agent)
            continue;
        if (!phrases.isEmpty()) {
            if (const auto m = phrases.first(context.tokens(turn))) {
                ConceptMatch match;
                match.strength = ConceptMatch::Clear;
                match.charStart = m->charStart;
                match.charEnd = m->charEnd;
                return ConceptHit{-1, turn, match};
            }
        }
        if (concepts.isEmpty())
            continue;
        const ConceptFindings f = concepts.findIn(context, {turn}, true);
        if (!f.clear.empty())
            return f.clear.front();
        if (!f.weak.empty() && !best.match.found())
            best = f.weak.front();
    }
    return best;
}

} // namespace qaw
