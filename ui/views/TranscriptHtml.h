#pragma once

#include "storage/WorkspaceQueries.h"

#include <QString>

namespace qaw {

//! The transcript of an interaction as HTML for a QTextBrowser: one paragraph per turn,
//! with time, speaker and text (escaped).
QString transcriptHtml(const StoredInteraction &interaction);
//! A short summary of the interaction's facts and derived metrics.
QString interactionSummaryHtml(const StoredInteraction &interaction);

} // namespace qaw
