#include "analytics/CriterionPassMarks.h"

#include "domain/Scorecard.h"
#include "storage/ScorecardRepository.h"

#include <QStringList>

namespace qaw {

std::vector<CriterionPassMark> criteriaOf(const Scorecard &scorecard)
{
    std::vector<CriterionPassMark> out;
    for (const Criterion *c : scorecard.criteria()) {
        const double lo = c->scale.minimum();
        const double span = c->scale.maximum() - lo;
        out.push_back({c->id, c->name, c->outcome, lo + span / 2, lo, span > 0 ? span : 1});
    }
    return out;
}

std::vector<CriterionPassMark> activeCriteria(Workspace &workspace)
{
    const std::optional<StoredScorecard> active = ScorecardRepository(workspace).active();
    return active ? criteriaOf(active->scorecard) : std::vector<CriterionPassMark>{};
}

QString criteriaTable(const std::vector<CriterionPassMark> &criteria, QVariantList *values)
{
    QStringList rows;
    for (const CriterionPassMark &c : criteria) {
        rows << QStringLiteral("(?, ?, ?, ?, ?)");
        *values << c.id << c.name << c.passMark << c.minimum << c.span;
    }
    if (rows.isEmpty()) {
        // An empty table that still has the columns, so queries stay valid.
        rows << QStringLiteral("(NULL, NULL, NULL, NULL, NULL)");
        return QStringLiteral("WITH crit(id, name, mark, lo, span) AS (SELECT * FROM (VALUES ") +
               rows.join(QStringLiteral(", ")) + QStringLiteral(") WHERE 0) ");
    }
    return QStringLiteral("WITH crit(id, name, mark, lo, span) AS (VALUES ") +
           rows.join(QStringLiteral(", ")) + QStringLiteral(") ");
}

} // namespace qaw
