#include "analytics/AnalyticsSql.h"

#include <QSqlError>
#include <QtDebug>

namespace qaw::analyticsSql {

QString where(const InteractionFilter &filter, const QString &extra, QVariantList *values)
{
    QString clause = filter.whereClause(QStringLiteral("i"), values);
    if (extra.isEmpty())
        return clause;
    return clause.isEmpty() ? QStringLiteral(" WHERE ") + extra
                            : clause + QStringLiteral(" AND ") + extra;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qWarning("analytics: cannot prepare: %s", qPrintable(query.lastError().text()));
        return false;
    }
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        qWarning("analytics: query failed: %s", qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

} // namespace qaw::analyticsSql
