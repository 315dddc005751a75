#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace qaw {

//! The SQLite handle under a QSQLITE connection, for the bulk paths (scoring reads and
//! writes) where Qt's per-value binding and QVariant boxing cost more than the query;
//! null when the connection is not an open SQLite one. Use it on the connection's thread.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

} // namespace qaw
