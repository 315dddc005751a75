#include "coaching/CoachingItemWriter.h"

#include "coaching/CriterionScales.h"
#include "coaching/FlagRule.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace qaw {
namespace {

QString criteriaJson(const QStringList &ids)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

QStringList criteriaFrom(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

CoachingItemWriter::CoachingItemWriter(Workspace &workspace, const CriterionScales &scales,
                                       qint64 nowMs, const QString &user)
    : m_workspace(workspace), m_scales(scales), m_nowMs(nowMs), m_user(user)
{
}

int CoachingItemWriter::weeklyBudget(const Workspace &workspace)
{
    bool ok = false;
    const int v = workspace.setting(QLatin1String(kWeeklyBudgetSetting)).toInt(&ok);
    return ok && v > 0 ? v : kDefaultWeeklyBudget;
}

int CoachingItemWriter::horizonWeeks(const Workspace &workspace)
{
    bool ok = false;
    const int v = workspace.setting(QLatin1String(kHorizonWeeksSetting)).toInt(&ok);
    return ok && v >= 0 ? v : kDefaultHorizonWeeks;
}

bool CoachingItemWriter::exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool CoachingItemWriter::loadOpenItems()
{
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, interaction_id, agent_id, kind, criteria, reason, "
                               "priority, week, status NOT IN ('verified','dismissed') "
                               "FROM coaching_items"))) {
        m_error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const qint64 interaction = q.value(1).toLongLong();
        const bool pattern = q.value(3).toString() == QLatin1String("pattern");
        if (!q.value(8).toBool()) {
            if (!pattern)
                m_closedInteractions.insert(interaction);
            continue;
        }
        const qint64 agent = q.value(2).toLongLong();
        ++m_openPerWeek[{agent, q.value(7).toLongLong()}];
        const QStringList criteria = criteriaFrom(q.value(4).toString());
        if (pattern && !criteria.isEmpty())
            m_openPatterns[{agent, criteria.first()}] = {q.value(0).toLongLong(),
                                                         q.value(7).toLongLong()};
        else if (!pattern)
            m_openByInteraction[interaction] = {q.value(0).toLongLong(), q.value(5).toString(),
                                                criteria, q.value(6).toDouble()};
    }
    return true;
}

bool CoachingItemWriter::write(const std::vector<InteractionCandidate> &interactions,
                               const PatternPlan *patterns, WriteCounts *counts, QString *error)
{
    if (!loadOpenItems()) {
        *error = m_error;
        return false;
    }
    std::vector<const InteractionCandidate *> newInteractions;
    for (const InteractionCandidate &c : interactions) {
        if (m_closedInteractions.contains(c.interactionId))
            continue;
        const auto open = m_openByInteraction.find(c.interactionId);
        if (open == m_openByInteraction.end()) {
            newInteractions.push_back(&c);
        } else if (merge(c, open->second)) {
            ++counts->itemsMerged;
        } else {
            *error = m_error;
            return false;
        }
    }
    // Patterns first: they are what a supervisor coaches on and rank above single
    // events. Their examples leave out every interaction flagged on its own.
    for (const InteractionCandidate *c : newInteractions)
        m_flaggedAlone.insert(c->interactionId);
    std::vector<PatternChoice> kept, fresh, accepted;
    std::vector<std::pair<qint64, const AgentPattern *>> closing;
    std::vector<BudgetCandidate> candidates;
    std::map<AgentWeek, int> overBudget;
    const int budget = weeklyBudget(m_workspace);
    if (patterns) {
        planPatterns(*patterns, &kept, &fresh, &closing);
        for (const PatternChoice &c : fresh)
            candidates.push_back({c.pattern->agentId, c.weekStartMs(),
                                  patternPriority(*c.pattern, *patterns)});
        const BudgetDecision d = applyWeeklyBudget(candidates, m_openPerWeek, budget);
        takeBudget(d, candidates, &overBudget);
        for (size_t index : d.accepted)
            accepted.push_back(fresh[index]);
    }
    std::vector<BudgetCandidate> interactionCandidates;
    for (const InteractionCandidate *c : newInteractions)
        interactionCandidates.push_back({c->agentId, weekStartMs(c->startedAtMs), c->priority});
    const BudgetDecision d = applyWeeklyBudget(interactionCandidates, m_openPerWeek, budget);
    takeBudget(d, interactionCandidates, &overBudget);
    candidates.insert(candidates.end(), interactionCandidates.begin(), interactionCandidates.end());

    bool ok = true;
    for (const auto &[itemId, p] : closing) {
        ok = ok && closePattern(itemId, p, *patterns);
        counts->patternsClosed += ok ? 1 : 0;
    }
    for (const PatternChoice &c : kept) {
        ok = ok && writePattern(c, *patterns);
        counts->patternsUpdated += ok ? 1 : 0;
    }
    for (const PatternChoice &c : accepted) {
        ok = ok && writePattern(c, *patterns);
        counts->patternsOpened += ok ? 1 : 0;
    }
    for (size_t index : d.accepted) {
        ok = ok && insertInteraction(*newInteractions[index]);
        counts->itemsCreated += ok ? 1 : 0;
    }
    for (const auto &entry : overBudget)
        counts->overBudget += entry.second;
    ok = ok && saveOverflow(overBudget, candidates);
    if (!ok)
        *error = m_error;
    return ok;
}

void CoachingItemWriter::takeBudget(const BudgetDecision &d,
                                    const std::vector<BudgetCandidate> &candidates,
                                    std::map<AgentWeek, int> *overBudget)
{
    for (size_t index : d.accepted)
        ++m_openPerWeek[{candidates[index].agentId, candidates[index].weekStartMs}];
    for (const auto &[key, count] : d.overBudget)
        (*overBudget)[key] += count;
}

void CoachingItemWriter::planPatterns(const PatternPlan &plan, std::vector<PatternChoice> *kept,
                                      std::vector<PatternChoice> *fresh,
                                      std::vector<std::pair<qint64, const AgentPattern *>> *closing)
{
    std::map<std::pair<qint64, QString>, const AgentPattern *> byKey;
    for (const AgentPattern &p : plan.patterns)
        byKey[{p.agentId, p.criterion}] = &p;
    for (const auto &[key, open] : m_openPatterns) {
        const auto found = byKey.find(key);
        const AgentPattern *p = found != byKey.end() ? found->second : nullptr;
        // The item moves to the week of its new example; its old week frees a place.
        --m_openPerWeek[{key.first, open.weekStartMs}];
        if (p && p->stillAGap(plan.settings)) {
            kept->push_back(choose(*p, open.id, plan.settings.maxExamples));
            ++m_openPerWeek[{key.first, kept->back().weekStartMs()}];
        } else {
            closing->emplace_back(open.id, p);
        }
    }
    for (const AgentPattern &p : plan.patterns)
        if (p.flagged && !m_openPatterns.count({p.agentId, p.criterion}))
            fresh->push_back(choose(p, -1, plan.settings.maxExamples));
}

CoachingItemWriter::PatternChoice CoachingItemWriter::choose(const AgentPattern &p, qint64 itemId,
                                                             int maxExamples)
{
    // The clearest examples: the agent's latest confident fails that are not already an
    // interaction item of their own, so no interaction sits in two items.
    PatternChoice c;
    c.pattern = &p;
    c.itemId = itemId;
    for (const PatternFail &f : p.failedInteractions) {
        if (int(c.examples.size()) >= maxExamples)
            break;
        if (m_openByInteraction.count(f.interactionId) || m_flaggedAlone.contains(f.interactionId))
            continue;
        // An interaction is the example of one pattern only, the first one to claim it.
        if (m_examplesTaken.contains(f.interactionId))
            continue;
        m_examplesTaken.insert(f.interactionId);
        c.examples.push_back(f);
    }
    c.anchor = !c.examples.empty() ? c.examples.front() : p.failedInteractions.front();
    return c;
}

bool CoachingItemWriter::merge(const InteractionCandidate &c, const OpenItem &open)
{
    QString reason = open.reason;
    for (const QString &r : c.reasons)
        if (!reason.contains(r))
            reason += (reason.isEmpty() ? QString() : QStringLiteral(" ")) + r;
    QStringList criteria = open.criteria;
    for (const QString &id : c.criteria)
        if (!criteria.contains(id))
            criteria << id;
    const double priority = std::max(open.priority, c.priority);
    if (reason == open.reason && criteria == open.criteria && priority == open.priority)
        return true;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("UPDATE coaching_items SET reason = ?, criteria = ?, priority = ?, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(reason);
    q.addBindValue(criteriaJson(criteria));
    q.addBindValue(priority);
    q.addBindValue(m_nowMs);
    q.addBindValue(open.id);
    m_openByInteraction[c.interactionId] = {open.id, reason, criteria, priority};
    return exec(q);
}

bool CoachingItemWriter::insertInteraction(const InteractionCandidate &c)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral(
        "INSERT INTO coaching_items(interaction_id, rule_id, agent_id, status, reason, "
        "priority, kind, criteria, week, created_at, updated_at) "
        "VALUES(?, ?, ?, 'new', ?, ?, 'interaction', ?, ?, ?, ?)"));
    q.addBindValue(c.interactionId);
    q.addBindValue(c.ruleId);
    q.addBindValue(c.agentId);
    q.addBindValue(c.reasons.join(QLatin1Char(' ')));
    q.addBindValue(c.priority);
    q.addBindValue(criteriaJson(c.criteria));
    q.addBindValue(weekStartMs(c.startedAtMs));
    q.addBindValue(m_nowMs);
    q.addBindValue(m_nowMs);
    if (!exec(q))
        return false;
    m_openByInteraction[c.interactionId] = {q.lastInsertId().toLongLong(),
                                            c.reasons.join(QLatin1Char(' ')), c.criteria,
                                            c.priority};
    QSqlQuery mark(m_workspace.database());
    mark.prepare(QStringLiteral("UPDATE interactions SET flagged = 1 WHERE id = ?"));
    mark.addBindValue(c.interactionId);
    return exec(mark);
}

double CoachingItemWriter::patternPriority(const AgentPattern &p, const PatternPlan &plan) const
{
    // A pattern is what a supervisor coaches on, so it ranks above every single event
    // (whose priority stays below kMaxSeverity + 1) and takes the week's budget first;
    // among patterns, the rule's severity and then the wider gap come first.
    return std::round((kMaxSeverity + plan.severity +
                       std::clamp(p.gapPoints() / 100, 0.0, 0.999)) *
                      1000) /
           1000;
}

} // namespace qaw
