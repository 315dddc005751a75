#pragma once

#include "domain/Interaction.h"

namespace qaw {

//! Figures derived from a transcript at import. -1 means "cannot be known from this
//! transcript" (a chat has no talk time, a call without offsets has no silences).
struct DerivedMetrics
{
    qint64 durationMs = -1;
    qint64 agentTalkMs = -1;
    qint64 customerTalkMs = -1;
    int silenceCount = -1;
    qint64 silenceTotalMs = -1;
    qint64 silenceMaxMs = -1;
    int overtalkCount = -1;
    qint64 overtalkMs = -1;
    qint64 firstResponseMs = -1;
    qint64 maxCustomerWaitMs = -1;
};

//! Both parties quiet for longer than this, between turns, is a silence.
constexpr qint64 kSilenceThresholdMs = 3000;
//! Two speakers overlapping for longer than this is overtalk.
constexpr qint64 kOvertalkThresholdMs = 1000;

DerivedMetrics deriveMetrics(const Interaction &interaction);

} // namespace qaw
