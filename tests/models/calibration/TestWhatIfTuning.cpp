#include "CalibrationFixture.h"

#include "calibration/AgreementAdapter.h"
#include "calibration/CalibrationStore.h"
#include "calibration/HumanEvaluationStore.h"
#include "calibration/WhatIfTuning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qaw;
using namespace qaw::testing;

//! A constructed case: reviewers say "yes, greeted" to every interaction that opens with
//! "good morning" or "howdy"; the automated greeting knows only "good morning". Adding
//! "howdy" to the detector's phrases must move exactly the howdy interactions and bring
//! agreement to perfect.
class TestWhatIfTuning : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void changedCriterionIsValidated();
    void addingAPhraseFixesAgreement();
    void noScorerSaysSo();
    void realScorer();

private:
    QByteArray greetingWith(const QStringList &phrases) const;
    std::unique_ptr<CalibrationFixture> m_f;
    qint64 m_session = -1;
    int m_howdy = 6;
};

// Stands in for the automated scorer: yes when the first agent turn holds a phrase.
static CriterionRescorer phraseRescorer(Workspace &ws)
{
    return [&ws](const Scorecard &card, const QString &id, qint64 interaction,
                 QString *) -> std::optional<CriterionResult> {
        QSqlQuery q(ws.database());
        q.prepare(QStringLiteral("SELECT lower(text) FROM turns WHERE interaction_id = ? AND seq = 0"));
        q.addBindValue(interaction);
        if (!q.exec() || !q.next())
            return std::nullopt;
        CriterionResult r;
        r.criterionId = id;
        r.value = 0.0;
        for (const QJsonValue &p : card.criterion(id)->detector.value(QStringLiteral("phrases")).toArray())
            if (q.value(0).toString().contains(p.toString()))
                r.value = 1.0;
        return r;
    };
}

QByteArray TestWhatIfTuning::greetingWith(const QStringList &phrases) const
{
    QJsonObject c = QJsonDocument::fromJson(m_f->card.scorecard.toJson())
                        .object()[QStringLiteral("sections")].toArray()[0].toObject()
                        [QStringLiteral("criteria")].toArray()[0].toObject();
    QJsonObject detector = c[QStringLiteral("detector")].toObject();
    detector[QStringLiteral("phrases")] = QJsonArray::fromStringList(phrases);
    c[QStringLiteral("detector")] = detector;
    return QJsonDocument(c).toJson();
}

void TestWhatIfTuning::init()
{
    m_f = std::make_unique<CalibrationFixture>();
    QVERIFY(m_f->open());
    QVERIFY(m_f->addInteractions(12, QStringLiteral("Good morning, Sam speaking")));
    QVERIFY(m_f->addInteractions(m_howdy, QStringLiteral("Howdy, Sam here")));
    QVERIFY(m_f->addInteractions(12, QStringLiteral("Yes?")));
    for (size_t k = 0; k < m_f->ids.size(); ++k) {
        const bool morning = k < 12;
        QVERIFY(m_f->addAutomated(m_f->ids[k], {{QStringLiteral("greeting"), morning ? 1.0 : 0.0}}) > 0);
    }
    CalibrationSession s;
    s.name = QStringLiteral("greetings");
    s.scorecardVersionId = m_f->card.versionId;
    s.reviewers = {{QStringLiteral("alice"), -1}, {QStringLiteral("bob"), -1}};
    s.interactionIds = m_f->ids;
    QString error;
    m_session = CalibrationStore(m_f->ws).create(s, &error);
    QVERIFY(m_session > 0);
    HumanEvaluationStore humans(m_f->ws);
    for (size_t k = 0; k < m_f->ids.size(); ++k)
        for (const QString &reviewer : s.reviewerNames()) {
            Evaluation e = m_f->evaluation(m_f->ids[k], {{QStringLiteral("greeting"),
                                                          k < size_t(12 + m_howdy) ? 1.0 : 0.0}});
            e.evaluator = reviewer;
            e.calibrationSessionId = m_session;
            QVERIFY(humans.save(e, m_f->card.scorecard, &error) > 0);
        }
}

void TestWhatIfTuning::changedCriterionIsValidated()
{
    QString id, error;
    QVERIFY(WhatIfTuning::withChangedCriterion(m_f->card.scorecard,
                                               greetingWith({QStringLiteral("howdy")}), &id, &error));
    QCOMPARE(id, QStringLiteral("greeting"));
    QVERIFY(!WhatIfTuning::withChangedCriterion(m_f->card.scorecard, "{\"id\": \"nope\"}", &id, &error));
    QVERIFY(error.contains(QLatin1String("nope")));
    QJsonObject bad = QJsonDocument::fromJson(greetingWith({})).object();
    bad[QStringLiteral("weight")] = -1;
    QVERIFY(!WhatIfTuning::withChangedCriterion(m_f->card.scorecard, QJsonDocument(bad).toJson(), &id, &error));
    QVERIFY(error.contains(QLatin1String("weight")));
}

void TestWhatIfTuning::addingAPhraseFixesAgreement()
{
    WhatIfTuning tuning(m_f->ws);
    tuning.setRescorer(phraseRescorer(m_f->ws));
    QString id, error;
    const auto card = WhatIfTuning::withChangedCriterion(
        m_f->card.scorecard, greetingWith({QStringLiteral("good morning"), QStringLiteral("howdy")}),
        &id, &error);
    QVERIFY2(card, qPrintable(error));
    const auto result = tuning.run({m_session}, *card, id, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->interactions, int(m_f->ids.size()));
    QCOMPARE(result->units, 2 * int(m_f->ids.size()));
    QCOMPARE(result->changedScores, m_howdy);
    // Nothing was saved: the automated evaluation still says "no" for the howdy ones.
    QCOMPARE(*EvaluationStore(m_f->ws).currentAutomated(m_f->ids[12])->criterion(id)->value, 0.0);
    QVERIFY(result->alphaBefore.value && result->alphaAfter.value);
    QVERIFY(*result->alphaBefore.value < 1.0);
    QCOMPARE(*result->alphaAfter.value, 1.0);

    // Removing "good morning" instead makes it worse.
    const auto worse = WhatIfTuning::withChangedCriterion(
        m_f->card.scorecard, greetingWith({QStringLiteral("howdy")}), &id, &error);
    const auto worseResult = tuning.run({m_session}, *worse, id, &error);
    QVERIFY(worseResult);
    QVERIFY(*worseResult->alphaAfter.value < *result->alphaBefore.value);
}

void TestWhatIfTuning::noScorerSaysSo()
{
    WhatIfTuning tuning(m_f->ws);
    tuning.setRescorer({});
    QString error;
    QVERIFY(!tuning.run({m_session}, m_f->card.scorecard, QStringLiteral("greeting"), &error));
    QVERIFY(error.contains(QLatin1String("scorer")));
}

void TestWhatIfTuning::realScorer()
{
    WhatIfTuning tuning(m_f->ws);
    // The constructor always sets the automated scorer (WhatIfTuning.cpp).
    QVERIFY(tuning.hasRescorer());
    QString id, error;
    const auto card = WhatIfTuning::withChangedCriterion(
        m_f->card.scorecard, greetingWith({QStringLiteral("good morning"), QStringLiteral("howdy")}),
        &id, &error);
    QVERIFY(card);
    const auto result = tuning.run({m_session}, *card, id, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->changedScores, m_howdy);
}

QTEST_GUILESS_MAIN(TestWhatIfTuning)
#include "TestWhatIfTuning.moc"
