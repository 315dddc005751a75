#include "CalibrationFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace qaw;
using namespace qaw::testing;

//! qaw calibration create|report|list and qaw humans import, run as a user would.
class TestCalibrationCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createImportReport();
    void badArguments_data();
    void badArguments();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run qaw(const QStringList &args) const;
    CalibrationFixture m_f;
    QString m_path;
};

TestCalibrationCli::Run TestCalibrationCli::qaw(const QStringList &args) const
{
    QProcess p;
    p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestCalibrationCli::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("QAW_QAW_EXE").isEmpty());
    QVERIFY(m_f.open());
    QVERIFY(m_f.addInteractions(12));
    for (size_t k = 0; k < m_f.ids.size(); ++k)
        QVERIFY(m_f.addAutomated(m_f.ids[k], {{QStringLiteral("greeting"), k % 3 ? 1.0 : 0.0}}) > 0);
    m_path = m_f.ws.path();
    m_f.ws.close();
}

void TestCalibrationCli::createImportReport()
{
    Run r = qaw({QStringLiteral("calibration"), QStringLiteral("create"), QStringLiteral("--workspace"),
                 m_path, QStringLiteral("--name"), QStringLiteral("CLI"), QStringLiteral("--sample"),
                 QStringLiteral("stratified"), QStringLiteral("--size"), QStringLiteral("6"),
                 QStringLiteral("--reviewers"), QStringLiteral("alice,bob"), QStringLiteral("--seed"),
                 QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject created = QJsonDocument::fromJson(r.out).object();
    const qint64 session = created.value(QStringLiteral("session")).toInteger();
    QVERIFY(session > 0);
    QCOMPARE(created.value(QStringLiteral("interactions")).toArray().size(), 6);
    QVERIFY(created.value(QStringLiteral("blind")).toBool());

    // Both reviewers say "yes" to the greeting of every sampled interaction.
    QByteArray csv = "interaction_id,reviewer,criterion_id,value,na,comment\n";
    for (const QJsonValue &id : created.value(QStringLiteral("interactions")).toArray())
        for (const char *reviewer : {"alice", "bob"})
            csv += QByteArray::number(id.toInteger()) + ',' + reviewer + ",greeting,1,,\n";
    const QString csvPath = m_f.dir.filePath(QStringLiteral("humans.csv"));
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    r = qaw({QStringLiteral("humans"), QStringLiteral("import"), csvPath, QStringLiteral("--workspace"),
             m_path, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--session"),
             QString::number(session), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("scores")).toInt(), 12);

    r = qaw({QStringLiteral("calibration"), QStringLiteral("report"), QStringLiteral("--workspace"),
             m_path, QStringLiteral("--session"), QString::number(session), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    const QJsonObject greeting = report.value(QStringLiteral("criteria")).toArray().at(0).toObject();
    QCOMPARE(greeting.value(QStringLiteral("criterion")).toString(), QStringLiteral("greeting"));
    const QJsonObject autoVsAlice = greeting.value(QStringLiteral("comparisons")).toArray().at(0).toObject();
    QCOMPARE(autoVsAlice.value(QStringLiteral("paired_items")).toInt(), 6);
    const QJsonObject aliceVsBob = greeting.value(QStringLiteral("comparisons")).toArray().at(2).toObject();
    const QJsonObject exact = aliceVsBob.value(QStringLiteral("statistics")).toObject()
                                  .value(QStringLiteral("percent_exact")).toObject();
    QCOMPARE(exact.value(QStringLiteral("value")).toDouble(), 100.0);
    // Both reviewers said yes everywhere: kappa is undefined, with its reason, and null.
    const QJsonObject kappa = aliceVsBob.value(QStringLiteral("statistics")).toObject()
                                  .value(QStringLiteral("cohen_kappa_unweighted")).toObject();
    QVERIFY(kappa.value(QStringLiteral("value")).isNull());
    QVERIFY(!kappa.value(QStringLiteral("undefined_reason")).toString().isEmpty());

    const QString pdf = m_f.dir.filePath(QStringLiteral("report.pdf"));
    r = qaw({QStringLiteral("calibration"), QStringLiteral("report"), QStringLiteral("--workspace"),
             m_path, QStringLiteral("--session"), QString::number(session), QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--bootstrap"), QStringLiteral("0"),
             QStringLiteral("--pdf"), pdf});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.startsWith("session,criterion"));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    r = qaw({QStringLiteral("calibration"), QStringLiteral("list"), QStringLiteral("--workspace"),
             m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("sessions")).toArray().size(), 1);
}

void TestCalibrationCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("calibration")} << 2;
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("calibration"), QStringLiteral("frob")} << 2;
    QTest::newRow("no reviewers") << QStringList{QStringLiteral("calibration"), QStringLiteral("create"),
                                                 QStringLiteral("--name"), QStringLiteral("x")} << 2;
    QTest::newRow("ids without ids") << QStringList{QStringLiteral("calibration"), QStringLiteral("create"),
                                                    QStringLiteral("--name"), QStringLiteral("x"),
                                                    QStringLiteral("--reviewers"), QStringLiteral("a"),
                                                    QStringLiteral("--sample"), QStringLiteral("ids")} << 2;
    QTest::newRow("unknown session") << QStringList{QStringLiteral("calibration"), QStringLiteral("report"),
                                                    QStringLiteral("--session"), QStringLiteral("999")} << 1;
    QTest::newRow("humans without file") << QStringList{QStringLiteral("humans"), QStringLiteral("import")} << 2;
}

void TestCalibrationCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    if (code == 1)
        args << QStringLiteral("--workspace") << m_path;
    const Run r = qaw(args);
    QCOMPARE(r.code, code);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCalibrationCli)
#include "TestCalibrationCli.moc"
