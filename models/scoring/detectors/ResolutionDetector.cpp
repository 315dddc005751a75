#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/ConceptSearch.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonArray>

namespace qaw {
namespace {

//! Was the issue resolved? The strongest signal available decides, in this order: the
//! interaction's own resolved field (the system of record), what the customer says in
//! their last turns (the latest of a confirmation and a complaint that it is not solved),
//! then whether the customer came back within 7 days (repeat contact, weak evidence).
//! Each signal can be switched off.
class ResolutionDetector : public Detector
{
public:
    PhraseSet confirmations;
    ConceptQuery confirmationConcepts;
    ConceptQuery unresolvedConcepts;
    TurnFilter filter;
    bool useField = true;
    bool useRepeat = true;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        TextHit confirmation;
        TextHit complaint;
        std::vector<int> turns;
        QString ignored;
        if (filter.select(context, &turns, &ignored))
            findWhatTheCustomerSaid(context, turns, &confirmation, &complaint);
        if (complaint.turn >= 0 && complaint.turn >= confirmation.turn && !hasField(context)) {
            return DetectorOutcome::fail(
                QStringLiteral("Not confirmed: the customer said \"%1\" in turn %2.")
                    .arg(quoteHit(context, complaint))
                    .arg(complaint.turn + 1),
                {context.span(complaint.turn, complaint.charStart, complaint.charEnd)});
        }
        std::vector<EvidenceSpan> evidence;
        QString said;
        if (confirmation.turn >= 0) {
            evidence.push_back(
                context.span(confirmation.turn, confirmation.charStart, confirmation.charEnd));
            said = QStringLiteral("the customer said \"%1\" in turn %2")
                       .arg(quoteHit(context, confirmation))
                       .arg(confirmation.turn + 1);
        }
        const std::optional<bool> &resolved = context.interaction().resolved;
        if (useField && resolved) {
            const QString why =
                (*resolved ? QStringLiteral("Marked resolved") : QStringLiteral("Marked not "
                                                                                "resolved")) +
                (said.isEmpty() ? QString() : QStringLiteral("; ") + said) + QLatin1Char('.');
            return *resolved ? DetectorOutcome::pass(why, std::move(evidence))
                             : DetectorOutcome::fail(why, std::move(evidence));
        }
        if (!said.isEmpty())
            return DetectorOutcome::pass(QStringLiteral("Confirmed: %1.").arg(said),
                                         std::move(evidence));
        const std::optional<bool> &repeat = context.stored().repeatContact;
        if (useRepeat && repeat)
            return (*repeat ? DetectorOutcome::fail(QStringLiteral(
                                  "No confirmation, and the customer contacted us again within "
                                  "7 days."))
                            : DetectorOutcome::pass(QStringLiteral(
                                  "No repeat contact from the customer within 7 days.")))
                .withConfidence(Confidence::Weak);
        return DetectorOutcome::fail(QStringLiteral("No sign of resolution: the customer did not "
                                                    "confirm and there is no resolved field or "
                                                    "repeat-contact information."))
            .withConfidence(Confidence::None);
    }

private:
    bool hasField(const ScoringContext &context) const
    {
        return useField && context.interaction().resolved.has_value();
    }

    // The latest confirmation and the latest complaint in the customer's last turns.
    void findWhatTheCustomerSaid(const ScoringContext &context, const std::vector<int> &turns,
                                 TextHit *confirmation, TextHit *complaint) const
    {
        for (int turn : turns) {
            if (const auto m = confirmations.first(context.tokens(turn)))
                *confirmation = {m->phrase, turn, m->charStart, m->charEnd};
            for (auto [query, hit] : {std::pair{&confirmationConcepts, confirmation},
                                      std::pair{&unresolvedConcepts, complaint}}) {
                if (query->isEmpty())
                    continue;
                const ConceptFindings f = query->findIn(context, {turn}, true);
                if (!f.clear.empty())
                    *hit = {0, turn, f.clear.front().match.charStart, f.clear.front().match.charEnd};
            }
        }
    }
};

} // namespace

std::unique_ptr<Detector> makeResolutionDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<ResolutionDetector>();
    QStringList phrases;
    for (const QJsonValue &v : config.value(QStringLiteral("confirmations")).toArray())
        phrases << v.toString();
    if (phrases.isEmpty() && !config.contains(QStringLiteral("concepts"))) {
        build.error(QStringLiteral("a resolution detector needs \"confirmations\" or "
                                   "\"concepts\""));
        return nullptr;
    }
    QJsonObject filterConfig{{QStringLiteral("speaker"),
                              config.value(QStringLiteral("speaker")).toString(
                                  QStringLiteral("customer"))}};
    filterConfig.insert(QStringLiteral("window"),
                        config.contains(QStringLiteral("window"))
                            ? config.value(QStringLiteral("window"))
                            : QJsonObject{{QStringLiteral("last_turns"), 3}});
    d->filter = TurnFilter::fromJson(filterConfig, build);
    d->confirmations = PhraseSet(phrases, build.lexicon,
                                 config.value(QStringLiteral("max_inserted_words")).toInt(2), true);
    for (auto [key, query] : {std::pair{QStringLiteral("concepts"), &d->confirmationConcepts},
                              std::pair{QStringLiteral("unresolved_concepts"),
                                        &d->unresolvedConcepts}}) {
        if (!config.contains(key))
            continue;
        QJsonObject queryConfig = filterConfig;
        queryConfig.insert(QStringLiteral("concepts"), config.value(key));
        *query = ConceptQuery(queryConfig, build);
    }
    d->useField = config.value(QStringLiteral("use_resolved_field")).toBool(true);
    d->useRepeat = config.value(QStringLiteral("use_repeat_contact")).toBool(true);
    return d;
}

} // namespace qaw
