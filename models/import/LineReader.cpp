#include "import/LineReader.h"

#include <QIODevice>

#include <cstring>

namespace qaw {
namespace {

constexpr qint64 kReadChunk = 1 << 20;

} // namespace

LineReader::LineReader(QIODevice *device, qint64 maxLineBytes, qint64 keepBytes)
    : m_device(device), m_maxLine(maxLineBytes), m_keep(qMin(keepBytes, maxLineBytes))
{
}

// Appends the next chunk of the device to the buffer, dropping what was consumed.
bool LineReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + kReadChunk);
    const qint64 got = m_device->read(m_buffer.data() + old, kReadChunk);
    m_buffer.resize(old + qMax<qint64>(got, 0));
    if (got <= 0) {
        m_eof = true;
        return false;
    }
    return true;
}

void LineReader::finishLine(RawLine &line, qsizetype end, qsizetype nextStart)
{
    qsizetype stop = end;
    if (stop > m_pos && m_buffer.at(stop - 1) == '\r')
        --stop;
    line.length = stop - m_pos;
    line.truncated = line.length > m_maxLine;
    line.bytes = m_buffer.mid(m_pos, line.truncated ? m_keep : line.length);
    m_consumed += nextStart - m_pos;
    m_pos = nextStart;
}

bool LineReader::next(RawLine &line)
{
    qsizetype searchFrom = m_pos;
    for (;;) {
        const char *base = m_buffer.constData();
        const void *nl = searchFrom < m_buffer.size()
                             ? std::memchr(base + searchFrom, '\n', size_t(m_buffer.size() - searchFrom))
                             : nullptr;
        if (nl) {
            const qsizetype end = static_cast<const char *>(nl) - base;
            line.lineNo = ++m_lineNo;
            finishLine(line, end, end + 1);
            return true;
        }
        if (m_buffer.size() - m_pos > m_maxLine)
            break; // too long to hold: keep its beginning and skip the rest below
        const qsizetype pending = m_buffer.size() - m_pos;
        if (!fill()) {
            if (pending == 0)
                return false;
            line.lineNo = ++m_lineNo;
            finishLine(line, m_buffer.size(), m_buffer.size());
            return true;
        }
        searchFrom = m_pos + pending;
    }

    // An over-long line: keep m_keep bytes, count and discard the rest up to the break.
    line.lineNo = ++m_lineNo;
    line.bytes = m_buffer.mid(m_pos, m_keep);
    line.truncated = true;
    qint64 length = m_buffer.size() - m_pos;
    m_consumed += length;
    m_buffer.clear();
    m_pos = 0;
    for (;;) {
        if (!fill())
            break;
        const void *nl = std::memchr(m_buffer.constData(), '\n', size_t(m_buffer.size()));
        if (nl) {
            const qsizetype end = static_cast<const char *>(nl) - m_buffer.constData();
            length += end;
            m_consumed += end + 1;
            m_pos = end + 1;
            break;
        }
        length += m_buffer.size();
        m_consumed += m_buffer.size();
        m_buffer.clear();
    }
    line.length = length;
    return true;
}

bool isValidUtf8(const char *data, qsizetype size)
{
    const auto *s = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        // Fast path over ASCII, eight bytes at a time.
        while (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (i + extra >= size)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

} // namespace qaw
