#include "TranscriptBuilder.h"

#include <QTest>

using namespace qaw;

//! How the default scorecard's concept verdicts carry confidence: N/A when nothing called
//! for a behaviour, a clear fail (and auto-fail) only on clear evidence of the situation in
//! the agent's own turns, a weak verdict ("needs review") that never auto-fails otherwise.
class TestConceptVerdicts : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScorecardScorer> m_scorer;

    Evaluation score(const TranscriptBuilder &b) const { return m_scorer->score(b.build()); }

    static const CriterionResult &verification(const Evaluation &e)
    {
        const CriterionResult *r = e.criterion(QStringLiteral("verification"));
        if (!r)
            qFatal("the default scorecard has no verification criterion");
        return *r;
    }

private slots:
    void initTestCase()
    {
        QStringList errors;
        m_scorer = compileDefaultScorecard(&errors);
        QVERIFY2(m_scorer, qPrintable(errors.join(QLatin1Char(' '))));
    }

    void generalQuestionIsNotApplicable()
    {
        const Evaluation e = score(
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Hi, thanks for calling, how can I help?"))
                .say(Speaker::Customer, QStringLiteral("What time do your stores open on Sunday?"))
                .say(Speaker::Agent, QStringLiteral("Ten until four, every Sunday.")));
        QVERIFY(verification(e).na);
        QVERIFY(!e.autoFailed);
    }

    void agentWorkingOnTheAccountWithoutAskingAutoFails()
    {
        const Evaluation e = score(
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Hi, thanks for calling, how can I help?"))
                .say(Speaker::Customer, QStringLiteral("My order hasn't arrived."))
                .say(Speaker::Agent, QStringLiteral("I can see your order here, it left today.")));
        const CriterionResult &v = verification(e);
        QVERIFY(!v.na);
        QCOMPARE(v.value, std::optional<double>(0.0));
        QCOMPARE(v.confidence, Confidence::Clear);
        QVERIFY(e.autoFailed);
    }

    void onlyTheCustomerMentioningTheirAccountNeedsReview()
    {
        const Evaluation e = score(
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Hi, thanks for calling, how can I help?"))
                .say(Speaker::Customer,
                     QStringLiteral("Thinking of switching to you, my last bill was huge. "
                                    "What plans do you have?"))
                .say(Speaker::Agent, QStringLiteral("We have a fixed plan and a variable one.")));
        const CriterionResult &v = verification(e);
        QVERIFY(!v.na);
        QCOMPARE(v.value, std::optional<double>(0.0));
        QCOMPARE(v.confidence, Confidence::Weak);
        QVERIFY(v.needsReview());
        QVERIFY2(v.rationale.contains(QLatin1String("needs review")), qPrintable(v.rationale));
        QVERIFY(!e.autoFailed);
    }

    void askingForIdentityPassesClearly()
    {
        const Evaluation e = score(
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Hi, thanks for calling, how can I help?"))
                .say(Speaker::Customer, QStringLiteral("My order hasn't arrived."))
                .say(Speaker::Agent, QStringLiteral("Can I grab your postcode and surname?"))
                .say(Speaker::Customer, QStringLiteral("SW1 2AA, Patel."))
                .say(Speaker::Agent, QStringLiteral("I can see your order here, it left today.")));
        const CriterionResult &v = verification(e);
        QCOMPARE(v.value, std::optional<double>(1.0));
        QCOMPARE(v.confidence, Confidence::Clear);
        QVERIFY(!e.autoFailed);
    }

    void holdEtiquetteIsNotApplicableWithoutAHold()
    {
        const Evaluation e = score(
            TranscriptBuilder()
                .say(Speaker::Agent, QStringLiteral("Hi, thanks for calling, one moment please."))
                .say(Speaker::Customer, QStringLiteral("Sure."))
                .say(Speaker::Agent, QStringLiteral("Right, your parcel is on its way.")));
        const CriterionResult *hold = e.criterion(QStringLiteral("hold_etiquette"));
        QVERIFY(hold);
        QVERIFY2(hold->na, qPrintable(hold->rationale));
    }
};

QTEST_GUILESS_MAIN(TestConceptVerdicts)
#include "TestConceptVerdicts.moc"
