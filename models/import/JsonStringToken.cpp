#include "import/JsonStringToken.h"

namespace qaw {
namespace {

// What a byte means inside a string: 0 ordinary, else a reason to leave the plain run.
enum ByteClass : uchar { Plain = 0, Quote, Backslash, Control, High };

struct ByteClasses
{
    uchar of[256];
    constexpr ByteClasses() : of()
    {
        for (int c = 0; c < 256; ++c)
            of[c] = c < 0x20    ? Control
                    : c >= 0x80 ? High
                    : c == '"'  ? Quote
                    : c == '\\' ? Backslash
                                : Plain;
    }
};
constexpr ByteClasses kByteClasses;

// Length of the valid UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), 0 when it is not one.
int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar b0 = p[0];
    auto continuation = [p, end](int i, uchar lo, uchar hi) {
        return end - p > i && p[i] >= lo && p[i] <= hi;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return continuation(1, 0x80, 0xBF) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF)
        return continuation(1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF) &&
                       continuation(2, 0x80, 0xBF)
                   ? 3
                   : 0;
    if (b0 >= 0xF0 && b0 <= 0xF4)
        return continuation(1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF) &&
                       continuation(2, 0x80, 0xBF) && continuation(3, 0x80, 0xBF)
                   ? 4
                   : 0;
    return 0;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The value of the 4 hex digits at p (checked to be there), -1 if one is not a hex digit.
int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int d = hexDigit(p[i]);
        if (d < 0)
            return -1;
        value = value * 16 + d;
    }
    return value;
}

QString decodeEscaped(const JsonStringToken &t)
{
    QString out;
    out.reserve(t.size);
    const char *p = t.begin;
    const char *const end = t.begin + t.size;
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            out += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out += QChar(u'\b');
            break;
        case 'f':
            out += QChar(u'\f');
            break;
        case 'n':
            out += QChar(u'\n');
            break;
        case 'r':
            out += QChar(u'\r');
            break;
        case 't':
            out += QChar(u'\t');
            break;
        case 'u':
            out += QChar(char16_t(hex4(p)));
            p += 4;
            break;
        default: // '"', '\\' and '/' stand for themselves
            out += QChar(char16_t(uchar(e)));
            break;
        }
    }
    return out;
}

} // namespace

const char *JsonStringToken::scan(const char *from, const char *stop, JsonStringToken *t)
{
    *t = JsonStringToken();
    t->begin = from;
    const auto *p = reinterpret_cast<const uchar *>(from);
    const auto *const end = reinterpret_cast<const uchar *>(stop);
    for (;;) {
        while (p < end && kByteClasses.of[*p] == Plain)
            ++p;
        if (p == end)
            return nullptr;
        switch (kByteClasses.of[*p]) {
        case Quote:
            t->size = reinterpret_cast<const char *>(p) - from;
            return reinterpret_cast<const char *>(p) + 1;
        case High: {
            const int n = utf8SequenceLength(p, end);
            if (n == 0)
                return nullptr;
            t->ascii = false;
            p += n;
            break;
        }
        case Backslash: {
            if (end - p < 2)
                return nullptr;
            t->escaped = true;
            const char e = char(p[1]);
            if (e == 'u') {
                const int v = end - p >= 6 ? hex4(reinterpret_cast<const char *>(p) + 2) : -1;
                if (v < 0 || (v >= 0xD800 && v <= 0xDFFF))
                    return nullptr;
                p += 6;
            } else if (e != '\0' && std::strchr("\"\\/bfnrt", e) != nullptr) {
                p += 2;
            } else {
                return nullptr;
            }
            break;
        }
        default: // a raw control byte
            return nullptr;
        }
    }
}

QString JsonStringToken::decode() const
{
    if (escaped)
        return decodeEscaped(*this);
    return ascii ? QString::fromLatin1(begin, size) : QString::fromUtf8(begin, size);
}

} // namespace qaw
