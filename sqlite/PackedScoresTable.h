#pragma once

struct sqlite3;

namespace qaw {

//! Registers the table-valued function packed_scores(text) on \a db: the rows of an
//! automated evaluation's packed scores (sqlite/PackedScoresFormat.h), with the columns
//! criterion_id, ordinal, value, max, na, rationale_id, comment and evidence of
//! criterion_scores. NULL gives no rows; malformed text fails the statement with the
//! reason. The view automated_scores uses it, so every connection to a workspace needs
//! it (Workspace registers it on open, schema::migrate on the connection it migrates;
//! other programs load it as the SQLite extension packed_scores, docs/sqlite-extension.md):
//! without it SQLite can read evaluations.scores as text but not the view, and cannot
//! rename or drop columns of tables (SQLite re-checks every view then). Does nothing on a
//! connection that has it already. Returns SQLite's result code.
int registerPackedScores(sqlite3 *db);

} // namespace qaw
