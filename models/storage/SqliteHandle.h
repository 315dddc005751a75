#pragma once

#include <QSqlDatabase>

struct sqlite3;
struct sqlite3_stmt;

namespace qaw {

//! The SQLite handle under a QSQLITE connection, for the bulk paths (scoring reads and
//! writes) where Qt's per-value binding and QVariant boxing cost more than the query;
//! null when the connection is not an open SQLite one. Use it on the connection's thread.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

//! Binds \a value, or NULL when it is negative (the domain's "unknown" for times, counts
//! and ids).
void bindOptional(sqlite3_stmt *statement, int index, qint64 value);

} // namespace qaw
