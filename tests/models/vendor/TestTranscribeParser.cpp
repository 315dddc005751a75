#include "VendorTestFiles.h"

#include "import/VendorFormats.h"

#include <QJsonArray>
#include <QtTest>

using namespace qaw;
using namespace qaw::testing;

namespace {

ParsedRecord parseOne(const VendorFile &file)
{
    const std::vector<ParsedRecord> records =
        parseVendorFiles(VendorFormat::TranscribeCallAnalytics, {file});
    if (records.size() != 1)
        qFatal("expected one record per Transcribe file");
    return records.front();
}

} // namespace

class TestTranscribeParser : public QObject
{
    Q_OBJECT

private slots:
    void genuineCall();
    void fixtureCall();
    void brokenFiles_data();
    void brokenFiles();
};

// Counted in the file with python3: 37 Transcript segments, 19 AGENT and 18 CUSTOMER,
// alternating from AGENT; first BeginOffsetMillis 40, last EndOffsetMillis 182890 ("Bye.",
// AGENT); Sentiment NEUTRAL 21, POSITIVE 14, NEGATIVE 2; JobName "example-call.wav".
void TestTranscribeParser::genuineCall()
{
    const QDateTime fallback = utc("2023-06-01T09:30:00Z");
    const ParsedRecord r = parseOne(vendorFile(
        realPath(QStringLiteral("amazon-transcribe-call-analytics/example-call.json")), fallback));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.source, QStringLiteral("transcribe"));
    QCOMPARE(in.externalId, QStringLiteral("example-call.wav"));
    QCOMPARE(in.channel, QStringLiteral("voice"));
    QCOMPARE(in.turns.size(), std::size_t(37));
    int agents = 0;
    for (std::size_t i = 0; i < in.turns.size(); ++i) {
        QCOMPARE(in.turns[i].speaker, i % 2 == 0 ? Speaker::Agent : Speaker::Customer);
        agents += in.turns[i].speaker == Speaker::Agent ? 1 : 0;
        QVERIFY(in.turns[i].hasOffsets());
    }
    QCOMPARE(agents, 19);
    QCOMPARE(in.turns.front().startMs, qint64(40));
    QCOMPARE(in.turns.front().endMs, qint64(5050));
    QCOMPARE(in.turns.back().text, QStringLiteral("Bye."));
    QCOMPARE(in.turns.back().endMs, qint64(182890));
    QCOMPARE(in.durationMs, qint64(182890));
    QCOMPARE(in.startedAt, fallback);
    QCOMPARE(in.agentId, QStringLiteral("unknown-agent"));
    QCOMPARE(in.language, QStringLiteral("en-US"));
    QCOMPARE(in.attributes.value(QStringLiteral("content_output")).toString(),
             QStringLiteral("Redacted"));
    QCOMPARE(in.attributes.value(QStringLiteral("interruptions_ms")).toInteger(), 4340);
    QCOMPARE(in.attributes.value(QStringLiteral("talk_time_agent_ms")).toInteger(), 104349);
    QCOMPARE(in.attributes.value(QStringLiteral("sentiment_agent")).toDouble(), 2.4);
    const QJsonArray sentiments = in.attributes.value(QStringLiteral("turn_sentiments")).toArray();
    QCOMPARE(sentiments.size(), 37);
    int negative = 0;
    for (const QJsonValue &s : sentiments)
        negative += s.toString() == QLatin1String("NEGATIVE") ? 1 : 0;
    QCOMPARE(negative, 2);
}

void TestTranscribeParser::fixtureCall()
{
    const ParsedRecord r = parseOne(vendorFile(fixturePath(QStringLiteral("transcribe/call.json")),
                                               utc("2024-02-02T10:00:00Z")));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.externalId, QStringLiteral("billing-call-2024-0042"));
    QCOMPARE(in.turns.size(), std::size_t(4));
    QCOMPARE(in.turns[0].speaker, Speaker::Agent);
    QCOMPARE(in.turns[1].speaker, Speaker::Customer);
    QCOMPARE(in.turns[1].startMs, qint64(3300));
    QCOMPARE(in.turns[1].endMs, qint64(6300));
    // The last segment has no offsets in the fixture: unknown, not zero.
    QCOMPARE(in.turns[3].startMs, qint64(-1));
    QCOMPARE(in.turns[3].endMs, qint64(-1));
    QCOMPARE(in.durationMs, qint64(15500));
    QCOMPARE(in.attributes.value(QStringLiteral("non_talk_time_ms")).toInteger(), 3100);
    QCOMPARE(in.attributes.value(QStringLiteral("interruptions_count")).toInteger(), 0);
    QVERIFY(!in.attributes.contains(QStringLiteral("categories"))); // none matched
    QCOMPARE(in.attributes.value(QStringLiteral("turn_sentiments")).toArray().at(1).toString(),
             QStringLiteral("NEGATIVE"));
}

void TestTranscribeParser::brokenFiles_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("reason");
    QTest::newRow("segment without role")
        << QStringLiteral("broken_missing_role.json")
        << QStringLiteral("Transcript segment 2 has no ParticipantRole");
    QTest::newRow("content not text") << QStringLiteral("broken_missing_content.json")
                                      << QStringLiteral("Transcript segment 2 has no Content text");
    QTest::newRow("job not finished")
        << QStringLiteral("broken_in_progress.json")
        << QStringLiteral("Transcribe job status is IN_PROGRESS, not COMPLETED");
}

void TestTranscribeParser::brokenFiles()
{
    QFETCH(QString, fixture);
    QFETCH(QString, reason);
    const VendorFile file = vendorFile(fixturePath(QStringLiteral("transcribe/") + fixture),
                                       utc("2024-01-01T00:00:00Z"));
    const ParsedRecord r = parseOne(file);
    QVERIFY(!r.interaction);
    QCOMPARE(r.error, reason);
    QCOMPARE(r.raw, file.content);
}

QTEST_GUILESS_MAIN(TestTranscribeParser)
#include "TestTranscribeParser.moc"
