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

const QString kOpen = QStringLiteral("status NOT IN ('verified','dismissed')");

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
            m_openPatterns[{agent, criteria.first()}] = q.value(0).toLongLong();
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
    // Candidates for a new item, interaction and pattern alike, share each agent-week's
    // budget; index < interactions.size() is an interaction, the rest patterns.
    std::vector<BudgetCandidate> candidates;
    std::vector<const InteractionCandidate *> newInteractions;
    for (const InteractionCandidate &c : interactions) {
        if (m_closedInteractions.contains(c.interactionId))
            continue;
        const auto open = m_openByInteraction.find(c.interactionId);
        if (open != m_openByInteraction.end()) {
            if (!merge(c, open->second)) {
                *error = m_error;
                return false;
            }
            ++counts->itemsMerged;
            continue;
        }
        newInteractions.push_back(&c);
        candidates.push_back({c.agentId, weekStartMs(c.startedAtMs), c.priority});
    }
    std::vector<const AgentPattern *> newPatterns;
    if (patterns) {
        const qint64 week = weekStartMs(patterns->window.endMs);
        for (const AgentPattern &p : patterns->patterns)
            if (p.flagged && !m_openPatterns.count({p.agentId, p.criterion})) {
                newPatterns.push_back(&p);
                candidates.push_back({p.agentId, week, patternPriority(p, *patterns)});
            }
    }
    const BudgetDecision decision =
        applyWeeklyBudget(candidates, m_openPerWeek, weeklyBudget(m_workspace));
    bool ok = true;
    std::vector<size_t> accepted = decision.accepted;
    // Interaction items first: pattern examples leave out interactions with an item.
    std::sort(accepted.begin(), accepted.end());
    for (size_t index : accepted) {
        if (index < newInteractions.size()) {
            ok = ok && insertInteraction(*newInteractions[index]);
            counts->itemsCreated += ok ? 1 : 0;
        } else {
            ok = ok && openPattern(*newPatterns[index - newInteractions.size()], *patterns);
            counts->patternsOpened += ok ? 1 : 0;
        }
    }
    if (ok && patterns) {
        for (const auto &[key, itemId] : m_openPatterns) {
            const auto found = std::find_if(
                patterns->patterns.begin(), patterns->patterns.end(), [&](const AgentPattern &p) {
                    return p.agentId == key.first && p.criterion == key.second;
                });
            const AgentPattern *p = found != patterns->patterns.end() ? &*found : nullptr;
            if (p && p->stillAGap(patterns->settings)) {
                ok = ok && updatePattern(itemId, *p, *patterns);
                counts->patternsUpdated += ok ? 1 : 0;
            } else {
                ok = ok && closePattern(itemId, p, *patterns);
                counts->patternsClosed += ok ? 1 : 0;
            }
        }
    }
    for (const auto &entry : decision.overBudget)
        counts->overBudget += entry.second;
    ok = ok && saveOverflow(decision.overBudget, candidates);
    if (!ok)
        *error = m_error;
    return ok;
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
