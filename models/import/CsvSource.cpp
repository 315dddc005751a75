#include "import/CsvSource.h"

#include <QStringDecoder>

namespace qaw {

bool CsvSource::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = m_file.errorString();
        return false;
    }
    m_originalSize = m_file.size();
    const QByteArray bom = m_file.peek(3);
    if (bom.startsWith("\xFF\xFE"))
        return transcode(false, error);
    if (bom.startsWith("\xFE\xFF"))
        return transcode(true, error);
    if (bom == "\xEF\xBB\xBF") {
        m_file.seek(3);
        m_encoding = QStringLiteral("UTF-8 with BOM");
    } else {
        m_encoding = QStringLiteral("UTF-8");
    }
    return true;
}

bool CsvSource::transcode(bool bigEndian, QString *error)
{
    m_encoding = bigEndian ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
    m_file.seek(2);
    m_temp = std::make_unique<QTemporaryFile>();
    if (!m_temp->open()) {
        *error = QStringLiteral("cannot create a temporary file to convert UTF-16: %1")
                     .arg(m_temp->errorString());
        return false;
    }
    QStringDecoder decoder(bigEndian ? QStringConverter::Utf16BE : QStringConverter::Utf16LE);
    while (!m_file.atEnd()) {
        const QByteArray chunk = m_file.read(1 << 20);
        if (chunk.isEmpty())
            break;
        const QString text = decoder.decode(chunk);
        if (m_temp->write(text.toUtf8()) < 0) {
            *error = m_temp->errorString();
            return false;
        }
    }
    m_temp->flush();
    m_temp->seek(0);
    return true;
}

qint64 CsvSource::originalBytes(qint64 devicePos) const
{
    if (!m_temp)
        return devicePos;
    const qint64 size = m_temp->size();
    return size > 0 ? qint64(double(devicePos) / double(size) * double(m_originalSize)) : 0;
}

} // namespace qaw
