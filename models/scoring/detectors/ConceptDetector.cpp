#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/ConceptSearch.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"

#include <QJsonArray>
#include <QStringBuilder>

namespace qaw {
namespace {

//! Looks for concepts (docs/scorecard-format.md, "Concepts") in the selected turns.
//! any: the behaviour must be there; clear evidence passes with a clear verdict, weak
//! evidence passes as needing review. When nothing is found, "applies_when" makes the
//! criterion N/A unless its concepts are clearly there (the situation never called for
//! it; a hint such as "my phone" is not enough), and "traces" can make the verdict weak
//! (something suggests it happened in words the library does not know). With
//! "confident_speaker", a fail is clear only when that speaker's own turns show the
//! situation: a customer's passing "my last bill" in a general question is too little to
//! auto-fail an agent on.
//! none: the behaviour must not be there; clear evidence fails, weak evidence fails as
//! needing review.
class ConceptDetector : public Detector
{
public:
    SearchMode mode = SearchMode::Any;
    ConceptQuery query;
    PhraseSet phrases; //!< more clear evidence, as plain phrases
    bool weakCounts = true;
    ConceptQuery appliesWhen;
    ConceptQuery appliesWhenConfident; //!< appliesWhen in the confident speaker's turns
    ConceptQuery traces;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        std::vector<int> turns;
        if (auto notApplicable = selectSearchTurns(context, query.filter(), &turns))
            return *notApplicable;
        ConceptFindings found = query.findIn(context, turns, true);
        if (found.clear.empty() && !phrases.isEmpty())
            addPhraseHits(context, turns, &found);
        return mode == SearchMode::None ? forbidden(context, found) : required(context, found);
    }

private:
    QString where() const { return query.filter().describe(); }

    void addPhraseHits(const ScoringContext &context, const std::vector<int> &turns,
                       ConceptFindings *found) const
    {
        for (int turn : turns) {
            if (const auto m = phrases.first(context.tokens(turn))) {
                ConceptMatch match;
                match.strength = ConceptMatch::Clear;
                match.charStart = m->charStart;
                match.charEnd = m->charEnd;
                found->clear.push_back(ConceptHit{-1, turn, match});
                return;
            }
        }
    }

    // Rationales are written for every interaction: built in one allocation
    // (QStringBuilder), not by arg(), which parses its pattern each time.
    QString describeHit(const ScoringContext &context, const ConceptHit &hit) const
    {
        return u'"' % quoteHit(context, hit) % u"\" ("
               % (hit.concept >= 0 ? context.concepts()->id(hit.concept) : QStringLiteral("phrase"))
               % u", turn " % QString::number(hit.turn + 1) % u')';
    }

    DetectorOutcome required(const ScoringContext &context, const ConceptFindings &found) const
    {
        if (!found.clear.empty())
            return DetectorOutcome::pass(
                u"Found " % describeHit(context, found.clear.front()) % u" in " % where() % u'.',
                evidenceOf(context, found.clear));
        if (!found.weak.empty()) {
            const QString why = u"Only weak evidence in " % where() % u": "
                                % describeHit(context, found.weak.front()) % u"; needs review.";
            return (weakCounts ? DetectorOutcome::pass(why, evidenceOf(context, found.weak))
                               : DetectorOutcome::fail(why, evidenceOf(context, found.weak)))
                .withConfidence(Confidence::Weak);
        }
        ConceptFindings situation;
        if (!appliesWhen.isEmpty()) {
            situation = appliesWhen.find(context, true);
            if (situation.clear.empty())
                return DetectorOutcome::notApplicable(
                    situation.weak.empty()
                        ? QStringLiteral("Nothing called for it: no %1 in %2.")
                              .arg(appliesWhen.names(context), appliesWhen.filter().describe())
                        : QStringLiteral("Nothing called for it: only %1, no clear %2.")
                              .arg(describeHit(context, situation.weak.front()),
                                   appliesWhen.names(context)));
        }
        if (!traces.isEmpty()) {
            const ConceptFindings hints = traces.find(context);
            if (hints.any()) {
                const std::vector<ConceptHit> &h = hints.clear.empty() ? hints.weak : hints.clear;
                const QString why =
                    QStringLiteral("No %1 found in %2, but %3 suggests it happened; needs review.")
                        .arg(query.names(context), where(), describeHit(context, h.front()));
                return (weakCounts ? DetectorOutcome::pass(why, evidenceOf(context, h))
                                   : DetectorOutcome::fail(why, evidenceOf(context, h)))
                    .withConfidence(Confidence::Weak);
            }
        }
        return missing(context, situation);
    }

    DetectorOutcome missing(const ScoringContext &context, const ConceptFindings &situation) const
    {
        const std::vector<ConceptHit> &shown = situation.clear.empty() ? situation.weak
                                                                      : situation.clear;
        QString why = QStringLiteral("No %1 in %2.").arg(query.names(context), where());
        if (shown.empty())
            return DetectorOutcome::fail(why, {});
        if (!appliesWhenConfident.isEmpty()
            && appliesWhenConfident.find(context, true).clear.empty()) {
            why += QStringLiteral(" Only %1 called for it, nothing in %2; needs review.")
                       .arg(describeHit(context, shown.front()),
                            appliesWhenConfident.filter().describe());
            return DetectorOutcome::fail(why, evidenceOf(context, shown))
                .withConfidence(Confidence::Weak);
        }
        why += QStringLiteral(" It was called for: %1.").arg(describeHit(context, shown.front()));
        return DetectorOutcome::fail(why, evidenceOf(context, shown));
    }

    DetectorOutcome forbidden(const ScoringContext &context, const ConceptFindings &found) const
    {
        if (!found.clear.empty())
            return DetectorOutcome::fail(
                QStringLiteral("Found %1 in %2.").arg(describeHit(context, found.clear.front()),
                                                      where()),
                evidenceOf(context, found.clear));
        if (!found.weak.empty()) {
            const QString why = QStringLiteral("Possibly %1 in %2; needs review.")
                                    .arg(describeHit(context, found.weak.front()), where());
            return (weakCounts ? DetectorOutcome::fail(why, evidenceOf(context, found.weak))
                               : DetectorOutcome::pass(why, evidenceOf(context, found.weak)))
                .withConfidence(Confidence::Weak);
        }
        return DetectorOutcome::pass(
            QStringLiteral("No %1 in %2.").arg(query.names(context), where()));
    }
};

} // namespace

std::unique_ptr<Detector> makeConceptDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<ConceptDetector>();
    const QString mode = config.value(QStringLiteral("mode")).toString(QStringLiteral("any"));
    if (!parseSearchMode(mode, &d->mode) || d->mode == SearchMode::All) {
        build.error(QStringLiteral("a concepts detector's mode must be any or none"));
        return nullptr;
    }
    const int errorsBefore = int(build.errors.size());
    d->query = ConceptQuery(config, build);
    QStringList texts;
    for (const QJsonValue &v : config.value(QStringLiteral("phrases")).toArray())
        if (!v.toString().trimmed().isEmpty())
            texts << v.toString();
    if (!texts.isEmpty())
        d->phrases = PhraseSet(texts, build.lexicon, 2, true);
    d->weakCounts = config.value(QStringLiteral("weak_counts")).toBool(true);
    const QJsonObject appliesWhen = config.value(QStringLiteral("applies_when")).toObject();
    if (!appliesWhen.isEmpty()) {
        d->appliesWhen = ConceptQuery(appliesWhen, build);
        const QJsonValue confident = appliesWhen.value(QStringLiteral("confident_speaker"));
        if (!confident.isUndefined()) {
            QJsonObject own = appliesWhen;
            own.insert(QStringLiteral("speaker"), confident);
            d->appliesWhenConfident = ConceptQuery(own, build);
        }
    }
    const QJsonObject traces = config.value(QStringLiteral("traces")).toObject();
    if (!traces.isEmpty())
        d->traces = ConceptQuery(traces, build);
    if (build.errors.size() > errorsBefore)
        return nullptr;
    return d;
}

} // namespace qaw
