#pragma once

#include <QString>

#include <functional>

struct sqlite3;

namespace qaw::writerWait {

//! Told that a connection of this process has waited \a waitedMs for another connection's
//! lock (usually another process writing the same workspace). Called on the waiting
//! thread, once after a moment and then every few seconds while the wait lasts.
using Listener = std::function<void(qint64 waitedMs)>;

//! The process-wide listener (the CLI prints "waiting for another writer"); empty to
//! stop listening. Set it before connections are used from other threads.
void setListener(Listener listener);

//! How long a connection waits for a lock before SQLite gives up with "database is
//! locked". For tests; the default is kDefaultLimitMs.
void setLimitMs(qint64 limitMs);
qint64 limitMs();

//! Two minutes: longer than any write transaction of ours on a million interactions (a
//! flag run, a roll-up rebuild), so writers queue instead of failing; short enough that
//! a process that hangs while holding the lock is reported rather than waited for forever.
inline constexpr qint64 kDefaultLimitMs = 120000;

//! A wait this long is worth telling the user about; shorter ones are a writer's commit.
inline constexpr qint64 kNoticeAfterMs = 1000;

//! Later notices of the same wait come this far apart.
inline constexpr qint64 kNoticeEveryMs = 10000;

//! Tells the listener about a wait of \a waitedMs that is not SQLite's (the import lock).
void report(qint64 waitedMs);

//! Installs the waiting busy handler on \a handle (replacing the plain busy timeout).
void install(sqlite3 *handle);

//! The text the CLI prints for a wait of \a waitedMs.
QString message(qint64 waitedMs);

} // namespace qaw::writerWait
