#pragma once

#include <QString>
#include <QStringList>

namespace qaw::text {

//! One written word (letters, digits, apostrophes) as the phrase matcher compares it:
//! lower-case, contractions expanded ("you're" -> "you", "are"), a few synonyms merged
//! ("hi"/"hey" -> "hello", "resolved"/"sorted" -> "fixed"), British -ise spelt -ize, and
//! lightly stemmed ("apologising" -> "apologiz", "calls" -> "call"). The same function
//! runs on phrases and on transcripts, so both sides meet in the middle.
QStringList normalisedWords(const QString &word);

//! The light suffix-stripping stemmer normalisedWords() uses.
QString stem(const QString &lowerWord);

//! FNV-1a over the UTF-16 code units: several times cheaper than Qt's seeded qHash
//! for the short words the scorer looks up millions of times.
struct FastStringHash
{
    size_t operator()(const QString &s) const noexcept
    {
        quint64 h = 14695981039346656037ULL;
        for (QChar c : s) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
        return size_t(h);
    }
};

//! True for the characters that make up a word: letters, digits and apostrophes.
inline bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('\'') || c == QChar(0x2019);
}

} // namespace qaw::text
