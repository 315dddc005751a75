#pragma once

#include "import/ColumnMapping.h"
#include "import/ImportTypes.h"
#include "import/ParsedRecord.h"

#include <vector>

namespace qaw {

class Workspace;

//! What an import dialog shows before importing: the detected format, and for CSV the
//! header, delimiter, encoding and the mapping (guessed, or from options), and the
//! first records as they would be imported (or rejected, with reasons).
struct ImportPreview
{
    bool readable = false;
    QString error;          //!< why the file cannot be imported (when !readable)
    QString format;         //!< jsonl, csv or a vendor format name
    QString encoding;       //!< CSV only
    QChar delimiter;        //!< CSV only
    QStringList header;     //!< CSV only
    ColumnMapping mapping;  //!< CSV only: what options give, else the guess
    QStringList mappingProblems;
    std::vector<ParsedRecord> records;
};

//! Reads the first \a maxRecords records of \a path without touching any workspace
//! (\a workspace is only read for a mapping profile named in \a options).
ImportPreview previewImportFile(const QString &path, const ImportOptions &options,
                                int maxRecords = 20, Workspace *workspace = nullptr);

} // namespace qaw
