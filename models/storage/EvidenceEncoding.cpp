#include "storage/EvidenceEncoding.h"

#include <charconv>

namespace qaw::evidence_encoding {
namespace {

//! Reads a decimal integer (optionally negative) at \a pos; false when there is none.
template <typename Char> bool readNumber(const Char *text, int size, int *pos, qint64 *value)
{
    int i = *pos;
    const bool negative = i < size && text[i] == Char('-');
    if (negative)
        ++i;
    const int digitsFrom = i;
    qint64 v = 0;
    while (i < size && text[i] >= Char('0') && text[i] <= Char('9') && i - digitsFrom < 18)
        v = v * 10 + (text[i++] - Char('0'));
    if (i == digitsFrom)
        return false;
    *value = negative ? -v : v;
    *pos = i;
    return true;
}

template <typename Char>
std::vector<EvidenceSpan> decodeChars(const Char *text, int size, bool *ok)
{
    std::vector<EvidenceSpan> spans;
    bool allGood = true;
    int pos = 0;
    while (pos < size) {
        int end = pos;
        while (end < size && text[end] != Char(';'))
            ++end;
        // One span in [pos, end): turn ':' start '-' end ['@' ms]
        int i = pos;
        qint64 turn = 0, start = 0, stop = 0, ms = -1;
        bool good = readNumber(text, end, &i, &turn) && i < end && text[i++] == Char(':') &&
                    readNumber(text, end, &i, &start) && i < end && text[i++] == Char('-') &&
                    readNumber(text, end, &i, &stop);
        if (good && i < end)
            good = text[i++] == Char('@') && readNumber(text, end, &i, &ms) && i == end;
        if (good)
            spans.push_back(EvidenceSpan{int(turn), int(start), int(stop), ms});
        else
            allGood = false;
        pos = end + 1;
    }
    if (ok)
        *ok = allGood;
    return spans;
}

} // namespace

void append(const std::vector<EvidenceSpan> &spans, std::string *out)
{
    if (spans.empty())
        return;
    // Written in place rather than appended piece by piece: the call and capacity check
    // of each small append were most of the cost (the scoring writer packs about 1.5
    // spans per score). A span takes at most four numbers of 20 characters and four
    // separators.
    constexpr size_t kMaxSpanBytes = 4 * 20 + 4;
    const size_t start = out->size();
    out->resize(start + spans.size() * kMaxSpanBytes);
    char *at = out->data() + start;
    const auto number = [&at](qint64 value) { at = std::to_chars(at, at + 20, value).ptr; };
    for (size_t i = 0; i < spans.size(); ++i) {
        const EvidenceSpan &s = spans[i];
        if (i > 0)
            *at++ = ';';
        number(s.turn);
        *at++ = ':';
        number(s.charStart);
        *at++ = '-';
        number(s.charEnd);
        if (s.timeMs >= 0) {
            *at++ = '@';
            number(s.timeMs);
        }
    }
    out->resize(size_t(at - out->data()));
}

QString encode(const std::vector<EvidenceSpan> &spans)
{
    std::string bytes;
    append(spans, &bytes);
    return QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
}

std::vector<EvidenceSpan> decode(QStringView text, bool *ok)
{
    return decodeChars(text.utf16(), int(text.size()), ok);
}

std::vector<EvidenceSpan> decodeUtf8(const char *text, int size, bool *ok)
{
    return decodeChars(text, size, ok);
}

} // namespace qaw::evidence_encoding
