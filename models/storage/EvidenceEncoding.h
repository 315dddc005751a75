#pragma once

#include "domain/Evaluation.h"

#include <QString>
#include <QStringView>

#include <string>
#include <vector>

namespace qaw {

//! The compact text form of a criterion score's evidence spans, stored in
//! criterion_scores.evidence (one short string instead of a row per span, which made
//! writing an evaluation several times slower). Spans are separated by ';', each is
//!     turn ':' charStart '-' charEnd [ '@' timeMs ]
//! in decimal, e.g. "3:10-29@5000;4:0-12" (the '@' part only when the time is known).
//! No spans: the empty string. The order of the spans is kept.
namespace evidence_encoding {

//! Appends the encoding of \a spans to \a out (ASCII; for the batch writer, which binds
//! the bytes as UTF-8 without building a QString).
void append(const std::vector<EvidenceSpan> &spans, std::string *out);

QString encode(const std::vector<EvidenceSpan> &spans);

//! The spans of \a text; a malformed span is skipped (and sets \a ok to false when given)
//! rather than failing the whole evaluation.
std::vector<EvidenceSpan> decode(QStringView text, bool *ok = nullptr);
std::vector<EvidenceSpan> decodeUtf8(const char *text, int size, bool *ok = nullptr);

} // namespace evidence_encoding
} // namespace qaw
