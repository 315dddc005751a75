#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace qaw {

//! One physical line of a text file, without its line break.
struct RawLine
{
    QByteArray bytes;     //!< the line (only its first keepBytes when truncated)
    qint64 lineNo = 0;    //!< 1-based
    qint64 length = 0;    //!< the line's full length in bytes
    bool truncated = false; //!< longer than the reader's limit: bytes holds its beginning
};

//! Reads a device line by line with bounded memory: a line longer than maxLineBytes is
//! not held whole but reported as truncated with its first keepBytes, and reading goes on
//! after its line break. Line breaks are LF or CRLF.
class LineReader
{
public:
    LineReader(QIODevice *device, qint64 maxLineBytes, qint64 keepBytes);

    //! The next line; false at the end of the device.
    bool next(RawLine &line);

    qint64 bytesConsumed() const { return m_consumed; }
    qint64 lineNo() const { return m_lineNo; }

private:
    bool fill();
    void finishLine(RawLine &line, qsizetype end, qsizetype nextStart);

    QIODevice *m_device;
    qint64 m_maxLine;
    qint64 m_keep;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    qint64 m_consumed = 0;
    qint64 m_lineNo = 0;
};

//! Whether \a data is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(const char *data, qsizetype size);
inline bool isValidUtf8(const QByteArray &data)
{
    return isValidUtf8(data.constData(), data.size());
}

} // namespace qaw
