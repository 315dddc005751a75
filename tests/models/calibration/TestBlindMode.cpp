#include "CalibrationFixture.h"

#include "calibration/CalibrationStore.h"
#include "calibration/HumanEvaluationStore.h"
#include "calibration/SideBySide.h"

#include <QTest>

using namespace qaw;
using namespace qaw::testing;

//! Blind mode must really hide: the API serving a reviewer's view carries no automated
//! value, evidence or rationale, and no other reviewer's score, until they submit.
class TestBlindMode : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void hiddenUntilSubmitted();
    void openSessionShowsEverything();
    void facilitatorSeesEverything();

private:
    qint64 makeSession(bool blind);
    void evaluateAll(qint64 session, const QString &reviewer, double greeting);
    std::unique_ptr<CalibrationFixture> m_f;
};

void TestBlindMode::init()
{
    m_f = std::make_unique<CalibrationFixture>();
    QVERIFY(m_f->open());
    QVERIFY(m_f->addInteractions(3, QStringLiteral("thank you for calling")));
    for (qint64 id : m_f->ids)
        QVERIFY(m_f->addAutomated(id, {{QStringLiteral("greeting"), 1.0},
                                       {QStringLiteral("professional_tone"), 5.0}},
                                  {{0, 0, 21, -1}}) > 0);
}

qint64 TestBlindMode::makeSession(bool blind)
{
    CalibrationSession s;
    s.name = QStringLiteral("blind test");
    s.scorecardVersionId = m_f->card.versionId;
    s.blind = blind;
    s.reviewers = {{QStringLiteral("alice"), -1}, {QStringLiteral("bob"), -1}};
    s.interactionIds = m_f->ids;
    QString error;
    return CalibrationStore(m_f->ws).create(s, &error);
}

void TestBlindMode::evaluateAll(qint64 session, const QString &reviewer, double greeting)
{
    HumanEvaluationStore humans(m_f->ws);
    for (qint64 id : m_f->ids) {
        Evaluation e = m_f->evaluation(id, {{QStringLiteral("greeting"), greeting},
                                            {QStringLiteral("professional_tone"), 3.0}});
        e.evaluator = reviewer;
        e.calibrationSessionId = session;
        QString error;
        QVERIFY2(humans.save(e, m_f->card.scorecard, &error) > 0, qPrintable(error));
    }
}

static bool anyAutomatedVisible(const SideBySide &view)
{
    for (const SideBySideLine &l : view.lines)
        if (l.automated.value || l.automated.present || !l.evidence.isEmpty() ||
            !l.rationale.isEmpty() || l.spread || l.disagreement)
            return true;
    return false;
}

void TestBlindMode::hiddenUntilSubmitted()
{
    const qint64 session = makeSession(true);
    QVERIFY(session > 0);
    evaluateAll(session, QStringLiteral("alice"), 0.0);
    evaluateAll(session, QStringLiteral("bob"), 1.0);

    auto view = SideBySideBuilder(m_f->ws).build(session, QStringLiteral("alice"));
    QVERIFY(view);
    QVERIFY(view->automatedHidden);
    QVERIFY(!view->lines.empty());
    QVERIFY(!anyAutomatedVisible(*view));
    for (const SideBySideLine &l : view->lines) {
        QVERIFY(l.automated.hidden);
        QVERIFY(l.reviewers[1].hidden); // bob's score is hidden from alice too
        QVERIFY(!l.reviewers[1].value);
        if (l.criterionId == QLatin1String("greeting")) {
            QVERIFY(!l.reviewers[0].hidden); // her own score she sees
            QCOMPARE(*l.reviewers[0].value, 0.0);
        }
    }
    QVERIFY(view->disagreementsOnly().empty());

    QString error;
    QVERIFY2(CalibrationStore(m_f->ws).submit(session, QStringLiteral("alice"), &error),
             qPrintable(error));
    view = SideBySideBuilder(m_f->ws).build(session, QStringLiteral("alice"));
    QVERIFY(!view->automatedHidden);
    QVERIFY(anyAutomatedVisible(*view));
    const SideBySideLine &g = view->lines.front();
    QCOMPARE(g.criterionId, QStringLiteral("greeting"));
    QCOMPARE(*g.automated.value, 1.0);
    QCOMPARE(*g.reviewers[1].value, 1.0);
    QVERIFY(g.disagreement);
    QCOMPARE(g.evidence.size(), 1);
    QVERIFY(g.evidence.first().contains(QLatin1String("thank you for calling")));

    // Bob has not submitted: still blind for him.
    const auto bob = SideBySideBuilder(m_f->ws).build(session, QStringLiteral("bob"));
    QVERIFY(bob->automatedHidden);
    QVERIFY(!anyAutomatedVisible(*bob));
}

void TestBlindMode::openSessionShowsEverything()
{
    const qint64 session = makeSession(false);
    const auto view = SideBySideBuilder(m_f->ws).build(session, QStringLiteral("alice"));
    QVERIFY(view);
    QVERIFY(!view->automatedHidden);
    QCOMPARE(*view->lines.front().automated.value, 1.0);
}

void TestBlindMode::facilitatorSeesEverything()
{
    const qint64 session = makeSession(true);
    const auto view = SideBySideBuilder(m_f->ws).build(session, QStringLiteral("carol"));
    QVERIFY(view);
    QVERIFY(!view->automatedHidden);
    QCOMPARE(*view->lines.front().automated.value, 1.0);
}

QTEST_GUILESS_MAIN(TestBlindMode)
#include "TestBlindMode.moc"
