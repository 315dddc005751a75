#include "scoring/detectors/TextSearch.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/TurnFilter.h"

#include <set>

namespace qaw {

std::optional<DetectorOutcome> selectSearchTurns(const ScoringContext &context,
                                                 const TurnFilter &filter,
                                                 std::vector<int> *turns)
{
    if (context.isEmpty())
        return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
    QString naReason;
    if (!filter.select(context, turns, &naReason))
        return DetectorOutcome::notApplicable(naReason);
    return std::nullopt;
}

namespace {

constexpr size_t kMaxEvidence = 6;

std::vector<EvidenceSpan> evidenceOf(const ScoringContext &context,
                                     const std::vector<TextHit> &hits)
{
    std::vector<EvidenceSpan> out;
    for (const TextHit &h : hits) {
        if (out.size() == kMaxEvidence)
            break;
        out.push_back(context.span(h.turn, h.charStart, h.charEnd));
    }
    return out;
}

QString quoted(const QStringList &items, int limit)
{
    QStringList shown;
    for (int i = 0; i < items.size() && i < limit; ++i)
        shown << QLatin1Char('"') + items[i] + QLatin1Char('"');
    QString text = shown.join(QStringLiteral(", "));
    if (items.size() > limit)
        text += QLatin1String(" and ") + QString::number(items.size() - limit) +
                QLatin1String(" more");
    return text;
}

} // namespace

bool parseSearchMode(const QString &text, SearchMode *mode)
{
    if (text.isEmpty() || text == QLatin1String("any"))
        *mode = SearchMode::Any;
    else if (text == QLatin1String("all"))
        *mode = SearchMode::All;
    else if (text == QLatin1String("none"))
        *mode = SearchMode::None;
    else
        return false;
    return true;
}

QString quoteHit(const ScoringContext &context, const TextHit &hit)
{
    return context.turns()[size_t(hit.turn)].text.mid(hit.charStart, hit.charEnd - hit.charStart);
}

DetectorOutcome searchVerdict(const ScoringContext &context, SearchMode mode,
                              const QStringList &items, const std::vector<TextHit> &hits,
                              const QString &where)
{
    // Rationales are built for every criterion of every interaction: concatenation, not
    // QString::arg(), which parses its pattern each time.
    auto describeHit = [&](const TextHit &h) {
        return QLatin1Char('"') + quoteHit(context, h) + QLatin1String("\" in turn ") +
               QString::number(h.turn + 1) + QLatin1String(" (for \"") + items[h.item] +
               QLatin1String("\")");
    };
    auto found = [&](const TextHit &h) {
        return QLatin1String("Found ") + describeHit(h) + QLatin1Char('.');
    };
    switch (mode) {
    case SearchMode::Any:
        if (hits.empty())
            return DetectorOutcome::fail(QLatin1String("None of ") + quoted(items, 3) +
                                         QLatin1String(" was found in ") + where +
                                         QLatin1Char('.'));
        return DetectorOutcome::pass(found(hits.front()), evidenceOf(context, hits));
    case SearchMode::All: {
        std::set<int> foundItems;
        for (const TextHit &h : hits)
            foundItems.insert(h.item);
        QStringList missing;
        for (int i = 0; i < items.size(); ++i)
            if (!foundItems.count(i))
                missing << items[i];
        if (!missing.isEmpty())
            return DetectorOutcome::fail(QLatin1String("Missing ") + quoted(missing, 3) +
                                             QLatin1String(" in ") + where + QLatin1Char('.'),
                                         evidenceOf(context, hits));
        return DetectorOutcome::pass(QLatin1String("All ") + QString::number(items.size()) +
                                         QLatin1String(" found in ") + where + QLatin1Char('.'),
                                     evidenceOf(context, hits));
    }
    case SearchMode::None:
        if (hits.empty())
            return DetectorOutcome::pass(QLatin1String("None of ") + quoted(items, 3) +
                                         QLatin1String(" in ") + where + QLatin1Char('.'));
        return DetectorOutcome::fail(found(hits.front()), evidenceOf(context, hits));
    }
    return DetectorOutcome::fail({});
}

} // namespace qaw
