#include "VendorTestFiles.h"

#include "domain/DerivedMetrics.h"
#include "import/VendorFormats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qaw;
using namespace qaw::testing;

namespace {

ParsedRecord parseOne(const VendorFile &file)
{
    const std::vector<ParsedRecord> records = parseVendorFiles(VendorFormat::GenesysCloud, {file});
    if (records.size() != 1)
        qFatal("expected one record per Genesys file");
    return records.front();
}

} // namespace

class TestGenesysParser : public QObject
{
    Q_OBJECT

private slots:
    void genuineTranscript();
    void genuineTranscriptFitsTheSchema();
    void twoTranscriptsInterleave();
    void smsMessage();
    void brokenFiles_data();
    void brokenFiles();
};

// From the file (python3): 4 phrases, purposes external, external, internal, external;
// startTimeMs 1619441069316 (the earliest), 1619441071017, 1619441073034, 1619441075295
// with durations 1284, 1364, 528, 906 ms; the agent participant's userId e8b5dcdd-...
void TestGenesysParser::genuineTranscript()
{
    const ParsedRecord r =
        parseOne(vendorFile(realPath(QStringLiteral("genesys-cloud/genesys_transcript.json"))));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.source, QStringLiteral("genesys"));
    QCOMPARE(in.externalId, QStringLiteral("4801fdff-07f1-496e-b03b-61d46ea3a754"));
    QCOMPARE(in.channel, QStringLiteral("voice"));
    QCOMPARE(in.turns.size(), std::size_t(4));
    const std::vector<Speaker> speakers{Speaker::Customer, Speaker::Customer, Speaker::Agent,
                                        Speaker::Customer};
    const std::vector<qint64> starts{0, 1701, 3718, 5979};
    const std::vector<qint64> ends{1284, 3065, 4246, 6885};
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(in.turns[i].speaker, speakers[i]);
        QCOMPARE(in.turns[i].startMs, starts[i]);
        QCOMPARE(in.turns[i].endMs, ends[i]);
        QCOMPARE(in.turns[i].atMs, qint64(1619441069316) + starts[i]);
    }
    QCOMPARE(in.turns[2].text, QStringLiteral("thank you"));
    QCOMPARE(in.startedAt, QDateTime::fromMSecsSinceEpoch(1619441069316, Qt::UTC));
    // The file's own duration (6885 ms) agrees with the span of its phrases.
    QCOMPARE(in.durationMs, qint64(6885));
    QCOMPARE(in.agentId, QStringLiteral("e8b5dcdd-cb3c-48af-b2fe-b73089f3e83b"));
    QCOMPARE(in.queue, QStringLiteral("ed7233c8-9785-4891-9770-3ff7c390ebbf"));
    QCOMPARE(in.customerId, QStringLiteral("tel:+16198486188"));
    QCOMPARE(in.language, QStringLiteral("en-US"));
    const QJsonArray sentiments = in.attributes.value(QStringLiteral("turn_sentiments")).toArray();
    QCOMPARE(sentiments.at(1).toDouble(), 1.0);
    QVERIFY(sentiments.at(2).isNull()); // the agent's phrase has no sentiment entry
    QCOMPARE(in.attributes.value(QStringLiteral("conversationStartTime")).toString(),
             QStringLiteral("2021-04-26T12:44:29.196Z"));
}

// The reference schema lists the properties a transcript may hold and requires
// "transcripts": the genuine file must use only those, so the reader reads real names.
void TestGenesysParser::genuineTranscriptFitsTheSchema()
{
    const QJsonObject schema =
        QJsonDocument::fromJson(readBytes(realPath(QStringLiteral(
                                    "genesys-cloud/genesys_cloud_transcript_schema.json"))))
            .object();
    const QJsonObject document =
        QJsonDocument::fromJson(
            readBytes(realPath(QStringLiteral("genesys-cloud/genesys_transcript.json"))))
            .object();
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (const QString &key : document.keys())
        QVERIFY2(properties.contains(key), qPrintable(key));
    const QJsonObject phraseProperties = schema.value(QStringLiteral("definitions"))
                                             .toObject()
                                             .value(QStringLiteral("Phrases"))
                                             .toObject()
                                             .value(QStringLiteral("items"))
                                             .toObject()
                                             .value(QStringLiteral("properties"))
                                             .toObject();
    for (const char *used : {"participantPurpose", "text", "startTimeMs", "duration"})
        QVERIFY2(phraseProperties.contains(QLatin1String(used)), used);
    QVERIFY(
        schema.value(QStringLiteral("required")).toArray().contains(QStringLiteral("transcripts")));
}

void TestGenesysParser::twoTranscriptsInterleave()
{
    const ParsedRecord r =
        parseOne(vendorFile(fixturePath(QStringLiteral("genesys/call_two_transcripts.json"))));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    // Phrases sorted by time across both transcripts: ivr, customer, bot, agent, customer.
    const std::vector<Speaker> speakers{Speaker::System, Speaker::Customer, Speaker::Bot,
                                        Speaker::Agent, Speaker::Customer};
    const std::vector<qint64> starts{0, 3500, 5000, 8000, 11000};
    QCOMPARE(in.turns.size(), speakers.size());
    for (std::size_t i = 0; i < speakers.size(); ++i) {
        QCOMPARE(in.turns[i].speaker, speakers[i]);
        QCOMPARE(in.turns[i].startMs, starts[i]);
    }
    QCOMPARE(in.turns[3].endMs, qint64(11500));
    QCOMPARE(in.startedAt, utc("2024-03-09T16:00:01Z")); // 1710000001000 ms
    QCOMPARE(in.durationMs, qint64(14000));
    QCOMPARE(in.agentId, QStringLiteral("user-42"));
    QCOMPARE(in.team, QStringLiteral("team-billing"));
    QCOMPARE(in.queue, QStringLiteral("queue-billing"));
    QCOMPARE(in.language, QStringLiteral("en-AU"));
    QCOMPARE(in.attributes.value(QStringLiteral("topics")).toArray(),
             QJsonArray({QStringLiteral("Billing")}));
    QCOMPARE(in.attributes.value(QStringLiteral("turn_sentiments")).toArray().at(1).toDouble(),
             0.1);
    const DerivedMetrics m = deriveMetrics(in);
    QCOMPARE(m.overtalkCount, 0); // agent 8000-11500 and customer 11000-14000 overlap 0.5 s only
}

void TestGenesysParser::smsMessage()
{
    const ParsedRecord r =
        parseOne(vendorFile(fixturePath(QStringLiteral("genesys/sms_message.json"))));
    QVERIFY2(r.interaction, qPrintable(r.error));
    const Interaction &in = *r.interaction;
    QCOMPARE(in.channel, QStringLiteral("sms"));
    QCOMPARE(in.turns.size(), std::size_t(2));
    QCOMPARE(in.turns[0].speaker, Speaker::Customer);
    QCOMPARE(in.turns[1].speaker, Speaker::Agent);
    QCOMPARE(in.turns[0].startMs, qint64(-1)); // messages carry times, not call offsets
    QCOMPARE(in.turns[1].atMs, qint64(1712000060000));
    QCOMPARE(in.durationMs, qint64(60000));
    QCOMPARE(in.agentId, QStringLiteral("user-7"));
    QCOMPARE(in.customerId, QStringLiteral("+15555550123"));
}

void TestGenesysParser::brokenFiles_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("reason");
    QTest::newRow("phrase without text") << QStringLiteral("broken_missing_text.json")
                                         << QStringLiteral("transcript 1 phrase 2 has no text");
    QTest::newRow("phrase without purpose")
        << QStringLiteral("broken_no_purpose.json")
        << QStringLiteral("transcript 1 phrase 1 has no participantPurpose");
    QTest::newRow("no transcripts") << QStringLiteral("broken_empty_transcripts.json")
                                    << QStringLiteral("Genesys file has no transcripts");
}

void TestGenesysParser::brokenFiles()
{
    QFETCH(QString, fixture);
    QFETCH(QString, reason);
    const VendorFile file = vendorFile(fixturePath(QStringLiteral("genesys/") + fixture));
    const ParsedRecord r = parseOne(file);
    QVERIFY(!r.interaction);
    QCOMPARE(r.error, reason);
    QCOMPARE(r.raw, file.content);
}

QTEST_GUILESS_MAIN(TestGenesysParser)
#include "TestGenesysParser.moc"
