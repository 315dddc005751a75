#pragma once

#include "import/ParsedRecord.h"
#include "import/PiiRedactor.h"
#include "storage/InteractionStore.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace qaw {

class RecordReader;

//! One record read, redacted and made ready to store by RecordPipeline.
struct PreparedRecord
{
    ParsedRecord record;
    std::optional<InteractionRow> row; //!< set when record.interaction is
    int redactions = 0;                //!< items redacted in the interaction's turns
    qint64 bytesRead = 0;              //!< how far into the file the reader was
};

//! Reads records on a thread of its own while the caller writes: parsing, checking,
//! redacting and building each interaction's row (hash, derived metrics, UTF-8 text)
//! overlap with the SQLite writes on a second core. The queue between the two holds at
//! most \a capacity records, so memory stays bounded whatever the file size.
class RecordPipeline
{
public:
    RecordPipeline(RecordReader &reader, RedactionKinds redact, int capacity = 256);
    ~RecordPipeline();
    RecordPipeline(const RecordPipeline &) = delete;
    RecordPipeline &operator=(const RecordPipeline &) = delete;

    //! The next record, waiting for the reading thread; false at the end of the file.
    bool next(PreparedRecord &out);

    //! Stops the reading thread (also done by the destructor).
    void stop();

private:
    void produce();

    RecordReader &m_reader;
    PiiRedactor m_redactor; //!< the reading thread's own: regular expressions are not shared
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PreparedRecord> m_queue;
    bool m_done = false;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace qaw
