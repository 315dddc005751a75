// The two Flagger rules that judge an agent rather than one interaction. Both look at a
// window that ends at the latest scored interaction of the workspace (not the wall
// clock, so an imported history is judged as of its own end), and both file their item
// on one interaction of the agent so a supervisor has a concrete example to open.
#include "coaching/Flagger.h"

#include "storage/Workspace.h"

#include <QObject>
#include <QSqlQuery>
#include <QVariant>

#include <map>

namespace qaw {
namespace {

constexpr qint64 kDayMs = 86400000;

double param(const FlagRule &r, const char *key, double fallback)
{
    const QJsonValue v = r.params.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

struct Tally
{
    qint64 n = 0;
    qint64 passed = 0;
    double rate() const { return n > 0 ? double(passed) / double(n) : 0; }
};

} // namespace

std::vector<Flagger::Hit> Flagger::rollingAverage(const FlagRule &rule)
{
    const double threshold = param(rule, "threshold", 70);
    const bool byDays = rule.params.contains(QLatin1String("days"));
    const int lastN = int(param(rule, "last_n", 20));
    const int days = int(param(rule, "days", 30));
    const int minN = int(param(rule, "min_n", byDays ? 5 : lastN));
    QSqlQuery q(m_workspace.database());
    if (byDays) {
        q.prepare(QStringLiteral("SELECT agent_id, id, started_at, auto_total FROM interactions "
                                 "WHERE auto_total IS NOT NULL AND started_at > ?"));
        q.addBindValue(latestScoredStart() - qint64(days) * kDayMs);
    } else {
        q.prepare(QStringLiteral(
            "SELECT agent_id, id, started_at, auto_total FROM (SELECT agent_id, id, started_at, "
            "auto_total, row_number() OVER (PARTITION BY agent_id ORDER BY started_at DESC, "
            "id DESC) AS rn FROM interactions WHERE auto_total IS NOT NULL) WHERE rn <= ?"));
        q.addBindValue(lastN);
    }
    struct AgentWindow
    {
        int n = 0;
        double sum = 0;
        Hit weakest;
        double weakestTotal = 0;
    };
    std::map<qint64, AgentWindow> agents;
    if (!q.exec())
        return {};
    while (q.next()) {
        AgentWindow &w = agents[q.value(0).toLongLong()];
        const double total = q.value(3).toDouble();
        const qint64 started = q.value(2).toLongLong();
        ++w.n;
        w.sum += total;
        const bool weaker = w.n == 1 || total < w.weakestTotal ||
                            (total == w.weakestTotal && started > w.weakest.startedAtMs);
        if (weaker) {
            w.weakestTotal = total;
            w.weakest = {q.value(1).toLongLong(), q.value(0).toLongLong(), started, {}, {}};
        }
    }
    std::vector<Hit> hits;
    const QString window = byDays ? QObject::tr("the last %1 days").arg(days)
                                  : QObject::tr("the last %1 scored interactions").arg(lastN);
    for (auto &[agentId, w] : agents) {
        const double mean = w.sum / w.n;
        if (w.n < minN || mean >= threshold || agentHasOpenItem(agentId, rule.id))
            continue;
        Hit h = w.weakest;
        h.reason = QObject::tr("The agent's average total over %1 is %2 (below %3, n = %4); "
                               "this is the weakest of them (%5).")
                       .arg(window)
                       .arg(mean, 0, 'f', 1)
                       .arg(threshold)
                       .arg(w.n)
                       .arg(w.weakestTotal, 0, 'f', 1);
        hits.push_back(h);
    }
    return hits;
}

std::vector<Flagger::Hit> Flagger::belowTeam(const FlagRule &rule)
{
    const QString criterion = rule.criterion();
    const double points = param(rule, "points", 20);
    const int days = int(param(rule, "days", 30));
    const int minN = int(param(rule, "min_n", 10));
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral(
        "SELECT i.agent_id, i.team_id, i.id, i.started_at, cs.value, cs.max FROM interactions i "
        "CROSS JOIN automated_scores cs ON cs.evaluation_id = i.auto_evaluation_id AND "
        "cs.criterion_id = ? WHERE cs.na = 0 AND cs.value IS NOT NULL AND "
        "coalesce(cs.confidence, 'clear') = 'clear' AND i.started_at > ? "
        "AND i.team_id IS NOT NULL"));
    q.addBindValue(criterion);
    q.addBindValue(latestScoredStart() - qint64(days) * kDayMs);
    if (!q.exec())
        return {};
    std::map<qint64, Tally> byAgent;
    std::map<qint64, Tally> byTeam;
    std::map<qint64, qint64> teamOf;
    std::map<qint64, Hit> latestFail;
    while (q.next()) {
        const qint64 agent = q.value(0).toLongLong();
        const qint64 team = q.value(1).toLongLong();
        const bool fail = m_scales.isFail(criterion, q.value(4).toDouble(), q.value(5).toDouble());
        teamOf[agent] = team;
        for (Tally *t : {&byAgent[agent], &byTeam[team]}) {
            ++t->n;
            t->passed += fail ? 0 : 1;
        }
        const qint64 started = q.value(3).toLongLong();
        if (fail && (!latestFail.count(agent) || latestFail[agent].startedAtMs < started))
            latestFail[agent] = {q.value(2).toLongLong(), agent, started, {}, {}};
    }
    std::vector<Hit> hits;
    for (const auto &[agent, own] : byAgent) {
        // The agent is compared with the rest of the team, so a weak agent does not
        // drag down the yardstick they are measured against.
        const Tally &team = byTeam[teamOf[agent]];
        const Tally rest{team.n - own.n, team.passed - own.passed};
        if (own.n < minN || rest.n < minN || !latestFail.count(agent))
            continue;
        const double gap = (rest.rate() - own.rate()) * 100;
        if (gap <= points || agentHasOpenItem(agent, rule.id))
            continue;
        Hit h = latestFail[agent];
        h.reason = QObject::tr("Pass rate on \"%1\" over the last %2 days is %3% (n = %4) "
                               "against %5% for the rest of the team (n = %6): %7 points "
                               "below. This is the agent's latest fail.")
                       .arg(m_scales.name(criterion))
                       .arg(days)
                       .arg(own.rate() * 100, 0, 'f', 0)
                       .arg(own.n)
                       .arg(rest.rate() * 100, 0, 'f', 0)
                       .arg(rest.n)
                       .arg(gap, 0, 'f', 0);
        hits.push_back(h);
    }
    return hits;
}

PatternPlan Flagger::patternPlan(const FlagRule &rule)
{
    PatternPlan plan;
    plan.ruleId = rule.id;
    plan.severity = rule.severity;
    plan.settings = rule.patternSettings();
    plan.window = patternWindow(latestScoredStart(), plan.settings.weeks);
    QStringList criteria = m_scales.ids();
    if (!plan.settings.criteria.isEmpty())
        criteria = plan.settings.criteria;
    // Confident verdicts only: weak ones are questions for a reviewer, not evidence.
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT i.id, i.agent_id, coalesce(i.team_id, -1), i.started_at, cs.criterion_id, "
        "cs.value, cs.max FROM interactions i CROSS JOIN automated_scores cs "
        "ON cs.evaluation_id = i.auto_evaluation_id WHERE i.started_at >= ? AND "
        "i.started_at <= ? AND cs.na = 0 AND cs.value IS NOT NULL AND "
        "coalesce(cs.confidence, 'clear') = 'clear'"));
    q.addBindValue(plan.window.previousStartMs);
    q.addBindValue(plan.window.endMs);
    std::map<QString, std::vector<PatternVerdict>> byCriterion;
    if (q.exec())
        while (q.next()) {
            const QString criterion = q.value(4).toString();
            if (!criteria.contains(criterion))
                continue;
            byCriterion[criterion].push_back(
                {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                 q.value(3).toLongLong(),
                 m_scales.isFail(criterion, q.value(5).toDouble(), q.value(6).toDouble())});
        }
    for (const auto &[criterion, verdicts] : byCriterion) {
        std::vector<AgentPattern> found =
            analysePatterns(criterion, verdicts, plan.window, plan.settings);
        plan.patterns.insert(plan.patterns.end(), std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
    }
    flagPatterns(plan.patterns, plan.settings);
    return plan;
}

} // namespace qaw
