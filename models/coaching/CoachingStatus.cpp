#include "coaching/CoachingStatus.h"

#include <QObject>
#include <QStringList>

namespace qaw::coachingStatus {
namespace {

struct Info
{
    CoachingStatus status;
    const char *name;
    const char *label;
};

const Info kInfo[] = {
    {CoachingStatus::New, "new", "New"},
    {CoachingStatus::InReview, "in_review", "In review"},
    {CoachingStatus::CoachingPlanned, "coaching_planned", "Coaching planned"},
    {CoachingStatus::Coached, "coached", "Coached"},
    {CoachingStatus::Verified, "verified", "Verified"},
    {CoachingStatus::Dismissed, "dismissed", "Dismissed"},
};

} // namespace

QString name(CoachingStatus status)
{
    for (const Info &i : kInfo)
        if (i.status == status)
            return QString::fromLatin1(i.name);
    return {};
}

QString label(CoachingStatus status)
{
    for (const Info &i : kInfo)
        if (i.status == status)
            return QObject::tr(i.label);
    return {};
}

bool fromName(const QString &text, CoachingStatus *status)
{
    for (const Info &i : kInfo)
        if (text == QLatin1String(i.name)) {
            *status = i.status;
            return true;
        }
    return false;
}

std::vector<CoachingStatus> all()
{
    std::vector<CoachingStatus> out;
    for (const Info &i : kInfo)
        out.push_back(i.status);
    return out;
}

bool isOpen(CoachingStatus status)
{
    return status != CoachingStatus::Verified && status != CoachingStatus::Dismissed;
}

std::vector<CoachingStatus> nextStates(CoachingStatus from)
{
    switch (from) {
    case CoachingStatus::New:
        return {CoachingStatus::InReview, CoachingStatus::Dismissed};
    case CoachingStatus::InReview:
        return {CoachingStatus::CoachingPlanned, CoachingStatus::Dismissed};
    case CoachingStatus::CoachingPlanned:
        return {CoachingStatus::Coached, CoachingStatus::Dismissed};
    case CoachingStatus::Coached:
        return {CoachingStatus::Verified, CoachingStatus::Dismissed};
    case CoachingStatus::Verified:
    case CoachingStatus::Dismissed:
        return {};
    }
    return {};
}

bool canMove(CoachingStatus from, CoachingStatus to)
{
    for (CoachingStatus s : nextStates(from))
        if (s == to)
            return true;
    return false;
}

QString refusal(CoachingStatus from, CoachingStatus to)
{
    if (canMove(from, to))
        return {};
    if (from == to)
        return QObject::tr("The item is already %1.").arg(label(from));
    if (!isOpen(from))
        return QObject::tr("The item is %1 and closed; it cannot move to %2.")
            .arg(label(from), label(to));
    QStringList allowed;
    for (CoachingStatus s : nextStates(from))
        allowed << label(s);
    return QObject::tr("An item that is %1 can move only to %2, not to %3.")
        .arg(label(from), allowed.join(QObject::tr(" or ")), label(to));
}

} // namespace qaw::coachingStatus
