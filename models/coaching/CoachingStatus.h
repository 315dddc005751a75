#pragma once

#include <QString>

#include <vector>

namespace qaw {

//! Where a coaching item is in its workflow:
//! New -> In review -> Coaching planned -> Coached -> Verified, or Dismissed (with a
//! reason) from any open state. Verified and Dismissed close the item.
enum class CoachingStatus { New, InReview, CoachingPlanned, Coached, Verified, Dismissed };

namespace coachingStatus {

QString name(CoachingStatus status);  //!< as stored: "new", "in_review", ...
QString label(CoachingStatus status); //!< for people: "New", "In review", ...
bool fromName(const QString &name, CoachingStatus *status);
std::vector<CoachingStatus> all();
bool isOpen(CoachingStatus status);
//! The states an item may move to next (the forward step, and Dismissed while open).
std::vector<CoachingStatus> nextStates(CoachingStatus from);
bool canMove(CoachingStatus from, CoachingStatus to);
//! Why \a from -> \a to is refused, or empty when it is allowed.
QString refusal(CoachingStatus from, CoachingStatus to);

} // namespace coachingStatus
} // namespace qaw
