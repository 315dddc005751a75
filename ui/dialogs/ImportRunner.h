#pragma once

#include "import/ImportTypes.h"

#include <QObject>

class QWidget;

namespace qaw {

class Workspace;

//! Runs an import on a worker thread with its own connection to the workspace, showing
//! records, bytes, rate and time left, with a Cancel that stops between records (what
//! was committed stays, whole). Blocks the caller in a local event loop only, so the
//! window keeps repainting.
ImportResult runImportWithProgress(const QStringList &files, const ImportOptions &options,
                                   const Workspace &workspace, QWidget *parent);

//! "3 files: 1,204 imported, 10 updated, 0 unchanged, 2 rejected" and per-file lines.
QString importSummaryText(const ImportResult &result);

} // namespace qaw
