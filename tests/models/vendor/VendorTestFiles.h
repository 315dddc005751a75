#pragma once

#include "TestPaths.h"
#include "import/VendorFormats.h"

#include <QFile>
#include <QString>
#include <QTest>

// Reading the fixtures (tests/data/import/<format>/) and the genuine files
// (tests/data/vendor/, with their sources and licences in its README) the vendor reader
// tests use.
namespace qaw::testing {

inline QString fixturePath(const QString &relative)
{
    return QStringLiteral(QAW_TEST_DATA_DIR "/import/") + relative;
}

inline QString realPath(const QString &relative)
{
    return QStringLiteral(QAW_REAL_DATA_DIR "/") + relative;
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test file %s", qPrintable(path));
    return file.readAll();
}

//! A file as the import pipeline would hand it over, optionally under another name and
//! with a fallback start time.
inline VendorFile vendorFile(const QString &path, const QDateTime &fallback = {},
                             const QString &nameOverride = {})
{
    VendorFile file{nameOverride.isEmpty() ? path : nameOverride, readBytes(path)};
    file.fallbackStartedAt = fallback;
    return file;
}

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toUTC();
}

inline qint64 epochMs(const char *iso)
{
    return utc(iso).toMSecsSinceEpoch();
}

} // namespace qaw::testing
