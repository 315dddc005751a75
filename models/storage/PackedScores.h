#pragma once

#include "domain/Evaluation.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qaw {

//! The text an automated evaluation keeps its criterion scores in (evaluations.scores).
//! Scoring writes one evaluation per interaction with a dozen scores each; as rows of
//! criterion_scores those were two thirds of the writing time (each row pays SQLite's
//! per-row insert work), as one column of the evaluation they cost a few percent. SQL
//! reads them through the view automated_scores (the table-valued function
//! packed_scores(text), storage/PackedScoresTable.h); human evaluations, edited one
//! score at a time, keep their rows in criterion_scores.
//!
//! One record per score, separated by '\n'; nine fields separated by '\t':
//!     criterion_id  ordinal  value  max  na  rationale_id  evidence  comment  confidence
//! confidence is c, w or n (clear, weak, none); records written before schema 13 have
//! eight fields and no confidence.
//! value and max are decimal numbers (value empty when there is none), ordinal, na (0 or
//! 1) and rationale_id decimal integers, evidence in storage/EvidenceEncoding's form.
//! criterion_id and comment escape '\\', tab and newline as "\\\\", "\\t" and "\\n". No
//! scores: the empty text. Readable in any SQLite shell, and built by plain SQL (the
//! migration that introduced it).
namespace packed_scores {

//! One score as stored; the views point into the packed text.
struct Record
{
    std::string_view criterionId; //!< escaped
    int ordinal = 0;
    std::optional<double> value;
    double max = 0;
    bool na = false;
    qint64 rationaleId = 0;
    std::string_view evidence;
    std::string_view comment; //!< escaped
    std::optional<Confidence> confidence; //!< none before schema 13
};

//! Appends \a text (UTF-8) escaped to \a out.
void appendEscaped(std::string_view text, std::string *out);
//! \a text without its escapes.
std::string unescape(std::string_view text);

//! Appends the record of \a result to \a out, after a '\n' unless \a out is empty.
//! \a criterionId is the result's criterion id in UTF-8 (the batch writer keeps it per
//! criterion rather than convert it per score).
void appendRecord(std::string_view criterionId, int ordinal, const CriterionResult &result,
                  qint64 rationaleId, std::string *out);

//! The records of \a text in their stored order. False at the first malformed record,
//! with \a error saying which and why (the records before it are in \a records).
bool parse(std::string_view text, std::vector<Record> *records, QString *error);

} // namespace packed_scores
} // namespace qaw
