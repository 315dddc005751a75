#include "VendorTestFiles.h"

#include "domain/DerivedMetrics.h"
#include "import/VendorFormats.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QtTest>

using namespace qaw;
using namespace qaw::testing;

namespace {

ParsedRecord parseOne(const VendorFile &file)
{
    const std::vector<ParsedRecord> records = parseVendorFiles(VendorFormat::ContactLens, {file});
    if (records.size() != 1)
        qFatal("expected one record per Contact Lens file");
    return records.front();
}

int countSpeaker(const Interaction &in, Speaker speaker)
{
    return int(std::count_if(in.turns.begin(), in.turns.end(),
                             [speaker](const Turn &t) { return t.speaker == speaker; }));
}

} // namespace

class TestContactLensParser : public QObject
{
    Q_OBJECT

private slots:
    void genuineChat();
    void genuineVoice();
    void genuineVoiceWithoutFallbackUsesFileTime();
    void voiceWithOverlappingTurns();
    void fileNameGivesContactIdAndTime();
    void missingTimesStayUnknown();
    void chatEventsAreNotTurns();
    void brokenFiles_data();
    void brokenFiles();
    void oneRecordPerFileInOrder();
};

// Expected figures counted in the file with python3 (json.load, Counter over Type and
// ParticipantRole): 35 items, 4 EVENT, 31 MESSAGE (15 AGENT, 13 CUSTOMER, 3 SYSTEM).
void TestContactLensParser::genuineChat()
{
    const ParsedRecord r = parseOne(vendorFile(
        realPath(QStringLiteral("amazon-connect-contact-lens/chat_docs_example_original.json"))));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.source, QStringLiteral("contact-lens"));
    QCOMPARE(in.externalId, QStringLiteral("b49644f6-672f-445c-b209-f76b36482830"));
    QCOMPARE(in.channel, QStringLiteral("chat"));
    QCOMPARE(in.language, QStringLiteral("en-US"));
    QCOMPARE(in.turns.size(), std::size_t(31));
    QCOMPARE(countSpeaker(in, Speaker::Agent), 15);
    QCOMPARE(countSpeaker(in, Speaker::Customer), 13);
    QCOMPARE(countSpeaker(in, Speaker::System), 3);
    QCOMPARE(in.turns.front().speaker, Speaker::System);
    QCOMPARE(in.turns.front().atMs, epochMs("2022-10-27T03:31:53.390Z"));
    QCOMPARE(in.turns.back().speaker, Speaker::Agent);
    QCOMPARE(in.turns.back().text, QStringLiteral("Ok great! Have a great day."));
    QCOMPARE(in.turns.back().atMs, epochMs("2022-10-27T03:34:41.448Z"));
    QCOMPARE(in.turns.back().startMs, -1); // chat: absolute times, no offsets
    // The first item (the customer's join event) starts the contact, the last
    // (chat.ended) ends it.
    QCOMPARE(in.startedAt, utc("2022-10-27T03:31:50.735Z"));
    QCOMPARE(in.durationMs, qint64(172457));
    QCOMPARE(in.agentId, QStringLiteral("unknown-agent"));
    QCOMPARE(in.agentName, QStringLiteral("Jane"));
    QCOMPARE(in.attributes.value(QStringLiteral("events")).toArray().size(), 4);
    QCOMPARE(in.attributes.value(QStringLiteral("started_at_source")).toString(),
             QStringLiteral("content"));
    QCOMPARE(in.attributes.value(QStringLiteral("agent_greeting_ms")).toInteger(), 2511);
    const QJsonArray sentiments = in.attributes.value(QStringLiteral("turn_sentiments")).toArray();
    QCOMPARE(sentiments.size(), 31);
    QCOMPARE(sentiments.at(3).toString(), QStringLiteral("NEUTRAL"));  // Jane's greeting
    QCOMPARE(sentiments.at(4).toString(), QStringLiteral("NEGATIVE")); // John's complaint
    QVERIFY(sentiments.at(0).isNull());                                // system messages carry none
}

// 10 items alternating AGENT/CUSTOMER, offsets 0 .. 32110, TotalConversationDurationMillis
// 32110, Interruptions.TotalCount 2 (read in the file).
void TestContactLensParser::genuineVoice()
{
    const QDateTime fallback = utc("2024-05-01T12:00:00Z");
    const ParsedRecord r = parseOne(vendorFile(
        realPath(QStringLiteral(
            "amazon-connect-contact-lens/voice_docs_example_with_postcontactsummary.json")),
        fallback));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.channel, QStringLiteral("voice"));
    QCOMPARE(in.externalId, QStringLiteral("voice_docs_example_with_postcontactsummary"));
    QCOMPARE(in.turns.size(), std::size_t(10));
    QCOMPARE(countSpeaker(in, Speaker::Agent), 5);
    QCOMPARE(countSpeaker(in, Speaker::Customer), 5);
    QCOMPARE(in.turns.front().speaker, Speaker::Agent);
    QCOMPARE(in.turns.front().text, QStringLiteral("Okay."));
    QCOMPARE(in.turns.front().startMs, qint64(0));
    QCOMPARE(in.turns.front().endMs, qint64(90));
    QCOMPARE(in.turns.back().speaker, Speaker::Customer);
    QCOMPARE(in.turns.back().startMs, qint64(30580));
    QCOMPARE(in.turns.back().endMs, qint64(32110));
    QCOMPARE(in.durationMs, qint64(32110));
    QCOMPARE(in.startedAt, fallback);
    QCOMPARE(in.attributes.value(QStringLiteral("started_at_source")).toString(),
             QStringLiteral("caller"));
    QCOMPARE(in.attributes.value(QStringLiteral("interruptions_count")).toInteger(), 2);
    QCOMPARE(in.attributes.value(QStringLiteral("interruptions_ms")).toInteger(), 7580);
    QCOMPARE(in.attributes.value(QStringLiteral("non_talk_time_ms")).toInteger(), 0);
    QCOMPARE(in.attributes.value(QStringLiteral("sentiment_customer")).toDouble(), 3.1);
    QVERIFY(in.attributes.value(QStringLiteral("summary"))
                .toString()
                .startsWith(QLatin1String("The customer and agent's conversation")));
    // Turns 8 (22610-24140) and 9 (24120-29710) overlap by 20 ms: kept as they are.
    QCOMPARE(in.turns[7].endMs - in.turns[8].startMs, qint64(20));
}

void TestContactLensParser::genuineVoiceWithoutFallbackUsesFileTime()
{
    const QString path = realPath(QStringLiteral(
        "amazon-connect-contact-lens/voice_docs_example_with_postcontactsummary.json"));
    const ParsedRecord r = parseOne(vendorFile(path));
    QVERIFY2(r.interaction, qPrintable(r.error));
    QCOMPARE(r.interaction->startedAt.toMSecsSinceEpoch(),
             QFileInfo(path).lastModified().toMSecsSinceEpoch());
    QCOMPARE(r.interaction->attributes.value(QStringLiteral("started_at_source")).toString(),
             QStringLiteral("file-mtime"));
}

void TestContactLensParser::voiceWithOverlappingTurns()
{
    const ParsedRecord r =
        parseOne(vendorFile(fixturePath(QStringLiteral("contact-lens/voice_overlap.json")),
                            utc("2024-03-05T10:15:30Z")));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.externalId, QStringLiteral("0f6c7a52-3d1e-4b7a-9a55-2c8e1d4f6a10"));
    QCOMPARE(in.language, QStringLiteral("en-GB"));
    QCOMPARE(in.turns.size(), std::size_t(5));
    const std::vector<Speaker> expected{Speaker::Agent, Speaker::Customer, Speaker::Agent,
                                        Speaker::Agent, Speaker::Customer};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(in.turns[i].speaker, expected[i]);
    QCOMPARE(in.turns[1].startMs, qint64(3500));
    QCOMPARE(in.turns[0].endMs, qint64(5000));
    QCOMPARE(in.durationMs, qint64(21000));
    QCOMPARE(in.attributes.value(QStringLiteral("categories")).toArray(),
             QJsonArray({QStringLiteral("Refund"), QStringLiteral("Escalation")}));
    QCOMPARE(in.attributes.value(QStringLiteral("non_talk_time_ms")).toInteger(), 4200);
    QCOMPARE(in.attributes.value(QStringLiteral("interruptions_count")).toInteger(), 1);
    QCOMPARE(in.attributes.value(QStringLiteral("talk_time_agent_ms")).toInteger(), 9300);
    QCOMPARE(in.attributes.value(QStringLiteral("sentiment_customer")).toDouble(), -0.8);
    QCOMPARE(in.attributes.value(QStringLiteral("turn_sentiments")).toArray().at(1).toString(),
             QStringLiteral("NEGATIVE"));
    // The fixture was written with one 1.5 s overlap (3500-5000) and one 4.2 s gap
    // (12000-16200): the derived metrics must see both.
    const DerivedMetrics m = deriveMetrics(in);
    QCOMPARE(m.overtalkCount, 1);
    QCOMPARE(m.overtalkMs, qint64(1500));
    QCOMPARE(m.silenceCount, 1);
    QCOMPARE(m.silenceMaxMs, qint64(4200));
}

void TestContactLensParser::fileNameGivesContactIdAndTime()
{
    // Connect names its output "<ContactId>_analysis_<time>.json".
    const QString name =
        QStringLiteral("/exports/Analysis/Voice/2024/03/05/"
                       "1b2c3d4e-0000-4aaa-8bbb-123456789abc_analysis_2024-03-05T10:15:30Z.json");
    const ParsedRecord r = parseOne(
        vendorFile(fixturePath(QStringLiteral("contact-lens/voice_no_times.json")), {}, name));
    QVERIFY2(r.interaction, qPrintable(r.error));
    QCOMPARE(r.interaction->externalId, QStringLiteral("1b2c3d4e-0000-4aaa-8bbb-123456789abc"));
    QCOMPARE(r.interaction->startedAt, utc("2024-03-05T10:15:30Z"));
    QCOMPARE(r.interaction->attributes.value(QStringLiteral("started_at_source")).toString(),
             QStringLiteral("file-name"));
    QCOMPARE(r.fileName, name);

    // The ContactId inside the file wins over the one in the name.
    const ParsedRecord withId = parseOne(
        vendorFile(fixturePath(QStringLiteral("contact-lens/voice_overlap.json")), {}, name));
    QVERIFY(withId.interaction);
    QCOMPARE(withId.interaction->externalId,
             QStringLiteral("0f6c7a52-3d1e-4b7a-9a55-2c8e1d4f6a10"));
}

void TestContactLensParser::missingTimesStayUnknown()
{
    const ParsedRecord r =
        parseOne(vendorFile(fixturePath(QStringLiteral("contact-lens/voice_no_times.json")),
                            utc("2024-01-01T00:00:00Z")));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.externalId, QStringLiteral("voice_no_times"));
    QCOMPARE(in.turns.size(), std::size_t(2));
    for (const Turn &t : in.turns) {
        QCOMPARE(t.startMs, qint64(-1)); // missing, or "soon" instead of a number
        QCOMPARE(t.endMs, qint64(-1));
    }
    QCOMPARE(in.durationMs, qint64(-1));
}

void TestContactLensParser::chatEventsAreNotTurns()
{
    const ParsedRecord r =
        parseOne(vendorFile(fixturePath(QStringLiteral("contact-lens/chat_events.json"))));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    // 10 items: 5 EVENT (2 joins, typing, left, chat.ended), 4 MESSAGE, 1 ATTACHMENT.
    QCOMPARE(in.turns.size(), std::size_t(5));
    const std::vector<Speaker> expected{Speaker::System, Speaker::Customer, Speaker::Agent,
                                        Speaker::Customer, Speaker::Agent};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(in.turns[i].speaker, expected[i]);
    QCOMPARE(in.turns[3].text, QStringLiteral("[attachment: receipt.pdf]"));
    QCOMPARE(in.turns[1].atMs, epochMs("2024-02-10T09:00:10.000Z"));
    const QJsonArray events = in.attributes.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("event")).toString(),
             QStringLiteral("participant.joined"));
    QCOMPARE(events.at(4).toObject().value(QStringLiteral("event")).toString(),
             QStringLiteral("chat.ended"));
    QCOMPARE(in.startedAt, utc("2024-02-10T09:00:00.000Z"));
    QCOMPARE(in.durationMs, qint64(151000));
    QCOMPARE(in.agentName, QStringLiteral("Tom"));
    QCOMPARE(in.attributes.value(QStringLiteral("agent_participant_id")).toString(),
             QStringLiteral("agent-p-1"));
    QCOMPARE(in.attributes.value(QStringLiteral("sentiment_agent")).toDouble(), 2.5);
    const QJsonArray sentiments = in.attributes.value(QStringLiteral("turn_sentiments")).toArray();
    QCOMPARE(sentiments.at(1).toString(), QStringLiteral("NEGATIVE"));
    QCOMPARE(sentiments.at(4).toString(), QStringLiteral("POSITIVE"));
    QVERIFY(sentiments.at(3).isNull());
}

void TestContactLensParser::brokenFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    const auto fixture = [](const char *name) {
        return readBytes(fixturePath(QStringLiteral("contact-lens/") + QLatin1String(name)));
    };
    QTest::newRow("no transcript")
        << QStringLiteral("a.json") << fixture("broken_no_transcript.json")
        << QStringLiteral("Contact Lens file has no Transcript");
    QTest::newRow("item without text")
        << QStringLiteral("b.json") << fixture("broken_missing_content.json")
        << QStringLiteral("Transcript item 2 has no Content text");
    QTest::newRow("item without speaker")
        << QStringLiteral("c.json") << fixture("broken_no_speaker.json")
        << QStringLiteral("Transcript item 1 has no ParticipantId or ParticipantRole");
    QTest::newRow("truncated") << QStringLiteral("d.json") << fixture("broken_truncated.json")
                               << QStringLiteral("not JSON: ");
    QTest::newRow("no time anywhere")
        << QStringLiteral("/nonexistent/e.json") << fixture("voice_no_times.json")
        << QStringLiteral("no start time");
    QTest::newRow("empty") << QStringLiteral("f.json") << QByteArray("  \n")
                           << QStringLiteral("empty file");
    QTest::newRow("array") << QStringLiteral("g.json") << QByteArray("[1, 2]")
                           << QStringLiteral(
                                  "expected a JSON object at the top level, found an array");
    QTest::newRow("binary") << QStringLiteral("h.json") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                            << QStringLiteral("not JSON: ");
    QTest::newRow("invalid utf-8")
        << QStringLiteral("k.json")
        << QByteArray("{\"Channel\": \"CHAT\", \"Transcript\": [{\"Content\": \"caf\xe9\"}]}")
        << QStringLiteral("not JSON: ");
    QTest::newRow("too large") << QStringLiteral("l.json") << QByteArray(64 * 1024 * 1024 + 1, ' ')
                               << QStringLiteral(
                                      "file too large for one vendor JSON document: 64 MB");
    QTest::newRow("transcript not array")
        << QStringLiteral("i.json") << QByteArray(R"({"CustomerMetadata": {}, "Transcript": "x"})")
        << QStringLiteral("Contact Lens Transcript is not an array");
    QTest::newRow("only events")
        << QStringLiteral("j.json")
        << QByteArray(
               R"({"Channel": "CHAT", "Transcript": [{"Type": "EVENT", "AbsoluteTime": "2024-01-01T00:00:00Z"}]})")
        << QStringLiteral("Contact Lens Transcript has no messages");
}

void TestContactLensParser::brokenFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const ParsedRecord r = parseOne(VendorFile{name, content});
    QVERIFY(!r.interaction);
    QVERIFY2(r.error.startsWith(reason), qPrintable(r.error));
    QCOMPARE(r.raw, content); // kept whole, never dropped
    QCOMPARE(r.recordNo, qint64(1));
    QCOMPARE(r.fileName, name);
}

void TestContactLensParser::oneRecordPerFileInOrder()
{
    const std::vector<VendorFile> files{
        vendorFile(fixturePath(QStringLiteral("contact-lens/chat_events.json"))),
        vendorFile(fixturePath(QStringLiteral("contact-lens/broken_truncated.json"))),
        vendorFile(fixturePath(QStringLiteral("contact-lens/voice_overlap.json")),
                   utc("2024-01-01T00:00:00Z")),
    };
    const std::vector<ParsedRecord> records = parseVendorFiles(VendorFormat::ContactLens, files);
    QCOMPARE(records.size(), std::size_t(3));
    QVERIFY(records[0].interaction);
    QVERIFY(!records[1].interaction);
    QVERIFY(records[2].interaction);
    for (std::size_t i = 0; i < files.size(); ++i)
        QCOMPARE(records[i].fileName, files[i].fileName);
}

QTEST_GUILESS_MAIN(TestContactLensParser)
#include "TestContactLensParser.moc"
