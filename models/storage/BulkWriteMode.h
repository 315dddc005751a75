#pragma once

#include <QSqlDatabase>

namespace qaw {

//! Settings for a bulk writer's run on \a db (the importer, the scoring engine), restored
//! when this goes out of scope. SQLite cannot change them inside a transaction, so
//! construct it before the writer's first transaction and let it die after the last.
//! - Foreign keys are not enforced: every row these writers write names only what they
//!   have just read or written themselves (interactions are never deleted), and
//!   enforcement looked each parent up again for every row, 9% of an import's writing and
//!   14% of scoring's (callgrind).
//! - The WAL is checkpointed every 10,000 pages instead of SQLite's 1,000: each checkpoint
//!   waits for two fsyncs and copies the pages written since the last one, so an import of
//!   100,000 interactions spent about 1.3 s in 160 fdatasync calls, and rewrote the same
//!   index pages again and again. The WAL grows to about 40 MB before it is folded in.
class BulkWriteMode
{
public:
    explicit BulkWriteMode(QSqlDatabase db);
    ~BulkWriteMode();
    BulkWriteMode(const BulkWriteMode &) = delete;
    BulkWriteMode &operator=(const BulkWriteMode &) = delete;

private:
    QSqlDatabase m_db;
    bool m_foreignKeysWereOn = false;
    int m_checkpointPages = -1;
};

} // namespace qaw
