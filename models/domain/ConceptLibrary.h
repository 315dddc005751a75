#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! One element of a concept pattern (docs/scorecard-format.md, "Concepts"):
//!   word            the word, as the phrase matcher normalises it
//!   a|b|c           one of these words; an alternative of several words joins them
//!                   with '_' ("hold_on|please_hold")
//!   {class}         one of the class's members (each a word or several)
//!   *               any one word
//!   #               a number written in digits
//!   ...             up to ConceptLibrary::kLongGap words
//!   ^               the next element begins a clause (or the text); before "...", the
//!                   gap may run on into the next clause
//!   $               the previous element ends a clause (or the text)
//!   ?               (alone) the match must lie in a question
//! A trailing '?' makes a word, an alternative, a class or a number optional.
struct ConceptPatternElement
{
    enum class Kind { Words, Class, AnyWord, Number, LongGap, Question, ClauseEnd };
    Kind kind = Kind::Words;
    QStringList words; //!< Words: the alternatives
    QString className; //!< Class: the class's name
    bool optional = false;
    bool atClauseStart = false; //!< set by a '^' before it
};

//! The elements of \a pattern; nullopt with the reason in \a error when it is not one.
std::optional<std::vector<ConceptPatternElement>> parseConceptPattern(const QString &pattern,
                                                                      QString *error);

//! What an agent (or a customer) does, described by patterns over word classes rather
//! than by fixed phrases: "can|could|may i {verify_act} your {identity_item}" finds "may I
//! have your username" and "could I just take your postcode" alike.
struct ConceptDefinition
{
    QString id;
    QString description;
    QStringList clear;   //!< a match is clear evidence of the concept
    QStringList weak;    //!< a match is weak evidence (needs review)
    QStringList exclude; //!< a match overlapping a clear or weak match cancels it
    //! A match anywhere in the clause of a clear or weak match cancels it ("I'll check
    //! with the team and call you back tomorrow" announces no pause).
    QStringList excludeInClause;
    //! A negation shortly before a match in the same clause cancels it ("I don't need your
    //! date of birth"). Off for concepts that are themselves negative ("not my problem").
    bool negatable = true;
    //! Words allowed between two elements of this concept's patterns; -1: the library's.
    int gap = -1;
};

//! The concepts a scorecard's detectors refer to, with the word classes their patterns
//! use. Data, not code: shipped in resources/concepts/, embedded in every scorecard
//! version that uses it (so a version keeps scoring the same way), edited in the
//! scorecard editor.
struct ConceptLibrary
{
    static constexpr int kFormatVersion = 1;
    //! How many words "..." may stand for.
    static constexpr int kLongGap = 6;

    QString name;
    QString version;
    //! How many words may stand between two elements of a pattern (never a negation and
    //! never across the end of a sentence).
    int gap = 2;
    //! A concept only agents say ("how can I help", "can I take your postcode"): when the
    //! customer's turns hold it and the agent's do not, the speakers are taken as swapped.
    QString agentSignature;
    QMap<QString, QStringList> classes;
    QMap<QString, ConceptDefinition> concepts;

    bool isEmpty() const { return concepts.isEmpty() && classes.isEmpty(); }
    const ConceptDefinition *concept(const QString &id) const;

    //! Parses the JSON form; on failure returns nullopt and says why in \a errors.
    static std::optional<ConceptLibrary> fromJson(const QJsonObject &o, QStringList *errors);
    QJsonObject toJson() const;
    //! Problems that keep the library from being used (empty when valid): unknown or
    //! cyclic classes, patterns that do not parse or cannot match anything.
    QStringList validate() const;

    //! A library shipped in the resources (":/concepts/NAME.json").
    static std::optional<ConceptLibrary> builtIn(const QString &name, QStringList *errors);
    //! The members of a class with the classes it includes ("{other}") spelt out, each
    //! member once, in order.
    QStringList expandedClass(const QString &name) const;
};

} // namespace qaw
