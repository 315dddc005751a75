#pragma once

#include "scoring/TextNormaliser.h"

#include <QString>
#include <QStringList>

#include <unordered_map>

namespace qaw {

//! VADER sentiment (Hutto & Gilbert, 2014): a lexicon of rated words plus rules for
//! negation, boosters, capitals, "but", "least", idioms and punctuation emphasis.
//! Written from the published rules and checked against the `vader-sentiment` npm
//! package (tests/data/scoring/vader_expected.tsv). Immutable after construction, so
//! one instance is shared by every scoring thread.
class VaderSentiment
{
public:
    //! The lexicon shipped in resources (:/lexicons/vader_lexicon.txt), loaded once.
    static const VaderSentiment &shared();

    //! Builds from the lexicon file's text (token TAB valence ...), later lines winning.
    explicit VaderSentiment(const QByteArray &lexiconText);

    //! The normalised compound score, -1 (most negative) to +1 (most positive).
    double compound(const QString &text) const;

    //! compound() through a per-thread memo of recent texts: scripted lines ("Is there
    //! anything else I can help you with today?") repeat across thousands of contacts.
    //! Same result as compound(), only faster; see setMemoEnabled().
    double memoisedCompound(const QString &text) const;
    //! Turns the memo off (for benchmarks that want the cost of every turn).
    static void setMemoEnabled(bool enabled);

    bool isEmpty() const { return m_lexicon.empty(); }
    int size() const { return int(m_lexicon.size()); }

private:
    QStringList words(const QString &text) const;

    std::unordered_map<QString, double, text::FastStringHash> m_lexicon;
};

} // namespace qaw
