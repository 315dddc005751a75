#pragma once

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
//! packed_scores(text), sqlite/PackedScoresTable.h); human evaluations, edited one
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
//!
//! This reading side uses the C++ standard library only: the loadable SQLite extension
//! shares it (sqlite/CMakeLists.txt), and must not pull Qt into the sqlite3 shell or into
//! DB Browser for SQLite (a Qt 5 program). The writing side, which takes the domain's
//! types, is storage/PackedScores.h.
namespace packed_scores {

constexpr char kFieldSeparator = '\t';
constexpr char kRecordSeparator = '\n';

//! The confidence letters, and the names SQL gives them (criterion_scores.confidence).
constexpr char kClear = 'c';
constexpr char kWeak = 'w';
constexpr char kNone = 'n';
//! "clear", "weak" or "none" for a confidence letter; null for anything else.
const char *confidenceName(char letter);

//! One score as stored; the views point into the packed text.
struct Record
{
    std::string_view criterionId; //!< escaped
    int ordinal = 0;
    std::optional<double> value;
    double max = 0;
    bool na = false;
    long long rationaleId = 0;
    std::string_view evidence;
    std::string_view comment; //!< escaped
    char confidence = 0;      //!< kClear, kWeak or kNone; 0 before schema 13
};

//! Appends \a text (UTF-8) escaped to \a out.
void appendEscaped(std::string_view text, std::string *out);
//! \a text without its escapes.
std::string unescape(std::string_view text);

//! The records of \a text in their stored order. False at the first malformed record,
//! with \a error saying which and why (the records before it are in \a records).
bool parse(std::string_view text, std::vector<Record> *records, std::string *error);

} // namespace packed_scores
} // namespace qaw
