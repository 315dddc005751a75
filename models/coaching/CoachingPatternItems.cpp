// The pattern half of CoachingItemWriter: opening, updating in place and closing an
// agent's pattern item, and counting what the weekly budget could not take.
#include "coaching/CoachingItemWriter.h"

#include "coaching/CriterionScales.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace qaw {
namespace {

QString isoDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().toString(Qt::ISODate);
}

QString percent(double rate)
{
    return QString::number(rate * 100, 'f', 0) + QLatin1Char('%');
}

QString externalId(Workspace &ws, qint64 interactionId)
{
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT external_id FROM interactions WHERE id = ?"));
    q.addBindValue(interactionId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace

QJsonObject CoachingItemWriter::patternJson(const PatternChoice &c, const PatternPlan &plan) const
{
    const AgentPattern &p = *c.pattern;
    QJsonArray weekly;
    for (const WeeklyRate &w : p.weekly)
        weekly.append(QJsonObject{{QStringLiteral("week"), isoDate(w.weekStartMs)},
                                  {QStringLiteral("n"), w.n},
                                  {QStringLiteral("fails"), w.fails}});
    QJsonArray exampleIds;
    for (const PatternFail &e : c.examples)
        exampleIds.append(QJsonObject{
            {QStringLiteral("id"), e.interactionId},
            {QStringLiteral("external_id"), externalId(m_workspace, e.interactionId)}});
    return QJsonObject{
        {QStringLiteral("criterion"), p.criterion},
        {QStringLiteral("name"), m_scales.name(p.criterion)},
        {QStringLiteral("n"), p.n},
        {QStringLiteral("fails"), p.fails},
        {QStringLiteral("rate"), p.rate()},
        {QStringLiteral("team_n"), p.teamN},
        {QStringLiteral("team_fails"), p.teamFails},
        {QStringLiteral("team_rate"), p.teamRate()},
        {QStringLiteral("ci_low"), p.rateInterval.low},
        {QStringLiteral("ci_high"), p.rateInterval.high},
        {QStringLiteral("gap_low"), p.gapInterval.low},
        {QStringLiteral("gap_high"), p.gapInterval.high},
        {QStringLiteral("p"), p.pValue},
        {QStringLiteral("q"), p.qValue},
        {QStringLiteral("previous_rate"),
         p.previousRate ? QJsonValue(*p.previousRate) : QJsonValue()},
        {QStringLiteral("weekly"), weekly},
        {QStringLiteral("window_start"), isoDate(plan.window.startMs)},
        {QStringLiteral("window_end"), isoDate(plan.window.endMs)},
        {QStringLiteral("examples"), exampleIds},
    };
}

QString CoachingItemWriter::patternReason(const AgentPattern &p, const PatternPlan &plan) const
{
    QString trend;
    if (p.previousRate)
        trend = QObject::tr(" The %1 weeks before: %2.")
                    .arg(plan.window.weeks)
                    .arg(percent(*p.previousRate));
    return QObject::tr("Fails \"%1\" in %2 of interactions over the last %3 weeks (%4 of %5; "
                       "95% interval %6-%7), the rest of the team in %8 (n = %9): %10 points "
                       "more.%11")
               .arg(m_scales.name(p.criterion), percent(p.rate()))
               .arg(plan.window.weeks)
               .arg(p.fails)
               .arg(p.n)
               .arg(percent(p.rateInterval.low), percent(p.rateInterval.high),
                    percent(p.teamRate()))
               .arg(p.teamN)
               .arg(p.gapPoints(), 0, 'f', 0)
               .arg(trend);
}

bool CoachingItemWriter::writePattern(const PatternChoice &c, const PatternPlan &plan)
{
    const AgentPattern &p = *c.pattern;
    const QString json =
        QString::fromUtf8(QJsonDocument(patternJson(c, plan)).toJson(QJsonDocument::Compact));
    QSqlQuery q(m_workspace.database());
    // The item is filed on its latest example (or, when every fail already has an item,
    // on the latest fail) so the queue has a concrete interaction to open.
    if (c.itemId < 0) {
        q.prepare(QStringLiteral(
            "INSERT INTO coaching_items(interaction_id, rule_id, agent_id, status, reason, "
            "priority, kind, criteria, pattern, week, created_at, updated_at) "
            "VALUES(?, ?, ?, 'new', ?, ?, 'pattern', ?, ?, ?, ?, ?)"));
        q.addBindValue(c.anchor.interactionId);
        q.addBindValue(plan.ruleId);
        q.addBindValue(p.agentId);
        q.addBindValue(patternReason(p, plan));
        q.addBindValue(patternPriority(p, plan));
        q.addBindValue(QStringLiteral("[\"%1\"]").arg(p.criterion));
        q.addBindValue(json);
        q.addBindValue(c.weekStartMs());
        q.addBindValue(m_nowMs);
        q.addBindValue(m_nowMs);
        return exec(q);
    }
    q.prepare(QStringLiteral("UPDATE coaching_items SET interaction_id = ?, reason = ?, "
                             "priority = ?, pattern = ?, week = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(c.anchor.interactionId);
    q.addBindValue(patternReason(p, plan));
    q.addBindValue(patternPriority(p, plan));
    q.addBindValue(json);
    q.addBindValue(c.weekStartMs());
    q.addBindValue(m_nowMs);
    q.addBindValue(c.itemId);
    return exec(q);
}

bool CoachingItemWriter::closePattern(qint64 itemId, const AgentPattern *p,
                                      const PatternPlan &plan)
{
    const QString today = isoDate(m_nowMs);
    const QString note =
        p ? QObject::tr("Closed %1: the gap closed. Over the last %2 weeks the agent fails "
                        "\"%3\" in %4 (n = %5), the rest of the team in %6 (n = %7).")
                .arg(today)
                .arg(plan.window.weeks)
                .arg(m_scales.name(p->criterion), percent(p->rate()))
                .arg(p->n)
                .arg(percent(p->teamRate()))
                .arg(p->teamN)
          : QObject::tr("Closed %1: too few confident verdicts in the last %2 weeks to "
                        "compare the agent with the team.")
                .arg(today)
                .arg(plan.window.weeks);
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("UPDATE coaching_items SET status = 'verified', notes = "
                             "CASE WHEN notes = '' THEN ? ELSE notes || char(10) || ? END, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(note);
    q.addBindValue(note);
    q.addBindValue(m_nowMs);
    q.addBindValue(itemId);
    if (!exec(q))
        return false;
    m_workspace.audit(m_user, QStringLiteral("coaching_item"), itemId, QStringLiteral("status"),
                      QStringLiteral("open"), QStringLiteral("verified: ") + note);
    return true;
}

bool CoachingItemWriter::saveOverflow(const std::map<AgentWeek, int> &overBudget,
                                      const std::vector<BudgetCandidate> &candidates)
{
    // Each run counts afresh what did not fit the weeks it had candidates for.
    QSqlQuery clear(m_workspace.database());
    clear.prepare(QStringLiteral("DELETE FROM coaching_overflow WHERE agent_id = ? AND week = ?"));
    for (const BudgetCandidate &c : candidates) {
        clear.addBindValue(c.agentId);
        clear.addBindValue(c.weekStartMs);
        if (!exec(clear))
            return false;
    }
    QSqlQuery insert(m_workspace.database());
    insert.prepare(QStringLiteral(
        "INSERT INTO coaching_overflow(agent_id, week, interactions) VALUES(?, ?, ?)"));
    for (const auto &[key, count] : overBudget) {
        insert.addBindValue(key.first);
        insert.addBindValue(key.second);
        insert.addBindValue(count);
        if (!exec(insert))
            return false;
    }
    return true;
}

} // namespace qaw
