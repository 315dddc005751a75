#include "domain/Evaluation.h"

namespace qaw {

QString confidenceName(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Clear:
        return QStringLiteral("clear");
    case Confidence::Weak:
        return QStringLiteral("weak");
    case Confidence::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<Confidence> confidenceFromName(QStringView name)
{
    if (name == QLatin1String("clear"))
        return Confidence::Clear;
    if (name == QLatin1String("weak"))
        return Confidence::Weak;
    if (name == QLatin1String("none"))
        return Confidence::None;
    return std::nullopt;
}

} // namespace qaw
