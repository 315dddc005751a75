#include "storage/SqliteHandle.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace qaw {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void bindOptional(sqlite3_stmt *statement, int index, qint64 value)
{
    if (value < 0)
        sqlite3_bind_null(statement, index);
    else
        sqlite3_bind_int64(statement, index, value);
}

} // namespace qaw
