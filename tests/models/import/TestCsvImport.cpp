#include "ImportTestSupport.h"

#include "import/ImportBatches.h"
#include "import/ImportPreview.h"
#include "import/Importer.h"
#include "import/MappingProfiles.h"

#include <QJsonDocument>
#include <QTest>

using namespace qaw;
using namespace qaw::test;

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void rowPerTurn_data();
    void rowPerTurn();
    void encodings_data();
    void encodings();
    void rowPerInteraction();
    void unbalancedQuotes();
    void mappingProfile();
    void unmappableHeaderFailsTheFile();
};

namespace {

QString text(Workspace &ws, const QString &externalId, int seq)
{
    return scalar(ws, QStringLiteral("SELECT t.text FROM turns t JOIN interactions i ON i.id = "
                                     "t.interaction_id WHERE i.external_id = ? AND t.seq = ?"),
                  {externalId, seq})
        .toString();
}

} // namespace

void TestCsvImport::rowPerTurn_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("comma, CRLF") << QStringLiteral("csv/turns-comma.csv");
    QTest::newRow("semicolon") << QStringLiteral("csv/turns-semicolon.csv");
}

void TestCsvImport::rowPerTurn()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r = Importer().run({importData(file)}, *ws);
    const FileImportResult &f = r.files.front();
    QCOMPARE(f.format, QStringLiteral("csv"));
    QCOMPARE(f.status, QStringLiteral("done"));
    QCOMPARE(f.rejected, qint64(0));
    QCOMPARE(f.imported, qint64(2));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT turn_count FROM interactions WHERE external_id = "
                                        "'T-1'"))
                 .toInt(),
             3);
    QCOMPARE(text(*ws, QStringLiteral("T-1"), 2), QStringLiteral("Let me check.\nOne moment please."));
    QVERIFY(text(*ws, QStringLiteral("T-1"), 1).startsWith(QStringLiteral("My bill says \"late fee\"")));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT start_ms FROM turns WHERE seq = 1 AND "
                                        "interaction_id = (SELECT id FROM interactions WHERE "
                                        "external_id = 'T-1')"))
                 .toInt(),
             4000);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT name FROM agents WHERE external_id = 'agt-1'"))
                 .toString(),
             QStringLiteral("Ruiz, Dana"));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT csat FROM interactions WHERE external_id = 'T-1'"))
                 .toInt(),
             5);
    QVERIFY(scalar(*ws, QStringLiteral("SELECT csat FROM interactions WHERE external_id = 'T-2'"))
                .isNull());
    // Chat turns with absolute times: the first agent answer came 55 s after the customer.
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT at FROM turns WHERE seq = 1 AND interaction_id = "
                                        "(SELECT id FROM interactions WHERE external_id = 'T-2')"))
                 .toLongLong(),
             QDateTime(QDate(2026, 3, 2), QTime(15, 1), Qt::UTC).toMSecsSinceEpoch());
}

void TestCsvImport::encodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("UTF-8 with BOM") << QStringLiteral("csv/utf8-bom.csv");
    QTest::newRow("UTF-16LE with BOM") << QStringLiteral("csv/utf16le.csv");
    QTest::newRow("UTF-16BE with BOM") << QStringLiteral("csv/utf16be.csv");
}

void TestCsvImport::encodings()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r = Importer().run({importData(file)}, *ws);
    QCOMPARE(r.files.front().imported, qint64(1));
    QCOMPARE(r.files.front().rejected, qint64(0));
    QCOMPARE(text(*ws, QStringLiteral("U-1"), 0), QStringLiteral("Grüße aus München"));
    QCOMPARE(text(*ws, QStringLiteral("U-1"), 1), QStringLiteral("Merci, ça va très bien"));
}

void TestCsvImport::rowPerInteraction()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const QString path = importData(QStringLiteral("csv/interactions-tab.tsv"));
    const ImportPreview preview = previewImportFile(path, ImportOptions());
    QCOMPARE(preview.delimiter, QLatin1Char('\t'));
    QCOMPARE(preview.mapping.column(CsvField::Transcript), QStringLiteral("Transcript"));
    QCOMPARE(preview.records.size(), size_t(2));

    const ImportResult r = Importer().run({path}, *ws);
    QCOMPARE(r.files.front().imported, qint64(2));
    QCOMPARE(r.files.front().redacted, qint64(1));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT turn_count FROM interactions WHERE external_id = "
                                        "'I-1'"))
                 .toInt(),
             3);
    QCOMPARE(text(*ws, QStringLiteral("I-1"), 1),
             QStringLiteral("My card [CARD] was declined.\nthe one ending 4444"));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT resolved FROM interactions WHERE external_id = "
                                        "'I-2'"))
                 .toInt(),
             0);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT speaker FROM turns WHERE seq = 1 AND "
                                        "interaction_id = (SELECT id FROM interactions WHERE "
                                        "external_id = 'I-2')"))
                 .toString(),
             QStringLiteral("customer"));
}

void TestCsvImport::unbalancedQuotes()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r = Importer().run({importData(QStringLiteral("csv/unbalanced.csv"))}, *ws);
    QCOMPARE(r.files.front().status, QStringLiteral("done"));
    QCOMPARE(r.files.front().imported, qint64(3));
    QCOMPARE(r.files.front().rejected, qint64(1));
    const RejectedRecord reject = listRejects(*ws).front();
    QCOMPARE(reject.recordNo, qint64(4)); // B-2 starts on line 4 (B-1 spans lines 2-3)
    QVERIFY2(reject.reason.startsWith(QStringLiteral("unbalanced quotes")), qPrintable(reject.reason));
    QVERIFY(reject.raw.startsWith(QStringLiteral("B-2,")));
    QVERIFY(scalar(*ws, QStringLiteral("SELECT 1 FROM interactions WHERE external_id = 'B-3'"))
                .isValid());
}

void TestCsvImport::mappingProfile()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    ColumnMapping m;
    m.setColumn(CsvField::ConversationId, QStringLiteral("Ticket"));
    m.setColumn(CsvField::StartedAt, QStringLiteral("When"));
    m.setColumn(CsvField::AgentId, QStringLiteral("Rep"));
    m.setColumn(CsvField::Channel, QStringLiteral("Medium"));
    m.setColumn(CsvField::Speaker, QStringLiteral("Who"));
    m.setColumn(CsvField::Text, QStringLiteral("Said"));
    QString error;
    QVERIFY(saveMappingProfile(*ws, QStringLiteral("helpdesk"), m, &error));
    QCOMPARE(mappingProfileNames(*ws), QStringList{QStringLiteral("helpdesk")});
    ImportOptions options;
    options.mappingProfile = QStringLiteral("helpdesk");
    const ImportResult r =
        Importer(options).run({importData(QStringLiteral("csv/custom-headers.csv"))}, *ws);
    QCOMPARE(r.files.front().imported, qint64(1));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT channel FROM interactions")).toString(),
             QStringLiteral("sms"));
    QCOMPARE(text(*ws, QStringLiteral("K-1"), 1), QStringLiteral("Yes, until 6."));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT speaker FROM turns WHERE seq = 0")).toString(),
             QStringLiteral("customer"));
}

void TestCsvImport::unmappableHeaderFailsTheFile()
{
    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r =
        Importer().run({importData(QStringLiteral("csv/custom-headers.csv"))}, *ws);
    QCOMPARE(r.files.front().status, QStringLiteral("failed"));
    QVERIFY2(r.files.front().message.contains(QStringLiteral("cannot be mapped")),
             qPrintable(r.files.front().message));
    ImportOptions options;
    options.mappingProfile = QStringLiteral("nope");
    const ImportResult missing =
        Importer(options).run({importData(QStringLiteral("csv/custom-headers.csv"))}, *ws);
    QVERIFY(missing.files.front().message.contains(QStringLiteral("no mapping profile named 'nope'")));
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "TestCsvImport.moc"
