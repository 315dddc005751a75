#include "storage/WorkspaceCheck.h"

#include "storage/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

// Enough to see what is wrong without flooding a terminal; the count says how much more.
constexpr int kMaxListed = 50;

void integrity(QSqlDatabase db, QStringList *problems)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        *problems << QStringLiteral("integrity: the check could not run: %1")
                         .arg(q.lastError().text());
        return;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            *problems << QStringLiteral("integrity: %1").arg(line);
    }
}

void foreignKeys(QSqlDatabase db, QStringList *problems)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        *problems << QStringLiteral("foreign key: the check could not run: %1")
                         .arg(q.lastError().text());
        return;
    }
    int found = 0;
    while (q.next()) {
        if (++found <= kMaxListed)
            *problems << QStringLiteral("foreign key: %1 row %2 refers to a row of %3 that "
                                        "does not exist")
                             .arg(q.value(0).toString(), q.value(1).toString(),
                                  q.value(2).toString());
    }
    if (found > kMaxListed)
        *problems << QStringLiteral("foreign key: %1 more row(s) like these")
                         .arg(found - kMaxListed);
}

void searchIndex(const Workspace &workspace, QStringList *problems)
{
    QSqlQuery q(workspace.database());
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE name = 'transcript_fts'")) ||
        !q.next())
        return; // a workspace from before the index (migrations add it on a writable open)
    if (workspace.isReadOnly()) {
        *problems << QStringLiteral("search index: not checked, the workspace is open "
                                    "read-only (FTS5's check is an INSERT)");
        return;
    }
    // rank = 1 compares the index with its content (the transcripts view) too, not only
    // the index's own structure: that is what goes wrong when turns change behind it.
    if (!q.exec(QStringLiteral("INSERT INTO transcript_fts(transcript_fts, rank) "
                               "VALUES ('integrity-check', 1)")))
        *problems << QStringLiteral("search index: does not match the transcripts (%1)")
                         .arg(q.lastError().databaseText());
}

} // namespace

QStringList checkWorkspace(const Workspace &workspace)
{
    QStringList problems;
    integrity(workspace.database(), &problems);
    foreignKeys(workspace.database(), &problems);
    searchIndex(workspace, &problems);
    return problems;
}

} // namespace qaw
