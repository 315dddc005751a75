#include "scoring/ConceptMatcher.h"

#include <QVarLengthArray>

#include <algorithm>
#include <map>

namespace qaw {
namespace {

//! How many words before a match a negation may stand and still cancel it ("I don't
//! really need your PIN").
constexpr int kNegationReach = 3;
//! How far before a match an exclude pattern may begin ("placed a hold on your card"),
//! in a transcript with no punctuation to end the clause sooner.
constexpr size_t kExcludeReach = ConceptLibrary::kLongGap;

//! Whether the word before \a next ends a clause: \a next begins one, or there is none.
bool endsClause(const std::vector<TextToken> &tokens, size_t next)
{
    return next >= tokens.size() || tokens[next].startsClause();
}

} // namespace

std::unique_ptr<ConceptMatcher> ConceptMatcher::compile(const ConceptLibrary &library,
                                                        PhraseLexicon &lexicon,
                                                        QStringList *errors)
{
    const QStringList problems = library.validate();
    if (!problems.isEmpty()) {
        errors->append(problems);
        return nullptr;
    }
    std::unique_ptr<ConceptMatcher> m(new ConceptMatcher);
    m->m_lexicon = &lexicon;
    for (auto [name, into] : {std::pair{QStringLiteral("not_negation"), &m->m_notNegation},
                              std::pair{QStringLiteral("not_negation_after"),
                                        &m->m_notNegationAfter}}) {
        for (const QString &word : library.expandedClass(name)) {
            const std::vector<int> ids = lexicon.intern(word);
            if (ids.size() == 1)
                into->push_back(ids.front());
        }
    }
    const int errorsBefore = int(errors->size());
    for (const ConceptDefinition &definition : library.concepts) {
        Compiled c;
        c.id = definition.id;
        c.negatable = definition.negatable;
        auto add = [&](const QStringList &patterns, std::vector<int> *into, int gap) {
            for (const QString &text : patterns) {
                QString error;
                if (!m->addPattern(library, text, gap, lexicon, &error)) {
                    errors->append(QStringLiteral("concept \"%1\", pattern \"%2\": %3")
                                       .arg(definition.id, text, error));
                    continue;
                }
                into->push_back(int(m->m_patterns.size()) - 1);
            }
        };
        const int gap = definition.gap >= 0 ? definition.gap : library.gap;
        add(definition.clear, &c.patterns, gap);
        c.clearCount = int(c.patterns.size());
        add(definition.weak, &c.patterns, gap);
        // Exclusions name exact phrases: no words left out unless they say so.
        add(definition.exclude, &c.excludes, 0);
        add(definition.excludeInClause, &c.excludesInClause, 0);
        m->indexFirstWords(&c);
        m->m_concepts.push_back(std::move(c));
    }
    m->m_interned.clear();
    m->m_expanded.clear();
    if (errors->size() > errorsBefore)
        return nullptr;
    m->m_agentSignature = m->indexOf(library.agentSignature);
    return m;
}

const std::vector<int> &ConceptMatcher::internOnce(PhraseLexicon &lexicon, const QString &words)
{
    auto it = m_interned.find(words);
    if (it == m_interned.end())
        it = m_interned.insert(words, lexicon.intern(words));
    return *it;
}

const QStringList &ConceptMatcher::expandedOnce(const ConceptLibrary &library,
                                                const QString &className)
{
    auto it = m_expanded.find(className);
    if (it == m_expanded.end())
        it = m_expanded.insert(className, library.expandedClass(className));
    return *it;
}

bool ConceptMatcher::addPattern(const ConceptLibrary &library, const QString &text, int gap,
                                PhraseLexicon &lexicon, QString *error)
{
    const auto parsed = parseConceptPattern(text, error);
    if (!parsed)
        return false;
    Pattern pattern;
    pattern.text = text;
    bool longGapNext = false;
    bool crossNext = false;
    for (const ConceptPatternElement &p : *parsed) {
        if (p.kind == ConceptPatternElement::Kind::Question) {
            pattern.inQuestion = true;
            continue;
        }
        if (p.kind == ConceptPatternElement::Kind::LongGap) {
            longGapNext = true;
            crossNext = p.atClauseStart;
            continue;
        }
        if (p.kind == ConceptPatternElement::Kind::ClauseEnd) {
            if (!pattern.elements.empty())
                pattern.elements.back().clauseEndAfter = true;
            continue;
        }
        Element e;
        e.optional = p.optional;
        e.atClauseStart = p.atClauseStart;
        e.gapCrossesClause = crossNext;
        crossNext = false;
        e.gapBefore = pattern.elements.empty() ? 0 : longGapNext ? ConceptLibrary::kLongGap : gap;
        longGapNext = false;
        if (p.kind == ConceptPatternElement::Kind::AnyWord ||
            p.kind == ConceptPatternElement::Kind::Number) {
            e.kind = p.kind == ConceptPatternElement::Kind::Number ? Element::Kind::Number
                                                                    : Element::Kind::AnyWord;
            pattern.elements.push_back(std::move(e));
            continue;
        }
        QStringList alternatives;
        if (p.kind == ConceptPatternElement::Kind::Class)
            alternatives = expandedOnce(library, p.className);
        for (const QString &w : p.words) {
            if (w.startsWith(QLatin1Char('{')) && w.endsWith(QLatin1Char('}')))
                alternatives << expandedOnce(library, w.mid(1, w.size() - 2));
            else
                alternatives << w;
        }
        for (const QString &alternative : alternatives) {
            const std::vector<int> &ids = internOnce(lexicon, alternative);
            if (ids.empty())
                continue;
            e.altStart.push_back(int(m_ids.size()));
            m_ids.insert(m_ids.end(), ids.begin(), ids.end());
            if (std::find(e.firstIds.begin(), e.firstIds.end(), ids.front()) == e.firstIds.end())
                e.firstIds.push_back(ids.front());
        }
        if (e.altStart.empty()) {
            *error = QStringLiteral("an element has no words");
            return false;
        }
        e.altStart.push_back(int(m_ids.size()));
        std::map<int, quint64> bits;
        for (size_t a = 0; a + 1 < e.altStart.size(); ++a) {
            const int first = m_ids[size_t(e.altStart[a])];
            e.byFirstId.emplace_back(first, int(a));
            bits[first / 64] |= quint64(1) << (unsigned(first) % 64);
        }
        e.firstBits.assign(bits.begin(), bits.end());
        std::sort(e.byFirstId.begin(), e.byFirstId.end());
        pattern.elements.push_back(std::move(e));
    }
    for (size_t k = 0; k < pattern.elements.size(); ++k) {
        const Element &e = pattern.elements[k];
        if (!e.optional && e.kind == Element::Kind::Words)
            pattern.required.push_back(int(k));
    }
    std::sort(pattern.required.begin(), pattern.required.end(), [&pattern](int a, int b) {
        return pattern.elements[size_t(a)].firstBits.size() <
               pattern.elements[size_t(b)].firstBits.size();
    });
    m_patterns.push_back(std::move(pattern));
    return true;
}

void ConceptMatcher::indexFirstWords(Compiled *c) const
{
    // A pattern can begin with any word of its leading optional elements or of the first
    // element that is not optional.
    std::vector<std::vector<int>> firsts(c->patterns.size());
    int maxId = -1;
    for (size_t k = 0; k < c->patterns.size(); ++k) {
        for (const Element &e : m_patterns[size_t(c->patterns[k])].elements) {
            firsts[k].insert(firsts[k].end(), e.firstIds.begin(), e.firstIds.end());
            if (!e.optional)
                break;
        }
        std::sort(firsts[k].begin(), firsts[k].end());
        firsts[k].erase(std::unique(firsts[k].begin(), firsts[k].end()), firsts[k].end());
        if (!firsts[k].empty())
            maxId = std::max(maxId, firsts[k].back());
    }
    c->firstStart.assign(size_t(maxId + 2), 0);
    for (const std::vector<int> &ids : firsts)
        for (int id : ids)
            ++c->firstStart[size_t(id) + 1];
    for (size_t w = 1; w < c->firstStart.size(); ++w)
        c->firstStart[w] += c->firstStart[w - 1];
    c->byFirstWord.resize(size_t(c->firstStart.back()));
    std::vector<int> filled(c->firstStart.begin(), c->firstStart.end() - 1);
    for (size_t k = 0; k < firsts.size(); ++k) // in pattern order: clear ones first
        for (int id : firsts[k])
            c->byFirstWord[size_t(filled[size_t(id)]++)] = int(k);
}

int ConceptMatcher::indexOf(const QString &id) const
{
    for (size_t k = 0; k < m_concepts.size(); ++k)
        if (m_concepts[k].id == id)
            return int(k);
    return -1;
}

const QString &ConceptMatcher::patternText(int concept, int pattern) const
{
    return m_patterns[size_t(m_concepts[size_t(concept)].patterns[size_t(pattern)])].text;
}

bool ConceptMatcher::mayMatch(const Pattern &pattern, const TokenisedText &text) const
{
    const quint64 *words = text.words.constData();
    const int wordCount = int(text.words.size());
    for (int k : pattern.required) {
        const Element &e = pattern.elements[size_t(k)];
        bool any = false;
        for (const auto &[index, bits] : e.firstBits) {
            if (index >= wordCount)
                break; // sorted by index
            if ((bits & words[index]) != 0) {
                any = true;
                break;
            }
        }
        if (!any)
            return false;
    }
    return true;
}

bool ConceptMatcher::wordsAt(const Element &e, int alternative,
                             const std::vector<TextToken> &tokens, size_t at,
                             size_t matchStart) const
{
    const int begin = e.altStart[size_t(alternative)];
    const int end = e.altStart[size_t(alternative) + 1];
    if (at + size_t(end - begin) > tokens.size())
        return false;
    for (int j = begin; j < end; ++j) {
        const TextToken &t = tokens[at + size_t(j - begin)];
        if (t.id != m_ids[size_t(j)] || (j > begin && t.startsSentence()))
            return false;
    }
    return at == matchStart || !tokens[at].startsSentence();
}

bool ConceptMatcher::matchFrom(const Pattern &pattern, size_t element,
                               const std::vector<TextToken> &tokens, size_t from, int gap,
                               size_t matchStart, size_t *last, bool anchored) const
{
    if (element == pattern.elements.size())
        return true;
    const Element &e = pattern.elements[element];
    const bool isLast = element + 1 == pattern.elements.size();
    const int nextGap = isLast ? 0 : pattern.elements[element + 1].gapBefore;
    for (size_t k = from; k < tokens.size() && k <= from + size_t(gap); ++k) {
        if (k > from && m_lexicon->isNegation(tokens[k - 1].id))
            break; // skipping a negation would turn the meaning around
        if (k > matchStart && tokens[k].startsSentence())
            break;
        // A match stays in its clause unless the pattern says an element begins the next
        // one ("sorry ^ can you repeat that").
        if (k > matchStart && tokens[k].startsClause() && !e.atClauseStart &&
            !e.gapCrossesClause)
            break;
        if ((e.atClauseStart || anchored) && !tokens[k].startsClause())
            continue;
        if (e.kind != Element::Kind::Words) {
            if (e.kind == Element::Kind::AnyWord ? m_lexicon->isNegation(tokens[k].id)
                                                 : !tokens[k].isNumber())
                continue;
            size_t end = k;
            if (e.clauseEndAfter && !endsClause(tokens, k + 1))
                continue;
            if (matchFrom(pattern, element + 1, tokens, k + 1, nextGap, matchStart, &end)) {
                *last = end;
                return true;
            }
            continue;
        }
        const auto candidates = std::equal_range(
            e.byFirstId.begin(), e.byFirstId.end(), std::pair<int, int>(tokens[k].id, -1),
            [](const std::pair<int, int> &x, const std::pair<int, int> &y) { return x.first < y.first; });
        for (auto c = candidates.first; c != candidates.second; ++c) {
            const size_t a = size_t(c->second);
            if (!wordsAt(e, int(a), tokens, k, matchStart))
                continue;
            const size_t next = k + size_t(e.altStart[a + 1] - e.altStart[a]);
            if (e.clauseEndAfter && !endsClause(tokens, next))
                continue;
            size_t end = next - 1;
            if (matchFrom(pattern, element + 1, tokens, next, nextGap, matchStart, &end)) {
                *last = end;
                return true;
            }
        }
    }
    if (!e.optional)
        return false;
    // Left out: the next element may stand where this one would have, and must begin the
    // clause if this one had to ("^ {polite}? confirm ...").
    const int skipGap = element == 0 ? 0 : std::max(gap, nextGap);
    return matchFrom(pattern, element + 1, tokens, from, skipGap, matchStart, last,
                     anchored || e.atClauseStart);
}

bool ConceptMatcher::negatedBefore(const std::vector<TextToken> &tokens, size_t start) const
{
    size_t j = start;
    for (int steps = 0; steps < kNegationReach && j > 0 && !tokens[j].startsClause(); ++steps) {
        --j;
        if (!m_lexicon->isNegation(tokens[j].id))
            continue;
        // "no problem, ..." and "yeah no, ..." negate nothing.
        const int after = tokens[j + 1].id;
        const int before = j > 0 ? tokens[j - 1].id : -1;
        if (std::find(m_notNegation.begin(), m_notNegation.end(), after) == m_notNegation.end() &&
            std::find(m_notNegationAfter.begin(), m_notNegationAfter.end(), before) ==
                m_notNegationAfter.end())
            return true;
    }
    return false;
}

bool ConceptMatcher::excluded(const Compiled &c, const TokenisedText &text, size_t start,
                              size_t last) const
{
    const std::vector<TextToken> &tokens = text.tokens;
    size_t clauseStart = start;
    while (clauseStart > 0 && !tokens[clauseStart].startsClause() &&
           start - clauseStart < kExcludeReach)
        --clauseStart;
    size_t clauseEnd = last;
    while (clauseEnd + 1 < tokens.size() && !tokens[clauseEnd + 1].startsClause())
        ++clauseEnd;
    // An exclusion begins in the clause; an overlapping one must also reach the match.
    auto anyMatch = [&](const std::vector<int> &patterns, bool mustOverlap) {
        for (int p : patterns) {
            const Pattern &pattern = m_patterns[size_t(p)];
            if (!mayMatch(pattern, text))
                continue;
            const size_t to = mustOverlap ? last : clauseEnd;
            for (size_t s = clauseStart; s <= to; ++s) {
                size_t end = s;
                if (matchFrom(pattern, 0, tokens, s, 0, s, &end) && (!mustOverlap || end >= start))
                    return true;
            }
        }
        return false;
    };
    return anyMatch(c.excludes, true) || anyMatch(c.excludesInClause, false);
}

ConceptMatch ConceptMatcher::find(const TokenisedText &text, int concept) const
{
    ConceptMatch best;
    const Compiled &c = m_concepts[size_t(concept)];
    if (c.firstStart.size() < 2)
        return best;
    enum : char { Untried, Possible, Impossible };
    // Reused: concepts have up to a few hundred patterns, asked of every turn.
    thread_local std::vector<char> state;
    state.assign(c.patterns.size(), char(Untried));
    const std::vector<TextToken> &tokens = text.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const int id = tokens[i].id;
        if (id < 0 || size_t(id) + 1 >= c.firstStart.size())
            continue;
        const int end = c.firstStart[size_t(id) + 1];
        for (int at = c.firstStart[size_t(id)]; at < end; ++at) {
            const int k = c.byFirstWord[size_t(at)];
            const bool clear = k < c.clearCount;
            if (!clear && best.found())
                continue; // only a clear match could do better
            char &st = state[size_t(k)];
            const Pattern &pattern = m_patterns[size_t(c.patterns[size_t(k)])];
            if (st == Untried)
                st = mayMatch(pattern, text) ? Possible : Impossible;
            size_t last = i;
            if (st != Possible || (pattern.inQuestion && !(tokens[i].flags & TextToken::InQuestion)) ||
                !matchFrom(pattern, 0, tokens, i, 0, i, &last))
                continue;
            if ((c.negatable && negatedBefore(tokens, i)) || excluded(c, text, i, last))
                continue;
            best.strength = clear ? ConceptMatch::Clear : ConceptMatch::Weak;
            best.charStart = tokens[i].charStart;
            best.charEnd = tokens[last].charEnd;
            best.pattern = k;
            if (clear)
                return best;
        }
    }
    return best;
}

} // namespace qaw
