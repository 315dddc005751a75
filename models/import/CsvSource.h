#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryFile>

#include <memory>

namespace qaw {

//! A CSV file as UTF-8 text. UTF-8 files (with or without a byte-order mark) are read in
//! place; UTF-16 files with a BOM (what Excel writes as "Unicode text") are transcoded
//! once into a temporary UTF-8 file, in chunks, so memory stays bounded.
class CsvSource
{
public:
    bool open(const QString &path, QString *error);

    QIODevice *device() { return m_temp ? static_cast<QIODevice *>(m_temp.get()) : &m_file; }
    QString encoding() const { return m_encoding; }

    //! Converts a position in device() to a position in the original file.
    qint64 originalBytes(qint64 devicePos) const;

private:
    bool transcode(bool bigEndian, QString *error);

    QFile m_file;
    std::unique_ptr<QTemporaryFile> m_temp;
    QString m_encoding;
    qint64 m_originalSize = 0;
};

} // namespace qaw
