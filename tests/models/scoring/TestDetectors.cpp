#include "TranscriptBuilder.h"

#include <QTest>

using namespace qaw;

namespace {

// JSON written with ' for " (moc cannot read raw string literals with braces).
QByteArray J(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

const Speaker A = Speaker::Agent;
const Speaker C = Speaker::Customer;

QByteArray phrases(const char *extra = "")
{
    return QByteArray(J("{'type':'phrases','speaker':'agent','phrases':['thank you for calling']")) +
           extra + "}";
}

} // namespace

//! Each detector on hand-made transcripts, including the edges: empty transcript, an
//! agent who never speaks, overlapping turns and missing timestamps (timing detectors
//! then say N/A with a reason; they never guess).
class TestDetectors : public QObject
{
    Q_OBJECT

private slots:
    void unknownTypeAndBadSettingsAreReported()
    {
        QStringList errors;
        runDetector(J("{'type':'telepathy'}"), TranscriptBuilder().build(), &errors);
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("unknown detector type")));
        runDetector(J("{'type':'regex','pattern':'(unclosed'}"), TranscriptBuilder().build(),
                    &errors);
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("not valid")));
        runDetector(J("{'type':'phrases','phrases':[]}"), TranscriptBuilder().build(), &errors);
        QCOMPARE(errors.size(), 1);
    }

    void phrasesEdges()
    {
        QVERIFY(runDetector(phrases(), TranscriptBuilder().build()).na);
        const auto customerOnly =
            TranscriptBuilder().say(C, QStringLiteral("Thank you for calling me back.")).build();
        const DetectorOutcome o = runDetector(phrases(), customerOnly);
        QVERIFY(!o.na);
        QCOMPARE(o.fraction, 0.0);
        QVERIFY(o.rationale.contains(QLatin1String("never speaks")));
        QCOMPARE(runDetector(phrases(J(",'mode':'none'")), customerOnly).fraction, 1.0);
    }

    void phrasesWindows()
    {
        const auto s = TranscriptBuilder()
                           .say(A, QStringLiteral("Hello."))
                           .say(C, QStringLiteral("Hi."))
                           .say(A, QStringLiteral("Sorry, thank you for calling."), 20000)
                           .build();
        QCOMPARE(runDetector(phrases(J(",'window':{'first_turns':1}")), s).fraction, 0.0);
        QCOMPARE(runDetector(phrases(J(",'window':{'first_turns':2}")), s).fraction, 1.0);
        QCOMPARE(runDetector(phrases(J(",'window':{'last_turns':1}")), s).fraction, 1.0);
        QCOMPARE(runDetector(phrases(J(",'window':{'first_seconds':10}")), s).fraction, 0.0);
        QCOMPARE(runDetector(phrases(J(",'window':{'first_seconds':30}")), s).fraction, 1.0);
        const auto untimed =
            TranscriptBuilder().untimed(A, QStringLiteral("Thank you for calling.")).build();
        const DetectorOutcome o = runDetector(phrases(J(",'window':{'first_seconds':10}")), untimed);
        QVERIFY(o.na);
        QVERIFY(o.rationale.contains(QLatin1String("no turn times")));
    }

    void phrasesAllAndNone()
    {
        const QByteArray all =
            J("{'type':'phrases','mode':'all','phrases':['recorded line','call is recorded']}");
        const auto both = TranscriptBuilder()
                              .say(A, QStringLiteral("This is a recorded line."))
                              .say(A, QStringLiteral("Your call is being recorded."))
                              .build();
        QCOMPARE(runDetector(all, both).fraction, 1.0);
        const auto one =
            TranscriptBuilder().say(A, QStringLiteral("This is a recorded line.")).build();
        const DetectorOutcome o = runDetector(all, one);
        QCOMPARE(o.fraction, 0.0);
        QVERIFY(o.rationale.contains(QLatin1String("call is recorded")));
    }

    void regex()
    {
        const auto s = TranscriptBuilder()
                           .say(C, QStringLiteral("My order is 12345."))
                           .say(A, QStringLiteral("Order ORD-99812 is on its way."))
                           .build();
        const DetectorOutcome o =
            runDetector(J("{'type':'regex','speaker':'agent','pattern':'ord-\\\\d{5}'}"), s);
        QCOMPARE(o.fraction, 1.0);
        QCOMPARE(o.evidence.size(), size_t(1));
        QCOMPARE(o.evidence[0].turn, 1);
        QCOMPARE(o.evidence[0].charStart, 6);
        QCOMPARE(o.evidence[0].charEnd, 15);
        QCOMPARE(runDetector(J("{'type':'regex','speaker':'agent','mode':'none','pattern':'\\\\d{5}'}"),
                             s)
                     .fraction,
                 0.0);
        QVERIFY(runDetector(J("{'type':'regex','pattern':'x'}"), TranscriptBuilder().build()).na);
    }

    void sentiment()
    {
        const QByteArray negativity = J("{'type':'sentiment','measure':'agent_negativity'}");
        const auto polite = TranscriptBuilder()
                                .say(A, QStringLiteral("Happy to help, great question."))
                                .say(C, QStringLiteral("This is terrible and I hate it."))
                                .build();
        QCOMPARE(runDetector(negativity, polite).fraction, 1.0);
        const auto rude = TranscriptBuilder()
                              .say(A, QStringLiteral("That is a stupid, terrible idea."))
                              .build();
        const DetectorOutcome o = runDetector(negativity, rude);
        QVERIFY(o.fraction < 0.5);
        QCOMPARE(o.evidence.size(), size_t(1));
        QVERIFY(runDetector(negativity, TranscriptBuilder().say(C, QStringLiteral("Hi")).build()).na);

        const QByteArray change = J("{'type':'sentiment','measure':'customer_change','turns':1}");
        const auto calmer = TranscriptBuilder()
                                .say(C, QStringLiteral("This is awful, I am furious."))
                                .say(A, QStringLiteral("Let me fix that."))
                                .say(C, QStringLiteral("Wonderful, thank you so much!"))
                                .build();
        QCOMPARE(runDetector(change, calmer).fraction, 1.0);
        const auto once = TranscriptBuilder().say(C, QStringLiteral("Great.")).build();
        QVERIFY(runDetector(change, once).na);
    }

    void silence()
    {
        const QByteArray config = J("{'type':'silence','max_gap_seconds':10}");
        const auto deadAir = TranscriptBuilder()
                                 .say(A, QStringLiteral("Let me see."))
                                 .say(C, QStringLiteral("Okay."))
                                 .say(A, QStringLiteral("Right."), 15000)
                                 .build();
        const DetectorOutcome o = runDetector(config, deadAir);
        QCOMPARE(o.fraction, 0.0);
        QCOMPARE(o.evidence.size(), size_t(1));
        QCOMPARE(o.evidence[0].turn, 2);
        QCOMPARE(o.evidence[0].timeMs, qint64(5000)); // when the silence began
        const auto hold = TranscriptBuilder()
                              .say(A, QStringLiteral("Can I put you on hold for a minute?"))
                              .say(C, QStringLiteral("Sure."))
                              .say(A, QStringLiteral("Thanks for waiting."), 45000)
                              .build();
        QCOMPARE(runDetector(config, hold).fraction, 1.0);
        const auto untimed = TranscriptBuilder().untimed(A, QStringLiteral("Hello")).build();
        QVERIFY(runDetector(config, untimed).rationale.contains(QLatin1String("no turn")));
        QVERIFY(runDetector(config, TranscriptBuilder().build()).na);
    }

    void holdEtiquette()
    {
        const QByteArray config =
            J("{'type':'hold','min_hold_seconds':15,'ask_phrases':['put you on hold'],'thank_phrases':['thanks for waiting']}");
        const auto noHold = TranscriptBuilder().say(A, QStringLiteral("Hi")).build();
        const DetectorOutcome none = runDetector(config, noHold);
        QVERIFY(none.na);
        QVERIFY(none.rationale.contains(QLatin1String("no hold")));
        const auto good = TranscriptBuilder()
                              .say(A, QStringLiteral("Can I put you on hold?"))
                              .say(C, QStringLiteral("Sure."))
                              .say(A, QStringLiteral("Thanks for waiting."), 30000)
                              .build();
        QCOMPARE(runDetector(config, good).fraction, 1.0);
        const auto unthanked = TranscriptBuilder()
                                   .say(A, QStringLiteral("Can I put you on hold?"))
                                   .say(A, QStringLiteral("Right, so."), 30000)
                                   .build();
        const DetectorOutcome o = runDetector(config, unthanked);
        QCOMPARE(o.fraction, 0.0);
        QVERIFY(o.rationale.contains(QLatin1String("not thanked")));
        QVERIFY(runDetector(config, TranscriptBuilder().untimed(A, QStringLiteral("x")).build()).na);
    }

    void overtalk()
    {
        const QByteArray config = J("{'type':'overtalk','max_count':3,'max_total_seconds':10}");
        // Two customer turns each starting 1.5 s before the agent finished.
        const auto s = TranscriptBuilder()
                           .say(A, QStringLiteral("So what I can do is"), 0, 4000)
                           .say(C, QStringLiteral("No wait"), -1500, 2000)
                           .say(A, QStringLiteral("As I said"), 500, 4000)
                           .say(C, QStringLiteral("Listen"), -1500, 2000)
                           .build();
        const DetectorOutcome o = runDetector(config, s);
        // 1 - max(2 / (2 * 3), 3 s / (2 * 10 s)) = 1 - 1/3
        QVERIFY(std::abs(o.fraction - 2.0 / 3.0) < 1e-9);
        QCOMPARE(o.evidence.size(), size_t(2));
        const auto calm = TranscriptBuilder()
                              .say(A, QStringLiteral("Hello"))
                              .say(C, QStringLiteral("Hi"))
                              .build();
        QCOMPARE(runDetector(config, calm).fraction, 1.0);
        const QByteArray ratio =
            J("{'type':'overtalk','talk_ratio':{'min':0.3,'max':0.7}}");
        const auto monologue = TranscriptBuilder()
                                   .say(A, QStringLiteral("Long speech"), 0, 60000)
                                   .say(C, QStringLiteral("Ok"), 500, 1000)
                                   .build();
        QVERIFY(runDetector(ratio, monologue).fraction <= 0.25);
        QVERIFY(runDetector(config, TranscriptBuilder().untimed(A, QStringLiteral("x")).build()).na);
    }

    void responseTime()
    {
        const QByteArray config =
            J("{'type':'response_time','first_response_seconds':60,'max_wait_seconds':180}");
        const auto quick = TranscriptBuilder(QStringLiteral("chat"))
                               .write(C, QStringLiteral("Hi, my order is late"), 0)
                               .write(A, QStringLiteral("Hello! Let me look."), 30)
                               .write(C, QStringLiteral("Thanks"), 10)
                               .write(A, QStringLiteral("Found it."), 100)
                               .build();
        QCOMPARE(runDetector(config, quick).fraction, 1.0);
        const auto slow = TranscriptBuilder(QStringLiteral("chat"))
                              .write(C, QStringLiteral("Hi"), 0)
                              .write(A, QStringLiteral("Hello"), 30)
                              .write(C, QStringLiteral("Hello?"), 10)
                              .write(A, QStringLiteral("Sorry"), 200)
                              .build();
        const DetectorOutcome o = runDetector(config, slow);
        QCOMPARE(o.fraction, 0.0);
        QCOMPARE(o.evidence.front().turn, 3);
        auto missing = TranscriptBuilder(QStringLiteral("chat"))
                           .write(C, QStringLiteral("Hi"), 0)
                           .untimed(A, QStringLiteral("Hello"))
                           .build();
        QVERIFY(runDetector(config, missing).na);
        const auto agentOnly =
            TranscriptBuilder(QStringLiteral("chat")).write(A, QStringLiteral("Hi"), 0).build();
        QVERIFY(runDetector(config, agentOnly).rationale.contains(QLatin1String("never wrote")));
    }

    void duration()
    {
        const QByteArray config = J("{'type':'duration','aht_target_seconds':600}");
        QCOMPARE(runDetector(config, TranscriptBuilder().duration(500000).build()).fraction, 1.0);
        QCOMPARE(runDetector(config, TranscriptBuilder().duration(700000).build()).fraction, 0.0);
        QVERIFY(runDetector(config, TranscriptBuilder().build()).na);
    }

    void resolution_data()
    {
        QTest::addColumn<int>("resolvedField"); // -1 unknown, 0 no, 1 yes
        QTest::addColumn<int>("repeat");        // -1 unknown, 0 no, 1 yes
        QTest::addColumn<bool>("confirms");
        QTest::addColumn<double>("expected");
        QTest::newRow("field yes") << 1 << 1 << false << 1.0;
        QTest::newRow("field no wins over words") << 0 << 0 << true << 0.0;
        QTest::newRow("customer confirms") << -1 << 1 << true << 1.0;
        QTest::newRow("no repeat contact") << -1 << 0 << false << 1.0;
        QTest::newRow("repeat contact") << -1 << 1 << false << 0.0;
        QTest::newRow("nothing to go on") << -1 << -1 << false << 0.0;
    }

    void resolution()
    {
        QFETCH(int, resolvedField);
        QFETCH(int, repeat);
        QFETCH(bool, confirms);
        QFETCH(double, expected);
        auto b = TranscriptBuilder().say(A, QStringLiteral("I've reset it."));
        b.say(C, confirms ? QStringLiteral("Great, that fixed it.") : QStringLiteral("Okay."));
        b.resolved(resolvedField < 0 ? std::nullopt : std::optional<bool>(resolvedField == 1));
        b.repeatContact(repeat < 0 ? std::nullopt : std::optional<bool>(repeat == 1));
        const DetectorOutcome o =
            runDetector(J("{'type':'resolution','confirmations':['that fixed it']}"), b.build());
        QCOMPARE(o.fraction, expected);
        QCOMPARE(o.evidence.empty(), !confirms);
    }

    void cardReadBack()
    {
        const QByteArray config = J("{'type':'compliance','check':'no_card_read_back'}");
        const auto readBack = TranscriptBuilder()
                                  .say(C, QStringLiteral("It's 4111 1111 1111 1111."))
                                  .say(A, QStringLiteral("So that's 4111-1111-1111-1111, yes?"))
                                  .build();
        const DetectorOutcome o = runDetector(config, readBack);
        QCOMPARE(o.fraction, 0.0);
        QCOMPARE(o.evidence.size(), size_t(1));
        QCOMPARE(o.evidence[0].turn, 1);
        QCOMPARE(o.evidence[0].charStart, 10);
        QCOMPARE(o.evidence[0].charEnd, 29);
        const auto redacted =
            TranscriptBuilder().say(A, QStringLiteral("I have [CARD] on file.")).build();
        QCOMPARE(runDetector(config, redacted).fraction, 0.0);
        // Not Luhn-valid, too short, or said only by the customer: not a read-back.
        const auto fine = TranscriptBuilder()
                              .say(C, QStringLiteral("Card [CARD], ref 4111 1111 1111 1111"))
                              .say(A, QStringLiteral("Order 4111 1111 1111 1112, ref 12345678"))
                              .build();
        QCOMPARE(runDetector(config, fine).fraction, 1.0);
        QVERIFY(runDetector(config, TranscriptBuilder().build()).na);
        const QByteArray disclosure =
            J("{'type':'compliance','check':'required_disclosure','phrases':['this call is recorded']}");
        QCOMPARE(runDetector(disclosure, TranscriptBuilder()
                                             .say(A, QStringLiteral("This call is being recorded."))
                                             .build())
                     .fraction,
                 1.0);
        QCOMPARE(runDetector(disclosure, fine).fraction, 0.0);
    }

    void metadata()
    {
        auto b = TranscriptBuilder();
        b.stored().interaction.csat = 5;
        b.stored().interaction.attributes.insert(QStringLiteral("region"), QStringLiteral("north"));
        b.stored().interaction.queue = QStringLiteral("billing");
        const auto s = b.build();
        QCOMPARE(runDetector(J("{'type':'metadata','field':'csat','op':'gte','value':4}"), s).fraction,
                 1.0);
        QCOMPARE(runDetector(J("{'type':'metadata','field':'csat','op':'lt','value':4}"), s).fraction,
                 0.0);
        QCOMPARE(runDetector(J("{'type':'metadata','field':'attributes.region','value':'north'}"), s)
                     .fraction,
                 1.0);
        QCOMPARE(runDetector(J("{'type':'metadata','field':'queue','op':'in','value':['tech','billing']}"),
                             s)
                     .fraction,
                 1.0);
        QCOMPARE(runDetector(J("{'type':'metadata','field':'channel','op':'ne','value':'chat'}"), s)
                     .fraction,
                 1.0);
        QVERIFY(runDetector(J("{'type':'metadata','field':'resolved','value':true}"), s).na);
        QCOMPARE(runDetector(J("{'type':'metadata','field':'resolved','op':'missing'}"), s).fraction,
                 1.0);
        QStringList errors;
        runDetector(J("{'type':'metadata','field':'shoe_size'}"), s, &errors);
        QCOMPARE(errors.size(), 1);
    }

    void combinations()
    {
        auto b = TranscriptBuilder().say(A, QStringLiteral("Hello"));
        b.stored().interaction.csat = 2;
        const auto s = b.build();
        const QByteArray pass = J("{'type':'metadata','field':'channel','value':'voice'}");
        const QByteArray fail = J("{'type':'metadata','field':'csat','op':'gte','value':4}");
        const QByteArray na = J("{'type':'metadata','field':'resolved','value':true}");
        auto combine = [](const char *type, std::initializer_list<QByteArray> children) {
            QByteArray json = QByteArray(J("{'type':'")) + type + J("','detectors':[");
            bool first = true;
            for (const QByteArray &c : children) {
                json += (first ? "" : ",") + c;
                first = false;
            }
            return json + "]}";
        };
        QCOMPARE(runDetector(combine("all", {pass, fail}), s).fraction, 0.0);
        QCOMPARE(runDetector(combine("any", {pass, fail}), s).fraction, 1.0);
        QCOMPARE(runDetector(combine("all", {pass, na}), s).fraction, 1.0);
        QVERIFY(runDetector(combine("any", {na, na}), s).na);
        QCOMPARE(runDetector(QByteArray(J("{'type':'not','detector':")) + fail + "}", s).fraction,
                 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDetectors)
#include "TestDetectors.moc"
