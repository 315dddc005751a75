#include "calibration/WhatIfTuning.h"

#include "storage/EvaluationStore.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include "scoring/ScorecardScorer.h"

#include <cmath>

namespace qaw {
namespace {

// The automated scorer, compiled once per changed scorecard (the cache key is the JSON).
CriterionRescorer scorerRescorer(Workspace &ws)
{
    struct Cache
    {
        QByteArray json;
        std::shared_ptr<ScorecardScorer> scorer;
    };
    auto cache = std::make_shared<Cache>();
    return [&ws, cache](const Scorecard &card, const QString &criterionId, qint64 interactionId,
                        QString *error) -> std::optional<CriterionResult> {
        const QByteArray json = card.toJson();
        if (!cache->scorer || cache->json != json) {
            QStringList errors;
            cache->scorer = ScorecardScorer::compile(card, &errors);
            cache->json = json;
            if (!cache->scorer) {
                *error = errors.join(QStringLiteral("; "));
                return std::nullopt;
            }
        }
        const auto stored = queries::interaction(ws, interactionId);
        if (!stored) {
            *error = QStringLiteral("no interaction %1").arg(interactionId);
            return std::nullopt;
        }
        const Evaluation e = cache->scorer->score(*stored);
        if (const CriterionResult *r = e.criterion(criterionId))
            return *r;
        *error = QStringLiteral("the scorer gave no result for \"%1\"").arg(criterionId);
        return std::nullopt;
    };
}

std::optional<double> valueOf(const CriterionResult *r)
{
    if (!r || r->na || !r->value)
        return std::nullopt;
    return r->value;
}

} // namespace

WhatIfTuning::WhatIfTuning(Workspace &workspace)
    : m_workspace(workspace), m_rescorer(scorerRescorer(workspace))
{
}

std::optional<Scorecard> WhatIfTuning::withChangedCriterion(const Scorecard &base,
                                                            const QByteArray &criterionJson,
                                                            QString *criterionId, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument changed = QJsonDocument::fromJson(criterionJson, &parseError);
    if (!changed.isObject()) {
        *error = QStringLiteral("the criterion is not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject criterion = changed.object();
    *criterionId = criterion.value(QStringLiteral("id")).toString();
    if (!base.criterion(*criterionId)) {
        *error = QStringLiteral("the scorecard has no criterion \"%1\"").arg(*criterionId);
        return std::nullopt;
    }
    QJsonObject card = QJsonDocument::fromJson(base.toJson()).object();
    QJsonArray sections = card.value(QStringLiteral("sections")).toArray();
    for (int s = 0; s < sections.size(); ++s) {
        QJsonObject section = sections.at(s).toObject();
        QJsonArray criteria = section.value(QStringLiteral("criteria")).toArray();
        for (int c = 0; c < criteria.size(); ++c)
            if (criteria.at(c).toObject().value(QStringLiteral("id")).toString() == *criterionId)
                criteria.replace(c, criterion);
        section.insert(QStringLiteral("criteria"), criteria);
        sections.replace(s, section);
    }
    card.insert(QStringLiteral("sections"), sections);
    QStringList errors;
    auto parsed = Scorecard::fromJson(QJsonDocument(card).toJson(), &errors);
    if (!parsed)
        *error = errors.join(QStringLiteral("; "));
    return parsed;
}

std::optional<WhatIfResult> WhatIfTuning::run(const std::vector<qint64> &sessionIds,
                                              const Scorecard &card, const QString &criterionId,
                                              QString *error) const
{
    const Criterion *criterion = card.criterion(criterionId);
    if (!criterion) {
        *error = QStringLiteral("the scorecard has no criterion \"%1\"").arg(criterionId);
        return std::nullopt;
    }
    if (!m_rescorer) {
        *error = QStringLiteral("no automated scorer is available to re-score \"%1\"").arg(criterionId);
        return std::nullopt;
    }
    // Each reviewer's latest value for the criterion in the chosen sessions.
    struct Unit
    {
        qint64 interaction;
        double human;
    };
    std::vector<Unit> units;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral(
        "SELECT e.interaction_id, s.value FROM evaluations e JOIN criterion_scores s ON "
        "s.evaluation_id = e.id WHERE e.evaluator_kind = 'human' AND e.calibration_session_id "
        "= ? AND s.criterion_id = ? AND s.na = 0 AND s.value IS NOT NULL AND e.id = (SELECT "
        "max(id) FROM evaluations x WHERE x.interaction_id = e.interaction_id AND x.evaluator "
        "= e.evaluator AND x.calibration_session_id = e.calibration_session_id) ORDER BY e.id"));
    for (qint64 session : sessionIds) {
        q.addBindValue(session);
        q.addBindValue(criterionId);
        if (q.exec())
            while (q.next())
                units.push_back({q.value(0).toLongLong(), q.value(1).toDouble()});
    }
    WhatIfResult result;
    result.criterionId = criterionId;
    result.units = int(units.size());
    QHash<qint64, std::optional<double>> before, after;
    EvaluationStore evaluations(m_workspace);
    for (const Unit &u : units) {
        if (before.contains(u.interaction))
            continue;
        const auto automated = evaluations.currentAutomated(u.interaction);
        before.insert(u.interaction, valueOf(automated ? automated->criterion(criterionId) : nullptr));
        const auto rescored = m_rescorer(card, criterionId, u.interaction, error);
        if (!rescored)
            return std::nullopt;
        after.insert(u.interaction, valueOf(&*rescored));
        const auto b = before.value(u.interaction);
        const auto a = after.value(u.interaction);
        if (b.has_value() != a.has_value() || (a && b && std::abs(*a - *b) > 1e-9))
            ++result.changedScores;
    }
    result.interactions = int(before.size());
    RatingColumn human, autoBefore, autoAfter;
    for (const Unit &u : units) {
        human.push_back(u.human);
        autoBefore.push_back(before.value(u.interaction));
        autoAfter.push_back(after.value(u.interaction));
    }
    const RatingLevel level = criterion->scale.type == Scale::Type::YesNo ? RatingLevel::YesNo
                                                                          : RatingLevel::Ordinal;
    QList<double> categories;
    for (double v = criterion->scale.minimum(); v <= criterion->scale.maximum() + 1e-9; v += 1)
        categories << v;
    result.before = agreement::pair(autoBefore, human, level, categories, 0);
    result.after = agreement::pair(autoAfter, human, level, categories, 0);
    result.alphaBefore = agreement::alpha({autoBefore, human}, level);
    result.alphaAfter = agreement::alpha({autoAfter, human}, level);
    return result;
}

} // namespace qaw
