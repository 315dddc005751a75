#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QFile;
class QIODevice;
class QSaveFile;

namespace qaw {

//! A file an export writes, all or nothing: a regular file is written through QSaveFile
//! (a temporary beside it, renamed over the target only by commit()), so a full disk or
//! a killed process leaves the old file, never half a new one. Every write is checked,
//! and the first failure sticks: commit() then refuses and errorString() names the file
//! and the reason. Standard output (an empty path or "-") and targets that are not
//! regular files (/dev/full, a pipe) cannot be replaced, so they are written directly,
//! still checked; renaming a temporary over a device node would replace the device.
class OutputFile
{
public:
    explicit OutputFile(const QString &path);
    ~OutputFile(); // an uncommitted file is discarded

    bool open();
    //! The device to hand to writers (QPdfWriter, QImage::save, CsvWriter); valid after open().
    QIODevice *device() const;
    bool write(const QByteArray &bytes);
    //! Flushes and publishes the file. False, with errorString(), when anything failed.
    bool commit();
    //! "cannot write PATH: REASON".
    QString errorString() const;
    QString displayName() const;

private:
    bool fail(const QString &reason);

    QString m_path;
    std::unique_ptr<QSaveFile> m_save;
    std::unique_ptr<QFile> m_direct;
    QString m_reason;
};

//! Writes \a bytes to \a path through OutputFile; false with \a error ("cannot write
//! PATH: REASON") when anything failed.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace qaw
