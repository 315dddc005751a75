// qaw report trend|drivers on the hand-computable fixture: the documented JSON keys,
// the same numbers as the analytics functions the GUI draws, CSV, and exit codes.
#include "models/analytics/AnalyticsFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestReportCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("f.qaw"));
        Workspace ws;
        QVERIFY(ws.open(m_path, Workspace::OpenMode::CreateIfMissing));
        QVERIFY(fixture::build(ws));
    }

    void weeklyTrendJson()
    {
        const QJsonArray a =
            runJson({QStringLiteral("trend"), QStringLiteral("--by"), QStringLiteral("week")});
        QCOMPARE(a.size(), 3);
        const QJsonObject first = a[0].toObject();
        QCOMPARE(first.value(QStringLiteral("bucket")).toString(), QStringLiteral("2024-01-01"));
        QCOMPARE(first.value(QStringLiteral("n")).toInt(), 4);
        QCOMPARE(first.value(QStringLiteral("mean")).toDouble(), 67.5);
        QVERIFY(a[1].toObject().value(QStringLiteral("mean")).isNull()); // empty week
    }

    void teamAndAgentByNameOrExternalId()
    {
        const QJsonArray team =
            runJson({QStringLiteral("trend"), QStringLiteral("--by"), QStringLiteral("month"),
                     QStringLiteral("--team"), QStringLiteral("blue")});
        QCOMPARE(team.size(), 1);
        QCOMPARE(team[0].toObject().value(QStringLiteral("n")).toInt(), 6);
        const QJsonArray agent =
            runJson({QStringLiteral("trend"), QStringLiteral("--agent"), QStringLiteral("a-3")});
        QCOMPARE(agent.size(), 1);
        QCOMPARE(agent[0].toObject().value(QStringLiteral("mean")).toDouble(), 45.0);
    }

    void criterionTrend()
    {
        const QJsonArray a = runJson({QStringLiteral("trend"), QStringLiteral("--criterion"),
                                      QStringLiteral("greeting"), QStringLiteral("--from"),
                                      QStringLiteral("2024-01-01"), QStringLiteral("--to"),
                                      QStringLiteral("2024-01-21")});
        QCOMPARE(a.size(), 3);
        QCOMPARE(a[0].toObject().value(QStringLiteral("pass_rate")).toDouble(), 0.75);
        QCOMPARE(a[0].toObject().value(QStringLiteral("n")).toInt(), 4);
    }

    void driversJsonAndCsv()
    {
        const QJsonArray a = runJson(
            {QStringLiteral("drivers"), QStringLiteral("--outcome"), QStringLiteral("csat")});
        QCOMPARE(a.size(), 2);
        const QJsonObject tone = a[1].toObject();
        QCOMPARE(tone.value(QStringLiteral("criterion_id")).toString(),
                 QStringLiteral("professional_tone"));
        QCOMPARE(tone.value(QStringLiteral("n_pass")).toInt(), 3);
        QCOMPARE(tone.value(QStringLiteral("n_fail")).toInt(), 3);
        QCOMPARE(tone.value(QStringLiteral("difference")).toDouble(), 1.0);
        QVERIFY(tone.value(QStringLiteral("too_few_to_say")).toBool());
        QByteArray out;
        QCOMPARE(run({QStringLiteral("drivers"), QStringLiteral("--outcome"), QStringLiteral("aht"),
                      QStringLiteral("--format"), QStringLiteral("csv")},
                     &out),
                 0);
        QVERIFY(out.startsWith("rank,criterion_id,"));
        QCOMPARE(out.count('\n'), 3);
    }

    void badArgumentsAndUnknownNames_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("by year") << QStringList{QStringLiteral("trend"), QStringLiteral("--by"),
                                                QStringLiteral("year")}
                                 << 2;
        QTest::newRow("no outcome") << QStringList{QStringLiteral("drivers")} << 2;
        QTest::newRow("format xml")
            << QStringList{QStringLiteral("drivers"), QStringLiteral("--outcome"),
                           QStringLiteral("fcr"), QStringLiteral("--format"), QStringLiteral("xml")}
            << 2;
        QTest::newRow("unknown team")
            << QStringList{QStringLiteral("trend"), QStringLiteral("--team"), QStringLiteral("Red")}
            << 1;
        QTest::newRow("unknown criterion")
            << QStringList{QStringLiteral("trend"), QStringLiteral("--criterion"),
                           QStringLiteral("nope")}
            << 1;
        QTest::newRow("unknown report") << QStringList{QStringLiteral("volume")} << 2;
    }
    void badArgumentsAndUnknownNames()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QByteArray out;
        QCOMPARE(run(args, &out), exitCode);
    }

private:
    int run(const QStringList &args, QByteArray *out)
    {
        QProcess p;
        QStringList all{QStringLiteral("report")};
        all << args.first() << QStringLiteral("--workspace") << m_path << args.mid(1);
        p.start(qEnvironmentVariable("QAW_QAW_EXE"), all);
        if (!p.waitForFinished(60000))
            return -1;
        *out = p.readAllStandardOutput();
        return p.exitCode();
    }

    QJsonArray runJson(const QStringList &args)
    {
        QByteArray out;
        if (run(args, &out) != 0)
            return {};
        return QJsonDocument::fromJson(out).array();
    }

    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "TestReportCommand.moc"
