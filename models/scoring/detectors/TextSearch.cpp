#include "scoring/detectors/TextSearch.h"

#include "scoring/ScoringContext.h"

#include <set>

namespace qaw {
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
        text += QStringLiteral(" and %1 more").arg(items.size() - limit);
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
    auto describeHit = [&](const TextHit &h) {
        return QStringLiteral("\"%1\" in turn %2 (for \"%3\")")
            .arg(quoteHit(context, h))
            .arg(h.turn + 1)
            .arg(items[h.item]);
    };
    switch (mode) {
    case SearchMode::Any:
        if (hits.empty())
            return DetectorOutcome::fail(
                QStringLiteral("None of %1 was found in %2.").arg(quoted(items, 3), where));
        return DetectorOutcome::pass(QStringLiteral("Found %1.").arg(describeHit(hits.front())),
                                     evidenceOf(context, hits));
    case SearchMode::All: {
        std::set<int> found;
        for (const TextHit &h : hits)
            found.insert(h.item);
        QStringList missing;
        for (int i = 0; i < items.size(); ++i)
            if (!found.count(i))
                missing << items[i];
        if (!missing.isEmpty())
            return DetectorOutcome::fail(QStringLiteral("Missing %1 in %2.")
                                             .arg(quoted(missing, 3), where),
                                         evidenceOf(context, hits));
        return DetectorOutcome::pass(QStringLiteral("All %1 found in %2.")
                                         .arg(items.size())
                                         .arg(where),
                                     evidenceOf(context, hits));
    }
    case SearchMode::None:
        if (hits.empty())
            return DetectorOutcome::pass(
                QStringLiteral("None of %1 in %2.").arg(quoted(items, 3), where));
        return DetectorOutcome::fail(QStringLiteral("Found %1.").arg(describeHit(hits.front())),
                                     evidenceOf(context, hits));
    }
    return DetectorOutcome::fail({});
}

} // namespace qaw
