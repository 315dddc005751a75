#include "scoring/PhraseLexicon.h"

#include "scoring/TextNormaliser.h"

#include <QAtomicInteger>

#include <unordered_map>

namespace qaw {
namespace {

constexpr int kMinFuzzyLength = 5;

quint64 nextSerial()
{
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}

// Normalising a word costs far more than a hash lookup, and transcripts repeat their
// words, so each scoring thread remembers the words it has seen for the lexicon it
// last used. Only speed depends on it: the result is the same with or without it.
struct WordCache
{
    quint64 lexicon = 0;
    std::unordered_map<QString, QVarLengthArray<int, 3>, text::FastStringHash> ids;
};

} // namespace

PhraseLexicon::PhraseLexicon() : m_serial(nextSerial())
{
    // The first ids are the negations (isNegation() relies on it).
    for (const char *negation : {"not", "never", "no", "nothing"})
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

void PhraseLexicon::lookup(const QString &surface, QVarLengthArray<int, 3> *ids) const
{
    thread_local WordCache cache;
    if (cache.lexicon != m_serial || cache.ids.size() > 200000) {
        cache.ids.clear();
        cache.lexicon = m_serial;
    }
    const auto it = cache.ids.find(surface);
    if (it != cache.ids.end()) {
        *ids = it->second;
        return;
    }
    ids->clear();
    for (const QString &w : text::normalisedWords(surface))
        ids->append(idOfNormalised(w));
    // \a surface may be raw data borrowed from the turn's text: keep a copy of its own.
    cache.ids.emplace(QString(surface.constData(), surface.size()), *ids);
}

std::vector<TextToken> PhraseLexicon::tokenise(const QString &text) const
{
    std::vector<TextToken> out;
    out.reserve(size_t(text.size() / 5 + 1));
    QVarLengthArray<int, 3> ids;
    int start = -1;
    for (int i = 0; i <= text.size(); ++i) {
        const bool word = i < text.size() && text::isWordChar(text[i]);
        if (word && start < 0) {
            start = i;
        } else if (!word && start >= 0) {
            // A view of the word, not a copy: most words are found in the cache.
            lookup(QString::fromRawData(text.constData() + start, i - start), &ids);
            for (int id : ids)
                out.push_back({id, start, i});
            start = -1;
        }
    }
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
    for (size_t k = 0; k < m_phrases.size(); ++k) {
        const int first = m_phrases[k].front();
        if (size_t(first) >= m_byFirstWord.size())
            m_byFirstWord.resize(size_t(first) + 1);
        m_byFirstWord[size_t(first)].push_back(int(k));
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

std::vector<PhraseSet::Match> PhraseSet::find(const std::vector<TextToken> &tokens) const
{
    std::vector<Match> out;
    // Which phrases were found already: bits on the stack for the usual short lists (this
    // runs for every selected turn of every phrase criterion; a heap vector per call was
    // a malloc and a free each time).
    constexpr size_t kBits = 64;
    quint64 foundBits = 0;
    std::vector<char> foundMany(m_phrases.size() > kBits ? m_phrases.size() : 0, 0);
    auto isFound = [&](size_t k) {
        return k < kBits && foundMany.empty() ? (foundBits >> k) & 1U : foundMany[k] != 0;
    };
    auto setFound = [&](size_t k) {
        if (k < kBits && foundMany.empty())
            foundBits |= quint64(1) << k;
        else
            foundMany[k] = 1;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
        const int id = tokens[i].id;
        if (id < 0 || size_t(id) >= m_byFirstWord.size())
            continue;
        for (int k : m_byFirstWord[size_t(id)]) {
            if (isFound(size_t(k)))
                continue;
            const std::vector<int> &phrase = m_phrases[size_t(k)];
            size_t last = i;
            const bool skip = m_fuzzy && phrase.size() >= 4;
            if (extend(phrase, 1, tokens, i + 1, m_maxInserted, skip, &last)) {
                setFound(size_t(k));
                out.push_back({k, tokens[i].charStart, tokens[last].charEnd});
            }
        }
    }
    return out;
}

} // namespace qaw
