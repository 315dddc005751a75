#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TurnFilter.h"

#include <QStringBuilder>

#include <algorithm>

namespace qaw {
namespace {

//! A score with two decimals, as QString::arg(x, 0, 'f', 2) writes it (the same C-locale
//! formatter). The rationales pass every value to one multi-argument arg(): each chained
//! arg() parsed the whole pattern again.
QString twoDecimals(double value)
{
    return QString::number(value, 'f', 2);
}

//! VADER sentiment per turn. "agent_negativity": how negative the speaker's most
//! negative turn is (no turn at or below the threshold scores best). "customer_change":
//! the speaker's mean sentiment over the last N turns minus the first N.
class SentimentDetector : public Detector
{
public:
    enum class Measure { Negativity, Change };

    Measure measure = Measure::Negativity;
    Speaker speaker = Speaker::Agent;
    double threshold = -0.3;
    int turnsPerEnd = 2;
    double fullScaleChange = 0.5;
    double positiveEnd = 0.5;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        std::vector<int> turns;
        for (int i = 0; i < context.turnCount(); ++i)
            if (context.speakerOf(i) == speaker)
                turns.push_back(i);
        if (turns.empty())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The %1 never speaks.").arg(speakerName(speaker)));
        return measure == Measure::Negativity ? negativity(context, turns)
                                              : change(context, turns);
    }

private:
    DetectorOutcome negativity(const ScoringContext &context, const std::vector<int> &turns) const
    {
        int negative = 0;
        int worst = turns.front();
        for (int t : turns) {
            const double s = context.sentiment(t);
            if (s <= threshold)
                ++negative;
            if (s < context.sentiment(worst))
                worst = t;
        }
        const double lowest = context.sentiment(worst);
        if (negative == 0)
            return DetectorOutcome::pass(
                QStringLiteral("No %1 turn is negative (lowest VADER compound %2, threshold %3).")
                    .arg(speakerName(speaker), twoDecimals(lowest), twoDecimals(threshold)));
        std::vector<EvidenceSpan> evidence;
        for (int t : turns)
            if (context.sentiment(t) <= threshold && evidence.size() < 6)
                evidence.push_back(context.wholeTurn(t));
        const double fraction = std::clamp(1 + lowest - 0.1 * (negative - 1), 0.0, 1.0);
        return DetectorOutcome::graded(
            fraction,
            QStringLiteral("%1 negative %2 turn(s); the most negative is turn %3 (VADER "
                           "compound %4): \"%5\".")
                .arg(QString::number(negative), speakerName(speaker), QString::number(worst + 1),
                     twoDecimals(lowest), context.turns()[size_t(worst)].text),
            std::move(evidence));
    }

    DetectorOutcome change(const ScoringContext &context, const std::vector<int> &turns) const
    {
        if (turns.size() < 2)
            return DetectorOutcome::notApplicable(
                QStringLiteral("The %1 speaks only once, so there is no change to measure.")
                    .arg(speakerName(speaker)));
        const size_t k = std::max<size_t>(1, std::min(size_t(turnsPerEnd), turns.size() / 2));
        double start = 0;
        double end = 0;
        std::vector<EvidenceSpan> evidence;
        for (size_t i = 0; i < k; ++i) {
            start += context.sentiment(turns[i]);
            end += context.sentiment(turns[turns.size() - k + i]);
            evidence.push_back(context.wholeTurn(turns[i]));
        }
        for (size_t i = 0; i < k; ++i)
            evidence.push_back(context.wholeTurn(turns[turns.size() - k + i]));
        start /= double(k);
        end /= double(k);
        const double delta = end - start;
        double fraction = std::clamp(0.5 + delta / (2 * fullScaleChange), 0.0, 1.0);
        if (end >= positiveEnd)
            fraction = std::max(fraction, 0.75);
        return DetectorOutcome::graded(
            fraction,
            // Written for every interaction: one allocation (QStringBuilder), no pattern.
            speakerName(speaker) % u" sentiment went from " % twoDecimals(start) % u" (first "
                % QString::number(k) % u" turn(s)) to " % twoDecimals(end) % u" (last "
                % QString::number(k) % u"), a change of " % twoDecimals(delta) % u'.',
            std::move(evidence));
    }
};

} // namespace

std::unique_ptr<Detector> makeSentimentDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<SentimentDetector>();
    const QString measure = config.value(QStringLiteral("measure")).toString();
    if (measure == QLatin1String("agent_negativity") || measure == QLatin1String("negativity")) {
        d->measure = SentimentDetector::Measure::Negativity;
        d->speaker = Speaker::Agent;
    } else if (measure == QLatin1String("customer_change") || measure == QLatin1String("change")) {
        d->measure = SentimentDetector::Measure::Change;
        d->speaker = Speaker::Customer;
    } else {
        build.error(QStringLiteral("sentiment measure must be agent_negativity or "
                                   "customer_change"));
        return nullptr;
    }
    const QString speaker = config.value(QStringLiteral("speaker")).toString();
    if (!speaker.isEmpty()) {
        const auto s = speakerFromName(speaker);
        if (!s) {
            build.error(QStringLiteral("unknown speaker \"%1\"").arg(speaker));
            return nullptr;
        }
        d->speaker = *s;
    }
    d->threshold = config.value(QStringLiteral("negative_threshold")).toDouble(-0.3);
    d->turnsPerEnd = std::max(1, config.value(QStringLiteral("turns")).toInt(2));
    d->fullScaleChange = config.value(QStringLiteral("full_scale_change")).toDouble(0.5);
    d->positiveEnd = config.value(QStringLiteral("positive_end")).toDouble(0.5);
    if (!(d->fullScaleChange > 0)) {
        build.error(QStringLiteral("full_scale_change must be above 0"));
        return nullptr;
    }
    return d;
}

} // namespace qaw
