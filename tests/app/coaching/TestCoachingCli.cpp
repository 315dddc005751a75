#include "coaching/CalibratedCriteria.h"
#include "models/coaching/CoachingFixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;

//! The coaching loop from the command line, as a scheduled job would run it.
class TestCoachingCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    QString path;
    const QDate session{2026, 5, 1};

    struct Run
    {
        int code = -1;
        QByteArray out, err;
    };

    Run qaw(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("QAW_QAW_EXE").isEmpty());
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        path = f->ws.path();
        const qint64 team = f->team(QStringLiteral("Billing"));
        const qint64 anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), team);
        const qint64 ben = f->agent(QStringLiteral("b1"), QStringLiteral("Ben"), team);
        // Anna fails empathy in 24 of 30 calls before the session and in 3 of 30 after;
        // Ben fails it in 6 of 30 in both windows.
        for (int k = 0; k < 30; ++k) {
            f->score(f->interaction(anna, team, f->at(session.addDays(-30 + k))),
                     {{"empathy", k < 6 ? 1.0 : 0.0}});
            f->score(f->interaction(anna, team, f->at(session.addDays(1 + k))),
                     {{"empathy", k < 27 ? 1.0 : 0.0}});
            f->score(f->interaction(ben, team, f->at(session.addDays(-30 + k))),
                     {{"empathy", k < 24 ? 1.0 : 0.0}});
            f->score(f->interaction(ben, team, f->at(session.addDays(1 + k))),
                     {{"empathy", k < 24 ? 1.0 : 0.0}});
        }
        // Something for the default rules to flag: an unverified caller (auto-fail), on a
        // criterion calibration has shown to be trustworthy, on the latest day (older
        // single events are outside the queue's horizon) after the effect window.
        f->score(f->interaction(anna, team, f->at(session.addDays(31))), {{"verification", 0.0}});
        QVERIFY(f->ws.setSetting(QLatin1String(kCalibratedCriteriaSetting),
                                 QStringLiteral("[\"verification\"]")));
    }

    void flagTwiceAddsNothingTheSecondTime()
    {
        Run r = qaw({QStringLiteral("flag"), QStringLiteral("--workspace"), path,
                     QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const int created =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("items_created")).toInt();
        QVERIFY(created > 0);
        r = qaw({QStringLiteral("flag"), QStringLiteral("--workspace"), path,
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("items_created")).toInt(),
            0);
        r = qaw({QStringLiteral("coaching"), QStringLiteral("list"), QStringLiteral("--workspace"),
                 path, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray items = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(items.size(), created);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("new"));
    }

    void recordValidatesArguments_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::newRow("ok")
            << QStringList{QStringLiteral("--agent"), QStringLiteral("a1"),
                           QStringLiteral("--date"),  QStringLiteral("2026-05-01"),
                           QStringLiteral("--focus"), QStringLiteral("empathy"),
                           QStringLiteral("--notes"), QStringLiteral("listened to calls")}
            << 0;
        QTest::newRow("unknown criterion")
            << QStringList{QStringLiteral("--agent"), QStringLiteral("a1"),
                           QStringLiteral("--date"),  QStringLiteral("2026-05-01"),
                           QStringLiteral("--focus"), QStringLiteral("charm")}
            << 2;
        QTest::newRow("bad date") << QStringList{QStringLiteral("--agent"),
                                                 QStringLiteral("a1"),
                                                 QStringLiteral("--date"),
                                                 QStringLiteral("1 May"),
                                                 QStringLiteral("--focus"),
                                                 QStringLiteral("empathy")}
                                  << 2;
        QTest::newRow("unknown agent")
            << QStringList{QStringLiteral("--agent"), QStringLiteral("zz"),
                           QStringLiteral("--date"),  QStringLiteral("2026-05-01"),
                           QStringLiteral("--focus"), QStringLiteral("empathy")}
            << 1;
        QTest::newRow("missing focus")
            << QStringList{QStringLiteral("--agent"), QStringLiteral("a1"),
                           QStringLiteral("--date"), QStringLiteral("2026-05-01")}
            << 2;
    }

    void recordValidatesArguments()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        const Run r = qaw(QStringList{QStringLiteral("coaching"), QStringLiteral("record"),
                                      QStringLiteral("--workspace"), path} +
                          extra);
        QCOMPARE(r.code, code);
        if (code != 0)
            QVERIFY(!r.err.isEmpty());
    }

    void effectJsonShowsTheImprovement()
    {
        const Run r =
            qaw({QStringLiteral("coaching"), QStringLiteral("effect"),
                 QStringLiteral("--workspace"), path, QStringLiteral("--agent"),
                 QStringLiteral("a1"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray sessions = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(sessions.size(), 1);
        const QJsonObject s = sessions.at(0).toObject();
        QCOMPARE(s.value(QStringLiteral("agent_id")).toString(), QStringLiteral("a1"));
        QCOMPARE(s.value(QStringLiteral("date")).toString(), QStringLiteral("2026-05-01"));
        const QJsonObject e = s.value(QStringLiteral("focus")).toArray().at(0).toObject();
        QCOMPARE(e.value(QStringLiteral("criterion_id")).toString(), QStringLiteral("empathy"));
        QCOMPARE(e.value(QStringLiteral("n_before")).toInt(), 30);
        QCOMPARE(e.value(QStringLiteral("n_after")).toInt(), 30);
        QVERIFY(std::abs(e.value(QStringLiteral("before")).toDouble() - 0.2) < 1e-9);
        QVERIFY(std::abs(e.value(QStringLiteral("after")).toDouble() - 0.9) < 1e-9);
        QVERIFY(std::abs(e.value(QStringLiteral("change")).toDouble() - 0.7) < 1e-9);
        QVERIFY(std::abs(e.value(QStringLiteral("did")).toDouble() - 0.7) < 1e-9);
        QVERIFY(e.value(QStringLiteral("ci_low")).toDouble() > 0);
        QVERIFY(e.value(QStringLiteral("did_ci_low")).toDouble() > 0);
        QVERIFY(e.value(QStringLiteral("did_ci_high")).toDouble() >
                e.value(QStringLiteral("did")).toDouble());
    }

    void packetWritesPdf()
    {
        const QString pdf = f->dir.filePath(QStringLiteral("a1.pdf"));
        const Run r = qaw({QStringLiteral("coaching"), QStringLiteral("packet"),
                           QStringLiteral("--workspace"), path, QStringLiteral("--agent"),
                           QStringLiteral("a1"), QStringLiteral("--out"), pdf});
        QCOMPARE(r.code, 0);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        const Run bad = qaw({QStringLiteral("coaching"), QStringLiteral("packet"),
                             QStringLiteral("--workspace"), path, QStringLiteral("--agent"),
                             QStringLiteral("nobody"), QStringLiteral("--out"), pdf});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.err.contains("no agent 'nobody'"));
    }

    void unknownSubcommandIsUsageError()
    {
        const Run r = qaw({QStringLiteral("coaching"), QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown subcommand"));
    }
};

QTEST_GUILESS_MAIN(TestCoachingCli)
#include "TestCoachingCli.moc"
