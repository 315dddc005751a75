#include "coaching/EffectEstimator.h"

#include "storage/Workspace.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace qaw {
namespace {

qint64 dayStartMs(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QJsonValue orNull(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue lowOf(const std::optional<Interval> &i)
{
    return i ? QJsonValue(i->low) : QJsonValue(QJsonValue::Null);
}

QJsonValue highOf(const std::optional<Interval> &i)
{
    return i ? QJsonValue(i->high) : QJsonValue(QJsonValue::Null);
}

} // namespace

EffectEstimator::EffectEstimator(Workspace &workspace, int windowDays)
    : m_workspace(workspace), m_scales(workspace), m_windowDays(windowDays)
{
}

PassCount EffectEstimator::count(const QString &criterionId, qint64 fromMs, qint64 toMs,
                                 qint64 agentId, qint64 teamId) const
{
    const bool known = m_scales.ids().contains(criterionId);
    QSqlQuery q(m_workspace.database());
    // Two shapes so each can use its index (interactions_agent / interactions_team).
    // With a team, the agent is left out: the comparison is the rest of the team.
    const QString who = teamId >= 0 ? QStringLiteral("i.team_id = ? AND i.agent_id <> ?")
                                    : QStringLiteral("i.agent_id = ?");
    q.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(cs.value >= coalesce(?, cs.max / 2.0)), 0) "
                       "FROM interactions i CROSS JOIN automated_scores cs ON cs.evaluation_id = "
                       "i.auto_evaluation_id "
                       "AND cs.criterion_id = ? WHERE ") +
        who +
        QStringLiteral(
            " AND i.started_at >= ? AND i.started_at < ? AND cs.na = 0 AND cs.value IS NOT NULL"));
    q.addBindValue(known ? QVariant(m_scales.failBelow(criterionId)) : QVariant());
    q.addBindValue(criterionId);
    if (teamId >= 0)
        q.addBindValue(teamId);
    q.addBindValue(agentId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    PassCount c;
    if (q.exec() && q.next()) {
        c.n = q.value(0).toLongLong();
        c.passed = q.value(1).toLongLong();
    }
    return c;
}

SessionEffect EffectEstimator::estimate(const CoachingSession &session) const
{
    SessionEffect out;
    out.session = session;
    if (const auto agent = agentById(m_workspace, session.agentId))
        out.agent = *agent;
    const qint64 beforeFrom = dayStartMs(session.date.addDays(-m_windowDays));
    const qint64 beforeTo = dayStartMs(session.date);
    const qint64 afterFrom = dayStartMs(session.date.addDays(1));
    const qint64 afterTo = dayStartMs(session.date.addDays(1 + m_windowDays));
    for (const QString &criterion : session.focus) {
        FocusEffect f;
        f.criterionId = criterion;
        f.criterionName = m_scales.name(criterion);
        f.agentBefore = count(criterion, beforeFrom, beforeTo, session.agentId, -1);
        f.agentAfter = count(criterion, afterFrom, afterTo, session.agentId, -1);
        if (out.agent.teamId >= 0) {
            f.teamBefore =
                count(criterion, beforeFrom, beforeTo, session.agentId, out.agent.teamId);
            f.teamAfter = count(criterion, afterFrom, afterTo, session.agentId, out.agent.teamId);
        }
        if (f.agentBefore.rate() && f.agentAfter.rate()) {
            f.change = *f.agentAfter.rate() - *f.agentBefore.rate();
            f.changeInterval = differenceInterval(f.agentBefore, f.agentAfter);
        }
        if (f.teamBefore.rate() && f.teamAfter.rate())
            f.teamChange = *f.teamAfter.rate() - *f.teamBefore.rate();
        if (f.change && f.teamChange) {
            f.did = *f.change - *f.teamChange;
            f.didInterval = differenceInDifferencesInterval(f.agentBefore, f.agentAfter,
                                                            f.teamBefore, f.teamAfter);
        }
        out.focus.push_back(f);
    }
    return out;
}

std::vector<SessionEffect> EffectEstimator::estimateAll(qint64 agentId) const
{
    std::vector<SessionEffect> out;
    for (const CoachingSession &s : CoachingSessionStore(m_workspace, {}).sessions(agentId))
        out.push_back(estimate(s));
    return out;
}

EffectOverview EffectEstimator::overview(const std::vector<SessionEffect> &effects)
{
    EffectOverview o;
    double sum = 0;
    for (const SessionEffect &s : effects) {
        ++o.sessions;
        for (const FocusEffect &f : s.focus) {
            if (!f.did || !f.didInterval) {
                ++o.undefined;
                continue;
            }
            ++o.estimates;
            sum += *f.did;
            if (f.didInterval->low > 0)
                ++o.improved;
            else if (f.didInterval->high < 0)
                ++o.worse;
            else
                ++o.inconclusive;
        }
    }
    if (o.estimates > 0)
        o.meanDid = sum / o.estimates;
    return o;
}

QJsonArray EffectEstimator::toJson(const std::vector<SessionEffect> &effects)
{
    QJsonArray sessions;
    for (const SessionEffect &s : effects) {
        QJsonArray focus;
        for (const FocusEffect &f : s.focus) {
            focus.append(QJsonObject{
                {QStringLiteral("criterion_id"), f.criterionId},
                {QStringLiteral("n_before"), f.agentBefore.n},
                {QStringLiteral("n_after"), f.agentAfter.n},
                {QStringLiteral("before"), orNull(f.agentBefore.rate())},
                {QStringLiteral("after"), orNull(f.agentAfter.rate())},
                {QStringLiteral("change"), orNull(f.change)},
                {QStringLiteral("ci_low"), lowOf(f.changeInterval)},
                {QStringLiteral("ci_high"), highOf(f.changeInterval)},
                {QStringLiteral("team_n_before"), f.teamBefore.n},
                {QStringLiteral("team_n_after"), f.teamAfter.n},
                {QStringLiteral("team_before"), orNull(f.teamBefore.rate())},
                {QStringLiteral("team_after"), orNull(f.teamAfter.rate())},
                {QStringLiteral("team_change"), orNull(f.teamChange)},
                {QStringLiteral("did"), orNull(f.did)},
                {QStringLiteral("did_ci_low"), lowOf(f.didInterval)},
                {QStringLiteral("did_ci_high"), highOf(f.didInterval)},
            });
        }
        sessions.append(QJsonObject{{QStringLiteral("session_id"), s.session.id},
                                    {QStringLiteral("agent_id"), s.agent.externalId},
                                    {QStringLiteral("agent_name"), s.agent.name},
                                    {QStringLiteral("date"), s.session.date.toString(Qt::ISODate)},
                                    {QStringLiteral("focus"), focus}});
    }
    return sessions;
}

} // namespace qaw
