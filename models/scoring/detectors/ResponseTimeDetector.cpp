#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

namespace qaw {
namespace {

//! Chat responsiveness: the agent's first reply to the customer's first message, and
//! the longest any customer message waited for an agent reply, against targets. Needs a
//! time on every turn; says N/A otherwise rather than guessing.
class ResponseTimeDetector : public Detector
{
public:
    qint64 firstTargetMs = 60000;
    qint64 waitTargetMs = 180000;
    QString firstTarget; //!< firstTargetMs in whole seconds, for the rationale
    QString waitTarget;

    static QString seconds(qint64 ms) { return QString::number(double(ms) / 1000, 'f', 0); }

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (context.isEmpty())
            return DetectorOutcome::notApplicable(QStringLiteral("There is no transcript."));
        for (int i = 0; i < context.turnCount(); ++i)
            if (context.turnTimeMs(i) < 0)
                return DetectorOutcome::notApplicable(
                    QStringLiteral("Turn %1 has no time, so response times cannot be "
                                   "measured.")
                        .arg(i + 1));
        qint64 first = -1;
        qint64 longest = -1;
        int longestTurn = -1;
        qint64 waitingSince = -1;
        bool firstCustomerSeen = false;
        bool firstAnswered = false;
        for (int i = 0; i < context.turnCount(); ++i) {
            const Speaker s = context.speakerOf(i);
            const qint64 at = context.turnTimeMs(i);
            if (s == Speaker::Customer) {
                firstCustomerSeen = true;
                if (waitingSince < 0)
                    waitingSince = at;
            } else if (s == Speaker::Agent && waitingSince >= 0) {
                const qint64 wait = at - waitingSince;
                if (!firstAnswered) {
                    first = wait;
                    firstAnswered = true;
                }
                if (wait > longest) {
                    longest = wait;
                    longestTurn = i;
                }
                waitingSince = -1;
            }
        }
        if (!firstCustomerSeen)
            return DetectorOutcome::notApplicable(QStringLiteral("The customer never wrote."));
        if (!firstAnswered)
            return DetectorOutcome::fail(QStringLiteral("The agent never replied."));
        // One multi-argument arg() with the targets formatted once: the same C-locale
        // formatter as the chained arg(x, 0, 'f', 0) (checked equal for every whole
        // millisecond from -2,000 s to 20,000 s), the pattern parsed once instead of five times.
        const QString why = QStringLiteral("First reply after %1 s (target %2 s); longest wait "
                                           "%3 s (target %4 s), before turn %5.")
                                .arg(seconds(first), firstTarget, seconds(longest), waitTarget,
                                     QString::number(longestTurn + 1));
        const bool ok = first <= firstTargetMs && longest <= waitTargetMs;
        std::vector<EvidenceSpan> evidence{context.wholeTurn(longestTurn)};
        return ok ? DetectorOutcome::pass(why, std::move(evidence))
                  : DetectorOutcome::fail(why, std::move(evidence));
    }
};

} // namespace

std::unique_ptr<Detector> makeResponseTimeDetector(const QJsonObject &config,
                                                   DetectorBuild &build)
{
    auto d = std::make_unique<ResponseTimeDetector>();
    const double first = config.value(QStringLiteral("first_response_seconds")).toDouble(60);
    const double wait = config.value(QStringLiteral("max_wait_seconds")).toDouble(180);
    if (!(first > 0) || !(wait > 0)) {
        build.error(QStringLiteral("response time targets must be above 0"));
        return nullptr;
    }
    d->firstTargetMs = qint64(first * 1000);
    d->waitTargetMs = qint64(wait * 1000);
    d->firstTarget = ResponseTimeDetector::seconds(d->firstTargetMs);
    d->waitTarget = ResponseTimeDetector::seconds(d->waitTargetMs);
    return d;
}

} // namespace qaw
