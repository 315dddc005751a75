#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace qaw {
namespace {

//! Regular expressions (Perl syntax, case-insensitive unless asked) over the selected
//! turns, with the same any/all/none modes and filters as the phrase detector.
class RegexDetector : public Detector
{
public:
    RegexDetector(SearchMode mode, TurnFilter filter, std::vector<QRegularExpression> patterns,
                  QStringList texts)
        : m_mode(mode), m_filter(std::move(filter)), m_patterns(std::move(patterns)),
          m_items(std::move(texts), m_filter.describe())
    {
    }

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        std::vector<int> turns;
        if (auto notApplicable = selectSearchTurns(context, m_filter, &turns))
            return *notApplicable;
        std::vector<TextHit> hits;
        for (size_t p = 0; p < m_patterns.size(); ++p) {
            for (int turn : turns) {
                const QRegularExpressionMatch m =
                    m_patterns[p].match(context.turns()[size_t(turn)].text);
                if (m.hasMatch()) {
                    hits.push_back({int(p), turn, int(m.capturedStart()), int(m.capturedEnd())});
                    break;
                }
            }
        }
        std::stable_sort(hits.begin(), hits.end(), [](const TextHit &a, const TextHit &b) {
            return a.turn != b.turn ? a.turn < b.turn : a.charStart < b.charStart;
        });
        return searchVerdict(context, m_mode, m_items, hits);
    }

private:
    SearchMode m_mode;
    TurnFilter m_filter;
    std::vector<QRegularExpression> m_patterns;
    SearchItems m_items;
};

} // namespace

std::unique_ptr<Detector> makeRegexDetector(const QJsonObject &config, DetectorBuild &build)
{
    SearchMode mode;
    if (!parseSearchMode(config.value(QStringLiteral("mode")).toString(), &mode)) {
        build.error(QStringLiteral("mode must be any, all or none"));
        return nullptr;
    }
    QStringList texts;
    if (config.contains(QStringLiteral("pattern")))
        texts << config.value(QStringLiteral("pattern")).toString();
    for (const QJsonValue &v : config.value(QStringLiteral("patterns")).toArray())
        texts << v.toString();
    if (texts.isEmpty()) {
        build.error(QStringLiteral("a regex detector needs \"pattern\" or \"patterns\""));
        return nullptr;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!config.value(QStringLiteral("case_sensitive")).toBool(false))
        options |= QRegularExpression::CaseInsensitiveOption;
    std::vector<QRegularExpression> patterns;
    for (const QString &text : texts) {
        QRegularExpression re(text, options);
        if (!re.isValid()) {
            build.error(QStringLiteral("pattern \"%1\" is not valid: %2 at %3")
                            .arg(text, re.errorString())
                            .arg(re.patternErrorOffset()));
            return nullptr;
        }
        re.optimize(); // compile now, not lazily on a worker thread
        patterns.push_back(re);
    }
    const int errorsBefore = int(build.errors.size());
    TurnFilter filter = TurnFilter::fromJson(config, build);
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return std::make_unique<RegexDetector>(mode, std::move(filter), std::move(patterns), texts);
}

} // namespace qaw
