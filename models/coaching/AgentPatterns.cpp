#include "coaching/AgentPatterns.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace qaw {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr qint64 kWeekMs = 7 * kDayMs;

struct Tally
{
    qint64 n = 0;
    qint64 fails = 0;
    void add(bool fail)
    {
        ++n;
        fails += fail ? 1 : 0;
    }
};

struct AgentTally
{
    qint64 teamId = -1;
    Tally current, previous;
    std::vector<Tally> weekly;
    std::vector<std::pair<qint64, qint64>> fails; // (started, interaction)
};

//! One-sided p-value of a pooled two-proportion z-test that the agent's fail rate is
//! above the rest's.
double oneSidedPValue(const Tally &agent, const Tally &rest)
{
    const double pooled = double(agent.fails + rest.fails) / double(agent.n + rest.n);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / agent.n + 1.0 / rest.n));
    if (se <= 0)
        return 1;
    const double z = (double(agent.fails) / agent.n - double(rest.fails) / rest.n) / se;
    return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), z));
}

AgentPattern patternOf(const QString &criterion, qint64 agentId, const AgentTally &own,
                       const Tally &rest, const PatternWindow &window,
                       const PatternSettings &settings)
{
    AgentPattern p;
    p.criterion = criterion;
    p.agentId = agentId;
    p.n = own.current.n;
    p.fails = own.current.fails;
    p.teamN = rest.n;
    p.teamFails = rest.fails;
    p.rateInterval = *wilsonInterval(p.fails, p.n);
    // differenceInterval() counts passes; fails are the complement, so the gap in fail
    // rates (agent - team) is the team's pass rate minus the agent's.
    p.gapInterval = *differenceInterval(PassCount{p.n, p.n - p.fails},
                                        PassCount{rest.n, rest.n - rest.fails});
    p.pValue = oneSidedPValue(own.current, rest);
    for (int w = 0; w < window.weeks; ++w)
        p.weekly.push_back({window.startMs + w * kWeekMs, own.weekly[size_t(w)].n,
                            own.weekly[size_t(w)].fails});
    if (own.previous.n >= settings.minN)
        p.previousRate = double(own.previous.fails) / double(own.previous.n);
    std::vector<std::pair<qint64, qint64>> fails = own.fails;
    std::sort(fails.begin(), fails.end(), std::greater<>());
    for (const auto &f : fails)
        p.failedInteractions.push_back({f.second, f.first});
    return p;
}

} // namespace

qint64 weekStartMs(qint64 ms)
{
    // Day 0 (1970-01-01) was a Thursday, so Mondays are the days d with (d + 3) % 7 == 0.
    const qint64 day = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    const qint64 sinceMonday = ((day + 3) % 7 + 7) % 7;
    return (day - sinceMonday) * kDayMs;
}

PatternWindow patternWindow(qint64 latestMs, int weeks)
{
    PatternWindow w;
    w.weeks = std::max(1, weeks);
    w.endMs = latestMs;
    w.startMs = weekStartMs(latestMs) - qint64(w.weeks - 1) * kWeekMs;
    w.previousStartMs = w.startMs - qint64(w.weeks) * kWeekMs;
    return w;
}

std::optional<Interval> wilsonInterval(qint64 fails, qint64 n, double level)
{
    if (n <= 0)
        return std::nullopt;
    const double z = normalQuantile(level);
    const double p = double(fails) / double(n);
    const double denominator = 1 + z * z / n;
    const double centre = (p + z * z / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
    return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::vector<double> benjaminiHochberg(const std::vector<double> &pValues)
{
    const size_t m = pValues.size();
    std::vector<size_t> order(m);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return pValues[a] < pValues[b]; });
    std::vector<double> adjusted(m, 1.0);
    double runningMin = 1.0;
    // From the largest p down: q(i) = min over j >= i of p(j) * m / j.
    for (size_t rank = m; rank >= 1; --rank) {
        const size_t index = order[rank - 1];
        runningMin = std::min(runningMin, pValues[index] * double(m) / double(rank));
        adjusted[index] = runningMin;
    }
    return adjusted;
}

std::vector<AgentPattern> analysePatterns(const QString &criterion,
                                          const std::vector<PatternVerdict> &verdicts,
                                          const PatternWindow &window,
                                          const PatternSettings &settings)
{
    std::map<qint64, AgentTally> agents;
    std::map<qint64, Tally> teams;
    for (const PatternVerdict &v : verdicts) {
        if (v.startedAtMs < window.previousStartMs || v.startedAtMs > window.endMs)
            continue;
        AgentTally &a = agents[v.agentId];
        a.teamId = v.teamId;
        if (a.weekly.empty())
            a.weekly.resize(size_t(window.weeks));
        if (v.startedAtMs < window.startMs) {
            a.previous.add(v.fail);
            continue;
        }
        const qint64 week = (v.startedAtMs - window.startMs) / kWeekMs;
        a.weekly[size_t(std::min<qint64>(week, window.weeks - 1))].add(v.fail);
        a.current.add(v.fail);
        teams[v.teamId].add(v.fail);
        if (v.fail)
            a.fails.emplace_back(v.startedAtMs, v.interactionId);
    }
    Tally everyone;
    for (const auto &[team, t] : teams) {
        everyone.n += t.n;
        everyone.fails += t.fails;
    }
    std::vector<AgentPattern> out;
    for (const auto &[agentId, own] : agents) {
        // The agent is compared with the rest of the team, so a weak agent does not
        // drag down the yardstick they are measured against.
        const Tally &group = own.teamId >= 0 ? teams[own.teamId] : everyone;
        const Tally rest{group.n - own.current.n, group.fails - own.current.fails};
        if (own.current.n < settings.minN || rest.n < settings.minN)
            continue;
        out.push_back(patternOf(criterion, agentId, own, rest, window, settings));
    }
    return out;
}

void flagPatterns(std::vector<AgentPattern> &patterns, const PatternSettings &settings)
{
    std::vector<double> p;
    p.reserve(patterns.size());
    for (const AgentPattern &a : patterns)
        p.push_back(a.pValue);
    const std::vector<double> q = benjaminiHochberg(p);
    for (size_t i = 0; i < patterns.size(); ++i) {
        patterns[i].qValue = q[i];
        patterns[i].flagged = q[i] <= settings.falseDiscoveryRate &&
                              patterns[i].gapPoints() >= settings.minGapPoints;
    }
}

} // namespace qaw
