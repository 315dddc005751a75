#pragma once

#include "scoring/detectors/Detector.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

class ScoringContext;
class TurnFilter;

//! A hit of a phrase or pattern in a turn, for the any/all/none verdict shared by the
//! phrase and regular-expression detectors.
struct TextHit
{
    int item = -1; //!< which phrase or pattern
    int turn = -1;
    int charStart = 0;
    int charEnd = 0;
};

enum class SearchMode { Any, All, None };

//! Fills \a turns with the turns \a filter selects for a search, or returns why the
//! criterion does not apply: no transcript, or no turn of the filter's speaker and window.
std::optional<DetectorOutcome> selectSearchTurns(const ScoringContext &context,
                                                 const TurnFilter &filter,
                                                 std::vector<int> *turns);

//! Parses "any" / "all" / "none"; false when it is something else.
bool parseSearchMode(const QString &text, SearchMode *mode);

//! What a search looks for (phrases or patterns, as written) and where (the turn
//! filter's description), with the rationales that do not depend on the transcript built
//! once per detector: they were rebuilt for every interaction, a tenth of the scoring.
struct SearchItems
{
    SearchItems() = default;
    SearchItems(QStringList texts, QString where);

    QStringList texts;
    QString where;
    QString noneFound; //!< any, no hit: "None of "a", "b" was found in WHERE."
    QString noneSaid;  //!< none, no hit: "None of "a", "b" in WHERE."
    QString allFound;  //!< all, every item hit: "All 2 found in WHERE."
};

//! The verdict of a search: any (one hit passes), all (every item must hit) or none (any
//! hit fails), with the words quoted in the rationale and the hits as evidence.
DetectorOutcome searchVerdict(const ScoringContext &context, SearchMode mode,
                              const SearchItems &items, const std::vector<TextHit> &hits);

//! The turn text of a hit, for a rationale.
QString quoteHit(const ScoringContext &context, const TextHit &hit);

} // namespace qaw
