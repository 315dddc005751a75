#pragma once

#include <QSqlDatabase>
#include <QString>

namespace qaw::schema {

//! The schema version this build writes. Older workspaces are migrated on open;
//! newer ones are refused, never touched.
constexpr int kCurrentVersion = 14;

//! Marks a SQLite file as a QA Workbench workspace (PRAGMA application_id), "QAWB".
constexpr int kApplicationId = 0x51415742;

//! Applies the ordered migrations from the database's user_version up to
//! \a targetVersion, each in its own transaction. Returns false and fills \a error
//! on the first failure; the failed migration leaves nothing behind.
bool migrate(QSqlDatabase &db, int targetVersion, QString *error);

int userVersion(QSqlDatabase &db);

} // namespace qaw::schema
