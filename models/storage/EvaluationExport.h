#pragma once

#include <QString>

class QIODevice;

namespace qaw {

class Workspace;

//! Streams every criterion score of every evaluation (automated and human, current and
//! stale) as CSV or JSON Lines, one row per criterion score: interaction_id,
//! external_id, agent_id, evaluator, evaluation_id, scorecard_id, scorecard_version,
//! criterion_id, value, max, na, total, passed, auto_failed, stale, created_at,
//! rationale, confidence, comment (a reviewer's). CSV goes through CsvWriter, so no
//! cell starts like a formula. Every write is checked. Returns the number of rows, or -1 with \a error set.
qint64 exportEvaluations(const Workspace &workspace, QIODevice &out, bool jsonLines,
                         QString *error);

} // namespace qaw
