#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

namespace qaw {
namespace {

//! Handle time against an AHT target: passes at or under the target. N/A when the
//! duration is not known.
class DurationDetector : public Detector
{
public:
    qint64 targetMs = 600000;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        qint64 duration = context.interaction().durationMs;
        if (duration < 0)
            duration = context.stored().metrics.durationMs;
        if (duration < 0)
            return DetectorOutcome::notApplicable(
                QStringLiteral("The interaction's duration is not known."));
        const QString why = QStringLiteral("Handled in %1 s (AHT target %2 s).")
                                .arg(double(duration) / 1000, 0, 'f', 0)
                                .arg(double(targetMs) / 1000, 0, 'f', 0);
        return duration <= targetMs ? DetectorOutcome::pass(why) : DetectorOutcome::fail(why);
    }
};

} // namespace

std::unique_ptr<Detector> makeDurationDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<DurationDetector>();
    const double target = config.value(QStringLiteral("aht_target_seconds")).toDouble(-1);
    if (!(target > 0)) {
        build.error(QStringLiteral("a duration detector needs aht_target_seconds above 0"));
        return nullptr;
    }
    d->targetMs = qint64(target * 1000);
    return d;
}

} // namespace qaw
