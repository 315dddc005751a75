#include "scoring/detectors/TextSearch.h"

#include "scoring/ScoringContext.h"
#include "scoring/detectors/TurnFilter.h"

#include <algorithm>
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
    out.reserve(std::min(hits.size(), kMaxEvidence));
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

SearchItems::SearchItems(QStringList texts_, QString where_)
    : texts(std::move(texts_)), where(std::move(where_))
{
    const QString list = quoted(texts, 3);
    noneFound = QLatin1String("None of ") + list + QLatin1String(" was found in ") + where +
                QLatin1Char('.');
    noneSaid = QLatin1String("None of ") + list + QLatin1String(" in ") + where + QLatin1Char('.');
    allFound = QLatin1String("All ") + QString::number(texts.size()) +
               QLatin1String(" found in ") + where + QLatin1Char('.');
}

namespace {

//! Appends \a latin1 (ASCII) at \a out, returning the position after it.
QChar *put(QChar *out, QLatin1String latin1)
{
    for (char c : latin1)
        *out++ = QLatin1Char(c);
    return out;
}

QChar *put(QChar *out, QStringView text)
{
    std::copy(text.begin(), text.end(), out);
    return out + text.size();
}

//! "Found "<the words>" in turn N (for "<item>")." written straight into one
//! allocation of the exact size: built for most criteria of every interaction, where
//! the appends and the number formatting cost more than the rest of the verdict.
QString foundRationale(const ScoringContext &context, const SearchItems &items,
                       const TextHit &hit)
{
    const QString &turnText = context.turns()[size_t(hit.turn)].text;
    const QStringView words = QStringView(turnText).mid(hit.charStart, hit.charEnd - hit.charStart);
    const QString &item = items.texts[hit.item];
    char digits[12];
    char *digitsEnd = digits + sizeof digits;
    char *first = digitsEnd;
    for (unsigned n = unsigned(hit.turn + 1);; n /= 10) { // turns are counted from 1
        *--first = char('0' + n % 10);
        if (n < 10)
            break;
    }
    const QLatin1String number(first, digitsEnd);
    const QLatin1String opening("Found \""), inTurn("\" in turn "), forItem(" (for \""),
        closing("\").");
    QString out(opening.size() + words.size() + inTurn.size() + number.size() + forItem.size() +
                    item.size() + closing.size(),
                Qt::Uninitialized);
    QChar *at = out.data();
    at = put(at, opening);
    at = put(at, words);
    at = put(at, inTurn);
    at = put(at, number);
    at = put(at, forItem);
    at = put(at, QStringView(item));
    put(at, closing);
    return out;
}

} // namespace

DetectorOutcome searchVerdict(const ScoringContext &context, SearchMode mode,
                              const SearchItems &items, const std::vector<TextHit> &hits)
{
    switch (mode) {
    case SearchMode::Any:
        if (hits.empty())
            return DetectorOutcome::fail(items.noneFound);
        return DetectorOutcome::pass(foundRationale(context, items, hits.front()),
                                     evidenceOf(context, hits));
    case SearchMode::All: {
        std::set<int> foundItems;
        for (const TextHit &h : hits)
            foundItems.insert(h.item);
        QStringList missing;
        for (int i = 0; i < items.texts.size(); ++i)
            if (!foundItems.count(i))
                missing << items.texts[i];
        if (!missing.isEmpty())
            return DetectorOutcome::fail(QLatin1String("Missing ") + quoted(missing, 3) +
                                             QLatin1String(" in ") + items.where +
                                             QLatin1Char('.'),
                                         evidenceOf(context, hits));
        return DetectorOutcome::pass(items.allFound, evidenceOf(context, hits));
    }
    case SearchMode::None:
        if (hits.empty())
            return DetectorOutcome::pass(items.noneSaid);
        return DetectorOutcome::fail(foundRationale(context, items, hits.front()),
                                     evidenceOf(context, hits));
    }
    return DetectorOutcome::fail({});
}

} // namespace qaw
