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

//! " WHERE <filter> AND <extra>" over alias "i". Conditions in \a extra write
//! "+i.auto_total" so that SQLite does not pick the narrow auto_total index (a million
//! row lookups) over the covering time and filter indexes of schema version 3.
QString where(const InteractionFilter &filter, const QString &extra, QVariantList *values);

//! Prepares \a sql, binds \a values in order and runs it; false (with a warning in
//! the log) when SQLite refuses.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values);

} // namespace analyticsSql
} // namespace qaw
