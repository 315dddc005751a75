#include "storage/InteractionFilter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

namespace qaw {

bool InteractionFilter::operator==(const InteractionFilter &o) const
{
    return from == o.from && to == o.to && teamId == o.teamId && agentId == o.agentId &&
           channel == o.channel && queue == o.queue && minTotal == o.minTotal &&
           maxTotal == o.maxTotal && autoFailedOnly == o.autoFailedOnly &&
           flaggedOnly == o.flaggedOnly && withHumanOnly == o.withHumanOnly && text == o.text &&
           belowTotal == o.belowTotal && withCsatOnly == o.withCsatOnly &&
           criterionId == o.criterionId &&
           criterionResult == o.criterionResult && criterionPassMark == o.criterionPassMark;
}

QString ftsQueryFromText(const QString &text)
{
    // Runs of letters and digits are exactly the search index's tokens (unicode61), so
    // each quoted term is one token: the index keeps no positions and refuses phrases.
    // "don't" becomes "don" "t", both required.
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    auto it = wordPattern.globalMatch(text);
    while (it.hasNext()) {
        terms << QLatin1Char('"') + it.next().captured(0) + QLatin1Char('"');
    }
    return terms.join(QLatin1Char(' '));
}

QString InteractionFilter::whereClause(const QString &alias, QVariantList *values,
                                       bool totalRangeUsesIndex) const
{
    QStringList parts;
    const QString a = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    if (from.isValid()) {
        parts << a + QStringLiteral("started_at >= ?");
        values->append(QDateTime(from, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    }
    if (to.isValid()) {
        parts << a + QStringLiteral("started_at < ?");
        values->append(
            QDateTime(to.addDays(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    }
    if (teamId >= 0) {
        parts << a + QStringLiteral("team_id = ?");
        values->append(teamId);
    }
    if (agentId >= 0) {
        parts << a + QStringLiteral("agent_id = ?");
        values->append(agentId);
    }
    if (!channel.isEmpty()) {
        parts << a + QStringLiteral("channel = ?");
        values->append(channel);
    }
    if (!queue.isEmpty()) {
        parts << a + QStringLiteral("queue = ?");
        values->append(queue);
    }
    // A unary plus makes the column an expression, which no index serves.
    const QString total = (totalRangeUsesIndex ? QString() : QStringLiteral("+")) + a +
                          QStringLiteral("auto_total");
    if (minTotal) {
        parts << total + QStringLiteral(" >= ?");
        values->append(*minTotal);
    }
    if (maxTotal) {
        parts << total + QStringLiteral(" <= ?");
        values->append(*maxTotal);
    }
    if (belowTotal) {
        parts << a + QStringLiteral("auto_total < ?");
        values->append(*belowTotal);
    }
    if (!criterionId.isEmpty()) {
        QString sql = QStringLiteral("EXISTS (SELECT 1 FROM automated_scores cs_f WHERE "
                                     "cs_f.evaluation_id = ") +
                      a + QStringLiteral("auto_evaluation_id AND cs_f.criterion_id = ? AND "
                                         "cs_f.na = 0 AND cs_f.value IS NOT NULL");
        values->append(criterionId);
        if (criterionResult != CriterionResult::Applicable) {
            sql += criterionResult == CriterionResult::Passed
                       ? QStringLiteral(" AND cs_f.value >= ?")
                       : QStringLiteral(" AND cs_f.value < ?");
            values->append(criterionPassMark);
        }
        parts << sql + QLatin1Char(')');
    }
    if (autoFailedOnly)
        parts << a + QStringLiteral("auto_failed = 1");
    if (flaggedOnly)
        parts << a + QStringLiteral("flagged = 1");
    if (withHumanOnly)
        parts << a + QStringLiteral("has_human = 1");
    if (withCsatOnly)
        parts << a + QStringLiteral("csat IS NOT NULL");
    const QString fts = ftsQueryFromText(text);
    if (!fts.isEmpty()) {
        parts << a + QStringLiteral("id IN (SELECT rowid FROM transcript_fts "
                                    "WHERE transcript_fts MATCH ?)");
        values->append(fts);
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace qaw
