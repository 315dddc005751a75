#pragma once

#include "scoring/ScoringEngine.h"

#include <optional>

class QWidget;

namespace qaw {

class Workspace;

//! Scores the workspace on a worker thread with its own connection (new and changed
//! interactions, or all of them under the active version when \a all), with a progress
//! dialog whose Cancel stops after the current chunk. Returns the summary, or nullopt
//! with \a error set.
std::optional<ScoringSummary> runScoringWithProgress(const Workspace &workspace, bool all,
                                                     QWidget *parent, QString *error);

} // namespace qaw
