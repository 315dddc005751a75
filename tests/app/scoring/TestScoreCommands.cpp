#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

//! qaw score, qaw export evaluations and qaw scorecard export/import, run as a scheduled
//! job would run them.
class TestScoreCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;

    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Result qaw(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("QAW_QAW_EXE").isEmpty());
        m_workspace = m_dir.filePath(QStringLiteral("cli.qaw"));
        const Result r = qaw({QStringLiteral("demo"), QStringLiteral("--workspace"), m_workspace,
                              QStringLiteral("--interactions"), QStringLiteral("40")});
        QCOMPARE(r.exitCode, 0);
    }

    void scoreNothingNewThenAll()
    {
        Result r = qaw({QStringLiteral("score"), QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Scored 0 interaction")), qPrintable(r.out));
        r = qaw({QStringLiteral("score"), QStringLiteral("--workspace"), m_workspace,
                 QStringLiteral("--all"), QStringLiteral("--threads"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Scored 40 interaction")), qPrintable(r.out));
        QVERIFY(r.err.contains(QLatin1String("scored 40 / 40")));
    }

    void badArguments()
    {
        QCOMPARE(qaw({QStringLiteral("score"), QStringLiteral("--workspace"), m_workspace,
                      QStringLiteral("--threads"), QStringLiteral("many")})
                     .exitCode,
                 2);
        QCOMPARE(qaw({QStringLiteral("score"), QStringLiteral("--workspace"), m_workspace,
                      QStringLiteral("--scorecard"), QStringLiteral("no-such-card")})
                     .exitCode,
                 1);
        QCOMPARE(qaw({QStringLiteral("export"), QStringLiteral("--workspace"), m_workspace,
                      QStringLiteral("interactions")})
                     .exitCode,
                 2);
    }

    void exportEvaluations()
    {
        const QString csv = m_dir.filePath(QStringLiteral("e.csv"));
        Result r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                        QStringLiteral("--workspace"), m_workspace, QStringLiteral("--out"), csv});
        QCOMPARE(r.exitCode, 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        const QByteArray header = lines.front();
        for (const char *column : {"interaction_id", "agent_id", "evaluator", "scorecard_id",
                                   "scorecard_version", "criterion_id", "value", "max", "na",
                                   "total", "auto_failed"})
            QVERIFY2(header.split(',').contains(QByteArray(column)), column);
        // Two automated runs and the demo's reviews (40 interactions: all 40 reviewed, the
        // first 30 by three reviewers), 13 criteria each.
        QCOMPARE(lines.size() - 1, (2 * 40 + 30 * 3 + 10) * 13);

        r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                 QStringLiteral("--workspace"), m_workspace, QStringLiteral("--format"),
                 QStringLiteral("jsonl")});
        QCOMPARE(r.exitCode, 0);
        const QStringList rows = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(rows.size(), lines.size() - 1);
        const QJsonObject first = QJsonDocument::fromJson(rows.front().toUtf8()).object();
        QCOMPARE(first.value(QStringLiteral("evaluator")).toString(), QStringLiteral("auto"));
        QCOMPARE(first.value(QStringLiteral("scorecard_id")).toString(),
                 QStringLiteral("customer-support-core"));
        QVERIFY(first.contains(QStringLiteral("na")));
    }

    void scorecardRoundTrip()
    {
        const QString path = m_dir.filePath(QStringLiteral("card.json"));
        Result r = qaw({QStringLiteral("scorecard"), QStringLiteral("export"),
                        QStringLiteral("--workspace"), m_workspace, QStringLiteral("--file"), path});
        QCOMPARE(r.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject card = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QCOMPARE(card.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Customer Support Core"));
        card.insert(QStringLiteral("pass_mark"), 60);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(card).toJson());
        file.close();
        r = qaw({QStringLiteral("scorecard"), QStringLiteral("import"), QStringLiteral("--workspace"),
                 m_workspace, QStringLiteral("--file"), path, QStringLiteral("--activate")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("version 2, now active")), qPrintable(r.out));
        r = qaw({QStringLiteral("score"), QStringLiteral("--workspace"), m_workspace,
                 QStringLiteral("--all")});
        QVERIFY2(r.out.contains(QLatin1String("version 2")), qPrintable(r.out));

        // A detector that cannot be built is refused before anything is stored.
        card.insert(QStringLiteral("name"), QStringLiteral("Broken"));
        QJsonObject broken = QJsonDocument::fromJson(QJsonDocument(card).toJson()).object();
        QString text = QString::fromUtf8(QJsonDocument(broken).toJson());
        text.replace(QLatin1String("\"type\": \"silence\""), QLatin1String("\"type\": \"nope\""));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();
        r = qaw({QStringLiteral("scorecard"), QStringLiteral("import"), QStringLiteral("--workspace"),
                 m_workspace, QStringLiteral("--file"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("unknown detector type")));
    }

    // Runs after scorecardRoundTrip, which left an edited version 2 active.
    void adoptTheShippedScorecard()
    {
        Result r = qaw({QStringLiteral("scorecard"), QStringLiteral("adopt-default"),
                        QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("now version 3, active")), qPrintable(r.out));
        const QString path = m_dir.filePath(QStringLiteral("adopted.json"));
        r = qaw({QStringLiteral("scorecard"), QStringLiteral("export"),
                 QStringLiteral("--workspace"), m_workspace, QStringLiteral("--file"), path});
        QCOMPARE(r.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject card = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(card.value(QStringLiteral("pass_mark")).toInt(), 80);
        QVERIFY(card.contains(QStringLiteral("concepts")));
        // Asked again, nothing changes.
        r = qaw({QStringLiteral("scorecard"), QStringLiteral("adopt-default"),
                 QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("already")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestScoreCommands)
#include "TestScoreCommands.moc"
