#pragma once

#include "calibration/CalibrationSession.h"

#include <QString>

#include <vector>

namespace qaw {

class Workspace;

struct SampleRequest
{
    SamplingMethod method = SamplingMethod::Random;
    int size = 10;
    quint64 seed = 1;
    std::vector<qint64> ids; //!< the hand-picked interactions
};

//! Draws the interactions of a calibration session. The same workspace, request and seed
//! always give the same sample (a 64-bit Mersenne Twister, whose output the C++ standard
//! fixes, with our own unbiased reduction to a range).
//!
//! - Random: uniformly, without replacement, among interactions with an automated total.
//! - Stratified: the automatically scored interactions are ranked by total (ties by id)
//!   and cut into three equal-count thirds (low, middle, high: tertiles, not fixed score
//!   bands, so that every stratum has candidates whatever the score distribution); each
//!   third gets size / 3 draws, the remainder going to low first, then middle. A third
//!   with too few candidates gives its shortfall to the next one.
//! - Flagged: uniformly among flagged interactions.
//! - NeedsReview: uniformly among interactions whose current automated evaluation has a
//!   verdict on weak evidence (evaluations.needs_review): where a person's score teaches
//!   the most about the detectors.
//! - HandPicked: exactly the given ids, which must exist.
//! Fewer candidates than \a size gives every candidate. Returns an empty list and sets
//! \a error when there is nothing to sample or a hand-picked id is unknown.
std::vector<qint64> drawSample(const Workspace &workspace, const SampleRequest &request,
                               QString *error);

} // namespace qaw
