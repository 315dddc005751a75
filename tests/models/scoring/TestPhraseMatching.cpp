#include "TranscriptBuilder.h"

#include "scoring/TextNormaliser.h"

#include <QTest>

using namespace qaw;

//! The default scorecard's detectors (concepts and phrases) on wordings that are NOT in
//! the demo generator (models/demo/DemoScripts.cpp): inflections, inserted words,
//! contractions, synonyms and typos must still be caught, and look-alike sentences must
//! not be. The measured accuracy on labelled wording is TestScoringAccuracy's.
class TestPhraseMatching : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScorecardScorer> m_scorer;

    // The criterion's value when the agent (or customer) says \a line in the place the
    // criterion looks at.
    std::optional<double> valueFor(const QString &criterion, const QString &line)
    {
        TranscriptBuilder b;
        const Speaker agent = Speaker::Agent;
        const Speaker customer = Speaker::Customer;
        if (criterion == QLatin1String("greeting")) {
            b.say(agent, line).say(customer, QStringLiteral("My parcel is late."));
        } else if (criterion == QLatin1String("resolution")) {
            b.say(agent, QStringLiteral("I've sent the link."))
                .say(customer, QStringLiteral("One second."))
                .say(customer, line)
                .resolved(std::nullopt)
                .repeatContact(std::nullopt);
        } else if (criterion == QLatin1String("hold_ask")) {
            b.say(agent, line)
                .say(customer, QStringLiteral("Sure."))
                .say(agent, QStringLiteral("Thank you for holding."), 40000);
        } else if (criterion == QLatin1String("hold_thank")) {
            b.say(agent, QStringLiteral("Can I put you on hold?"))
                .say(customer, QStringLiteral("Sure."))
                .say(agent, line, 40000);
        } else {
            b.say(customer, QStringLiteral("My parcel is late."))
                .say(agent, QStringLiteral("Okay."))
                .say(agent, line);
        }
        const QString id = criterion.startsWith(QLatin1String("hold_"))
                               ? QStringLiteral("hold_etiquette")
                               : criterion;
        const Evaluation e = m_scorer->score(b.build());
        const CriterionResult *r = e.criterion(id);
        return r ? r->value : std::nullopt;
    }

private slots:
    void initTestCase()
    {
        QStringList errors;
        m_scorer = compileDefaultScorecard(&errors);
        QVERIFY2(m_scorer, qPrintable(errors.join(QLatin1Char(' '))));
    }

    void normalisation()
    {
        QCOMPARE(text::normalisedWords(QStringLiteral("You're")),
                 (QStringList{QStringLiteral("you"), QStringLiteral("are")}));
        QCOMPARE(text::normalisedWords(QStringLiteral("apologising")),
                 text::normalisedWords(QStringLiteral("apologized")));
        QCOMPARE(text::normalisedWords(QStringLiteral("Thanks")),
                 text::normalisedWords(QStringLiteral("thank")));
        QCOMPARE(text::normalisedWords(QStringLiteral("calls")),
                 text::normalisedWords(QStringLiteral("calling")));
        QCOMPARE(text::normalisedWords(QStringLiteral("don't")).last(), QStringLiteral("not"));
    }

    void defaultDetectors_data()
    {
        QTest::addColumn<QString>("criterion");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("caught");
        auto row = [](const char *criterion, const char *line, bool caught) {
            QTest::newRow(line) << QString::fromLatin1(criterion) << QString::fromUtf8(line)
                                << caught;
        };
        // Greeting: inserted words, synonyms (hiya -> hi, may -> can, assist -> help).
        row("greeting", "Hey there, thanks so much for calling, you're speaking to Jo.", true);
        row("greeting", "Good evening and welcome to Contoso support.", true);
        row("greeting", "Hello, Sam speaking, how may I assist?", true);
        row("greeting", "Hiya, this is Ana from the billing team.", true);
        row("greeting", "THANK YOU FOR CALLING!!!", true);
        row("greeting", "Thank you for phoning Contoso.", true);
        row("greeting", "What do you want?", false);
        row("greeting", "Account number first.", false);
        // Empathy: inflections, inserted words, one missing inner word, typos.
        row("empathy", "I'm so sorry to hear about that.", true);
        row("empathy", "I apologised to the courier already, and I apologise to you too.", true);
        row("empathy", "That must have been really frustrating.", true);
        row("empathy", "I hear what you're saying.", true);
        row("empathy", "I completly understand.", true);
        row("empathy", "I understood nothing of that form either.", false);
        row("empathy", "I don't understand what you mean.", false);
        row("empathy", "Your account number, please.", false);
        // Verification.
        row("verification", "Could you please confirm your full date of birth?", true);
        row("verification", "Can you give me the last 4 digits of the card?", true);
        row("verification", "I'll need to verify your identity before we continue.", true);
        row("verification", "The parcel left the depot this morning.", false);
        row("verification", "ok, need the order # pls", true); // '#' reads as "number"
        row("verification", "Please can I know whom I am speaking with?", true);
        row("verification", "sure, order number + the email u ordered with pls", true);
        row("verification", "We'll post your new card to the address we hold.", false);
        // Closing.
        row("closing", "Anything more I can help with?", true);
        row("closing", "Is there something else I could help you with?", true);
        row("closing", "Have a wonderful day!", true);
        row("closing", "Take good care now.", true);
        row("closing", "I need your account number.", false);
        // Hold etiquette: asked before...
        row("hold_ask", "Do you mind holding for a moment?", true);
        row("hold_ask", "Let me just check that for you.", true);
        row("hold_ask", "I'm going to place you on a quick hold.", true);
        row("hold_ask", "I've put a hold on your card.", false);
        // ...and thanked after.
        row("hold_thank", "Thanks a lot for holding.", true);
        row("hold_thank", "Sorry about the wait.", true);
        row("hold_thank", "Thank you so much for your patience.", true);
        row("hold_thank", "The refund is on its way.", false);
        // Clear next steps (criterion "ownership"): what happens next, who acts, when.
        row("ownership", "You'll get a confirmation email within the hour.", true);
        row("ownership", "An engineer will call you tomorrow to book a slot.", true);
        row("ownership", "Leave it with me, I'll get it sorted.", true);
        row("ownership", "If it doesn't arrive by Friday, just give us a call.", true);
        row("ownership", "The refund has been sent to your card.", true);
        row("ownership", "The parcel left the depot this morning.", false);
        row("ownership", "You ordered it two days ago.", false);
        row("ownership", "I don't know what to tell you.", false);
        // Resolution, from the customer's words alone (no resolved field, no repeat info).
        row("resolution", "Yes that's fixed it now, thanks.", true);
        row("resolution", "Brilliant, that sorted it.", true);
        row("resolution", "It's all working now.", true);
        row("resolution", "That's resolved my issue.", true);
        row("resolution", "It still isn't working.", false);
        row("resolution", "That didn't fix it.", false);
    }

    void defaultDetectors()
    {
        QFETCH(QString, criterion);
        QFETCH(QString, line);
        QFETCH(bool, caught);
        const std::optional<double> value = valueFor(criterion, line);
        QVERIFY2(value.has_value(), "the criterion was N/A");
        QCOMPARE(*value, caught ? 1.0 : 0.0);
    }

    //! Professional tone is a 1-5 scale: 5 when no agent turn breaches it. The agent's
    //! stance rather than the words: kind look-alikes must not read as breaches.
    void professionalTone_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("breach");
        auto row = [](const char *line, bool breach) {
            QTest::newRow(line) << QString::fromUtf8(line) << breach;
        };
        row("I can't help you if you won't listen.", true);
        row("If you'd read the letter you wouldn't be ringing us.", true);
        row("Ag, man, don't be so dramatic, it's one late delivery.", true);
        row("Ma'am, I've got a whole queue of people. Can we speed this up?", true);
        row("If you carry on like this I will simply disconnect the call.", true);
        row("Honestly, people like you are hopeless.", true);
        row("If you'd read the email you'd know the price went up.", true);
        row("If you could check your spam folder, you'd see the email.", false);
        row("If you could read me the numbers off the meter, I'll redo the bill.", false);
        row("You said the staff were rude and useless, I've noted that.", false);
        row("I know it's not what you were expecting, I'm sorry.", false);
        row("omg that's the worst, sorry the order got lost", false);
    }

    void professionalTone()
    {
        QFETCH(QString, line);
        QFETCH(bool, breach);
        const std::optional<double> value = valueFor(QStringLiteral("professional_tone"), line);
        QVERIFY2(value.has_value(), "the criterion was N/A");
        QCOMPARE(*value < 5.0, breach);
    }

    void evidencePointsAtTheWords()
    {
        const StoredInteraction s =
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Morning! Thanks so much for calling."))
                .build();
        const Evaluation e = m_scorer->score(s);
        const CriterionResult *greeting = e.criterion(QStringLiteral("greeting"));
        QVERIFY(greeting);
        QVERIFY(!greeting->evidence.empty());
        const EvidenceSpan span = greeting->evidence.front();
        QCOMPARE(span.turn, 0);
        // The first clear evidence in the turn: the greeting concept's salutation.
        QCOMPARE(s.interaction.turns[0].text.mid(span.charStart, span.charEnd - span.charStart),
                 QStringLiteral("Morning"));
        QCOMPARE(span.timeMs, qint64(500));
    }
};

QTEST_GUILESS_MAIN(TestPhraseMatching)
#include "TestPhraseMatching.moc"
