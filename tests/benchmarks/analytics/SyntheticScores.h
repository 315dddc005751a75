#pragma once

#include <QString>

namespace qaw {

class Workspace;

//! Benchmark data: multiplies the interactions of a demo workspace in SQL up to
//! \a target rows (no transcripts), then gives every interaction a synthetic automated
//! evaluation on the active scorecard (criterion values that lean with CSAT, N/A by
//! channel) and one in a hundred a human evaluation. Fast because it is all
//! INSERT ... SELECT; the numbers mean nothing beyond having the right shape.
bool fillSyntheticScores(Workspace &ws, qint64 target, QString *error);

} // namespace qaw
