#pragma once

#include <QString>

class QWidget;

namespace qaw {

//! Whether the workspace at \a path was written by an older QA Workbench and can be
//! upgraded here (it is writable). Reads the file only.
bool workspaceNeedsUpgrade(const QString &path);

//! Upgrades an older workspace on a worker thread while a progress dialog explains the
//! wait: some upgrades rebuild the search index or rewrite every criterion score, which
//! takes minutes at a million interactions, and the window must not freeze meanwhile.
//! Each schema step is one transaction, so stopping the program midway leaves the file
//! at the last completed step. Returns true when there was nothing to do or the upgrade
//! completed; false with \a error set when it failed (the file then stays as it was
//! after the last completed step, and opens with the same error).
bool upgradeWorkspaceWithProgress(QWidget *parent, const QString &path, QString *error);

} // namespace qaw
