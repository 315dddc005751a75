#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace qaw {

//! Copies committed WAL pages into the database file on a thread and connection of its
//! own while a long series of write transactions (an import) runs on \a writer.
//! By default SQLite checkpoints inside the commit that fills the WAL past 1,000 pages, on
//! the writing thread, which then copies pages and waits for fsync instead of writing the
//! next chunk. Here the writer's automatic checkpoints are off; after each commit it calls
//! committed(), and this thread runs a PASSIVE checkpoint, which never blocks the writer
//! or readers. Durability and crash safety are the WAL's, unchanged: a frame is in the
//! WAL before its commit returns, whoever copies it later. The destructor stops the
//! thread and restores automatic checkpoints, so the WAL is folded in as before.
class BackgroundCheckpointer
{
public:
    //! \a writer is the raw handle of the connection that writes; \a path its file.
    BackgroundCheckpointer(sqlite3 *writer, const QString &path);
    ~BackgroundCheckpointer();
    BackgroundCheckpointer(const BackgroundCheckpointer &) = delete;
    BackgroundCheckpointer &operator=(const BackgroundCheckpointer &) = delete;

    void committed();

private:
    void run(const QByteArray &path);

    sqlite3 *m_writer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace qaw
