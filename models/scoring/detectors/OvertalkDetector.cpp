#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <algorithm>

namespace qaw {
namespace {

//! Overtalk: a turn that starts before the other party's turn has ended, by more than
//! min_overlap_seconds. At max_count overlaps or max_total_seconds of them the score is
//! the middle of the scale; none scores best. With a talk_ratio range, an agent share of
//! the talk time outside it caps the score below a pass.
class OvertalkDetector : public Detector
{
public:
    qint64 minOverlapMs = 1000;
    int maxCount = 3;
    double maxTotalSeconds = 10;
    double ratioMin = -1;
    double ratioMax = -1;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        if (!context.hasOffsets())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The transcript has no turn start/end times, so overlaps "
                               "cannot be measured."));
        const std::vector<int> &order = context.byStart();
        int count = 0;
        qint64 totalMs = 0;
        qint64 agentMs = 0;
        qint64 customerMs = 0;
        std::vector<EvidenceSpan> evidence;
        const Turn *previous = nullptr;
        Speaker previousSpeaker = Speaker::System;
        for (int index : order) {
            const Turn &t = context.turns()[size_t(index)];
            const Speaker speaker = context.speakerOf(index);
            if (speaker == Speaker::Agent)
                agentMs += t.endMs - t.startMs;
            else if (speaker == Speaker::Customer)
                customerMs += t.endMs - t.startMs;
            if (previous && previousSpeaker != speaker) {
                const qint64 overlap = std::min(previous->endMs, t.endMs) - t.startMs;
                if (overlap > minOverlapMs) {
                    ++count;
                    totalMs += overlap;
                    if (evidence.size() < 6)
                        evidence.push_back(context.wholeTurn(index));
                }
            }
            previous = &t;
            previousSpeaker = speaker;
        }
        const double total = double(totalMs) / 1000.0;
        double fraction = 1.0 - std::max(double(count) / (2.0 * std::max(1, maxCount)),
                                         total / (2.0 * std::max(0.001, maxTotalSeconds)));
        fraction = std::clamp(fraction, 0.0, 1.0);
        QString why = count == 0 ? QStringLiteral("No overtalk.")
                                 : QStringLiteral("%1 overlap(s), %2 s in total (limits %3 and "
                                                  "%4 s).")
                                       .arg(count)
                                       .arg(total, 0, 'f', 1)
                                       .arg(maxCount)
                                       .arg(maxTotalSeconds);
        if (ratioMin >= 0 && agentMs + customerMs > 0) {
            const double share = double(agentMs) / double(agentMs + customerMs);
            const bool inside = share >= ratioMin && share <= (ratioMax >= 0 ? ratioMax : 1.0);
            why += QStringLiteral(" The agent talked %1% of the time (range %2-%3%).")
                       .arg(share * 100, 0, 'f', 0)
                       .arg(ratioMin * 100, 0, 'f', 0)
                       .arg((ratioMax >= 0 ? ratioMax : 1.0) * 100, 0, 'f', 0);
            if (!inside)
                fraction = std::min(fraction, 0.25);
        }
        return DetectorOutcome::graded(fraction, why, std::move(evidence));
    }
};

} // namespace

std::unique_ptr<Detector> makeOvertalkDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<OvertalkDetector>();
    d->minOverlapMs =
        qint64(config.value(QStringLiteral("min_overlap_seconds")).toDouble(1.0) * 1000);
    d->maxCount = config.value(QStringLiteral("max_count")).toInt(3);
    d->maxTotalSeconds = config.value(QStringLiteral("max_total_seconds")).toDouble(10);
    const QJsonObject ratio = config.value(QStringLiteral("talk_ratio")).toObject();
    if (!ratio.isEmpty()) {
        d->ratioMin = ratio.value(QStringLiteral("min")).toDouble(0);
        d->ratioMax = ratio.value(QStringLiteral("max")).toDouble(1);
        if (d->ratioMin < 0 || d->ratioMax > 1 || d->ratioMin > d->ratioMax) {
            build.error(QStringLiteral("talk_ratio needs 0 <= min <= max <= 1"));
            return nullptr;
        }
    }
    if (d->maxCount < 1 || !(d->maxTotalSeconds > 0)) {
        build.error(QStringLiteral("max_count and max_total_seconds must be above 0"));
        return nullptr;
    }
    return d;
}

} // namespace qaw
