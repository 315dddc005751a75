#include "coaching/MeetingPreparation.h"

#include "storage/EvaluationStore.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QObject>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <map>

namespace qaw {
namespace {

constexpr int kMaxExcerptsPerExample = 3;
constexpr int kContextChars = 90;
constexpr int kMaxWeeks = 26;

qint64 dayStartMs(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

struct MeanAccumulator
{
    double sum = 0;
    qint64 n = 0;
    std::optional<double> mean() const
    {
        return n > 0 ? std::optional<double>(sum / double(n)) : std::nullopt;
    }
};

std::optional<double> percentOf(const PassCount &c)
{
    const auto r = c.rate();
    return r ? std::optional<double>(*r * 100) : std::nullopt;
}

} // namespace

MeetingPreparationBuilder::MeetingPreparationBuilder(Workspace &workspace)
    : m_workspace(workspace), m_scales(workspace)
{
}

std::optional<MeetingPreparation> MeetingPreparationBuilder::build(qint64 agentId, QDate to,
                                                                   QString *error) const
{
    const auto agent = agentById(m_workspace, agentId);
    if (!agent) {
        if (error)
            *error = QObject::tr("Agent %1 does not exist.").arg(agentId);
        return std::nullopt;
    }
    MeetingPreparation p;
    p.agent = *agent;
    if (!to.isValid()) {
        QSqlQuery q(m_workspace.database());
        q.prepare(QStringLiteral("SELECT max(started_at) FROM interactions WHERE agent_id = ? "
                                 "AND auto_evaluation_id IS NOT NULL"));
        q.addBindValue(agentId);
        to = q.exec() && q.next() && !q.value(0).isNull() ? dayOf(q.value(0).toLongLong())
                                                          : QDate::currentDate();
    }
    p.to = to;
    p.earlierSessions = CoachingSessionStore(m_workspace, {}).sessions(agentId);
    const QDate monday = to.addDays(1 - to.dayOfWeek());
    p.weeks = m_weeks;
    if (!p.earlierSessions.empty()) {
        // Show the last session with four weeks before it, so its effect is visible.
        const qint64 needed = (p.earlierSessions.back().date.daysTo(monday) + 6) / 7 + 5;
        p.weeks = int(std::clamp<qint64>(needed, m_weeks, std::max(m_weeks, kMaxWeeks)));
    }
    // Whole weeks, Monday to Sunday, so the first and last points are comparable.
    p.from = monday.addDays(-7 * (p.weeks - 1));
    fillTotals(p);
    fillCriteria(p);
    fillOpenItems(p);
    fillExamples(p);
    p.effects = EffectEstimator(m_workspace).estimateAll(agentId);
    return p;
}

void MeetingPreparationBuilder::fillTotals(MeetingPreparation &p) const
{
    const size_t weeks = size_t(p.weeks);
    std::vector<MeanAccumulator> own(weeks), rest(weeks);
    MeanAccumulator ownAll, restAll;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT agent_id, started_at, auto_total FROM interactions WHERE "
                             "(agent_id = ? OR (team_id = ? AND ? >= 0)) AND auto_total IS NOT "
                             "NULL AND started_at >= ? AND started_at < ?"));
    q.addBindValue(p.agent.id);
    q.addBindValue(p.agent.teamId);
    q.addBindValue(p.agent.teamId);
    q.addBindValue(dayStartMs(p.from));
    q.addBindValue(dayStartMs(p.to.addDays(1)));
    if (q.exec())
        while (q.next()) {
            const qint64 week = p.from.daysTo(dayOf(q.value(1).toLongLong())) / 7;
            if (week < 0 || week >= p.weeks)
                continue;
            const bool mine = q.value(0).toLongLong() == p.agent.id;
            for (MeanAccumulator *m :
                 {mine ? &own[size_t(week)] : &rest[size_t(week)], mine ? &ownAll : &restAll}) {
                m->sum += q.value(2).toDouble();
                ++m->n;
            }
        }
    p.agentMeanTotal = ownAll.mean();
    p.teamMeanTotal = restAll.mean();
    p.agentScored = ownAll.n;
    for (int w = 0; w < p.weeks; ++w)
        p.totalTrend.push_back({p.from.addDays(7 * w), own[size_t(w)].mean(),
                                rest[size_t(w)].mean(), own[size_t(w)].n});
}

void MeetingPreparationBuilder::fillCriteria(MeetingPreparation &p) const
{
    struct Tallies
    {
        PassCount agent, team;
        std::vector<PassCount> agentWeeks, teamWeeks;
    };
    std::map<QString, Tallies> byCriterion;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral(
        "SELECT i.agent_id, i.started_at, cs.criterion_id, cs.value, cs.max FROM interactions i "
        "CROSS JOIN automated_scores cs ON cs.evaluation_id = i.auto_evaluation_id WHERE "
        "(i.agent_id = ? OR (i.team_id = ? AND ? >= 0)) AND cs.na = 0 AND cs.value IS NOT NULL "
        "AND i.started_at >= ? AND i.started_at < ?"));
    q.addBindValue(p.agent.id);
    q.addBindValue(p.agent.teamId);
    q.addBindValue(p.agent.teamId);
    q.addBindValue(dayStartMs(p.from));
    q.addBindValue(dayStartMs(p.to.addDays(1)));
    if (!q.exec())
        return;
    while (q.next()) {
        const qint64 week = p.from.daysTo(dayOf(q.value(1).toLongLong())) / 7;
        if (week < 0 || week >= p.weeks)
            continue;
        const QString id = q.value(2).toString();
        Tallies &t = byCriterion[id];
        if (t.agentWeeks.empty()) {
            t.agentWeeks.resize(size_t(p.weeks));
            t.teamWeeks.resize(size_t(p.weeks));
        }
        const bool mine = q.value(0).toLongLong() == p.agent.id;
        const bool pass = !m_scales.isFail(id, q.value(3).toDouble(), q.value(4).toDouble());
        for (PassCount *c : {mine ? &t.agent : &t.team,
                             mine ? &t.agentWeeks[size_t(week)] : &t.teamWeeks[size_t(week)]}) {
            ++c->n;
            c->passed += pass ? 1 : 0;
        }
    }
    std::vector<CriterionStanding> all;
    for (auto &[id, t] : byCriterion) {
        if (t.agent.n == 0)
            continue;
        CriterionStanding s;
        s.criterionId = id;
        s.name = m_scales.name(id);
        s.agent = t.agent;
        s.team = t.team;
        if (t.team.n > 0)
            s.gap = (*t.team.rate() - *t.agent.rate()) * 100;
        for (int w = 0; w < p.weeks; ++w)
            s.trend.push_back({p.from.addDays(7 * w), percentOf(t.agentWeeks[size_t(w)]),
                               percentOf(t.teamWeeks[size_t(w)]), t.agentWeeks[size_t(w)].n});
        all.push_back(s);
    }
    // Weakest first: the largest gap to the team, then the lowest pass rate.
    std::sort(all.begin(), all.end(), [](const CriterionStanding &a, const CriterionStanding &b) {
        const double ga = a.gap.value_or(-1000), gb = b.gap.value_or(-1000);
        if (ga != gb)
            return ga > gb;
        return *a.agent.rate() < *b.agent.rate();
    });
    if (int(all.size()) > m_weakestCount)
        all.resize(size_t(m_weakestCount));
    p.weakest = all;
}

void MeetingPreparationBuilder::fillOpenItems(MeetingPreparation &p) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT c.id, coalesce(r.name, ''), i.external_id, i.started_at "
                             "FROM coaching_items c JOIN interactions i ON i.id = c.interaction_id "
                             "LEFT JOIN flag_rules r ON r.id = c.rule_id WHERE c.agent_id = ? AND "
                             "c.status NOT IN ('verified','dismissed') AND c.kind = 'interaction' "
                             "ORDER BY c.priority DESC, c.id"));
    q.addBindValue(p.agent.id);
    CoachingQueueFilter filter;
    filter.agentId = p.agent.id;
    for (const CoachingQueueRow &row : queryCoachingQueue(m_workspace, filter, p.to))
        if (row.isPattern)
            p.patterns.push_back(row);
    if (!q.exec())
        return;
    CoachingItemStore items(m_workspace, {});
    while (q.next())
        if (const auto item = items.find(q.value(0).toLongLong()))
            p.openItems.push_back(
                {*item, q.value(1).toString(), q.value(2).toString(),
                 QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::utc())});
}

void MeetingPreparationBuilder::fillExamples(MeetingPreparation &p) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id FROM interactions WHERE agent_id = ? AND "
                             "auto_evaluation_id IS NOT NULL AND started_at >= ? AND "
                             "started_at < ? ORDER BY flagged DESC, auto_total ASC, "
                             "started_at DESC LIMIT ?"));
    q.addBindValue(p.agent.id);
    q.addBindValue(dayStartMs(p.from));
    q.addBindValue(dayStartMs(p.to.addDays(1)));
    q.addBindValue(m_exampleCount);
    if (!q.exec())
        return;
    QStringList weakestIds;
    for (const CriterionStanding &s : p.weakest)
        weakestIds << s.criterionId;
    EvaluationStore evaluations(m_workspace);
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const auto stored = queries::interaction(m_workspace, id);
        const auto evaluation = evaluations.currentAutomated(id);
        if (!stored || !evaluation)
            continue;
        ExampleInteraction ex;
        ex.interactionId = id;
        ex.externalId = stored->interaction.externalId;
        ex.startedAt = stored->interaction.startedAt;
        ex.channel = stored->interaction.channel;
        ex.total = evaluation->total;
        std::vector<const CriterionResult *> failed;
        for (const CriterionResult &r : evaluation->criteria)
            if (!r.na && r.value && m_scales.isFail(r.criterionId, *r.value, r.max))
                failed.push_back(&r);
        // The weakest criteria first, in their order: those are what the meeting is about.
        const auto rank = [&](const CriterionResult *r) {
            const int i = int(weakestIds.indexOf(r->criterionId));
            return i < 0 ? int(weakestIds.size()) : i;
        };
        std::stable_sort(
            failed.begin(), failed.end(),
            [&](const CriterionResult *a, const CriterionResult *b) { return rank(a) < rank(b); });
        const auto &turns = stored->interaction.turns;
        for (const CriterionResult *r : failed) {
            ex.failedCriteria << m_scales.name(r->criterionId);
            if (int(ex.excerpts.size()) >= kMaxExcerptsPerExample)
                continue;
            EvidenceExcerpt e;
            e.criterionName = m_scales.name(r->criterionId);
            e.rationale = r->rationale;
            if (!r->evidence.empty()) {
                const EvidenceSpan &span = r->evidence.front();
                if (span.turn >= 0 && span.turn < int(turns.size())) {
                    const QString &text = turns[size_t(span.turn)].text;
                    const int start = std::clamp(span.charStart, 0, int(text.size()));
                    const int end = std::clamp(span.charEnd, start, int(text.size()));
                    e.speaker = speakerName(turns[size_t(span.turn)].speaker);
                    e.before = text.left(start).right(kContextChars);
                    e.highlighted = text.mid(start, end - start);
                    e.after = text.mid(end).left(kContextChars);
                }
            }
            ex.excerpts.push_back(e);
        }
        p.examples.push_back(ex);
    }
}

} // namespace qaw
