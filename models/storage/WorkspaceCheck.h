#pragma once

#include <QStringList>

namespace qaw {

class Workspace;

//! Checks a workspace the way `qaw check` does: SQLite's `PRAGMA integrity_check` (every
//! page, index and constraint), `PRAGMA foreign_key_check` (rows whose parent is gone:
//! bulk writers turn foreign keys off for speed, so nothing else would notice), and the
//! FTS5 search index against the transcripts it indexes. Returns one line per problem,
//! each starting with what found it ("integrity:", "foreign key:", "search index:");
//! empty when all is well. A check that cannot run is a problem too.
QStringList checkWorkspace(const Workspace &workspace);

} // namespace qaw
