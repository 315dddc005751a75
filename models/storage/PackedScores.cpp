#include "storage/PackedScores.h"

#include "storage/EvidenceEncoding.h"

#include <charconv>
#include <cmath>

namespace qaw::packed_scores {
namespace {

constexpr char kFieldSeparator = '\t';
constexpr char kRecordSeparator = '\n';
constexpr int kFields = 9;
constexpr int kFieldsBeforeConfidence = 8;

char confidenceLetter(Confidence c)
{
    return c == Confidence::Clear ? 'c' : c == Confidence::Weak ? 'w' : 'n';
}

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

template <typename Number> bool readNumber(std::string_view field, Number *value)
{
    const char *end = field.data() + field.size();
    const auto result = std::from_chars(field.data(), end, *value);
    return result.ec == std::errc() && result.ptr == end;
}

bool validEscapes(std::string_view text)
{
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\')
            continue;
        if (++i == text.size() || (text[i] != '\\' && text[i] != 't' && text[i] != 'n'))
            return false;
    }
    return true;
}

//! Fills \a record from the fields of one record; the reason when they do not make one.
QString readRecord(const std::string_view (&fields)[kFields], int count, Record *record)
{
    record->confidence.reset();
    if (count == kFields) {
        const std::string_view c = fields[kFields - 1];
        if (c == "c")
            record->confidence = Confidence::Clear;
        else if (c == "w")
            record->confidence = Confidence::Weak;
        else if (c == "n")
            record->confidence = Confidence::None;
        else
            return QStringLiteral("the confidence is none of c, w and n");
    }
    record->criterionId = fields[0];
    if (fields[0].empty() || !validEscapes(fields[0]))
        return QStringLiteral("the criterion id is empty or badly escaped");
    if (!readNumber(fields[1], &record->ordinal))
        return QStringLiteral("the ordinal is not an integer");
    record->value.reset();
    if (!fields[2].empty()) {
        double value = 0;
        if (!readNumber(fields[2], &value))
            return QStringLiteral("the value is not a number");
        record->value = value;
    }
    if (!readNumber(fields[3], &record->max))
        return QStringLiteral("the maximum is not a number");
    if (fields[4] != "0" && fields[4] != "1")
        return QStringLiteral("N/A is neither 0 nor 1");
    record->na = fields[4] == "1";
    if (!readNumber(fields[5], &record->rationaleId))
        return QStringLiteral("the rationale id is not an integer");
    record->evidence = fields[6];
    record->comment = fields[7];
    if (!validEscapes(fields[7]))
        return QStringLiteral("the comment is badly escaped");
    return {};
}

} // namespace

void appendEscaped(std::string_view text, std::string *out)
{
    if (text.find_first_of("\\\t\n") == std::string_view::npos) {
        out->append(text); // criterion ids, nearly always
        return;
    }
    // In place, as appendRecord: at most two bytes per byte.
    const size_t start = out->size();
    out->resize(start + 2 * text.size());
    char *at = out->data() + start;
    for (const char c : text) {
        if (c == '\\' || c == kFieldSeparator || c == kRecordSeparator) {
            *at++ = '\\';
            *at++ = c == kFieldSeparator ? 't' : c == kRecordSeparator ? 'n' : '\\';
        } else {
            *at++ = c;
        }
    }
    out->resize(size_t(at - out->data()));
}

std::string unescape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out.push_back(text[i]);
            continue;
        }
        const char escaped = text[++i];
        out.push_back(escaped == 't' ? kFieldSeparator
                                     : escaped == 'n' ? kRecordSeparator : escaped);
    }
    return out;
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

bool parse(std::string_view text, std::vector<Record> *records, QString *error)
{
    records->clear();
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(kRecordSeparator, pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        std::string_view fields[kFields];
        int count = 0;
        size_t fieldStart = 0;
        for (size_t i = 0; i <= line.size(); ++i) {
            if (i < line.size() && line[i] != kFieldSeparator)
                continue;
            if (count < kFields)
                fields[count] = line.substr(fieldStart, i - fieldStart);
            ++count;
            fieldStart = i + 1;
        }
        Record record;
        const QString reason = count == kFields || count == kFieldsBeforeConfidence
                                   ? readRecord(fields, count, &record)
                                   : QStringLiteral("it has %1 fields instead of %2")
                                         .arg(count)
                                         .arg(kFields);
        if (!reason.isEmpty()) {
            *error = QStringLiteral("score %1 of the packed scores is malformed: %2")
                         .arg(records->size() + 1)
                         .arg(reason);
            return false;
        }
        records->push_back(record);
        pos = end + 1;
    }
    return true;
}

} // namespace qaw::packed_scores
