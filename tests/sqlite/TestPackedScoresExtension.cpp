// The loadable extension packed_scores (sqlite/): with it, the sqlite3 shell reads a
// workspace's automated scores exactly as QA Workbench does; without it, it cannot.
#include "MissingTool.h"

#include "storage/Workspace.h"

#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestPackedScoresExtension : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_extension;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
            return r;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }

    //! The sqlite3 shell on the workspace, optionally with the extension loaded first.
    Run shell(const QString &sql, bool load) const
    {
        QStringList args{QStringLiteral("-batch"), QStringLiteral("-bail")};
        if (load)
            args << QStringLiteral("-cmd") << QStringLiteral(".load ") + m_extension;
        return run(QStringLiteral("sqlite3"), args << m_workspace << sql);
    }

    //! The same query through QA Workbench's own connection, rows as the shell prints them.
    QString app(const QString &sql) const
    {
        Workspace ws;
        if (!ws.open(m_workspace))
            return QStringLiteral("cannot open: ") + ws.errorMessage();
        QSqlQuery q(ws.database());
        if (!q.exec(sql))
            return QStringLiteral("cannot query");
        QStringList rows;
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            rows << row.join(QLatin1Char('|'));
        }
        return rows.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        QAW_SKIP_IF_MISSING("sqlite3", "sqlite3");
        m_extension = qEnvironmentVariable("QAW_PACKED_SCORES_EXTENSION");
        QVERIFY2(QFileInfo::exists(m_extension), qPrintable(m_extension));
        m_workspace = m_dir.filePath(QStringLiteral("small.qaw"));
        const Run demo = run(qEnvironmentVariable("QAW_QAW_EXE"),
                             {QStringLiteral("demo"), QStringLiteral("--workspace"), m_workspace,
                              QStringLiteral("--interactions"), QStringLiteral("150"),
                              QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    }

    // What the extension is for: the plain shell cannot read the view.
    void withoutItTheShellCannotReadScores()
    {
        const Run r = shell(QStringLiteral("SELECT count(*) FROM automated_scores"), false);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("no such table: main.packed_scores")),
                 qPrintable(r.err));
    }

    void countMatchesTheStoredScores()
    {
        // One record per line of each automated evaluation's packed text, counted by plain
        // SQL that needs no extension.
        const Run stored =
            shell(QStringLiteral("SELECT sum(length(scores) - length(replace(scores, char(10), "
                                 "'')) + (scores <> '')) "
                                 "FROM evaluations WHERE evaluator_kind = 'auto'"),
                  false);
        QCOMPARE(stored.exitCode, 0);
        QVERIFY2(stored.out.toInt() > 150, qPrintable(stored.out));
        const Run loaded = shell(QStringLiteral("SELECT count(*) FROM automated_scores"), true);
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QCOMPARE(loaded.out, stored.out);
    }

    void rowsMatchTheApplication()
    {
        const QString sql = QStringLiteral(
            "SELECT criterion_id, count(*), sum(na), count(value), sum(ordinal), "
            "count(confidence), sum(confidence = 'clear'), sum(length(evidence)), "
            "sum(rationale_id) FROM automated_scores GROUP BY criterion_id ORDER BY criterion_id");
        const Run loaded = shell(sql, true);
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QVERIFY(loaded.out.count(QLatin1Char('\n')) >= 5);
        QCOMPARE(loaded.out, app(sql));
    }

    // Damaged text is an error in the shell too, never fewer rows.
    void malformedTextFailsTheQuery()
    {
        const Run r = shell(
            QStringLiteral("SELECT count(*) FROM packed_scores('g' || char(9) || '0')"), true);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("malformed")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestPackedScoresExtension)
#include "TestPackedScoresExtension.moc"
