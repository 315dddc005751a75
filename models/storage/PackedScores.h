#pragma once

#include "domain/Evaluation.h"

#include "PackedScoresFormat.h"

#include <string>
#include <string_view>

namespace qaw {

//! The writing side of automated evaluations' packed scores: the format, and the reader
//! the SQL function packed_scores uses, are in sqlite/PackedScoresFormat.h, below the
//! core so that the loadable SQLite extension shares them without Qt.
namespace packed_scores {

//! The letter of \a confidence in the packed text.
char confidenceLetter(Confidence confidence);

//! Appends the record of \a result to \a out, after a '\n' unless \a out is empty.
//! \a criterionId is the result's criterion id in UTF-8 (the batch writer keeps it per
//! criterion rather than convert it per score).
void appendRecord(std::string_view criterionId, int ordinal, const CriterionResult &result,
                  qint64 rationaleId, std::string *out);

} // namespace packed_scores
} // namespace qaw
