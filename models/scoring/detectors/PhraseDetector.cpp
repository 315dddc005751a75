#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <algorithm>

namespace qaw {
namespace {

//! Looks for a list of phrases in the selected turns, tolerant of case, punctuation,
//! inflection, contractions, a few inserted words and one typo per long word.
class PhraseDetector : public Detector
{
public:
    PhraseDetector(SearchMode mode, TurnFilter filter, PhraseSet phrases, QStringList texts)
        : m_mode(mode), m_filter(std::move(filter)), m_phrases(std::move(phrases)),
          m_items(std::move(texts), m_filter.describe())
    {
    }

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        std::vector<int> turns;
        if (auto notApplicable = selectSearchTurns(context, m_filter, &turns))
            return *notApplicable;
        if (m_filter.speaker() && !context.speaks(*m_filter.speaker())) {
            const QString why = QStringLiteral("The %1 never speaks.")
                                    .arg(speakerName(*m_filter.speaker()));
            return m_mode == SearchMode::None ? DetectorOutcome::pass(why)
                                              : DetectorOutcome::fail(why);
        }
        std::vector<TextHit> hits;
        QVarLengthArray<char, 64> seen(m_phrases.size());
        std::fill(seen.begin(), seen.end(), char(0));
        std::vector<PhraseSet::Match> matches; // reused: one allocation, not one per turn
        for (int turn : turns) {
            matches.clear();
            m_phrases.findInto(context.tokens(turn), &matches);
            for (const PhraseSet::Match &m : matches) {
                if (seen[m.phrase])
                    continue;
                seen[m.phrase] = 1;
                if (hits.empty())
                    hits.reserve(8);
                hits.push_back({m.phrase, turn, m.charStart, m.charEnd});
            }
        }
        return searchVerdict(context, m_mode, m_items, hits);
    }

private:
    SearchMode m_mode;
    TurnFilter m_filter;
    PhraseSet m_phrases;
    SearchItems m_items;
};

} // namespace

std::unique_ptr<Detector> makePhraseDetector(const QJsonObject &config, DetectorBuild &build)
{
    SearchMode mode;
    if (!parseSearchMode(config.value(QStringLiteral("mode")).toString(), &mode)) {
        build.error(QStringLiteral("mode must be any, all or none"));
        return nullptr;
    }
    QStringList texts;
    for (const QJsonValue &v : config.value(QStringLiteral("phrases")).toArray())
        if (!v.toString().trimmed().isEmpty())
            texts << v.toString();
    if (texts.isEmpty()) {
        build.error(QStringLiteral("a phrases detector needs a non-empty \"phrases\" list"));
        return nullptr;
    }
    const int errorsBefore = int(build.errors.size());
    TurnFilter filter = TurnFilter::fromJson(config, build);
    PhraseSet phrases(texts, build.lexicon,
                      config.value(QStringLiteral("max_inserted_words")).toInt(2),
                      config.value(QStringLiteral("fuzzy")).toBool(true));
    if (phrases.size() != texts.size()) {
        build.error(QStringLiteral("a phrase has no words"));
        return nullptr;
    }
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return std::make_unique<PhraseDetector>(mode, std::move(filter), std::move(phrases), texts);
}

} // namespace qaw
