#include "import/JsonlRecordReader.h"

#include "import/NativeJsonl.h"

namespace qaw {
namespace {

bool isBlank(const QByteArray &line)
{
    for (const char c : line)
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    return true;
}

} // namespace

JsonlRecordReader::JsonlRecordReader(QIODevice *device)
    : m_lines(device, kMaxRecordBytes, kKeptRawBytes)
{
}

bool JsonlRecordReader::next(ParsedRecord &record)
{
    RawLine line;
    do {
        if (!m_lines.next(line))
            return false;
    } while (!line.truncated && isBlank(line.bytes));
    if (line.lineNo == 1 && line.bytes.startsWith("\xEF\xBB\xBF"))
        line.bytes.remove(0, 3);

    record = ParsedRecord();
    record.recordNo = line.lineNo;
    record.raw = line.bytes;
    if (line.truncated) {
        record.error = QStringLiteral("line is %1 bytes, over the %2 MiB limit for one record "
                                      "(its first %3 MiB are kept)")
                           .arg(line.length)
                           .arg(kMaxRecordBytes >> 20)
                           .arg(kKeptRawBytes >> 20);
        return true;
    }
    if (!isValidUtf8(line.bytes)) {
        record.error = QStringLiteral("invalid UTF-8: the line is not valid UTF-8 text");
        return true;
    }
    QString error;
    record.interaction = parseNativeJsonLine(line.bytes, &error);
    if (!record.interaction)
        record.error = error;
    return true;
}

} // namespace qaw
