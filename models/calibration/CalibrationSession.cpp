#include "calibration/CalibrationSession.h"

namespace qaw {

QString samplingMethodName(SamplingMethod method)
{
    switch (method) {
    case SamplingMethod::Random:
        return QStringLiteral("random");
    case SamplingMethod::Stratified:
        return QStringLiteral("stratified");
    case SamplingMethod::Flagged:
        return QStringLiteral("flagged");
    case SamplingMethod::NeedsReview:
        return QStringLiteral("needs-review");
    case SamplingMethod::HandPicked:
        break;
    }
    return QStringLiteral("hand-picked");
}

std::optional<SamplingMethod> samplingMethodFromName(const QString &name)
{
    for (SamplingMethod m : {SamplingMethod::Random, SamplingMethod::Stratified,
                             SamplingMethod::Flagged, SamplingMethod::HandPicked,
                             SamplingMethod::NeedsReview})
        if (samplingMethodName(m) == name)
            return m;
    if (name == QLatin1String("ids"))
        return SamplingMethod::HandPicked;
    return std::nullopt;
}

const SessionReviewer *CalibrationSession::reviewer(const QString &reviewerName) const
{
    for (const SessionReviewer &r : reviewers)
        if (r.name == reviewerName)
            return &r;
    return nullptr;
}

QStringList CalibrationSession::reviewerNames() const
{
    QStringList names;
    for (const SessionReviewer &r : reviewers)
        names << r.name;
    return names;
}

} // namespace qaw
