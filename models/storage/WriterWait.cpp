#include "storage/WriterWait.h"

#include <sqlite3.h>

#include <QThread>

#include <atomic>
#include <chrono>
#include <mutex>

namespace qaw::writerWait {
namespace {

std::atomic<qint64> s_limitMs{kDefaultLimitMs};

std::mutex &listenerMutex()
{
    static std::mutex mutex;
    return mutex;
}

Listener &listenerSlot()
{
    static Listener listener;
    return listener;
}

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

void report(qint64 waitedMs)
{
    Listener listener;
    {
        std::lock_guard<std::mutex> lock(listenerMutex());
        listener = listenerSlot();
    }
    if (listener)
        listener(waitedMs);
}

namespace {

// SQLite calls this while another connection holds the lock it needs, \a count being the
// number of calls so far in this wait (0 starts a new one). A connection is used by one
// thread at a time and a thread waits for one lock at a time, so the wait's start can
// live in thread-local storage instead of per-connection state the handle must outlive.
int busyHandler(void *, int count)
{
    thread_local qint64 startMs = 0;
    thread_local qint64 nextNoticeMs = 0;
    const qint64 now = monotonicMs();
    if (count == 0) {
        startMs = now;
        nextNoticeMs = kNoticeAfterMs;
    }
    const qint64 waited = now - startMs;
    if (waited >= s_limitMs.load())
        return 0;
    if (waited >= nextNoticeMs) {
        report(waited);
        nextNoticeMs = waited + kNoticeEveryMs;
    }
    // Short sleeps first (another writer's commit takes milliseconds), then 25 ms steps,
    // as SQLite's own busy timeout does: a queued writer starts soon after the lock frees.
    static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25};
    constexpr int kSteps = int(sizeof(kDelaysMs) / sizeof(kDelaysMs[0]));
    QThread::msleep(ulong(kDelaysMs[count < kSteps ? count : kSteps - 1]));
    return 1;
}

} // namespace

void setListener(Listener listener)
{
    std::lock_guard<std::mutex> lock(listenerMutex());
    listenerSlot() = std::move(listener);
}

void setLimitMs(qint64 limitMs)
{
    s_limitMs.store(limitMs);
}

qint64 limitMs()
{
    return s_limitMs.load();
}

void install(sqlite3 *handle)
{
    if (handle)
        sqlite3_busy_handler(handle, &busyHandler, nullptr);
}

QString message(qint64 waitedMs)
{
    return QStringLiteral("waiting for another writer (%1 s so far)").arg(waitedMs / 1000);
}

} // namespace qaw::writerWait
