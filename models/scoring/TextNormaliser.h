#pragma once

#include <QString>
#include <QStringList>

#include <cstring>

namespace qaw::text {

//! One written word (letters, digits, apostrophes) as the phrase matcher compares it:
//! lower-case, contractions expanded ("you're" -> "you", "are"), a few synonyms merged
//! ("hi"/"hey" -> "hello", "resolved"/"sorted" -> "fixed"), British -ise spelt -ize, and
//! lightly stemmed ("apologising" -> "apologiz", "calls" -> "call"). The same function
//! runs on phrases and on transcripts, so both sides meet in the middle.
QStringList normalisedWords(const QString &word);

//! Speech-to-text fillers ("um", "uh", "erm") as normalisedWords() gives them: noise
//! between the words of a transcript, which the matcher skips.
bool isFiller(const QString &normalisedWord);

//! The light suffix-stripping stemmer normalisedWords() uses.
QString stem(const QString &lowerWord);

//! A hash of UTF-16 text read 8 bytes at a time (a multiply and a shift per 4
//! characters): several times cheaper than Qt's seeded qHash, and than FNV-1a's
//! character at a time, for the words and turn texts the scorer looks up millions of
//! times. Only speed depends on it.
inline size_t hashChars(const QChar *data, qsizetype size) noexcept
{
    constexpr quint64 kMultiplier = 0xff51afd7ed558ccdULL;
    quint64 h = 0x9e3779b97f4a7c15ULL ^ quint64(size);
    const char *bytes = reinterpret_cast<const char *>(data);
    size_t left = size_t(size) * sizeof(QChar);
    for (; left >= 8; left -= 8, bytes += 8) {
        quint64 word;
        std::memcpy(&word, bytes, 8);
        h = (h ^ word) * kMultiplier;
        h ^= h >> 32;
    }
    if (left > 0) { // 2, 4 or 6 bytes: fixed-size copies, not a call to memcpy
        quint64 word = 0;
        unsigned shift = 0;
        if (left >= 4) {
            quint32 four;
            std::memcpy(&four, bytes, 4);
            word = four;
            shift = 32;
            bytes += 4;
            left -= 4;
        }
        if (left >= 2) {
            quint16 two;
            std::memcpy(&two, bytes, 2);
            word |= quint64(two) << shift;
        }
        h = (h ^ word) * kMultiplier;
        h ^= h >> 32;
    }
    h *= kMultiplier;
    return size_t(h ^ (h >> 29));
}

struct FastStringHash
{
    size_t operator()(const QString &s) const noexcept { return hashChars(s.constData(), s.size()); }
};

//! True for the characters that make up a word: letters, digits and apostrophes.
inline bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128) // the usual case, without QChar's range tests
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               u == '\'';
    return c.isLetterOrNumber() || u == 0x2019;
}

} // namespace qaw::text
