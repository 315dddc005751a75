#include "PackedScoresFormat.h"

#include <charconv>

namespace qaw::packed_scores {
namespace {

constexpr int kFields = 9;
constexpr int kFieldsBeforeConfidence = 8;

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
const char *readRecord(const std::string_view (&fields)[kFields], int count, Record *record)
{
    record->confidence = 0;
    if (count == kFields) {
        const std::string_view c = fields[kFields - 1];
        if (c.size() != 1 || !confidenceName(c.front()))
            return "the confidence is none of c, w and n";
        record->confidence = c.front();
    }
    record->criterionId = fields[0];
    if (fields[0].empty() || !validEscapes(fields[0]))
        return "the criterion id is empty or badly escaped";
    if (!readNumber(fields[1], &record->ordinal))
        return "the ordinal is not an integer";
    record->value.reset();
    if (!fields[2].empty()) {
        double value = 0;
        if (!readNumber(fields[2], &value))
            return "the value is not a number";
        record->value = value;
    }
    if (!readNumber(fields[3], &record->max))
        return "the maximum is not a number";
    if (fields[4] != "0" && fields[4] != "1")
        return "N/A is neither 0 nor 1";
    record->na = fields[4] == "1";
    if (!readNumber(fields[5], &record->rationaleId))
        return "the rationale id is not an integer";
    record->evidence = fields[6];
    record->comment = fields[7];
    if (!validEscapes(fields[7]))
        return "the comment is badly escaped";
    return nullptr;
}

} // namespace

const char *confidenceName(char letter)
{
    switch (letter) {
    case kClear:
        return "clear";
    case kWeak:
        return "weak";
    case kNone:
        return "none";
    default:
        return nullptr;
    }
}

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
        out.push_back(escaped == 't'   ? kFieldSeparator
                      : escaped == 'n' ? kRecordSeparator
                                       : escaped);
    }
    return out;
}

bool parse(std::string_view text, std::vector<Record> *records, std::string *error)
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
        std::string reason;
        if (count != kFields && count != kFieldsBeforeConfidence)
            reason =
                "it has " + std::to_string(count) + " fields instead of " + std::to_string(kFields);
        else if (const char *why = readRecord(fields, count, &record))
            reason = why;
        if (!reason.empty()) {
            *error = "score " + std::to_string(records->size() + 1) +
                     " of the packed scores is malformed: " + reason;
            return false;
        }
        records->push_back(record);
        pos = end + 1;
    }
    return true;
}

} // namespace qaw::packed_scores
