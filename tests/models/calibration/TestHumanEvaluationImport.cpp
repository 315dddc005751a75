#include "CalibrationFixture.h"
#include "TestPaths.h"

#include "calibration/HumanEvaluationImport.h"
#include "calibration/HumanEvaluationStore.h"

#include <QFile>
#include <QTest>

using namespace qaw;
using namespace qaw::testing;

class TestHumanEvaluationImport : public QObject
{
    Q_OBJECT
private slots:
    void csvImport();
    void csvHeaderMissing();
    void genuineConnectForm();
    void connectWithoutMapping();

private:
    static QString connectPath()
    {
        return QStringLiteral(QAW_REAL_DATA_DIR) +
               QStringLiteral("/amazon-connect-contact-lens/evaluation_form_output_docs_example.json");
    }
    static qint64 addContact(CalibrationFixture &f, const QString &externalId)
    {
        QSqlQuery q(f.ws.database());
        q.prepare(QStringLiteral("UPDATE interactions SET external_id = ? WHERE id = ?"));
        q.addBindValue(externalId);
        q.addBindValue(f.ids[0]);
        q.exec();
        return f.ids[0];
    }
};

void TestHumanEvaluationImport::csvImport()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(3));
    const QByteArray csv =
        "interaction_id,reviewer,criterion_id,value,na,comment\n"
        "ext-0,alice,greeting,1,,\"warm, named greeting\"\n"
        "ext-0,alice,professional_tone,,true,no agent speech\n"
        "ext-1,alice,professional_tone,N/A,,\n"
        "ext-1,bob,greeting,0,,\"said \"\"hi\"\" only\"\n"
        "ext-9,bob,greeting,1,,\n"          // unknown interaction
        "ext-2,bob,no_such,1,,\n"           // unknown criterion
        "ext-2,bob,professional_tone,9,,\n" // off the scale
        "ext-2,bob,greeting,,,\n"           // no value
        "ext-2,bob,greeting,abc,,\n";       // not a number
    std::vector<HumanImportReject> rejects;
    QString error;
    const auto records = HumanEvaluationImport::parseCsv(csv, &rejects, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(records.size(), size_t(7));
    QCOMPARE(rejects.size(), size_t(2));
    QCOMPARE(records[0].comment, QStringLiteral("warm, named greeting"));
    QCOMPARE(records[3].comment, QStringLiteral("said \"hi\" only"));
    QVERIFY(records[1].na);
    QVERIFY(records[2].na);

    HumanEvaluationImport importer(f.ws);
    const HumanImportResult result = importer.store(records, rejects, QStringLiteral("t.csv"),
                                                    QStringLiteral("csv"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(result.scores, 4);
    QCOMPARE(result.evaluations, 3); // alice/ext-0, alice/ext-1, bob/ext-1
    QCOMPARE(result.rejects.size(), size_t(5));
    QStringList reasons;
    for (const HumanImportReject &r : result.rejects)
        reasons << QStringLiteral("%1: %2").arg(r.recordNo).arg(r.reason);
    QVERIFY2(reasons.join(QLatin1Char('|')).contains(QLatin1String("6: no interaction")), qPrintable(reasons.join(QLatin1Char('|'))));
    QVERIFY(reasons.join(QLatin1Char('|')).contains(QLatin1String("7: the scorecard has no criterion")));
    QVERIFY(reasons.join(QLatin1Char('|')).contains(QLatin1String("8: 9 is outside the scale")));

    QSqlQuery stored(f.ws.database());
    stored.prepare(QStringLiteral("SELECT count(*) FROM rejected_records WHERE batch_id = ?"));
    stored.addBindValue(result.batchId);
    QVERIFY(stored.exec() && stored.next());
    QCOMPARE(stored.value(0).toInt(), 5);

    const auto alice = HumanEvaluationStore(f.ws).find(f.ids[0], QStringLiteral("alice"), -1);
    QVERIFY(alice);
    QCOMPARE(*alice->criterion(QStringLiteral("greeting"))->value, 1.0);
    QVERIFY(alice->criterion(QStringLiteral("professional_tone"))->na);
    QCOMPARE(alice->criterion(QStringLiteral("greeting"))->comment, QStringLiteral("warm, named greeting"));
}

void TestHumanEvaluationImport::csvHeaderMissing()
{
    std::vector<HumanImportReject> rejects;
    QString error;
    HumanEvaluationImport::parseCsv("a,b,c\n1,2,3\n", &rejects, &error);
    QVERIFY(error.contains(QLatin1String("interaction_id")));
}

void TestHumanEvaluationImport::genuineConnectForm()
{
    QFile file(connectPath());
    QVERIFY2(file.exists(), qPrintable(file.fileName() + QStringLiteral(" is missing")));
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(1));
    const qint64 interaction = addContact(f, QStringLiteral("badd4896-75f7-43b3-bee6-c617ed3d04cb"));
    HumanEvaluationImport importer(f.ws);
    // The example's numeric 1-10 question is mapped to a 1-5 criterion: it is N/A there, so
    // it imports as N/A; the yes/no question maps to the greeting.
    importer.setMapping({{QStringLiteral("q73bc5b9d"), QStringLiteral("greeting")},
                         {QStringLiteral("How do you rate the contact between 1 and 10?"),
                          QStringLiteral("professional_tone")}});
    QString error;
    const auto result = importer.importFile(connectPath(), QStringLiteral("connect"),
                                            QStringLiteral("tester"), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->evaluations, 1);
    QCOMPARE(result->scores, 2);
    QCOMPARE(result->rejects.size(), size_t(1)); // the TEXT question
    QVERIFY(result->rejects[0].reason.contains(QLatin1String("qc2effc9d")));
    QVERIFY(result->rejects[0].reason.contains(QLatin1String("TEXT")));
    const auto jane = HumanEvaluationStore(f.ws).find(interaction, QStringLiteral("jane"), -1);
    QVERIFY(jane);
    QCOMPARE(*jane->criterion(QStringLiteral("greeting"))->value, 1.0);
    QCOMPARE(jane->criterion(QStringLiteral("greeting"))->comment,
             QStringLiteral("Add more information here"));
    QVERIFY(jane->criterion(QStringLiteral("professional_tone"))->na);
}

void TestHumanEvaluationImport::connectWithoutMapping()
{
    QFile file(connectPath());
    QVERIFY2(file.exists(), qPrintable(file.fileName() + QStringLiteral(" is missing")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    CalibrationFixture f;
    QVERIFY(f.open());
    HumanEvaluationImport importer(f.ws);
    std::vector<HumanImportReject> rejects;
    QString error;
    const auto records = importer.parseConnect(file.readAll(), f.card.scorecard, &rejects, &error);
    QVERIFY(error.isEmpty());
    QVERIFY(records.empty());
    QCOMPARE(rejects.size(), size_t(3));
    QVERIFY(rejects[1].reason.contains(QLatin1String("maps to no criterion")));
    QVERIFY(rejects[1].raw.contains(QLatin1String("q73bc5b9d")));
}

QTEST_GUILESS_MAIN(TestHumanEvaluationImport)
#include "TestHumanEvaluationImport.moc"
