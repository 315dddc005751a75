// packed_scores as a loadable SQLite extension, so that programs other than QA Workbench
// can read a workspace's automated scores (the view automated_scores):
//     sqlite3 demo.qaw -cmd ".load /usr/lib/x86_64-linux-gnu/qa-workbench/packed_scores"
// (docs/sqlite-extension.md). The table itself is sqlite/PackedScoresTable.cpp, the same
// code the application registers on its own connections.
#include "PackedScoresTable.h"

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

namespace {

int init(sqlite3 *db, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    return qaw::registerPackedScores(db);
}

} // namespace

// The only symbols the library exports (sqlite/CMakeLists.txt hides the rest). SQLite
// looks for sqlite3_extension_init first, then for a name made from the file name
// (packed_scores.so: sqlite3_packedscores_init); both are here, so any loader finds one.
extern "C" __attribute__((visibility("default"))) int
sqlite3_extension_init(sqlite3 *db, char **, const sqlite3_api_routines *api)
{
    return init(db, api);
}

extern "C" __attribute__((visibility("default"))) int
sqlite3_packedscores_init(sqlite3 *db, char **, const sqlite3_api_routines *api)
{
    return init(db, api);
}
