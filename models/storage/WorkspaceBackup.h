#pragma once

#include <QString>

#include <functional>

namespace qaw {

class Workspace;

//! Called between backup steps with pages copied and pages in all; returning false
//! cancels the backup.
using BackupProgress = std::function<bool(int pagesDone, int pagesTotal)>;

//! Copies \a source to \a targetPath through SQLite's online backup API, in steps, so
//! other connections (the GUI, a scheduled import) keep reading and writing meanwhile.
//! The copy is the workspace as of the start: the source connection holds one read
//! transaction for the whole run, which in WAL mode blocks no writer. It is written to a
//! temporary file beside the target and renamed over it only when complete, so a
//! failed or cancelled backup never leaves half a file under the target's name.
//! Use on \a source's thread. False with \a error when anything failed.
bool backupWorkspace(const Workspace &source, const QString &targetPath,
                     const BackupProgress &progress, QString *error);

} // namespace qaw
