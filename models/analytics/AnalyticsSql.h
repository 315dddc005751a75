#pragma once

#include "storage/InteractionFilter.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace qaw {

class Workspace;

//! Small helpers the analytics queries share: the filter's WHERE with more conditions,
//! and preparing + binding + running in one step.
namespace analyticsSql {

//! " WHERE <filter> AND <extra>" over alias "i".
QString where(const InteractionFilter &filter, const QString &extra, QVariantList *values);

//! Prepares \a sql, binds \a values in order and runs it; false (with a warning in
//! the log) when SQLite refuses.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values);

} // namespace analyticsSql
} // namespace qaw
