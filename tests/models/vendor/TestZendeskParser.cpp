#include "VendorTestFiles.h"

#include "import/VendorFormats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qaw;
using namespace qaw::testing;

namespace {

std::vector<ParsedRecord> parseZendesk(const QStringList &paths)
{
    std::vector<VendorFile> files;
    for (const QString &path : paths)
        files.push_back(vendorFile(path));
    return parseVendorFiles(VendorFormat::Zendesk, files);
}

const ParsedRecord *findTicket(const std::vector<ParsedRecord> &records, const QString &id)
{
    for (const ParsedRecord &r : records)
        if (r.interaction && r.interaction->externalId == id)
            return &r;
    return nullptr;
}

QString real(const char *name)
{
    return realPath(QStringLiteral("zendesk/") + QLatin1String(name));
}

QString fixture(const char *name)
{
    return fixturePath(QStringLiteral("zendesk/") + QLatin1String(name));
}

} // namespace

class TestZendeskParser : public QObject
{
    Q_OBJECT

private slots:
    void genuineFilesJoinedByTicketId();
    void genuineRatingsGiveCsat();
    void fixtureTicketWithAuditsAndRatings();
    void ticketsWithoutAudits();
    void orphanRatingIsKeptAsReject();
    void descriptionNotDuplicated_data();
    void descriptionNotDuplicated();
    void brokenRecords();
    void brokenFiles_data();
    void brokenFiles();
    void viaChannelMapping_data();
    void viaChannelMapping();
};

// Counted with python3: api_v2_tickets.json holds 100 distinct tickets (ticket 1 is also
// in api_v2_tickets_1.json); none of the 65 ratings is for one of them. Ticket 1's audits
// hold 22 Comment events, 20 public (2 by requester 20014182, 18 by 20014187) and 2
// private; the first public one equals the description.
void TestZendeskParser::genuineFilesJoinedByTicketId()
{
    const std::vector<ParsedRecord> records = parseZendesk(
        {real("api_v2_tickets.json"), real("api_v2_tickets_1.json"),
         real("api_v2_tickets_1_audits.json"), real("api_v2_satisfaction_ratings.json"),
         real("api_v2_tickets_1_metrics.json")});
    int accepted = 0;
    int orphanRatings = 0;
    for (const ParsedRecord &r : records) {
        accepted += r.interaction ? 1 : 0;
        if (r.error.startsWith(QLatin1String("satisfaction rating for ticket ")))
            ++orphanRatings;
    }
    QCOMPARE(accepted, 100);
    QCOMPARE(orphanRatings, 65);
    QCOMPARE(records.size(), std::size_t(165));

    const ParsedRecord *one = findTicket(records, QStringLiteral("1"));
    QVERIFY(one);
    const Interaction &in = *one->interaction;
    QCOMPARE(in.source, QStringLiteral("zendesk"));
    QCOMPARE(one->fileName, real("api_v2_tickets.json"));
    QCOMPARE(one->recordNo, qint64(1));
    QCOMPARE(in.channel, QStringLiteral("email")); // via web form
    QCOMPARE(in.startedAt, utc("2012-09-06T20:15:09Z"));
    QCOMPARE(in.agentId, QStringLiteral("20014182"));
    QCOMPARE(in.customerId, QStringLiteral("20014182"));
    QCOMPARE(in.resolved, std::optional<bool>(false)); // pending
    QCOMPARE(in.turns.size(), std::size_t(20));
    int customer = 0;
    for (const Turn &t : in.turns)
        customer += t.speaker == Speaker::Customer ? 1 : 0;
    QCOMPARE(customer, 2);
    QCOMPARE(in.turns.front().text,
             QStringLiteral("This is the first comment. Feel free to delete this sample ticket."));
    QCOMPARE(in.turns.front().atMs, epochMs("2012-09-06T20:17:09Z"));
    QCOMPARE(in.turns.back().atMs, epochMs("2013-07-08T12:01:26Z"));
    QCOMPARE(in.turns.back().speaker, Speaker::Agent);
    QCOMPARE(in.attributes.value(QStringLiteral("internal_notes")).toArray().size(), 2);
    QVERIFY(!in.csat); // "unoffered"
    QCOMPARE(in.attributes.value(QStringLiteral("csat_score")).toString(),
             QStringLiteral("unoffered"));
    QCOMPARE(in.attributes.value(QStringLiteral("metrics"))
                 .toObject()
                 .value(QStringLiteral("replies"))
                 .toInt(),
             555);
    // The raw record holds the joined parts, so a reject can be read again on its own.
    const QJsonObject raw = QJsonDocument::fromJson(one->raw).object();
    QCOMPARE(raw.value(QStringLiteral("audits")).toArray().size(), 100);

    // Ticket 94: submitted by 20014182 for requester 20014192, no audits: the description
    // (by the submitter, an agent) is the only turn.
    const ParsedRecord *t94 = findTicket(records, QStringLiteral("94"));
    QVERIFY(t94);
    QCOMPARE(t94->interaction->turns.size(), std::size_t(1));
    QCOMPARE(t94->interaction->turns.front().text, QStringLiteral("Indeed it is!"));
    QCOMPARE(t94->interaction->turns.front().speaker, Speaker::Agent);
    QCOMPARE(t94->interaction->agentId, QStringLiteral("unknown-agent"));
}

// The genuine ratings file scores ticket 35 "good" and ticket 93 "offered"; the tickets
// themselves are hand-written companions (tickets_35_93.json).
void TestZendeskParser::genuineRatingsGiveCsat()
{
    const std::vector<ParsedRecord> records =
        parseZendesk({fixture("tickets_35_93.json"), real("api_v2_satisfaction_ratings.json")});
    const ParsedRecord *t35 = findTicket(records, QStringLiteral("35"));
    const ParsedRecord *t93 = findTicket(records, QStringLiteral("93"));
    QVERIFY(t35 && t93);
    QCOMPARE(t35->interaction->csat, std::optional<int>(5));
    QCOMPARE(t35->interaction->attributes.value(QStringLiteral("csat_comment")).toString(),
             QStringLiteral("Satisfaction!"));
    QVERIFY(!t93->interaction->csat);
    QCOMPARE(t93->interaction->attributes.value(QStringLiteral("csat_score")).toString(),
             QStringLiteral("offered"));
    QCOMPARE(records.size(), std::size_t(2 + 63)); // the other 63 ratings: kept as rejects
}

void TestZendeskParser::fixtureTicketWithAuditsAndRatings()
{
    const std::vector<ParsedRecord> records =
        parseZendesk({fixture("tickets.json"), fixture("ticket_501_audits.json"),
                      fixture("satisfaction_ratings.json")});
    const ParsedRecord *r = findTicket(records, QStringLiteral("501"));
    QVERIFY(r);
    const Interaction &in = *r->interaction;
    // Comments: customer (= description), trigger reply, private note, agent, customer.
    QCOMPARE(in.turns.size(), std::size_t(4));
    QCOMPARE(in.turns[0].speaker, Speaker::Customer);
    QCOMPARE(in.turns[1].speaker, Speaker::System);
    QCOMPARE(in.turns[2].speaker, Speaker::Agent);
    QCOMPARE(in.turns[3].speaker, Speaker::Customer);
    QCOMPARE(in.turns[2].atMs, epochMs("2024-04-02T09:20:00Z"));
    QCOMPARE(in.turns[3].text, QStringLiteral("Thanks, I can see it now."));
    const QJsonArray notes = in.attributes.value(QStringLiteral("internal_notes")).toArray();
    QCOMPARE(notes.size(), 1);
    QVERIFY(notes.at(0)
                .toObject()
                .value(QStringLiteral("body"))
                .toString()
                .startsWith(QLatin1String("Return arrived")));
    // Rated bad on 3 April, then good on 4 April: the latest rating counts.
    QCOMPARE(in.csat, std::optional<int>(5));
    QCOMPARE(in.attributes.value(QStringLiteral("csat_comment")).toString(),
             QStringLiteral("Fixed in the end, thank you."));
    QCOMPARE(in.channel, QStringLiteral("email"));
    QCOMPARE(in.agentId, QStringLiteral("9001"));
    QCOMPARE(in.customerId, QStringLiteral("7001"));
    QCOMPARE(in.queue, QStringLiteral("300"));
    QCOMPARE(in.tags, QStringList({QStringLiteral("refund"), QStringLiteral("returns")}));
    QCOMPARE(in.resolved, std::optional<bool>(true));
    QCOMPARE(in.startedAt, utc("2024-04-02T08:00:00Z"));
    QCOMPARE(in.attributes.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Refund not received"));

    const ParsedRecord *t503 = findTicket(records, QStringLiteral("503"));
    QVERIFY(t503);
    QCOMPARE(t503->interaction->csat, std::optional<int>(1));
    QCOMPARE(t503->interaction->channel, QStringLiteral("voice"));
    const ParsedRecord *t502 = findTicket(records, QStringLiteral("502"));
    QVERIFY(t502);
    QVERIFY(!t502->interaction->csat); // offered, never answered
}

void TestZendeskParser::ticketsWithoutAudits()
{
    const std::vector<ParsedRecord> records = parseZendesk({fixture("tickets.json")});
    QCOMPARE(records.size(), std::size_t(4));
    const ParsedRecord *t502 = findTicket(records, QStringLiteral("502"));
    QVERIFY(t502);
    QCOMPARE(t502->recordNo, qint64(2));
    QCOMPARE(t502->interaction->channel, QStringLiteral("chat"));
    QCOMPARE(t502->interaction->agentId, QStringLiteral("unknown-agent"));
    QCOMPARE(t502->interaction->turns.size(), std::size_t(1));
    QCOMPARE(t502->interaction->turns[0].speaker, Speaker::Customer);
    QCOMPARE(t502->interaction->turns[0].atMs, epochMs("2024-04-05T12:30:00Z"));
    QCOMPARE(t502->interaction->resolved, std::optional<bool>(false));
    // Submitted by agent 9002 for requester 7003: the description is the agent's.
    const ParsedRecord *t503 = findTicket(records, QStringLiteral("503"));
    QVERIFY(t503);
    QCOMPARE(t503->interaction->turns[0].speaker, Speaker::Agent);
    const ParsedRecord *t504 = findTicket(records, QStringLiteral("504"));
    QVERIFY(t504);
    QCOMPARE(t504->interaction->channel, QStringLiteral("social"));
    // Without the audits, ticket 501's embedded "offered" rating gives no CSAT.
    const ParsedRecord *t501 = findTicket(records, QStringLiteral("501"));
    QVERIFY(t501);
    QVERIFY(!t501->interaction->csat);
    QCOMPARE(t501->interaction->turns.size(), std::size_t(1));
}

void TestZendeskParser::orphanRatingIsKeptAsReject()
{
    const std::vector<ParsedRecord> records =
        parseZendesk({fixture("tickets.json"), fixture("satisfaction_ratings.json")});
    QCOMPARE(records.size(), std::size_t(5));
    const ParsedRecord &orphan = records.back();
    QVERIFY(!orphan.interaction);
    QCOMPARE(orphan.error,
             QStringLiteral("satisfaction rating for ticket 999, which is not among the files"));
    QCOMPARE(orphan.fileName, fixture("satisfaction_ratings.json"));
    QCOMPARE(orphan.recordNo, qint64(5));
    QCOMPARE(QJsonDocument::fromJson(orphan.raw).object().value(QStringLiteral("id")).toInt(),
             6005);
}

void TestZendeskParser::descriptionNotDuplicated_data()
{
    QTest::addColumn<QByteArray>("audits");
    QTest::addColumn<QStringList>("texts");
    // The creation audit's comment differs from the description only in markup: it is
    // the description, so it is not added again.
    QTest::newRow("creation audit")
        << QByteArray(
               R"({"audits": [{"id": 1, "ticket_id": 700, "created_at": "2024-05-01T10:00:00Z",
            "events": [{"type": "Comment", "author_id": 11, "public": true, "body": "**Hello**, the app crashes."},
                       {"type": "Create", "field_name": "status", "value": "new"}]}]})")
        << QStringList{QStringLiteral("**Hello**, the app crashes.")};
    QTest::newRow("same text, other spacing")
        << QByteArray(
               R"({"audits": [{"id": 1, "ticket_id": 700, "created_at": "2024-05-01T10:00:00Z",
            "events": [{"type": "Comment", "author_id": 11, "public": true, "body": "Hello,  the app\ncrashes."}]}]})")
        << QStringList{QStringLiteral("Hello,  the app\ncrashes.")};
    // A later page of audits only: the description opens the conversation.
    QTest::newRow("later page")
        << QByteArray(
               R"({"audits": [{"id": 9, "ticket_id": 700, "created_at": "2024-05-02T10:00:00Z",
            "events": [{"type": "Comment", "author_id": 11, "public": true, "body": "Any news?"}]}]})")
        << QStringList{QStringLiteral("Hello, the app crashes."), QStringLiteral("Any news?")};
}

void TestZendeskParser::descriptionNotDuplicated()
{
    QFETCH(QByteArray, audits);
    QFETCH(QStringList, texts);
    const QByteArray ticket = R"({"ticket": {"id": 700, "created_at": "2024-05-01T10:00:00Z",
        "description": "Hello, the app crashes.", "requester_id": 11, "submitter_id": 11}})";
    const std::vector<ParsedRecord> records =
        parseVendorFiles(VendorFormat::Zendesk, {VendorFile{QStringLiteral("t.json"), ticket},
                                                 VendorFile{QStringLiteral("a.json"), audits}});
    QCOMPARE(records.size(), std::size_t(1));
    QVERIFY2(records[0].interaction, qPrintable(records[0].error));
    QStringList actual;
    for (const Turn &t : records[0].interaction->turns) {
        actual << t.text;
        QCOMPARE(t.speaker, Speaker::Customer);
    }
    QCOMPARE(actual, texts);
}

void TestZendeskParser::brokenRecords()
{
    const std::vector<ParsedRecord> records =
        parseZendesk({fixture("broken_tickets.json"), fixture("broken_audits.json")});
    QStringList errors;
    for (const ParsedRecord &r : records) {
        QVERIFY(!r.interaction);
        QVERIFY(!r.raw.isEmpty());
        errors << r.error;
    }
    errors.sort();
    QCOMPARE(errors,
             QStringList({
                 QStringLiteral("audit has no ticket_id"),
                 QStringLiteral("ticket 601 has no valid created_at"),
                 QStringLiteral("ticket 602 has no description and no public comment"),
                 QStringLiteral("ticket 603: audit 90001 has a Comment event without a body"),
                 QStringLiteral("ticket has no id"),
             }));
}

void TestZendeskParser::brokenFiles_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not zendesk") << QStringLiteral("broken_not_zendesk.json")
                                 << QStringLiteral("not a Zendesk API response: expected ticket, "
                                                   "tickets, audits or satisfaction_ratings");
    QTest::newRow("truncated") << QStringLiteral("broken_truncated.json")
                               << QStringLiteral("not JSON: ");
}

void TestZendeskParser::brokenFiles()
{
    QFETCH(QString, fixture);
    QFETCH(QString, reason);
    const QString path = fixturePath(QStringLiteral("zendesk/") + fixture);
    const std::vector<ParsedRecord> records = parseZendesk({path, ::fixture("tickets.json")});
    QCOMPARE(records.size(), std::size_t(5)); // the good file still gives its 4 tickets
    const auto bad = std::find_if(records.begin(), records.end(),
                                  [](const ParsedRecord &r) { return !r.interaction; });
    QVERIFY(bad != records.end());
    QVERIFY2(bad->error.startsWith(reason), qPrintable(bad->error));
    QCOMPARE(bad->raw, readBytes(path));
    QCOMPARE(bad->fileName, path);
}

void TestZendeskParser::viaChannelMapping_data()
{
    QTest::addColumn<QString>("via");
    QTest::addColumn<QString>("channel");
    QTest::newRow("web") << QStringLiteral("web") << QStringLiteral("email");
    QTest::newRow("email") << QStringLiteral("email") << QStringLiteral("email");
    QTest::newRow("api") << QStringLiteral("api") << QStringLiteral("email");
    QTest::newRow("chat") << QStringLiteral("chat") << QStringLiteral("chat");
    QTest::newRow("messaging") << QStringLiteral("native_messaging") << QStringLiteral("chat");
    QTest::newRow("voice") << QStringLiteral("voice") << QStringLiteral("voice");
    QTest::newRow("sms") << QStringLiteral("sms") << QStringLiteral("sms");
    QTest::newRow("twitter") << QStringLiteral("twitter") << QStringLiteral("social");
    QTest::newRow("facebook") << QStringLiteral("facebook") << QStringLiteral("social");
    QTest::newRow("whatsapp") << QStringLiteral("whatsapp") << QStringLiteral("social");
    QTest::newRow("missing") << QString() << QStringLiteral("email");
}

void TestZendeskParser::viaChannelMapping()
{
    QFETCH(QString, via);
    QFETCH(QString, channel);
    const QByteArray json = QStringLiteral(R"({"ticket": {"id": 1, "via": {"channel": "%1"},
        "created_at": "2024-01-01T00:00:00Z", "description": "hi", "requester_id": 2}})")
                                .arg(via)
                                .toUtf8();
    const std::vector<ParsedRecord> records =
        parseVendorFiles(VendorFormat::Zendesk, {VendorFile{QStringLiteral("t.json"), json}});
    QCOMPARE(records.size(), std::size_t(1));
    QVERIFY2(records[0].interaction, qPrintable(records[0].error));
    QCOMPARE(records[0].interaction->channel, channel);
}

QTEST_GUILESS_MAIN(TestZendeskParser)
#include "TestZendeskParser.moc"
