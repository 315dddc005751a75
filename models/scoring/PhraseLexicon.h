#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>
#include <vector>

namespace qaw {

//! One word of a transcript turn, as an id in a PhraseLexicon (-1: a word no phrase
//! uses) and the characters it came from. A contraction gives several tokens with the
//! same characters ("you're" -> "you", "are").
struct TextToken
{
    enum Flag : quint8 {
        SentenceStart = 1, //!< first word of the text or after '.', '?', '!' or a line break
        ClauseStart = 2,   //!< first word of a sentence or after ',', ';', ':' or a dash
        InQuestion = 4,    //!< the sentence ends with '?'
        Digits = 8,        //!< written in digits ("4421")
    };

    int id = -1;
    int charStart = 0;
    int charEnd = 0;
    quint8 flags = 0;

    bool startsSentence() const { return (flags & SentenceStart) != 0; }
    bool startsClause() const { return (flags & ClauseStart) != 0; }
    bool isNumber() const { return (flags & Digits) != 0; }
};

//! A tokenised text and the set of lexicon words in it (one bit per id), so that a
//! phrase list can pass over the phrases whose words are not all there without walking
//! the tokens: most turns hold none of a criterion's phrases.
struct TokenisedText
{
    std::vector<TextToken> tokens;
    QVarLengthArray<quint64, 8> words; //!< inline up to 512 lexicon words: no allocation

    bool contains(int id) const
    {
        return id >= 0 && qsizetype(id) / 64 < words.size() &&
               ((words[qsizetype(id) / 64] >> (unsigned(id) % 64)) & 1U) != 0;
    }
};

//! The words of every phrase of one compiled scorecard, as small integer ids, so that a
//! transcript is tokenised once and each phrase list is matched with integer compares.
//! Built once (intern() while compiling), then read-only: safe to share across threads.
class PhraseLexicon
{
public:
    PhraseLexicon();

    //! The normalised word ids of \a phrase, interning new words.
    std::vector<int> intern(const QString &phrase);
    //! Call after the last intern(): builds the one-typo index for long words.
    void finalise();

    TokenisedText tokenise(const QString &text) const;
    int size() const { return int(m_words.size()); }
    //! "not", "never", "no": words a phrase match may not skip over, so that "I don't
    //! understand" is not taken for "I understand".
    bool isNegation(int id) const { return id >= 0 && id < m_negationCount; }
    //! The id of a word as intern() would give it (normalised), or -1 when no phrase
    //! uses it.
    int idOf(const QString &word) const;

private:
    void lookup(const QString &surface, QVarLengthArray<int, 3> *ids) const;
    int idOfNormalised(const QString &word) const;

    quint64 m_serial;
    int m_negationCount = 0;
    QHash<QString, int> m_ids;
    QStringList m_words;
    QHash<QString, int> m_oneEditIndex; //!< each long word with one letter removed
};

//! A list of phrases compiled against a lexicon, and the matcher that finds them in a
//! tokenised turn, tolerating inflection (via the lexicon's normalisation), up to
//! maxInserted extra words inside a phrase, one typo in long words, and (with fuzzy)
//! one missing inner word in phrases of four words or more.
class PhraseSet
{
public:
    struct Match
    {
        int phrase = -1;
        int charStart = 0;
        int charEnd = 0;
    };

    PhraseSet() = default;
    PhraseSet(const QStringList &phrases, PhraseLexicon &lexicon, int maxInserted, bool fuzzy);
    PhraseSet(const PhraseSet &) = default;
    PhraseSet &operator=(const PhraseSet &) = default;

    bool isEmpty() const { return m_phrases.empty(); }
    int size() const { return int(m_phrases.size()); }
    const QString &text(int phrase) const { return m_texts[phrase]; }

    //! Every phrase found in \a tokens, at most once each (its first occurrence), in
    //! order of position.
    std::vector<Match> find(const TokenisedText &text) const;
    //! find() appending to \a out (a vector reused across turns allocates once).
    void findInto(const TokenisedText &text, std::vector<Match> *out) const;
    //! The first match find() would give (the earliest), without looking for the others.
    std::optional<Match> first(const TokenisedText &text) const;

private:
    //! Calls \a onMatch(match) for each match find() gives, in its order, while it
    //! returns true.
    template <typename OnMatch>
    void scan(const TokenisedText &text, OnMatch onMatch) const;
    //! Whether \a text holds every word extend() could need for a phrase whose first word
    //! it holds: the last always, the inner ones all but one when a word may be left out.
    //! A phrase that fails this can never match, so find() need not try it.
    bool mayMatch(const std::vector<int> &phrase, const TokenisedText &text) const;
    bool extend(const std::vector<int> &phrase, size_t next, const std::vector<TextToken> &tokens,
                size_t from, int insertionsLeft, bool skipLeft, size_t *last) const;

    const PhraseLexicon *m_lexicon = nullptr;
    QStringList m_texts;
    std::vector<std::vector<int>> m_phrases;
    //! The phrases starting with word id w, in list order, are m_byFirstWord[m_firstStart[w]]
    //! up to m_byFirstWord[m_firstStart[w + 1]]: two flat arrays, not a vector per word.
    std::vector<int> m_firstStart;
    std::vector<int> m_byFirstWord;
    std::vector<quint64> m_firstWords;           //!< the same as a bit per word id
    int m_maxInserted = 2;
    bool m_fuzzy = true;
};

} // namespace qaw
