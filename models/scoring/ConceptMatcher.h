#pragma once

#include "domain/ConceptLibrary.h"
#include "scoring/PhraseLexicon.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace qaw {

//! The strongest evidence of one concept in one text.
struct ConceptMatch
{
    enum Strength : qint8 { NotFound = 0, Weak = 1, Clear = 2 };

    Strength strength = NotFound;
    int charStart = 0;
    int charEnd = 0;
    int pattern = -1; //!< which of the concept's patterns (clear ones first, then weak)

    bool found() const { return strength != NotFound; }
};

//! A concept library compiled against a scorecard's lexicon: every pattern's words as
//! lexicon ids, each concept's patterns indexed by the words they can begin with. Built
//! once per scorecard version; read-only afterwards, shared by all scoring threads.
//!
//! A pattern matches a run of words of one clause (an element marked '^' may begin the
//! next): its elements in order, each a word or class member taken whole, with at most
//! ConceptLibrary::gap other words between two elements (none in exclude patterns; "..."
//! allows more), never skipping over a negation. A match of a negatable
//! concept is dropped when a negation stands shortly before it in its clause ("I don't
//! need your PIN"), and any match is dropped when one of the concept's exclude patterns
//! overlaps it ("I've put a hold on your card") or one of its exclude_in_clause patterns
//! matches in its clause ("I'll check with the team and call you back tomorrow").
class ConceptMatcher
{
public:
    //! Interns every pattern's words into \a lexicon (call before lexicon.finalise()).
    //! Null with the reasons in \a errors when the library is not valid.
    static std::unique_ptr<ConceptMatcher> compile(const ConceptLibrary &library,
                                                   PhraseLexicon &lexicon, QStringList *errors);

    int size() const { return int(m_concepts.size()); }
    //! The index of concept \a id, or -1.
    int indexOf(const QString &id) const;
    const QString &id(int concept) const { return m_concepts[size_t(concept)].id; }
    //! The pattern a match names, as written in the library.
    const QString &patternText(int concept, int pattern) const;
    //! The concept that tells an agent's turns from a customer's; -1 when none.
    int agentSignature() const { return m_agentSignature; }

    //! The first clear match of \a concept in \a text, else the first weak one.
    ConceptMatch find(const TokenisedText &text, int concept) const;

private:
    struct Element
    {
        enum class Kind : quint8 { Words, AnyWord, Number };
        Kind kind = Kind::Words;
        bool optional = false;
        bool atClauseStart = false;
        bool clauseEndAfter = false; //!< a '$' after it: its last word ends a clause
        bool gapCrossesClause = false; //!< "^ ..." before it: the gap may cross a clause
        int gapBefore = 0;            //!< words that may stand before it (0 for the first)
        std::vector<int> altStart;    //!< alternative k is m_ids[altStart[k]..altStart[k + 1])
        std::vector<int> firstIds;    //!< each alternative's first id, once each
        //! (first id, alternative) sorted: a class of 200 members is looked up, not walked.
        std::vector<std::pair<int, int>> byFirstId;
        //! firstIds as the words of a bit set over lexicon ids that are not zero (index,
        //! bits): a text's word set is asked in a few ANDs.
        std::vector<std::pair<int, quint64>> firstBits;
    };
    struct Pattern
    {
        std::vector<Element> elements;
        QString text;
        bool inQuestion = false;
        //! The elements a text must hold a first word of, fewest words first (mayMatch).
        std::vector<int> required;
    };
    struct Compiled
    {
        QString id;
        bool negatable = true;
        std::vector<int> patterns; //!< clear ones, then weak ones (indices into m_patterns)
        int clearCount = 0;
        std::vector<int> excludes;
        std::vector<int> excludesInClause;
        //! Patterns (positions in `patterns`) by a word they can begin with, as in PhraseSet.
        std::vector<int> firstStart;
        std::vector<int> byFirstWord;
    };

    //! \a gap: how many words may stand between two elements.
    bool addPattern(const ConceptLibrary &library, const QString &text, int gap,
                    PhraseLexicon &lexicon, QString *error);
    void indexFirstWords(Compiled *concept) const;
    //! lexicon.intern(\a words), each text once per compile: classes of a hundred
    //! members stand in dozens of patterns.
    const std::vector<int> &internOnce(PhraseLexicon &lexicon, const QString &words);
    const QStringList &expandedOnce(const ConceptLibrary &library, const QString &className);
    bool mayMatch(const Pattern &pattern, const TokenisedText &text) const;
    //! Whether the pattern's elements from \a element on match from token \a from, with
    //! up to \a gap words skipped first; the last token used in \a last.
    //! \a anchored: the element must begin a clause (an optional '^' element before it
    //! was left out).
    bool matchFrom(const Pattern &pattern, size_t element, const std::vector<TextToken> &tokens,
                   size_t from, int gap, size_t matchStart, size_t *last,
                   bool anchored = false) const;
    bool wordsAt(const Element &e, int alternative, const std::vector<TextToken> &tokens,
                 size_t at, size_t matchStart) const;
    bool negatedBefore(const std::vector<TextToken> &tokens, size_t start) const;
    bool excluded(const Compiled &concept, const TokenisedText &text, size_t start,
                  size_t last) const;

    const PhraseLexicon *m_lexicon = nullptr;
    std::vector<int> m_ids;
    std::vector<Pattern> m_patterns;
    std::vector<Compiled> m_concepts;
    std::vector<int> m_notNegation;      //!< words after which "no"/"not" negates nothing
    std::vector<int> m_notNegationAfter; //!< words before which "no" negates nothing ("yeah")
    int m_agentSignature = -1;
    // Compile time only (emptied when compile() ends).
    QHash<QString, std::vector<int>> m_interned;
    QHash<QString, QStringList> m_expanded;
};

} // namespace qaw
