#include "io/OutputFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace qaw {

OutputFile::OutputFile(const QString &path) : m_path(path) {}

OutputFile::~OutputFile()
{
    if (m_save)
        m_save->cancelWriting();
}

bool OutputFile::open()
{
    if (m_path.isEmpty() || m_path == QLatin1String("-")) {
        m_direct = std::make_unique<QFile>();
        if (!m_direct->open(stdout, QIODevice::WriteOnly))
            return fail(m_direct->errorString());
        return true;
    }
    const QFileInfo target(m_path);
    if (target.exists() && !target.isFile() && !target.isDir()) {
        m_direct = std::make_unique<QFile>(m_path);
        if (!m_direct->open(QIODevice::WriteOnly))
            return fail(m_direct->errorString());
        return true;
    }
    m_save = std::make_unique<QSaveFile>(m_path);
    if (!m_save->open(QIODevice::WriteOnly))
        return fail(m_save->errorString());
    return true;
}

QIODevice *OutputFile::device() const
{
    return m_save ? static_cast<QIODevice *>(m_save.get()) : m_direct.get();
}

bool OutputFile::write(const QByteArray &bytes)
{
    if (!m_reason.isEmpty())
        return false;
    QIODevice *out = device();
    if (!out)
        return fail(QStringLiteral("the file is not open"));
    if (out->write(bytes) != bytes.size())
        return fail(out->errorString());
    return true;
}

bool OutputFile::commit()
{
    if (!m_reason.isEmpty())
        return false;
    if (m_save) {
        // QSaveFile remembers a failed write of a writer that did not check it, and
        // refuses to commit then; the flush inside commit() is where a full disk shows.
        if (!m_save->commit())
            return fail(m_save->errorString());
        return true;
    }
    if (!m_direct)
        return fail(QStringLiteral("the file is not open"));
    if (!m_direct->flush() || m_direct->error() != QFileDevice::NoError)
        return fail(m_direct->errorString());
    m_direct->close();
    return true;
}

QString OutputFile::errorString() const
{
    return QStringLiteral("cannot write %1: %2").arg(displayName(), m_reason);
}

QString OutputFile::displayName() const
{
    return m_path.isEmpty() || m_path == QLatin1String("-") ? QStringLiteral("standard output")
                                                            : m_path;
}

bool OutputFile::fail(const QString &reason)
{
    if (m_reason.isEmpty())
        m_reason = reason.isEmpty() ? QStringLiteral("unknown error") : reason;
    return false;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    OutputFile file(path);
    if (file.open() && file.write(bytes) && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace qaw
