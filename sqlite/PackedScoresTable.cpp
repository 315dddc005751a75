#include "PackedScoresTable.h"

#include "PackedScoresFormat.h"

// One source, two builds (sqlite/CMakeLists.txt): in the core library SQLITE_CORE is
// defined and the calls below are SQLite's own functions; in the loadable extension they
// go through the table of functions the host program hands to the extension when it
// loads, so the extension works with whichever SQLite the host has (the sqlite3 shell,
// DB Browser for SQLite) and links none itself.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <string>
#include <vector>

namespace qaw {
namespace {

enum Column {
    CriterionId,
    Ordinal,
    Value,
    Max,
    Na,
    RationaleId,
    Comment,
    Evidence,
    ConfidenceName,
    PackedText, // the hidden argument
};

// Rows of one evaluation: the text they point into is the cursor's own copy.
struct Cursor : sqlite3_vtab_cursor
{
    std::string text;
    std::vector<packed_scores::Record> records;
    size_t row = 0;
};

Cursor *cursorOf(sqlite3_vtab_cursor *cursor)
{
    return static_cast<Cursor *>(cursor);
}

int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **table, char **)
{
    const int rc = sqlite3_declare_vtab(
        db, "CREATE TABLE x(criterion_id TEXT, ordinal INTEGER, value REAL, max REAL, "
            "na INTEGER, rationale_id INTEGER, comment TEXT, evidence TEXT, confidence TEXT, "
            "scores HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    // It reads only its argument, so views and triggers may use it whatever
    // trusted_schema says.
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *table = new sqlite3_vtab();
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table)
{
    delete table;
    return SQLITE_OK;
}

// The packed text is a required argument: a plan without it is refused, so SQLite
// orders the joins to supply it.
int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &constraint = info->aConstraint[i];
        if (constraint.iColumn != PackedText || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ ||
            !constraint.usable)
            continue;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->idxNum = 1;
        info->estimatedCost = 15;
        info->estimatedRows = 15;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int openCursor(sqlite3_vtab *, sqlite3_vtab_cursor **cursor)
{
    *cursor = new Cursor();
    return SQLITE_OK;
}

int closeCursor(sqlite3_vtab_cursor *cursor)
{
    delete cursorOf(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int idxNum, const char *, int argc, sqlite3_value **argv)
{
    Cursor *cursor = cursorOf(base);
    cursor->row = 0;
    cursor->records.clear();
    if (idxNum != 1 || argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return SQLITE_OK;
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    if (!text)
        return SQLITE_NOMEM;
    cursor->text.assign(text, size_t(sqlite3_value_bytes(argv[0])));
    std::string error;
    if (packed_scores::parse(cursor->text, &cursor->records, &error))
        return SQLITE_OK;
    cursor->records.clear();
    sqlite3_free(base->pVtab->zErrMsg);
    base->pVtab->zErrMsg = sqlite3_mprintf("%s", error.c_str());
    return SQLITE_ERROR;
}

int next(sqlite3_vtab_cursor *cursor)
{
    ++cursorOf(cursor)->row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *base)
{
    const Cursor *cursor = cursorOf(base);
    return cursor->row >= cursor->records.size();
}

void resultEscapedText(sqlite3_context *context, std::string_view text)
{
    if (text.find('\\') == std::string_view::npos) {
        sqlite3_result_text(context, text.data(), int(text.size()), SQLITE_TRANSIENT);
        return;
    }
    const std::string plain = packed_scores::unescape(text);
    sqlite3_result_text(context, plain.data(), int(plain.size()), SQLITE_TRANSIENT);
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column)
{
    const Cursor *cursor = cursorOf(base);
    const packed_scores::Record &r = cursor->records[cursor->row];
    switch (column) {
    case CriterionId:
        resultEscapedText(context, r.criterionId);
        break;
    case Ordinal:
        sqlite3_result_int(context, r.ordinal);
        break;
    case Value:
        if (r.value)
            sqlite3_result_double(context, *r.value);
        else
            sqlite3_result_null(context);
        break;
    case Max:
        sqlite3_result_double(context, r.max);
        break;
    case Na:
        sqlite3_result_int(context, r.na ? 1 : 0);
        break;
    case RationaleId:
        sqlite3_result_int64(context, r.rationaleId);
        break;
    case Comment:
        resultEscapedText(context, r.comment);
        break;
    case Evidence:
        sqlite3_result_text(context, r.evidence.data(), int(r.evidence.size()), SQLITE_TRANSIENT);
        break;
    case ConfidenceName:
        if (const char *name = packed_scores::confidenceName(r.confidence))
            sqlite3_result_text(context, name, -1, SQLITE_STATIC);
        else
            sqlite3_result_null(context);
        break;
    default:
        sqlite3_result_text(context, cursor->text.data(), int(cursor->text.size()),
                            SQLITE_TRANSIENT);
        break;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *cursor, sqlite_int64 *id)
{
    *id = sqlite_int64(cursorOf(cursor)->row);
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module m{};
    m.iVersion = 0;
    // No xCreate: the module exists only as its eponymous table-valued function.
    m.xConnect = connect;
    m.xBestIndex = bestIndex;
    m.xDisconnect = disconnect;
    m.xOpen = openCursor;
    m.xClose = closeCursor;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}

const sqlite3_module kModule = makeModule();

} // namespace

int registerPackedScores(sqlite3 *db)
{
    // Registered once per connection: the workspace does it on open, migrations again
    // for connections of their own (tests, tools).
    sqlite3_stmt *probe = nullptr;
    const bool known = sqlite3_prepare_v2(db, "SELECT 1 FROM packed_scores(NULL)", -1, &probe,
                                          nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    if (known)
        return SQLITE_OK;
    return sqlite3_create_module_v2(db, "packed_scores", &kModule, nullptr, nullptr);
}

} // namespace qaw
