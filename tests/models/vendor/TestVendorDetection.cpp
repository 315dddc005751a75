#include "VendorTestFiles.h"

#include "import/VendorFormats.h"

#include <QJsonDocument>
#include <QtTest>

using namespace qaw;
using namespace qaw::testing;

class TestVendorDetection : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void unknownName();
    void files_data();
    void files();
    void shapes_data();
    void shapes();
};

void TestVendorDetection::names_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("contact lens") << int(VendorFormat::ContactLens)
                                  << QStringLiteral("contact-lens");
    QTest::newRow("transcribe") << int(VendorFormat::TranscribeCallAnalytics)
                                << QStringLiteral("transcribe");
    QTest::newRow("genesys") << int(VendorFormat::GenesysCloud) << QStringLiteral("genesys");
    QTest::newRow("zendesk") << int(VendorFormat::Zendesk) << QStringLiteral("zendesk");
}

void TestVendorDetection::names()
{
    QFETCH(int, format);
    QFETCH(QString, name);
    QCOMPARE(vendorFormatName(VendorFormat(format)), name);
    QCOMPARE(vendorFormatFromName(name), std::optional<VendorFormat>(VendorFormat(format)));
    QCOMPARE(vendorFormatFromName(name.toUpper()),
             std::optional<VendorFormat>(VendorFormat(format)));
}

void TestVendorDetection::unknownName()
{
    QVERIFY(!vendorFormatFromName(QStringLiteral("jsonl")));
    QVERIFY(!vendorFormatFromName(QString()));
}

// Every genuine file and fixture, with the format it is in ("" when it is none of them).
void TestVendorDetection::files_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const auto real = [](const char *name, const char *format) {
        QTest::newRow(name) << realPath(QLatin1String(name)) << QString::fromLatin1(format);
    };
    real("amazon-connect-contact-lens/chat_docs_example_original.json", "contact-lens");
    real("amazon-connect-contact-lens/voice_docs_example_with_postcontactsummary.json",
         "contact-lens");
    real("amazon-connect-contact-lens/evaluation_form_output_docs_example.json", "");
    real("amazon-transcribe-call-analytics/example-call.json", "transcribe");
    real("genesys-cloud/genesys_transcript.json", "genesys");
    real("genesys-cloud/genesys_cloud_transcript_schema.json", "");
    real("abcd/abcd_sample.json", "");
    real("zendesk/api_v2_tickets.json", "zendesk");
    real("zendesk/api_v2_tickets_1.json", "zendesk");
    real("zendesk/api_v2_tickets_1_audits.json", "zendesk");
    real("zendesk/api_v2_satisfaction_ratings.json", "zendesk");
    real("zendesk/api_v2_tickets_1_metrics.json", "zendesk");
    const auto own = [](const char *name, const char *format) {
        QTest::newRow(name) << fixturePath(QLatin1String(name)) << QString::fromLatin1(format);
    };
    own("contact-lens/voice_overlap.json", "contact-lens");
    own("contact-lens/chat_events.json", "contact-lens");
    own("contact-lens/voice_no_times.json", "contact-lens");
    own("contact-lens/broken_no_transcript.json", "contact-lens");
    own("contact-lens/broken_no_speaker.json", "contact-lens");
    own("transcribe/call.json", "transcribe");
    own("transcribe/broken_in_progress.json", "transcribe");
    own("genesys/call_two_transcripts.json", "genesys");
    own("genesys/sms_message.json", "genesys");
    own("genesys/broken_empty_transcripts.json", "genesys");
    own("zendesk/tickets.json", "zendesk");
    own("zendesk/ticket_501_audits.json", "zendesk");
    own("zendesk/satisfaction_ratings.json", "zendesk");
    own("zendesk/broken_not_zendesk.json", "");
}

void TestVendorDetection::files()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const std::optional<VendorFormat> format =
        detectVendorFormat(QJsonDocument::fromJson(readBytes(path)));
    QCOMPARE(format ? vendorFormatName(*format) : QString(), expected);
}

void TestVendorDetection::shapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("transcribe without JobName")
        << QByteArray(
               R"({"Transcript": [{"ParticipantRole": "AGENT", "Content": "hi", "LoudnessScores": [1]}]})")
        << QStringLiteral("transcribe");
    QTest::newRow("contact lens voice items only")
        << QByteArray(
               R"({"Transcript": [{"ParticipantId": "AGENT", "Content": "hi", "BeginOffsetMillis": 0}]})")
        << QStringLiteral("contact-lens");
    QTest::newRow("contact lens chat items only")
        << QByteArray(
               R"({"Transcript": [{"ParticipantRole": "AGENT", "AbsoluteTime": "2024-01-01T00:00:00Z"}]})")
        << QStringLiteral("contact-lens");
    QTest::newRow("genesys by participants")
        << QByteArray(R"({"transcripts": [], "participants": [{"participantPurpose": "agent"}]})")
        << QStringLiteral("genesys");
    QTest::newRow("zendesk single audit")
        << QByteArray(R"({"audit": {"id": 1}})") << QStringLiteral("zendesk");
    QTest::newRow("native jsonl line")
        << QByteArray(
               R"({"id": "c-1", "channel": "chat", "turns": [{"speaker": "agent", "text": "hi"}]})")
        << QString();
    QTest::newRow("bare transcript")
        << QByteArray(R"({"Transcript": [{"Content": "hi"}]})") << QString();
    QTest::newRow("empty object") << QByteArray("{}") << QString();
    QTest::newRow("array") << QByteArray(R"([{"tickets": []}])") << QString();
    QTest::newRow("not json") << QByteArray("tickets,audits") << QString();
}

void TestVendorDetection::shapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const std::optional<VendorFormat> format = detectVendorFormat(QJsonDocument::fromJson(json));
    QCOMPARE(format ? vendorFormatName(*format) : QString(), expected);
}

QTEST_GUILESS_MAIN(TestVendorDetection)
#include "TestVendorDetection.moc"
