#include "storage/Schema.h"
#include "storage/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace qaw;

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray digest(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    // A database at an older schema version, written by the migrations themselves.
    static void writeAtVersion(const QString &file, int version, const QString &extraSql = {})
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("raw"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(schema::migrate(db, version, &error), qPrintable(error));
            if (!extraSql.isEmpty()) {
                QSqlQuery q(db);
                for (const QString &sql : extraSql.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                    QVERIFY2(q.exec(sql), qPrintable(q.lastQuery()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsNewWorkspaceAtCurrentVersion()
    {
        Workspace ws;
        QVERIFY2(ws.open(path(QStringLiteral("new.qaw")), Workspace::OpenMode::CreateIfMissing),
                 qPrintable(ws.errorMessage()));
        QCOMPARE(ws.schemaVersion(), schema::kCurrentVersion);
        QVERIFY(!ws.isReadOnly());
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
        QCOMPARE(q.value(0).toInt(), schema::kApplicationId);
        // A new workspace starts with the default scorecard active.
        QVERIFY(q.exec(QStringLiteral("SELECT s.name, v.version FROM scorecards s JOIN "
                                      "scorecard_versions v ON v.id = s.active_version_id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Customer Support Core"));
        QCOMPARE(q.value(1).toInt(), 1);
    }

    void openExistingDoesNotCreate()
    {
        Workspace ws;
        QVERIFY(!ws.open(path(QStringLiteral("missing.qaw"))));
        QCOMPARE(ws.errorCode(), OpenErrorCode::NotFound);
        QVERIFY(!QFile::exists(path(QStringLiteral("missing.qaw"))));
    }

    void migratesFromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < schema::kCurrentVersion; ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void migratesFromEachEarlierVersion()
    {
        QFETCH(int, fromVersion);
        const QString file = path(QStringLiteral("v%1.qaw").arg(fromVersion));
        const QString data = fromVersion >= 1
                                 ? QStringLiteral(
                                       "INSERT INTO teams(id, name) VALUES(1, 'Billing');"
                                       "INSERT INTO agents(id, external_id, name, team_id) "
                                       "VALUES(1, 'a1', 'Dana', 1);"
                                       "INSERT INTO interactions(id, source, external_id, channel, "
                                       "started_at, agent_id, team_id) VALUES(1, 'jsonl', 'c1', "
                                       "'voice', 0, 1, 1);"
                                       "INSERT INTO turns(interaction_id, seq, speaker, text) "
                                       "VALUES(1, 0, 'agent', 'thank you for calling'), "
                                       "(1, 1, 'customer', 'my card was charged twice')")
                                 : QString();
        // From version 2 on, the writer indexes new turns itself (InteractionStore::flush).
        // Version 10 indexes whole transcripts instead of turns.
        const QString indexed =
            fromVersion >= 10 ? QStringLiteral(";INSERT INTO transcript_fts(rowid, text) "
                                               "SELECT id, text FROM transcripts")
            : fromVersion >= 2 ? QStringLiteral(";INSERT INTO turns_fts(rowid, text) "
                                                "SELECT id, text FROM turns")
                               : QString();
        if (fromVersion == 0) {
            // Version 0 is a file SQLite created but nothing wrote a schema into.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("raw0"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 0"));
            QSqlQuery(db).exec(QStringLiteral("VACUUM"));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw0"));
        } else {
            writeAtVersion(file, fromVersion, data + indexed);
        }
        Workspace ws;
        QVERIFY2(ws.open(file, Workspace::OpenMode::CreateIfMissing), qPrintable(ws.errorMessage()));
        QCOMPARE(ws.schemaVersion(), schema::kCurrentVersion);
        if (fromVersion >= 1) {
            const WorkspaceCounts c = ws.counts();
            QCOMPARE(c.interactions, qint64(1));
            QCOMPARE(c.turns, qint64(2));
            // Data written before full-text search existed is searchable after the upgrade,
            // one document per interaction: words said in different turns find it.
            QSqlQuery q(ws.database());
            QVERIFY(q.exec(QStringLiteral(
                "SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH 'calling charged'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(!q.next());
            // The index agrees with the transcripts view it was built from.
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO transcript_fts(transcript_fts, rank) VALUES('integrity-check', 1)")));
            // The per-turn index is gone, and no token counts are kept (columnsize=0).
            QVERIFY(q.exec(QStringLiteral(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('turns_fts', "
                "'turns_fts_delete', 'transcript_fts_docsize')")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            // Lean indexes: automated evaluations (no session) stay out of the session
            // index; the duplicate has-human index is gone.
            QVERIFY(q.exec(QStringLiteral(
                "SELECT sql LIKE '%WHERE calibration_session_id IS NOT NULL' FROM sqlite_master "
                "WHERE name = 'evaluations_session'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT count(*) FROM sqlite_master WHERE name = 'interactions_has_human'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            // The rebuilt turns table still refuses an unknown speaker and a second turn
            // with the same number.
            QVERIFY(!q.exec(QStringLiteral("INSERT INTO turns(interaction_id, seq, speaker, "
                                           "text) VALUES(1, 2, 'robot', 'beep')")));
            QVERIFY(!q.exec(QStringLiteral("INSERT INTO turns(interaction_id, seq, speaker, "
                                           "text) VALUES(1, 0, 'bot', 'again')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO turns(interaction_id, seq, speaker, "
                                          "text) VALUES(1, 2, 'bot', 'Goodbye')")));
        }
    }

    void version14MergesOpenCoachingItemsOfOneInteraction()
    {
        const QString file = path(QStringLiteral("v13-coaching.qaw"));
        writeAtVersion(
            file, 13,
            QStringLiteral(
                "INSERT INTO agents(id, external_id, name) VALUES(1, 'a1', 'Dana');"
                "INSERT INTO interactions(id, source, external_id, channel, started_at, "
                "agent_id) VALUES(1, 'j', 'c1', 'voice', 1772445600000, 1), "
                "(2, 'j', 'c2', 'voice', 1772445600000, 1);"
                "INSERT INTO flag_rules(id, name, kind) VALUES(1, 'Low', 'total_below'), "
                "(2, 'Auto', 'any_auto_fail'), (3, 'Verification', 'criterion_failed');"
                "INSERT INTO coaching_items(id, interaction_id, rule_id, agent_id, status, "
                "reason, priority, created_at, updated_at) VALUES"
                "(1, 1, 1, 1, 'new', 'Total 0 is below 60.', 2.5, 0, 0),"
                "(2, 1, 2, 1, 'in_review', 'Auto-fail.', 3.5, 0, 0),"
                "(3, 1, 3, 1, 'new', 'Verification failed.', 4.5, 0, 0),"
                "(4, 2, 1, 1, 'new', 'Total 10 is below 60.', 2.5, 0, 0),"
                "(5, 2, 2, 1, 'dismissed', 'Old.', 3.5, 0, 0)"));
        Workspace ws;
        QVERIFY2(ws.open(file, Workspace::OpenMode::OpenExisting), qPrintable(ws.errorMessage()));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT id, reason, week FROM coaching_items WHERE "
                                      "interaction_id = 1 AND status NOT IN "
                                      "('verified','dismissed')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3); // the highest priority keeps its place
        QCOMPARE(q.value(1).toString(), QStringLiteral("Verification failed. Auto-fail. "
                                                       "Total 0 is below 60."));
        // 2026-03-02 (a Monday) 10:00 UTC: its week starts at midnight.
        QCOMPARE(q.value(2).toLongLong(), 1772409600000);
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT id, status, dismissed_reason FROM coaching_items "
                                      "WHERE id IN (1, 2, 4, 5) ORDER BY id")));
        const QStringList expected = {QStringLiteral("1 dismissed merged into item 3"),
                                      QStringLiteral("2 dismissed merged into item 3"),
                                      QStringLiteral("4 new "), QStringLiteral("5 dismissed ")};
        for (const QString &row : expected) {
            QVERIFY(q.next());
            QCOMPARE(QStringLiteral("%1 %2 %3").arg(q.value(0).toString(), q.value(1).toString(),
                                                    q.value(2).toString()),
                     row);
        }
        // One open item per interaction from now on, and the pattern rule is there.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO coaching_items(interaction_id, rule_id, "
                                       "agent_id, created_at, updated_at) VALUES(2, 2, 1, 0, 0)")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM flag_rules WHERE kind = "
                                      "'agent_pattern'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void failedMigrationLeavesNothingBehind()
    {
        const QString file = path(QStringLiteral("clash.qaw"));
        // A version-1 workspace where someone created an object the next migration needs.
        writeAtVersion(file, 1, QStringLiteral("CREATE TABLE turns_fts(x)"));
        Workspace ws;
        QVERIFY(!ws.open(file));
        QCOMPARE(ws.errorCode(), OpenErrorCode::MigrationFailed);
        QVERIFY(ws.errorMessage().contains(QStringLiteral("schema 2")));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("chk"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QCOMPARE(schema::userVersion(db), 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                      "'interactions_started'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // the half-done migration was rolled back
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("chk"));
    }

    void storedSchemaVersionIsReadFromTheHeader()
    {
        const QString old = path(QStringLiteral("header-v3.qaw"));
        writeAtVersion(old, 3);
        QCOMPARE(Workspace::storedSchemaVersion(old), 3);
        const QString current = path(QStringLiteral("header-current.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(current, Workspace::OpenMode::CreateIfMissing));
        }
        QCOMPARE(Workspace::storedSchemaVersion(current), schema::kCurrentVersion);
        const QString text = path(QStringLiteral("header-text.qaw"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,channel\nc1,voice\n");
        f.close();
        QCOMPARE(Workspace::storedSchemaVersion(text), -1);
        QCOMPARE(Workspace::storedSchemaVersion(path(QStringLiteral("missing.qaw"))), -1);
        const QString other = path(QStringLiteral("header-other.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("other"));
            db.setDatabaseName(other);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes(x)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(Workspace::storedSchemaVersion(other), -1); // not our application id
    }

    void refusesBadFilesAndLeavesThemUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("text file") << QByteArray("id,channel\nc1,voice\n")
                                   << int(OpenErrorCode::NotSqlite) << QStringLiteral("not an SQLite");
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 131 + 7) % 256);
        QTest::newRow("binary file") << binary << int(OpenErrorCode::NotSqlite)
                                     << QStringLiteral("not an SQLite");
        QTest::newRow("empty file") << QByteArray() << int(OpenErrorCode::EmptyFile)
                                    << QStringLiteral("empty");
    }

    void refusesBadFilesAndLeavesThemUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        QFETCH(QString, messagePart);
        const QString file = path(QStringLiteral("bad-%1.qaw").arg(QLatin1String(QTest::currentDataTag())));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = digest(file);
        Workspace ws;
        QVERIFY(!ws.open(file));
        QCOMPARE(int(ws.errorCode()), expected);
        QVERIFY2(ws.errorMessage().contains(messagePart), qPrintable(ws.errorMessage()));
        QCOMPARE(digest(file), before);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    }

    // Writes over every page after the first: the header and schema page stay valid.
    static bool scribbleOverPagesAfterTheFirst(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadWrite) || f.size() <= 8192)
            return false;
        for (qint64 offset = 4096 + 100; offset < f.size(); offset += 4096) {
            f.seek(offset);
            f.write(QByteArray(600, char(0xA5)));
        }
        return true;
    }

    void refusesCorruptDatabase()
    {
        const QString file = path(QStringLiteral("corrupt.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(file, Workspace::OpenMode::CreateIfMissing));
            QSqlQuery q(ws.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        QVERIFY(scribbleOverPagesAfterTheFirst(file));
        const QByteArray before = digest(file);
        Workspace ws;
        QVERIFY(!ws.open(file));
        QCOMPARE(ws.errorCode(), OpenErrorCode::Corrupt);
        QVERIFY2(ws.errorMessage().contains(QStringLiteral("damaged")), qPrintable(ws.errorMessage()));
        QCOMPARE(digest(file), before);
    }

    // A large file is checked in full only when the last session left its WAL behind.
    void checksLargeFileOnlyAfterUncleanClose()
    {
        const QString clean = path(QStringLiteral("large-clean.qaw"));
        const QString crashed = path(QStringLiteral("large-crashed.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(clean, Workspace::OpenMode::CreateIfMissing));
            QSqlQuery q(ws.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            QVERIFY(ws.setSetting(QStringLiteral("after"), QStringLiteral("checkpoint")));
            // Copied while open, as a crash would leave it: main file plus its WAL.
            QVERIFY(QFile::copy(clean, crashed));
            QVERIFY(QFile::copy(clean + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
        }
        QVERIFY(!QFile::exists(clean + QStringLiteral("-wal")));
        QVERIFY(scribbleOverPagesAfterTheFirst(clean));
        QVERIFY(scribbleOverPagesAfterTheFirst(crashed));

        Workspace::setFullCheckLimitBytes(1);
        Workspace afterCleanClose;
        const bool cleanOpened = afterCleanClose.open(clean, Workspace::OpenMode::ReadOnly);
        Workspace afterCrash;
        const bool crashedOpened = afterCrash.open(crashed, Workspace::OpenMode::ReadOnly);
        Workspace::setFullCheckLimitBytes(256LL * 1024 * 1024);

        QVERIFY2(cleanOpened, qPrintable(afterCleanClose.errorMessage()));
        QVERIFY(!crashedOpened);
        QCOMPARE(afterCrash.errorCode(), OpenErrorCode::Corrupt);
    }

    void refusesNewerSchema()
    {
        const QString file = path(QStringLiteral("newer.qaw"));
        writeAtVersion(file, schema::kCurrentVersion,
                       QStringLiteral("PRAGMA user_version = %1").arg(schema::kCurrentVersion + 5));
        const QByteArray before = digest(file);
        Workspace ws;
        QVERIFY(!ws.open(file));
        QCOMPARE(ws.errorCode(), OpenErrorCode::NewerSchema);
        QVERIFY2(ws.errorMessage().contains(QStringLiteral("newer")), qPrintable(ws.errorMessage()));
        QCOMPARE(digest(file), before);
    }

    void refusesForeignSqliteDatabase()
    {
        const QString file = path(QStringLiteral("foreign.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes(x)")));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("f"));
        }
        const QByteArray before = digest(file);
        Workspace ws;
        QVERIFY(!ws.open(file));
        QCOMPARE(ws.errorCode(), OpenErrorCode::NotWorkspace);
        QCOMPARE(digest(file), before);
    }

    void opensReadOnlyFileReadOnly()
    {
        const QString file = path(QStringLiteral("ro.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(file, Workspace::OpenMode::CreateIfMissing));
        }
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        const QByteArray before = digest(file);
        // Root may write any file, so the permission bits only make it read-only for
        // other users; the explicit read-only mode is the same path for everyone.
        const auto mode = getuid() == 0 ? Workspace::OpenMode::ReadOnly
                                        : Workspace::OpenMode::OpenExisting;
        Workspace ws;
        QVERIFY2(ws.open(file, mode), qPrintable(ws.errorMessage()));
        QVERIFY(ws.isReadOnly());
        QCOMPARE(ws.counts().interactions, qint64(0));
        QSqlQuery q(ws.database());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO teams(name) VALUES('x')")));
        ws.close();
        QCOMPARE(digest(file), before);
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    }

    void settingsAndAuditRoundTrip()
    {
        Workspace ws;
        QVERIFY(ws.open(path(QStringLiteral("settings.qaw")), Workspace::OpenMode::CreateIfMissing));
        QCOMPARE(ws.setting(QStringLiteral("k"), QStringLiteral("fallback")), QStringLiteral("fallback"));
        QVERIFY(ws.setSetting(QStringLiteral("k"), QStringLiteral("v1")));
        QVERIFY(ws.setSetting(QStringLiteral("k"), QStringLiteral("v2")));
        QCOMPARE(ws.setting(QStringLiteral("k")), QStringLiteral("v2"));
        QVERIFY(ws.audit(QStringLiteral("dana"), QStringLiteral("evaluation"), 7,
                         QStringLiteral("empathy"), QStringLiteral("0"), QStringLiteral("1")));
        QSqlQuery q(ws.database());
        QVERIFY(q.exec(QStringLiteral("SELECT user, entity, entity_id, old_value, new_value FROM audit_log")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("dana"));
        QCOMPARE(q.value(2).toInt(), 7);
        QCOMPARE(q.value(4).toString(), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
