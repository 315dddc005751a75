#include "import/ImportSource.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace qaw {
namespace {

constexpr qint64 kSniffBytes = 64 * 1024;

QString binaryKind(const QByteArray &head)
{
    if (head.startsWith("PK\x03\x04"))
        return QStringLiteral("a ZIP archive; unpack it and import the files inside");
    if (head.startsWith("\x1f\x8b"))
        return QStringLiteral("a gzip archive; unpack it and import the file inside");
    if (head.startsWith("%PDF"))
        return QStringLiteral("a PDF document");
    if (head.startsWith("SQLite format 3"))
        return QStringLiteral("an SQLite database");
    int control = 0;
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return QStringLiteral("binary data (it holds NUL bytes)");
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
    }
    if (control * 10 > head.size())
        return QStringLiteral("binary data (mostly control characters)");
    return {};
}

QByteArray firstLine(const QByteArray &head)
{
    const qsizetype nl = head.indexOf('\n');
    return (nl < 0 ? head : head.left(nl)).trimmed();
}

} // namespace

QString SourceFormat::name() const
{
    switch (kind) {
    case Kind::Jsonl:
        return QStringLiteral("jsonl");
    case Kind::Csv:
        return QStringLiteral("csv");
    case Kind::Vendor:
        return vendorFormatName(vendor);
    }
    return {};
}

QStringList sourceFormatNames()
{
    QStringList names{QStringLiteral("auto"), QStringLiteral("jsonl"), QStringLiteral("csv")};
    for (VendorFormat f : {VendorFormat::ContactLens, VendorFormat::TranscribeCallAnalytics,
                           VendorFormat::GenesysCloud, VendorFormat::Zendesk})
        names << vendorFormatName(f);
    return names;
}

std::optional<SourceFormat> sourceFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("jsonl") || n == QLatin1String("json-lines") || n == QLatin1String("native"))
        return SourceFormat{SourceFormat::Kind::Jsonl, {}};
    if (n == QLatin1String("csv"))
        return SourceFormat{SourceFormat::Kind::Csv, {}};
    if (const std::optional<VendorFormat> v = vendorFormatFromName(n))
        return SourceFormat{SourceFormat::Kind::Vendor, *v};
    return std::nullopt;
}

bool checkReadable(const QString &path, QString *reason)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *reason = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    if (info.isDir()) {
        *reason = QStringLiteral("%1 is a folder; give the files inside it").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *reason = file.error() == QFileDevice::PermissionsError
                      ? QStringLiteral("%1: permission denied (the file cannot be read by this "
                                       "user)")
                            .arg(path)
                      : QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray head = file.read(kSniffBytes);
    if (head.trimmed().isEmpty()) {
        *reason = QStringLiteral("%1 is empty: there is nothing to import").arg(path);
        return false;
    }
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return true; // UTF-16 text: NUL bytes are expected
    if (const QString kind = binaryKind(head); !kind.isEmpty()) {
        *reason = QStringLiteral("%1 is not a text file: %2").arg(path, kind);
        return false;
    }
    return true;
}

std::optional<SourceFormat> detectSourceFormat(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QByteArray head = file.read(kSniffBytes);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return SourceFormat{SourceFormat::Kind::Csv, {}};
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    const QByteArray trimmed = head.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return SourceFormat{SourceFormat::Kind::Csv, {}};

    // A first line that is a whole JSON object: native JSON Lines, unless it is a vendor
    // document written on one line.
    const QJsonDocument line = QJsonDocument::fromJson(firstLine(trimmed));
    if (line.isObject()) {
        if (const std::optional<VendorFormat> v = detectVendorFormat(line))
            return SourceFormat{SourceFormat::Kind::Vendor, *v};
        return SourceFormat{SourceFormat::Kind::Jsonl, {}};
    }
    if (file.size() > kMaxVendorFileBytes) {
        // Too big to be one vendor document: read it as lines, each rejected or not.
        return SourceFormat{SourceFormat::Kind::Jsonl, {}};
    }
    file.seek(0);
    QJsonParseError parseError;
    const QJsonDocument whole = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (const std::optional<VendorFormat> v = detectVendorFormat(whole))
            return SourceFormat{SourceFormat::Kind::Vendor, *v};
        if (whole.isObject() && whole.object().contains(QStringLiteral("turns")))
            return SourceFormat{SourceFormat::Kind::Jsonl, {}}; // one long native line
        *error = QStringLiteral("%1 is a JSON document of no supported format (expected native "
                                "JSON Lines, Contact Lens, Transcribe Call Analytics, Genesys "
                                "Cloud or Zendesk); give --format to force one")
                     .arg(path);
        return std::nullopt;
    }
    // Neither one object per line nor one valid document: treat it as JSON Lines so
    // that every line is kept with its own reason.
    return SourceFormat{SourceFormat::Kind::Jsonl, {}};
}

} // namespace qaw
