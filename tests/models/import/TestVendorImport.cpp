// The import pipeline over genuine vendor exports (tests/data/vendor, see its README):
// detection, one batch per file, and the vendor parsers' records stored whole.
#include "ImportTestSupport.h"

#include "import/ImportSource.h"
#include "import/Importer.h"

#include <QFileInfo>
#include <QTest>

using namespace qaw;
using namespace qaw::test;

class TestVendorImport : public QObject
{
    Q_OBJECT

private slots:
    void genuineFiles_data();
    void genuineFiles();
};

void TestVendorImport::genuineFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("imported");
    QTest::newRow("contact lens chat")
        << QStringLiteral("amazon-connect-contact-lens/chat_docs_example_original.json")
        << QStringLiteral("contact-lens") << qint64(1);
    QTest::newRow("contact lens voice")
        << QStringLiteral("amazon-connect-contact-lens/voice_docs_example_with_postcontactsummary.json")
        << QStringLiteral("contact-lens") << qint64(1);
    QTest::newRow("transcribe") << QStringLiteral("amazon-transcribe-call-analytics/example-call.json")
                                << QStringLiteral("transcribe") << qint64(1);
    QTest::newRow("genesys") << QStringLiteral("genesys-cloud/genesys_transcript.json")
                             << QStringLiteral("genesys") << qint64(1);
    QTest::newRow("zendesk tickets") << QStringLiteral("zendesk/api_v2_tickets.json")
                                     << QStringLiteral("zendesk") << qint64(100);
}

void TestVendorImport::genuineFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(qint64, imported);
    const QString path = QStringLiteral(QAW_REAL_DATA_DIR "/") + file;
    QVERIFY2(QFileInfo::exists(path), qPrintable(path + QStringLiteral(" is missing")));
    QString error;
    const std::optional<SourceFormat> detected = detectSourceFormat(path, &error);
    QVERIFY2(detected, qPrintable(error));
    QCOMPARE(detected->name(), format);

    QTemporaryDir dir;
    auto ws = newWorkspace(dir);
    const ImportResult r = Importer().run({path}, *ws);
    QCOMPARE(r.files.front().status, QStringLiteral("done"));
    QCOMPARE(r.files.front().format, format);
    QCOMPARE(r.files.front().imported, imported);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM interactions WHERE source = ?"), {format})
                 .toLongLong(),
             imported);
    // Every stored interaction has all its turns (and at least one).
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM interactions i WHERE turn_count <> "
                                        "(SELECT count(*) FROM turns t WHERE t.interaction_id = i.id)"))
                 .toInt(),
             0);
    // Importing the same file again changes nothing.
    const ImportResult again = Importer().run({path}, *ws);
    QCOMPARE(again.files.front().unchanged, imported);
    QCOMPARE(again.files.front().imported, qint64(0));
}

QTEST_GUILESS_MAIN(TestVendorImport)
#include "TestVendorImport.moc"
