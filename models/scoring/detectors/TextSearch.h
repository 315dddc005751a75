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

//! The verdict of a search: any (one hit passes), all (every item must hit) or none (any
//! hit fails), with the words quoted in the rationale and the hits as evidence.
DetectorOutcome searchVerdict(const ScoringContext &context, SearchMode mode,
                              const QStringList &items, const std::vector<TextHit> &hits,
                              const QString &where);

//! The turn text of a hit, for a rationale.
QString quoteHit(const ScoringContext &context, const TextHit &hit);

} // namespace qaw
