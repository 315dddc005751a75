#include "domain/DerivedMetrics.h"

#include <algorithm>

namespace qaw {
namespace {

bool allTurnsHaveOffsets(const std::vector<Turn> &turns)
{
    return !turns.empty() && std::all_of(turns.begin(), turns.end(),
                                         [](const Turn &t) { return t.hasOffsets(); });
}

void deriveVoice(const std::vector<Turn> &turns, DerivedMetrics &m)
{
    std::vector<const Turn *> ordered;
    ordered.reserve(turns.size());
    for (const Turn &t : turns)
        ordered.push_back(&t);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Turn *a, const Turn *b) { return a->startMs < b->startMs; });

    m.agentTalkMs = 0;
    m.customerTalkMs = 0;
    m.silenceCount = 0;
    m.silenceTotalMs = 0;
    m.silenceMaxMs = 0;
    m.overtalkCount = 0;
    m.overtalkMs = 0;
    qint64 coveredUntil = ordered.front()->startMs;
    const Turn *previous = nullptr;
    for (const Turn *t : ordered) {
        const qint64 talk = t->endMs - t->startMs;
        if (t->speaker == Speaker::Agent)
            m.agentTalkMs += talk;
        else if (t->speaker == Speaker::Customer)
            m.customerTalkMs += talk;

        const qint64 gap = t->startMs - coveredUntil;
        if (gap > kSilenceThresholdMs) {
            ++m.silenceCount;
            m.silenceTotalMs += gap;
            m.silenceMaxMs = std::max(m.silenceMaxMs, gap);
        }
        if (previous && previous->speaker != t->speaker) {
            const qint64 overlap = std::min(previous->endMs, t->endMs) - t->startMs;
            if (overlap > kOvertalkThresholdMs) {
                ++m.overtalkCount;
                m.overtalkMs += overlap;
            }
        }
        coveredUntil = std::max(coveredUntil, t->endMs);
        previous = t;
    }
    m.durationMs = coveredUntil - ordered.front()->startMs;
}

void deriveChat(const Interaction &interaction, DerivedMetrics &m)
{
    qint64 firstCustomerAt = -1;
    qint64 waitingSince = -1; // customer message not yet answered
    qint64 firstAt = -1;
    qint64 lastAt = -1;
    for (const Turn &t : interaction.turns) {
        if (t.atMs < 0)
            continue;
        if (firstAt < 0)
            firstAt = t.atMs;
        lastAt = std::max(lastAt, t.atMs);
        if (t.speaker == Speaker::Customer) {
            if (firstCustomerAt < 0)
                firstCustomerAt = t.atMs;
            if (waitingSince < 0)
                waitingSince = t.atMs;
        } else if (t.speaker == Speaker::Agent) {
            if (waitingSince >= 0) {
                const qint64 wait = t.atMs - waitingSince;
                if (m.firstResponseMs < 0 && waitingSince == firstCustomerAt)
                    m.firstResponseMs = wait;
                m.maxCustomerWaitMs = std::max(m.maxCustomerWaitMs, wait);
                waitingSince = -1;
            }
        }
    }
    if (firstAt >= 0 && interaction.startedAt.isValid())
        m.durationMs = lastAt - std::min(firstAt, interaction.startedAt.toMSecsSinceEpoch());
}

} // namespace

DerivedMetrics deriveMetrics(const Interaction &interaction)
{
    DerivedMetrics m;
    if (allTurnsHaveOffsets(interaction.turns))
        deriveVoice(interaction.turns, m);
    else
        deriveChat(interaction, m);
    if (interaction.durationMs >= 0)
        m.durationMs = interaction.durationMs;
    return m;
}

} // namespace qaw
