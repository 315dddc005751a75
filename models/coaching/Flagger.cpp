#include "coaching/Flagger.h"

#include "coaching/CalibratedCriteria.h"
#include "coaching/FlagRuleStore.h"
#include "storage/Workspace.h"
#include "storage/WriterWait.h"

#include <QObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <map>
#include <optional>

namespace qaw {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr double kRecencyHalfLifeDays = 14;

double param(const FlagRule &r, const char *key, double fallback)
{
    const QJsonValue v = r.params.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

QString fmt(double v)
{
    return QString::number(v, 'f', std::abs(v - std::round(v)) < 1e-9 ? 0 : 1);
}

} // namespace

Flagger::Flagger(Workspace &workspace) : m_workspace(workspace), m_scales(workspace) {}

double Flagger::priority(int severity, qint64 startedAtMs, qint64 nowMs)
{
    const double ageDays = std::max<double>(0, double(nowMs - startedAtMs) / kDayMs);
    const double recency = std::exp2(-ageDays / kRecencyHalfLifeDays);
    return std::round((severity + recency) * 1000) / 1000;
}

FlagRunResult Flagger::run(const QString &user)
{
    QString error;
    FlagRuleStore store(m_workspace);
    QSqlDatabase db = m_workspace.database();
    const bool ownTransaction = !inTransaction(db);
    if (ownTransaction && !beginWriteTransaction(db)) {
        // Never write outside a transaction: a run stopped half way would leave half a
        // queue. The wait was writerWait::limitMs() long.
        FlagRunResult busy;
        busy.ok = false;
        busy.error = QStringLiteral("another writer kept the workspace locked for %1 s")
                         .arg(writerWait::limitMs() / 1000);
        return busy;
    }
    store.installDefaultsIfNone(&error);
    FlagRunResult total = file(store.enabled(), user);
    if (!total.ok) {
        if (ownTransaction)
            db.rollback();
        return total;
    }
    m_workspace.audit(user, QStringLiteral("flag_run"), -1, QStringLiteral("items_created"),
                      QString(), QString::number(total.itemsCreated));
    if (ownTransaction && !db.commit()) {
        total.ok = false;
        total.error = db.lastError().text();
        db.rollback();
    }
    return total;
}

FlagRunResult Flagger::runRule(const FlagRule &rule)
{
    return file({rule}, QStringLiteral("flagger"));
}

FlagRunResult Flagger::file(const std::vector<FlagRule> &rules, const QString &user)
{
    FlagRunResult result;
    const qint64 now = m_nowMs >= 0 ? m_nowMs : nowMs();
    std::map<qint64, InteractionCandidate> byInteraction;
    std::map<qint64, int> severityOf;
    std::optional<PatternPlan> plan;
    for (const FlagRule &rule : rules) {
        if (rule.kind == FlagRuleKind::AgentPattern) {
            plan = patternPlan(rule);
            ++result.rulesRun;
            for (const AgentPattern &p : plan->patterns)
                result.hits += p.flagged ? 1 : 0;
            continue;
        }
        QString heldBack;
        const std::vector<Hit> hits = matches(rule, &heldBack);
        if (!heldBack.isEmpty()) {
            result.skipped << QStringLiteral("%1: %2").arg(rule.name, heldBack);
            continue;
        }
        ++result.rulesRun;
        result.hits += int(hits.size());
        for (const Hit &h : hits) {
            InteractionCandidate &c = byInteraction[h.interactionId];
            c.interactionId = h.interactionId;
            c.agentId = h.agentId;
            c.startedAtMs = h.startedAtMs;
            c.reasons << h.reason;
            for (const QString &id : h.criteria.isEmpty() && !rule.criterion().isEmpty()
                                         ? QStringList{rule.criterion()}
                                         : h.criteria)
                if (!c.criteria.contains(id))
                    c.criteria << id;
            c.priority = std::max(c.priority, priority(rule.severity, h.startedAtMs, now));
            if (rule.severity > severityOf[h.interactionId] || c.ruleId < 0) {
                severityOf[h.interactionId] = rule.severity;
                c.ruleId = rule.id;
            }
        }
    }
    // Single events older than the horizon are history, not this week's coaching: they
    // are counted, not filed.
    const int horizonWeeks = CoachingItemWriter::horizonWeeks(m_workspace);
    const qint64 horizonStart =
        horizonWeeks > 0 ? patternWindow(latestScoredStart(), horizonWeeks).startMs : 0;
    std::vector<InteractionCandidate> candidates;
    candidates.reserve(byInteraction.size());
    for (auto &entry : byInteraction) {
        if (entry.second.startedAtMs < horizonStart)
            ++result.beforeHorizon;
        else
            candidates.push_back(std::move(entry.second));
    }
    CoachingItemWriter writer(m_workspace, m_scales, now, user);
    WriteCounts counts;
    if (!writer.write(candidates, plan ? &*plan : nullptr, &counts, &result.error)) {
        result.ok = false;
        return result;
    }
    result.itemsCreated = counts.itemsCreated + counts.patternsOpened;
    result.itemsMerged = counts.itemsMerged;
    result.patternsOpened = counts.patternsOpened;
    result.patternsUpdated = counts.patternsUpdated;
    result.patternsClosed = counts.patternsClosed;
    result.overBudget = counts.overBudget;
    return result;
}

std::vector<Flagger::Hit> Flagger::matches(const FlagRule &rule, QString *heldBack)
{
    const QString criterion = rule.criterion();
    if (rule.calibratedOnly) {
        if (!criterion.isEmpty() && !isCriterionCalibrated(m_workspace, criterion)) {
            *heldBack = QObject::tr("criterion \"%1\" is not calibrated yet").arg(criterion);
            return {};
        }
        const bool onTotal =
            rule.kind == FlagRuleKind::TotalBelow || rule.kind == FlagRuleKind::RollingAverage;
        if (onTotal && !allCriteriaCalibrated()) {
            *heldBack = QObject::tr("the total is trusted only when every criterion is "
                                    "calibrated");
            return {};
        }
    }
    switch (rule.kind) {
    case FlagRuleKind::TotalBelow:
        return totalBelow(rule);
    case FlagRuleKind::AnyAutoFail:
        return anyAutoFail(rule);
    case FlagRuleKind::CriterionFailed:
        return criterionFailed(rule, criterion, m_scales.failBelow(criterion), false);
    case FlagRuleKind::NegativeSentiment:
        return criterionFailed(rule, criterion, param(rule, "max_value", 2), true);
    case FlagRuleKind::RollingAverage:
        return rollingAverage(rule);
    case FlagRuleKind::BelowTeam:
        return belowTeam(rule);
    case FlagRuleKind::AgentPattern:
        // Patterns are not per-interaction hits: file() asks patternPlan() for them.
        return {};
    }
    return {};
}

std::vector<Flagger::Hit> Flagger::totalBelow(const FlagRule &rule)
{
    const double threshold = param(rule, "threshold", 60);
    std::vector<Hit> hits;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id, agent_id, started_at, auto_total FROM interactions "
                             "WHERE auto_evaluation_id IS NOT NULL AND auto_total < ?"));
    q.addBindValue(threshold);
    if (q.exec())
        while (q.next())
            hits.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(),
                            q.value(2).toLongLong(),
                            QObject::tr("Total %1 is below %2.")
                                .arg(fmt(q.value(3).toDouble()), fmt(threshold)),
                            {}});
    return hits;
}

std::vector<Flagger::Hit> Flagger::anyAutoFail(const FlagRule &rule)
{
    // Each failed critical criterion (evaluation- or section-level) names the reason;
    // an evaluation marked auto-failed whose critical criterion the scorecard no longer
    // has is flagged too, unless the rule wants calibrated criteria only.
    std::map<qint64, Hit> byInteraction;
    for (const QString &id : m_scales.ids()) {
        if (!m_scales.isCritical(id))
            continue;
        if (rule.calibratedOnly && !isCriterionCalibrated(m_workspace, id))
            continue;
        for (const Hit &h : criterionFailed(rule, id, m_scales.failBelow(id), false)) {
            auto it = byInteraction.find(h.interactionId);
            if (it == byInteraction.end()) {
                Hit withCriterion = h;
                withCriterion.criteria = QStringList{id};
                byInteraction.emplace(h.interactionId, withCriterion);
            } else {
                it->second.reason += QLatin1Char(' ') + h.reason;
                it->second.criteria << id;
            }
        }
    }
    if (!rule.calibratedOnly) {
        QSqlQuery q(m_workspace.database());
        if (q.exec(QStringLiteral("SELECT id, agent_id, started_at FROM interactions WHERE "
                                  "auto_evaluation_id IS NOT NULL AND auto_failed = 1")))
            while (q.next())
                byInteraction.emplace(q.value(0).toLongLong(),
                                      Hit{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                          q.value(2).toLongLong(),
                                          QObject::tr("The evaluation is auto-failed."),
                                          {}});
    }
    std::vector<Hit> hits;
    for (auto &entry : byInteraction) {
        entry.second.reason = QObject::tr("Auto-fail. ") + entry.second.reason;
        hits.push_back(entry.second);
    }
    return hits;
}

std::vector<Flagger::Hit> Flagger::criterionFailed(const FlagRule &rule, const QString &criterion,
                                                   double bound, bool inclusiveMax)
{
    std::vector<Hit> hits;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT i.id, i.agent_id, i.started_at, cs.value, cs.max, "
                             "r.text FROM interactions i CROSS JOIN automated_scores cs "
                             "ON cs.evaluation_id = i.auto_evaluation_id AND cs.criterion_id = ? "
                             "LEFT JOIN rationale_texts r ON r.id = cs.rationale_id "
                             // A verdict on weak evidence is a question for a reviewer,
                             // never a coaching item (NULL: scored before confidence).
                             "WHERE cs.na = 0 AND cs.value IS NOT NULL AND "
                             "coalesce(cs.confidence, 'clear') = 'clear' AND cs.value ") +
              (inclusiveMax ? QStringLiteral("<= ?") : QStringLiteral("< ?")));
    q.addBindValue(criterion);
    q.addBindValue(bound);
    if (!q.exec())
        return hits;
    const QString name = m_scales.name(criterion);
    while (q.next()) {
        const double value = q.value(3).toDouble();
        const double max = m_scales.scale(criterion, q.value(4).toDouble()).maximum();
        QString reason =
            rule.kind == FlagRuleKind::NegativeSentiment
                ? QObject::tr("Customer sentiment at the end (\"%1\") scored %2 of "
                              "%3.")
                      .arg(name, fmt(value), fmt(max))
                : QObject::tr("\"%1\" failed (%2 of %3).").arg(name, fmt(value), fmt(max));
        const QString rationale = q.value(5).toString();
        if (!rationale.isEmpty())
            reason += QLatin1Char(' ') + rationale;
        hits.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        reason, QStringList{criterion}});
    }
    return hits;
}

qint64 Flagger::latestScoredStart() const
{
    QSqlQuery q(m_workspace.database());
    if (q.exec(QStringLiteral("SELECT max(started_at) FROM interactions WHERE "
                              "auto_evaluation_id IS NOT NULL")) &&
        q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return 0;
}

bool Flagger::agentHasOpenItem(qint64 agentId, qint64 ruleId) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT 1 FROM coaching_items WHERE agent_id = ? AND rule_id = ? "
                             "AND status NOT IN ('verified','dismissed') LIMIT 1"));
    q.addBindValue(agentId);
    q.addBindValue(ruleId);
    return q.exec() && q.next();
}

bool Flagger::allCriteriaCalibrated() const
{
    const QStringList calibrated = calibratedCriteria(m_workspace);
    if (!m_scales.hasScorecard())
        return false;
    for (const QString &id : m_scales.ids())
        if (!calibrated.contains(id))
            return false;
    return true;
}

} // namespace qaw
