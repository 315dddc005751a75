#pragma once

#include "coaching/ProportionIntervals.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! One confident verdict of one criterion, as the pattern finder reads it.
struct PatternVerdict
{
    qint64 interactionId = -1;
    qint64 agentId = -1;
    qint64 teamId = -1; //!< -1: no team; the agent is then compared with everyone else
    qint64 startedAtMs = 0;
    bool fail = false;
};

//! How agent patterns are found (the "Agent patterns" flag rule's parameters).
struct PatternSettings
{
    int weeks = 4;                   //!< the rolling window, in whole weeks
    double minGapPoints = 10;        //!< the agent's fail rate minus the team's, in points
    double falseDiscoveryRate = 0.05; //!< Benjamini-Hochberg level over every agent x criterion
    int minN = 10;                   //!< verdicts needed on each side of the comparison
    int maxExamples = 5;
    QStringList criteria; //!< empty: every criterion of the scorecard
};

//! The weeks a pattern looks at: [startMs, endMs], and the same length before it for
//! the trend. Weeks start on Monday (UTC); the window ends with the week of the latest
//! scored interaction, so an imported history is judged as of its own end.
struct PatternWindow
{
    qint64 previousStartMs = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int weeks = 4;
};

struct WeeklyRate
{
    qint64 weekStartMs = 0;
    qint64 n = 0;
    qint64 fails = 0;
};

//! One failed verdict of a pattern: an example the supervisor can open.
struct PatternFail
{
    qint64 interactionId = -1;
    qint64 startedAtMs = 0;
};

//! An agent's fail rate on one criterion against the rest of their team's.
struct AgentPattern
{
    QString criterion;
    qint64 agentId = -1;
    qint64 n = 0, fails = 0;         //!< the agent's verdicts in the window
    qint64 teamN = 0, teamFails = 0; //!< the rest of the team's
    Interval rateInterval;          //!< Wilson 95% interval of the agent's fail rate
    Interval gapInterval;           //!< Agresti-Caffo 95% interval of rate - team rate
    double pValue = 1;              //!< one-sided: the agent fails more than the team
    double qValue = 1;              //!< p adjusted for every comparison of the run
    std::vector<WeeklyRate> weekly; //!< one per week of the window, oldest first
    std::optional<double> previousRate; //!< the agent's rate in the window before
    std::vector<PatternFail> failedInteractions; //!< the agent's fails, latest first
    bool flagged = false;

    double rate() const { return n > 0 ? double(fails) / double(n) : 0; }
    double teamRate() const { return teamN > 0 ? double(teamFails) / double(teamN) : 0; }
    double gapPoints() const { return (rate() - teamRate()) * 100; }
    //! Whether an open item on this pattern stays open: the gap is still real (its
    //! interval above zero) and at least half the flagging threshold, so an item does
    //! not flap open and shut around the threshold.
    bool stillAGap(const PatternSettings &s) const
    {
        return gapInterval.low > 0 && gapPoints() >= s.minGapPoints / 2;
    }
};

//! Monday 00:00 UTC of the week that contains \a ms.
qint64 weekStartMs(qint64 ms);

PatternWindow patternWindow(qint64 latestMs, int weeks);

//! Wilson score interval of \a fails out of \a n (nullopt when n is 0).
std::optional<Interval> wilsonInterval(qint64 fails, qint64 n, double level = 0.95);

//! Benjamini-Hochberg adjusted p-values, in the order given.
std::vector<double> benjaminiHochberg(const std::vector<double> &pValues);

//! Every agent's pattern on \a criterion in \a window (agents with fewer than minN
//! verdicts, or whose rest of team has fewer, are left out). Not yet flagged: call
//! flagPatterns() once with the patterns of every criterion.
std::vector<AgentPattern> analysePatterns(const QString &criterion,
                                          const std::vector<PatternVerdict> &verdicts,
                                          const PatternWindow &window,
                                          const PatternSettings &settings);

//! Adjusts the p-values over all \a patterns together and flags those whose adjusted
//! p-value is within the false discovery rate and whose gap is at least the threshold.
void flagPatterns(std::vector<AgentPattern> &patterns, const PatternSettings &settings);

} // namespace qaw
