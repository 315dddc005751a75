#include "import/RecordPipeline.h"

#include "import/RecordReader.h"

namespace qaw {

RecordPipeline::RecordPipeline(RecordReader &reader, RedactionKinds redact, int capacity)
    : m_reader(reader), m_redactor(redact), m_capacity(size_t(qMax(1, capacity)))
{
    m_thread.reset(QThread::create([this] { produce(); }));
    m_thread->start();
}

RecordPipeline::~RecordPipeline()
{
    stop();
}

void RecordPipeline::stop()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread->wait();
}

void RecordPipeline::produce()
{
    for (;;) {
        PreparedRecord item;
        const bool more = m_reader.next(item.record);
        if (more && item.record.interaction) {
            for (Turn &t : item.record.interaction->turns)
                item.redactions += m_redactor.redact(t.text);
            item.row = interactionRow(*item.record.interaction);
        }
        item.bytesRead = m_reader.bytesRead();
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_queue.size() < m_capacity; });
        if (m_stop)
            return;
        if (!more) {
            m_done = true;
            lock.unlock();
            m_changed.notify_all();
            return;
        }
        m_queue.push_back(std::move(item));
        lock.unlock();
        m_changed.notify_all();
    }
}

bool RecordPipeline::next(PreparedRecord &out)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || m_done || !m_queue.empty(); });
    if (m_stop || m_queue.empty())
        return false;
    out = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return true;
}

} // namespace qaw
