#pragma once

#include "storage/Schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <initializer_list>

// Migration tests of evaluations: a workspace file written at an earlier schema version.
namespace qaw::testing {

//! Creates \a file at schema \a version with one agent, one interaction, one scorecard
//! version, an automated evaluation (id 1) and a human one (id 2), then runs \a rows
//! (the scores in that version's own layout). Returns what went wrong, or nothing.
inline QString writeOldWorkspace(const QString &file, int version,
                                 std::initializer_list<const char *> rows)
{
    const char *const common[] = {
        "INSERT INTO agents(id, external_id, name) VALUES(1, 'a1', 'Dana')",
        "INSERT INTO interactions(id, source, external_id, channel, started_at, agent_id) "
        "VALUES(1, 't', 'c1', 'chat', 0, 1)",
        "INSERT INTO scorecards(id, key, name) VALUES(1, 'k', 'Card')",
        "INSERT INTO scorecard_versions(id, scorecard_id, version, definition, created_at) "
        "VALUES(1, 1, 1, '{}', 0)",
        "INSERT INTO evaluations(id, interaction_id, scorecard_version_id, evaluator_kind, "
        "evaluator, created_at, updated_at, total) VALUES(1, 1, 1, 'auto', 'auto', 0, 0, 80)",
        "INSERT INTO evaluations(id, interaction_id, scorecard_version_id, evaluator_kind, "
        "evaluator, created_at, updated_at, total) VALUES(2, 1, 1, 'human', 'Ann', 0, 0, 90)",
    };
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(file);
        if (!db.open() || !schema::migrate(db, version, &error)) {
            error = QStringLiteral("cannot write schema %1: %2").arg(version).arg(error);
        } else {
            QSqlQuery q(db);
            auto run = [&q, &error](const char *sql) {
                if (error.isEmpty() && !q.exec(QString::fromUtf8(sql)))
                    error = QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), q.lastError().text());
            };
            for (const char *sql : common)
                run(sql);
            for (const char *sql : rows)
                run(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    return error;
}

//! The newest schema version at which \a holds is true of a database migrated step by step
//! in \a probeFile, or -1: migration tests find the version before "their" migration this
//! way, since migrations from other branches may be numbered around it.
inline int lastVersionWhere(const QString &probeFile,
                            const std::function<bool(QSqlDatabase &)> &holds)
{
    int found = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(probeFile);
        if (db.open()) {
            QString error;
            for (int v = 1; v <= schema::kCurrentVersion; ++v) {
                if (!schema::migrate(db, v, &error))
                    break;
                if (holds(db))
                    found = v;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return found;
}

} // namespace qaw::testing
