#pragma once

#include <QSqlDatabase>

namespace qaw {

//! Foreign key enforcement off on \a db for a bulk writer's run, restored when this goes
//! out of scope. For writers whose every row names only what they have just read or
//! written themselves (the importer, the scoring engine; interactions are never deleted):
//! enforcement looked each parent up again for every row, 9% of an import's writing and
//! 14% of scoring's (callgrind). SQLite cannot change the setting inside a transaction,
//! so construct it before the writer's first transaction and let it die after the last.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(QSqlDatabase db);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase m_db;
    bool m_wasOn = false;
};

} // namespace qaw
