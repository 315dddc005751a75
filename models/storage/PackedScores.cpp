#include "storage/PackedScores.h"

#include "storage/EvidenceEncoding.h"

#include <charconv>
#include <cmath>

namespace qaw::packed_scores {
namespace {

//! Writes \a value as the shortest text that reads back as it. Scores are nearly always
//! whole numbers, which the integer formatter writes in a fraction of the time, with
//! the same text.
char *writeDouble(double value, char *at, char *end)
{
    constexpr double kExactIntegers = 9007199254740992.0; // 2^53
    if (value == std::trunc(value) && std::fabs(value) < kExactIntegers && !std::signbit(value))
        return std::to_chars(at, end, qint64(value)).ptr;
    return std::to_chars(at, end, value).ptr;
}

} // namespace

char confidenceLetter(Confidence c)
{
    return c == Confidence::Clear ? kClear : c == Confidence::Weak ? kWeak : kNone;
}

void appendRecord(std::string_view criterionId, int ordinal, const CriterionResult &result,
                  qint64 rationaleId, std::string *out)
{
    if (!out->empty())
        out->push_back(kRecordSeparator);
    appendEscaped(criterionId, out);
    // The numeric fields written in place: one std::string append per field cost more
    // than formatting it. At most 5 separators, an int, two doubles (24 characters
    // each), a flag and a 64-bit integer.
    constexpr size_t kMaxNumericBytes = 5 + 11 + 2 * 24 + 1 + 20;
    const size_t start = out->size();
    out->resize(start + kMaxNumericBytes);
    char *at = out->data() + start;
    char *const end = at + kMaxNumericBytes;
    *at++ = kFieldSeparator;
    at = std::to_chars(at, end, ordinal).ptr;
    *at++ = kFieldSeparator;
    // The same rule as the criterion_scores rows: a value only when the criterion applied.
    if (result.value && !result.na)
        at = writeDouble(*result.value, at, end);
    *at++ = kFieldSeparator;
    at = writeDouble(result.max, at, end);
    *at++ = kFieldSeparator;
    *at++ = result.na ? '1' : '0';
    *at++ = kFieldSeparator;
    at = std::to_chars(at, end, rationaleId).ptr;
    *at++ = kFieldSeparator;
    out->resize(size_t(at - out->data()));
    evidence_encoding::append(result.evidence, out);
    out->push_back(kFieldSeparator);
    if (!result.comment.isEmpty()) {
        const QByteArray utf8 = result.comment.toUtf8();
        appendEscaped(std::string_view(utf8.constData(), size_t(utf8.size())), out);
    }
    out->push_back(kFieldSeparator);
    out->push_back(confidenceLetter(result.confidence));
}

} // namespace qaw::packed_scores
