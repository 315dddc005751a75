#include "storage/BackgroundCheckpointer.h"

#include <sqlite3.h>

namespace qaw {
namespace {

// SQLite's default, restored when the long write is over.
constexpr int kAutoCheckpointPages = 1000;

} // namespace

BackgroundCheckpointer::BackgroundCheckpointer(sqlite3 *writer, const QString &path)
    : m_writer(writer)
{
    sqlite3_wal_autocheckpoint(m_writer, 0);
    m_thread = std::thread([this, file = path.toUtf8()] { run(file); });
}

BackgroundCheckpointer::~BackgroundCheckpointer()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    sqlite3_wal_autocheckpoint(m_writer, kAutoCheckpointPages);
}

void BackgroundCheckpointer::committed()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_all();
}

void BackgroundCheckpointer::run(const QByteArray &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        // Nothing is lost: the WAL just grows until the writer's checkpoints resume.
        sqlite3_close(db);
        return;
    }
    sqlite3_busy_timeout(db, 1000);
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop)
                break;
            m_pending = false;
        }
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    sqlite3_close(db);
}

} // namespace qaw
