#include "demo/DemoGenerator.h"

#include "demo/DemoScripts.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <deque>

namespace qaw {
namespace {

struct ScriptLine
{
    Speaker speaker;
    QString text;
    qint64 gapBeforeMs = -1; //!< -1: an ordinary pause
    bool overtalk = false;
};

int wordCount(const QString &text)
{
    return int(text.count(QLatin1Char(' '))) + 1;
}

} // namespace

DemoGenerator::DemoGenerator(quint64 seed, int interactionCount)
    : m_rng(seed), m_count(interactionCount), m_firstDay(2026, 5, 1), m_lastDay(2026, 10, 31)
{
    makeAgents();
}

double DemoGenerator::uniform()
{
    // 53 random bits into [0, 1): identical on every standard library.
    return double(m_rng() >> 11) * (1.0 / 9007199254740992.0);
}

int DemoGenerator::below(int n)
{
    return std::min(n - 1, int(uniform() * n));
}

void DemoGenerator::makeAgents()
{
    const auto &teams = demo::scenarios();
    const auto &first = demo::firstNames();
    const auto &last = demo::lastNames();
    int index = 0;
    for (const demo::Scenario &team : teams) {
        for (int k = 0; k < 11; ++k, ++index) {
            DemoAgentProfile p;
            p.id = QStringLiteral("agt-%1").arg(index + 1, 3, 10, QLatin1Char('0'));
            p.name = first[size_t(index) % first.size()] + QLatin1Char(' ') +
                     last[size_t(index * 7 + 3) % last.size()];
            p.team = team.team;
            p.greeting = 0.9 + 0.09 * uniform();
            p.verification = 0.85 + 0.14 * uniform();
            p.empathy = 0.7 + 0.25 * uniform();
            p.negativity = 0.01 + 0.03 * uniform();
            p.holdEtiquette = 0.75 + 0.2 * uniform();
            p.deadAir = 0.03 + 0.07 * uniform();
            p.resolution = 0.7 + 0.25 * uniform();
            p.closing = 0.8 + 0.18 * uniform();
            p.ownership = 0.7 + 0.25 * uniform();
            if (index % 7 == 2)
                p.greeting = 0.3; // skips greetings
            if (index % 5 == 1)
                p.empathy = 0.2; // lacks empathy
            if (index % 11 == 6)
                p.negativity = 0.25; // curt and negative
            if (index % 9 == 4) {
                p.deadAir = 0.35;
                p.holdEtiquette = 0.4;
            }
            if (index % 10 == 3) {
                p.resolution = 0.45;
                p.ownership = 0.35;
            }
            if (index % 11 == 8) {
                // Improves after a coaching session in the middle of the period.
                p.empathy = 0.25;
                p.greeting = 0.5;
                p.coachingDate = m_firstDay.addDays(75 + index % 20);
                p.improvedEmpathy = 0.85;
                p.improvedGreeting = 0.95;
            }
            m_agents.push_back(p);
        }
    }
}

std::vector<DemoCoachingSession> DemoGenerator::coachingSessions() const
{
    std::vector<DemoCoachingSession> sessions;
    for (const DemoAgentProfile &a : m_agents) {
        if (!a.coachingDate.isValid())
            continue;
        sessions.push_back({a.id, a.coachingDate,
                            {QStringLiteral("empathy"), QStringLiteral("greeting")},
                            QStringLiteral("Listened to three calls together. Agreed to open "
                                           "with a named greeting and to acknowledge the "
                                           "customer's problem before solving it.")});
    }
    return sessions;
}

void DemoGenerator::generate(const std::function<void(const Interaction &)> &sink)
{
    const QDateTime first(m_firstDay, QTime(0, 0), QTimeZone::utc());
    const int days = int(m_firstDay.daysTo(m_lastDay)) + 1;
    std::vector<qint64> starts(size_t(std::max(0, m_count)));
    for (qint64 &s : starts) {
        const qint64 day = below(days);
        const qint64 secondOfDay = 8 * 3600 + qint64(uniform() * 12 * 3600);
        s = first.toMSecsSinceEpoch() + (day * 86400 + secondOfDay) * 1000 + below(1000);
    }
    std::sort(starts.begin(), starts.end());

    // Customers whose last contact was not resolved tend to come back within days.
    std::deque<QString> unresolvedRecently;
    int nextCustomer = 1;
    for (int i = 0; i < m_count; ++i) {
        QString customer;
        bool isRepeat = false;
        if (!unresolvedRecently.empty() && chance(0.45)) {
            const size_t k = size_t(below(int(unresolvedRecently.size())));
            customer = unresolvedRecently[k];
            unresolvedRecently.erase(unresolvedRecently.begin() + qsizetype(k));
            isRepeat = true;
        } else if (chance(0.1) && nextCustomer > 50) {
            customer = QStringLiteral("cus-%1").arg(1 + below(nextCustomer - 1), 6, 10,
                                                    QLatin1Char('0'));
        } else {
            customer = QStringLiteral("cus-%1").arg(nextCustomer++, 6, 10, QLatin1Char('0'));
        }
        DemoTruth truth;
        Interaction in = makeInteraction(i, starts[size_t(i)], customer, isRepeat, &truth);
        if (m_truthSink)
            m_truthSink(in.externalId, truth);
        // A number never used before: the turns' own count, spread by an odd multiplier
        // so that neighbouring turns do not share their leading digits.
        for (Turn &t : in.turns)
            if (m_uniqueTurns)
                t.text += QStringLiteral(" Ref %1.").arg((++m_turnsMade * 2654435761ULL) % 10000000000ULL);
        if (in.resolved && !*in.resolved) {
            unresolvedRecently.push_back(customer);
            if (unresolvedRecently.size() > 150)
                unresolvedRecently.pop_front();
        }
        sink(in);
    }
}

Interaction DemoGenerator::makeInteraction(int index, qint64 startMs, const QString &customerId,
                                           bool isRepeat, DemoTruth *truth)
{
    const demo::Scenario &scenario = pick(demo::scenarios());
    std::vector<const DemoAgentProfile *> team;
    for (const DemoAgentProfile &a : m_agents)
        if (a.team == scenario.team)
            team.push_back(&a);
    const DemoAgentProfile &agent = *team[size_t(below(int(team.size())))];

    const double roll = uniform();
    const QString channel = roll < 0.6    ? QStringLiteral("voice")
                            : roll < 0.95 ? QStringLiteral("chat")
                                          : QStringLiteral("email");
    const bool voice = channel == QLatin1String("voice");
    const QDate day = QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc()).date();
    const bool coached = agent.coachingDate.isValid() && day >= agent.coachingDate;
    const bool greeted = chance(coached ? agent.improvedGreeting : agent.greeting);
    const bool empathic = chance(coached ? agent.improvedEmpathy : agent.empathy);
    const bool verified = channel != QLatin1String("email") && chance(agent.verification);
    const bool negative = chance(agent.negativity);
    const bool holds = voice && chance(0.3);
    const bool politeHold = chance(agent.holdEtiquette);
    const bool deadAir = voice && chance(agent.deadAir);
    const bool resolved = chance(isRepeat ? agent.resolution * 0.8 : agent.resolution);
    const bool owns = chance(agent.ownership);
    const bool closes = chance(agent.closing);
    const int variant = below(int(scenario.problems.size()));
    const QString firstName = agent.name.section(QLatin1Char(' '), 0, 0);
    *truth = DemoTruth{voice,    channel == QLatin1String("email"),
                       greeted,  verified,
                       empathic, negative,
                       holds,    holds && politeHold,
                       deadAir,  resolved,
                       owns,     closes};

    std::vector<ScriptLine> script;
    auto say = [&script](Speaker s, const QString &text) { script.push_back({s, text}); };
    say(Speaker::Agent, greeted ? pick(demo::greetings()).arg(firstName)
                                : pick(demo::curtOpenings()));
    say(Speaker::Customer, (isRepeat ? QStringLiteral("I called about this a few days ago. ")
                                     : QString()) +
                               scenario.problems[size_t(variant)]);
    if (empathic)
        say(Speaker::Agent, pick(demo::empathyLines()));
    else
        say(Speaker::Agent, pick(demo::neutralAcks()));
    if (verified) {
        say(Speaker::Agent, pick(demo::verificationAsks()));
        say(Speaker::Customer, pick(demo::verificationAnswers()));
        say(Speaker::Agent, QStringLiteral("Thanks, that's you verified."));
    }
    if (holds) {
        if (politeHold) {
            say(Speaker::Agent, pick(demo::holdAsks()));
            say(Speaker::Customer, QStringLiteral("Sure, no problem."));
        }
        script.push_back({Speaker::Agent,
                          (politeHold ? pick(demo::holdThanks()) + QLatin1Char(' ')
                                      : QString()) +
                              scenario.actions[size_t(variant)],
                          30000 + below(60000)});
    } else {
        say(Speaker::Agent, scenario.actions[size_t(variant)]);
    }
    say(Speaker::Customer, QStringLiteral("Okay, so what can you do about it?"));
    if (negative)
        say(Speaker::Agent, pick(demo::negativeLines()));
    if (deadAir)
        script.push_back({Speaker::Agent, QStringLiteral("Right."), 12000 + below(14000)});
    say(Speaker::Agent, resolved ? scenario.fixes[size_t(variant)]
                                 : QStringLiteral("I've raised it with the team who look "
                                                  "after this."));
    if (owns)
        say(Speaker::Agent, pick(demo::ownershipLines()));
    say(Speaker::Customer, resolved ? pick(demo::confirmations())
                                    : pick(demo::unresolvedReplies()));
    if (closes) {
        say(Speaker::Agent, pick(demo::closings()));
        say(Speaker::Customer, QStringLiteral("No, that's everything."));
        say(Speaker::Agent, pick(demo::goodbyes()));
    } else {
        say(Speaker::Customer, QStringLiteral("Okay. Bye."));
    }
    if (voice)
        for (ScriptLine &line : script)
            if (line.speaker == Speaker::Customer && line.gapBeforeMs < 0 && chance(0.05))
                line.overtalk = true;

    Interaction in;
    in.source = QStringLiteral("demo");
    in.externalId = QStringLiteral("c-%1").arg(index + 1, 7, 10, QLatin1Char('0'));
    in.channel = channel;
    in.startedAt = QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc());
    in.agentId = agent.id;
    in.agentName = agent.name;
    in.team = agent.team;
    in.customerId = customerId;
    in.queue = scenario.queue;
    in.language = QStringLiteral("en");
    in.tags = {scenario.tag};
    in.resolved = resolved;
    in.attributes.insert(QStringLiteral("region"),
                         index % 3 == 0 ? QStringLiteral("north") : QStringLiteral("south"));

    qint64 clock = 0;
    for (const ScriptLine &line : script) {
        Turn t;
        t.speaker = line.speaker;
        t.text = line.text;
        if (voice) {
            const qint64 length = wordCount(line.text) * 330 + 300 + below(600);
            qint64 start = clock + (line.gapBeforeMs >= 0 ? line.gapBeforeMs : 200 + below(1000));
            if (line.overtalk && clock > 2500)
                start = clock - 1500 - below(1000);
            t.startMs = start;
            t.endMs = start + length;
            clock = std::max(clock, t.endMs);
        } else {
            const bool agentTurn = line.speaker == Speaker::Agent;
            clock += agentTurn ? 8000 + below(negative ? 150000 : 60000) : 10000 + below(50000);
            t.atMs = startMs + clock;
        }
        in.turns.push_back(t);
    }
    in.durationMs = clock;

    if (chance(0.34)) {
        double score = 2.6 + (resolved ? 1.2 : 0) + (empathic ? 0.6 : -0.2) +
                       (greeted ? 0.2 : -0.2) - (negative ? 1.3 : 0) - (deadAir ? 0.3 : 0) -
                       (isRepeat ? 0.3 : 0) + (uniform() - 0.5) * 1.6;
        in.csat = std::clamp(int(std::lround(score)), 1, 5);
    }
    return in;
}

} // namespace qaw
