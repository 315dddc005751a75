#include "import/ImportPreview.h"

#include "import/CsvInteractionReader.h"
#include "import/ImportSource.h"
#include "import/JsonlRecordReader.h"
#include "import/MappingProfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace qaw {

ImportPreview previewImportFile(const QString &path, const ImportOptions &options, int maxRecords,
                                Workspace *workspace)
{
    ImportPreview preview;
    if (!checkReadable(path, &preview.error))
        return preview;
    const std::optional<SourceFormat> format = options.format == QLatin1String("auto")
                                                   ? detectSourceFormat(path, &preview.error)
                                                   : sourceFormatFromName(options.format);
    if (!format) {
        if (preview.error.isEmpty())
            preview.error = QStringLiteral("unknown format '%1'").arg(options.format);
        return preview;
    }
    preview.format = format->name();
    const PiiRedactor redactor(options.redact);
    auto keep = [&](ParsedRecord &r) {
        if (r.interaction)
            for (Turn &t : r.interaction->turns)
                redactor.redact(t.text);
        preview.records.push_back(std::move(r));
    };
    ParsedRecord record;
    switch (format->kind) {
    case SourceFormat::Kind::Jsonl: {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            preview.error = file.errorString();
            return preview;
        }
        JsonlRecordReader reader(&file);
        while (int(preview.records.size()) < maxRecords && reader.next(record))
            keep(record);
        break;
    }
    case SourceFormat::Kind::Csv: {
        CsvInteractionReader reader;
        if (!reader.open(path, &preview.error))
            return preview;
        preview.encoding = reader.encoding();
        preview.delimiter = QLatin1Char(reader.delimiter());
        preview.header = reader.header();
        preview.mapping = ColumnMapping::guess(preview.header);
        if (!options.mappingProfile.isEmpty() && workspace) {
            if (auto saved = loadMappingProfile(*workspace, options.mappingProfile, &preview.error))
                preview.mapping = *saved;
            else
                return preview;
        } else if (!options.mappingJson.isEmpty()) {
            if (auto given = ColumnMapping::fromJson(
                    QJsonDocument::fromJson(options.mappingJson.toUtf8()).object(), &preview.error))
                preview.mapping = *given;
            else
                return preview;
        }
        preview.mappingProblems = preview.mapping.problems(preview.header);
        preview.readable = true;
        if (!preview.mappingProblems.isEmpty())
            return preview; // the dialog shows the mapping step first
        reader.setMapping(preview.mapping);
        while (int(preview.records.size()) < maxRecords && reader.next(record))
            keep(record);
        return preview;
    }
    case SourceFormat::Kind::Vendor: {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            preview.error = file.errorString();
            return preview;
        }
        for (ParsedRecord &r : parseVendorFiles(format->vendor, {VendorFile{
                                                                    QFileInfo(path).fileName(),
                                                                    file.readAll()}})) {
            if (int(preview.records.size()) >= maxRecords)
                break;
            keep(r);
        }
        break;
    }
    }
    preview.readable = true;
    return preview;
}

} // namespace qaw
