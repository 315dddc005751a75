#include "scoring/PhraseLexicon.h"

#include "scoring/TextNormaliser.h"

#include <QAtomicInteger>

#include <algorithm>

namespace qaw {
namespace {

constexpr int kMinFuzzyLength = 6;

quint64 nextSerial()
{
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}

// Normalising a word costs far more than a hash lookup, and transcripts repeat their
// words, so each scoring thread remembers the words it has seen for the lexicon it
// last used. Only speed depends on it: the result is the same with or without it.
// An open-addressing table of the surface words with their ids inline: the standard
// map with a QVarLengthArray per word cost a node, a QString compare and an array copy
// per token (a third of the tokenising).
class WordCache
{
public:
    static constexpr int kMaxIds = 4; //!< a word gives one or two ids (contractions)

    struct Entry
    {
        QString surface; //!< empty: a free slot
        size_t hash = 0;
        int count = 0;
        int ids[kMaxIds] = {};
    };

    quint64 lexicon = 0;

    void clear()
    {
        m_slots.assign(kInitialSlots, Entry());
        m_used = 0;
    }
    size_t size() const { return m_used; }

    //! The entry of the word at \a data (\a size characters, hash \a hash), or the
    //! free slot where it belongs (surface empty): fill it with occupy().
    Entry &slot(const QChar *data, qsizetype size, size_t hash)
    {
        if (m_slots.empty())
            clear();
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Entry &e = m_slots[i];
            if (e.surface.isEmpty())
                return e;
            if (e.hash == hash && e.surface.size() == size &&
                std::equal(data, data + size, e.surface.constData())) // short words: inline
                return e;
        }
    }
    //! Stores a new word in the free slot \a e found by slot(); may move the entries.
    void occupy(Entry &e, const QChar *data, qsizetype size, size_t hash, const int *ids,
                int count)
    {
        e.surface = QString(data, size); // the caller's text is borrowed: keep a copy
        e.hash = hash;
        e.count = count;
        std::copy(ids, ids + count, e.ids);
        if (++m_used * 2 > m_slots.size())
            grow();
    }

private:
    static constexpr size_t kInitialSlots = 1024;

    void grow()
    {
        std::vector<Entry> old(m_slots.size() * 2);
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (Entry &e : old) {
            if (e.surface.isEmpty())
                continue;
            size_t i = e.hash & mask;
            while (!m_slots[i].surface.isEmpty())
                i = (i + 1) & mask;
            m_slots[i] = std::move(e);
        }
    }

    std::vector<Entry> m_slots;
    size_t m_used = 0;
};

} // namespace

PhraseLexicon::PhraseLexicon() : m_serial(nextSerial())
{
    // The first ids are the negations (isNegation() relies on it).
    for (const char *negation : {"not", "never", "no", "nothing", "without", "nobody"})
        intern(QString::fromLatin1(negation));
    m_negationCount = int(m_words.size());
}

std::vector<int> PhraseLexicon::intern(const QString &phrase)
{
    std::vector<int> out;
    int start = -1;
    for (int i = 0; i <= phrase.size(); ++i) {
        const bool word = i < phrase.size() && text::isWordChar(phrase[i]);
        if (word && start < 0) {
            start = i;
        } else if (!word && start >= 0) {
            for (const QString &w : text::normalisedWords(phrase.mid(start, i - start))) {
                auto it = m_ids.constFind(w);
                if (it == m_ids.constEnd()) {
                    it = m_ids.insert(w, int(m_words.size()));
                    m_words.append(w);
                }
                out.push_back(*it);
            }
            start = -1;
        }
    }
    return out;
}

void PhraseLexicon::finalise()
{
    m_oneEditIndex.clear();
    m_serial = nextSerial();
    for (int id = 0; id < m_words.size(); ++id) {
        const QString &w = m_words[id];
        if (w.size() < kMinFuzzyLength)
            continue;
        for (int k = 0; k < w.size(); ++k) {
            const QString variant = QString(w).remove(k, 1);
            if (!m_oneEditIndex.contains(variant))
                m_oneEditIndex.insert(variant, id);
        }
    }
}

int PhraseLexicon::idOfNormalised(const QString &w) const
{
    const auto it = m_ids.constFind(w);
    if (it != m_ids.constEnd())
        return *it;
    if (w.size() < kMinFuzzyLength || w.front().isDigit())
        return -1;
    // One letter added, dropped, changed or two swapped: the word, or the word with one
    // letter removed, equals a lexicon word with one letter removed (or the word itself).
    if (const auto exact = m_oneEditIndex.constFind(w); exact != m_oneEditIndex.constEnd())
        return *exact;
    for (int k = 0; k < w.size(); ++k) {
        const QString variant = QString(w).remove(k, 1);
        if (const auto v = m_ids.constFind(variant);
            v != m_ids.constEnd() && variant.size() >= kMinFuzzyLength)
            return *v;
        if (const auto v = m_oneEditIndex.constFind(variant); v != m_oneEditIndex.constEnd())
            return *v;
    }
    return -1;
}

int PhraseLexicon::idOf(const QString &word) const
{
    const QStringList words = text::normalisedWords(word);
    return words.size() == 1 ? idOfNormalised(words.front()) : -1;
}

void PhraseLexicon::lookup(const QString &surface, QVarLengthArray<int, 3> *ids) const
{
    ids->clear();
    for (const QString &w : text::normalisedWords(surface))
        if (!text::isFiller(w)) // "um", "uh": speech-to-text noise between the words
            ids->append(idOfNormalised(w));
}

namespace {

//! What the separators before a word say about where it stands.
quint8 breakFlags(const QChar *from, const QChar *to, const QChar *textEnd)
{
    quint8 flags = 0;
    for (const QChar *c = from; c < to; ++c) {
        const char16_t u = c->unicode();
        // A full stop inside a number or an abbreviation ("4.5", "e.g.") ends nothing.
        const bool stop = u == '.' && (c + 1 == textEnd || c[1].isSpace());
        if (stop || u == '?' || u == '!' || u == '\n')
            flags |= TextToken::SentenceStart | TextToken::ClauseStart;
        else if (u == ',' || u == ';' || u == ':' || u == 0x2013 || u == 0x2014 ||
                 (u == '-' && c > from && c[-1].isSpace()))
            flags |= TextToken::ClauseStart;
    }
    return flags;
}

bool hasQuestionMark(const QChar *from, const QChar *to)
{
    return std::find(from, to, QLatin1Char('?')) != to;
}

} // namespace

TokenisedText PhraseLexicon::tokenise(const QString &text) const
{
    thread_local WordCache cache;
    if (cache.lexicon != m_serial || cache.size() > 200000) {
        cache.clear();
        cache.lexicon = m_serial;
    }
    TokenisedText out;
    out.tokens.reserve(size_t(text.size() / 5 + 1));
    out.words.resize((m_words.size() + 63) / 64);
    std::fill(out.words.begin(), out.words.end(), quint64(0));
    quint8 pending = TextToken::SentenceStart | TextToken::ClauseStart;
    size_t sentenceBegin = 0;
    auto add = [&out, &pending](int id, int start, int end) {
        // A word said twice in a row with nothing between ("who who am I", "the the") is
        // a false start in speech-to-text: kept once.
        if (pending == 0 && id >= 0 && !out.tokens.empty() && out.tokens.back().id == id)
            return;
        out.tokens.push_back({id, start, end, pending});
        pending = 0;
        if (id >= 0)
            out.words[id / 64] |= quint64(1) << (unsigned(id) % 64);
    };
    // Marks the words of the sentence that has just ended as a question.
    auto endSentence = [&out, &sentenceBegin](bool question) {
        if (question)
            for (size_t k = sentenceBegin; k < out.tokens.size(); ++k)
                out.tokens[k].flags |= TextToken::InQuestion;
        sentenceBegin = out.tokens.size();
    };
    const QChar *data = text.constData();
    const int n = int(text.size());
    QVarLengthArray<int, 3> ids;
    int i = 0;
    while (i < n) {
        const int separatorStart = i;
        while (i < n && !text::isWordChar(data[i]))
            ++i;
        if (i > separatorStart) {
            const quint8 flags = breakFlags(data + separatorStart, data + i, data + n);
            if ((flags & TextToken::SentenceStart) != 0)
                endSentence(hasQuestionMark(data + separatorStart, data + i));
            pending |= flags;
            // Chat writes "order #" and "ticket #4411" for "order number": the sign
            // reads as the word.
            const QChar *sign = std::find(data + separatorStart, data + i, QLatin1Char('#'));
            if (sign != data + i) {
                const int number = idOfNormalised(QStringLiteral("number"));
                if (number >= 0)
                    add(number, int(sign - data), int(sign - data) + 1);
            }
        }
        if (i == n)
            break;
        const int start = i;
        while (i < n && text::isWordChar(data[i]))
            ++i;
        const QChar *surface = data + start;
        const int size = i - start;
        if (surface->isDigit() && std::all_of(surface, surface + size,
                                              [](QChar c) { return c.isDigit(); })) {
            pending |= TextToken::Digits; // add() clears it with the other flags
            // Numbers of two digits or more normalise to themselves, are nearly always
            // new (amounts, references) and would only fill the cache.
            if (size > 1) {
                const auto it = m_ids.constFind(QString::fromRawData(surface, size));
                add(it == m_ids.constEnd() ? -1 : *it, start, i);
                continue;
            }
        }
        const size_t hash = text::hashChars(surface, size);
        WordCache::Entry *entry = &cache.slot(surface, size, hash);
        if (entry->surface.isEmpty()) {
            lookup(QString::fromRawData(surface, size), &ids);
            if (ids.size() > WordCache::kMaxIds) { // never with today's normaliser
                for (int id : ids)
                    add(id, start, i);
                continue;
            }
            cache.occupy(*entry, surface, size, hash, ids.constData(), int(ids.size()));
            entry = &cache.slot(surface, size, hash); // occupy() may have moved it
        }
        for (int k = 0; k < entry->count; ++k)
            add(entry->ids[k], start, i);
    }
    endSentence(false);
    return out;
}

PhraseSet::PhraseSet(const QStringList &phrases, PhraseLexicon &lexicon, int maxInserted,
                     bool fuzzy)
    : m_lexicon(&lexicon), m_maxInserted(std::max(0, maxInserted)), m_fuzzy(fuzzy)
{
    for (const QString &p : phrases) {
        std::vector<int> ids = lexicon.intern(p);
        if (ids.empty())
            continue;
        m_texts.append(p);
        m_phrases.push_back(std::move(ids));
    }
    int maxFirst = -1;
    for (const std::vector<int> &phrase : m_phrases)
        maxFirst = std::max(maxFirst, phrase.front());
    m_firstStart.assign(size_t(maxFirst + 2), 0);
    for (const std::vector<int> &phrase : m_phrases)
        ++m_firstStart[size_t(phrase.front()) + 1];
    for (size_t w = 1; w < m_firstStart.size(); ++w)
        m_firstStart[w] += m_firstStart[w - 1];
    m_byFirstWord.resize(m_phrases.size());
    std::vector<int> filled(m_firstStart.begin(), m_firstStart.end() - 1);
    for (size_t k = 0; k < m_phrases.size(); ++k) {
        const int first = m_phrases[k].front();
        m_byFirstWord[size_t(filled[size_t(first)]++)] = int(k);
        if (size_t(first) / 64 >= m_firstWords.size())
            m_firstWords.resize(size_t(first) / 64 + 1, 0);
        m_firstWords[size_t(first) / 64] |= quint64(1) << (unsigned(first) % 64);
    }
}

bool PhraseSet::extend(const std::vector<int> &phrase, size_t next,
                       const std::vector<TextToken> &tokens, size_t from, int insertionsLeft,
                       bool skipLeft, size_t *last) const
{
    if (next == phrase.size())
        return true;
    for (size_t k = from; k < tokens.size() && k <= from + size_t(insertionsLeft); ++k) {
        if (tokens[k].id != phrase[next]) {
            if (m_lexicon->isNegation(tokens[k].id))
                break; // skipping a negation would turn the meaning around
            continue;
        }
        if (extend(phrase, next + 1, tokens, k + 1, insertionsLeft - int(k - from), skipLeft,
                   last)) {
            if (next + 1 == phrase.size())
                *last = k;
            return true;
        }
    }
    // A small wording change: one inner word of a longer phrase left out or replaced.
    if (skipLeft && next + 1 < phrase.size())
        return extend(phrase, next + 1, tokens, from, insertionsLeft + 1, false, last);
    return false;
}

bool PhraseSet::mayMatch(const std::vector<int> &phrase, const TokenisedText &text) const
{
    // The first word is in the text: find() asks only at one of its tokens.
    if (!text.contains(phrase.back()))
        return false;
    // extend() may leave out one inner word of a fuzzy phrase of four words or more.
    int missing = m_fuzzy && phrase.size() >= 4 ? 1 : 0;
    for (size_t k = 1; k + 1 < phrase.size(); ++k)
        if (!text.contains(phrase[k]) && --missing < 0)
            return false;
    return true;
}

template <typename OnMatch>
void PhraseSet::scan(const TokenisedText &text, OnMatch onMatch) const
{
    // Most turns hold none of the list's first words: one AND per 64 words says so.
    bool anyFirst = false;
    for (size_t w = 0; w < m_firstWords.size() && qsizetype(w) < text.words.size() && !anyFirst;
         ++w)
        anyFirst = (m_firstWords[w] & text.words[qsizetype(w)]) != 0;
    if (!anyFirst)
        return;
    // Per phrase, on the stack for the usual short lists (this runs for every selected
    // turn of every phrase criterion). Whether the text holds the phrase's other words
    // is asked only of phrases whose first word occurs.
    enum : char { Untried, Possible, Impossible, Found };
    QVarLengthArray<char, 64> state(qsizetype(m_phrases.size()));
    std::fill(state.begin(), state.end(), char(Untried));
    const std::vector<TextToken> &tokens = text.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const int id = tokens[i].id;
        if (id < 0 || size_t(id) + 1 >= m_firstStart.size())
            continue;
        const int end = m_firstStart[size_t(id) + 1];
        for (int at = m_firstStart[size_t(id)]; at < end; ++at) {
            const int k = m_byFirstWord[size_t(at)];
            char &st = state[k];
            const std::vector<int> &phrase = m_phrases[size_t(k)];
            if (st == Untried)
                st = mayMatch(phrase, text) ? Possible : Impossible;
            if (st != Possible)
                continue;
            size_t last = i;
            const bool skip = m_fuzzy && phrase.size() >= 4;
            if (extend(phrase, 1, tokens, i + 1, m_maxInserted, skip, &last)) {
                st = Found;
                if (!onMatch(Match{k, tokens[i].charStart, tokens[last].charEnd}))
                    return;
            }
        }
    }
}

void PhraseSet::findInto(const TokenisedText &text, std::vector<Match> *out) const
{
    scan(text, [out](const Match &m) {
        out->push_back(m);
        return true;
    });
}

std::vector<PhraseSet::Match> PhraseSet::find(const TokenisedText &text) const
{
    std::vector<Match> out;
    findInto(text, &out);
    return out;
}

std::optional<PhraseSet::Match> PhraseSet::first(const TokenisedText &text) const
{
    std::optional<Match> out;
    scan(text, [&out](const Match &m) {
        out = m;
        return false;
    });
    return out;
}

} // namespace qaw
