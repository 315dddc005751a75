#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace qaw {

//! A JSON string as it stands in a line, between its quotes, checked strictly by scan():
//! valid UTF-8 (RFC 3629), no raw control byte, only the standard escapes and no \u escape
//! of a surrogate. Used by the native JSON Lines fast path (NativeJsonlFastPath.h), which
//! leaves any other string to QJsonDocument.
struct JsonStringToken
{
    const char *begin = nullptr;
    qsizetype size = 0;
    bool ascii = true;    //!< no byte >= 0x80
    bool escaped = false; //!< at least one backslash escape

    //! Reads the string that starts at \a p, just after its opening quote. Returns the
    //! position after its closing quote, or nullptr when the strict rules refuse it.
    static const char *scan(const char *p, const char *end, JsonStringToken *token);

    //! The text, as QJsonDocument would give it.
    QString decode() const;

    bool plain() const { return ascii && !escaped; }
    template <qsizetype N> bool is(const char (&literal)[N]) const
    {
        return plain() && size == N - 1 && std::memcmp(begin, literal, N - 1) == 0;
    }
    QByteArrayView bytes() const { return QByteArrayView(begin, size); }
};

} // namespace qaw
