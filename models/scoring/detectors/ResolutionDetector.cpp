#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonArray>

namespace qaw {
namespace {

//! Was the issue resolved? The strongest signal available decides, in this order: the
//! interaction's own resolved field (the system of record), the customer confirming in
//! their last turns, then whether the customer came back within 7 days (repeat contact).
//! Each signal can be switched off.
class ResolutionDetector : public Detector
{
public:
    PhraseSet confirmations;
    TurnFilter filter;
    bool useField = true;
    bool useRepeat = true;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        TextHit confirmation;
        std::vector<int> turns;
        QString ignored;
        if (filter.select(context, &turns, &ignored)) {
            for (int turn : turns) {
                if (const auto m = confirmations.first(context.tokens(turn))) {
                    confirmation = {m->phrase, turn, m->charStart, m->charEnd};
                    break;
                }
            }
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
            return *repeat ? DetectorOutcome::fail(QStringLiteral(
                                 "No confirmation, and the customer contacted us again within "
                                 "7 days."))
                           : DetectorOutcome::pass(QStringLiteral(
                                 "No repeat contact from the customer within 7 days."));
        return DetectorOutcome::fail(QStringLiteral("No sign of resolution: the customer did not "
                                                    "confirm and there is no resolved field or "
                                                    "repeat-contact information."));
    }
};

} // namespace

std::unique_ptr<Detector> makeResolutionDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<ResolutionDetector>();
    QStringList phrases;
    for (const QJsonValue &v : config.value(QStringLiteral("confirmations")).toArray())
        phrases << v.toString();
    if (phrases.isEmpty()) {
        build.error(QStringLiteral("a resolution detector needs \"confirmations\""));
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
    d->useField = config.value(QStringLiteral("use_resolved_field")).toBool(true);
    d->useRepeat = config.value(QStringLiteral("use_repeat_contact")).toBool(true);
    return d;
}

} // namespace qaw
