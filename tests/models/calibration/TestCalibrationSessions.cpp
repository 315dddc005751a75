#include "CalibrationFixture.h"

#include "calibration/AgreementAdapter.h"
#include "calibration/CalibrationStore.h"
#include "calibration/HumanEvaluationStore.h"
#include "calibration/SessionReport.h"
#include "calibration/SessionSampler.h"
#include "calibration/SideBySide.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace qaw;
using namespace qaw::testing;

class TestCalibrationSessions : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSameSample();
    void stratifiedTakesEveryThird();
    void flaggedAndHandPicked();
    void needsReviewDrawsWeakVerdicts();
    void createAndLoad();
    void endToEndTwoReviewers();
    void disagreementRule_data();
    void disagreementRule();
};

void TestCalibrationSessions::sameSeedSameSample()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(50));
    for (size_t k = 0; k < f.ids.size(); ++k)
        f.setAutoTotal(f.ids[k], double(k));
    QString error;
    SampleRequest r{SamplingMethod::Random, 10, 7, {}};
    const auto a = drawSample(f.ws, r, &error);
    const auto b = drawSample(f.ws, r, &error);
    QCOMPARE(a.size(), size_t(10));
    QCOMPARE(a, b);
    QCOMPARE(QSet<qint64>(a.begin(), a.end()).size(), 10); // without replacement
    r.seed = 8;
    QVERIFY(drawSample(f.ws, r, &error) != a);
    r.size = 500; // more than there are: all of them
    QCOMPARE(drawSample(f.ws, r, &error).size(), size_t(50));
}

void TestCalibrationSessions::stratifiedTakesEveryThird()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(30));
    // Totals in reverse id order, so that the strata are not simply id ranges.
    for (size_t k = 0; k < f.ids.size(); ++k)
        f.setAutoTotal(f.ids[k], 100.0 - 3.0 * double(k));
    for (quint64 seed : {1ull, 2ull, 3ull, 99ull}) {
        QString error;
        const auto sample = drawSample(f.ws, {SamplingMethod::Stratified, 6, seed, {}}, &error);
        QCOMPARE(sample.size(), size_t(6));
        int low = 0, mid = 0, high = 0;
        for (qint64 id : sample) {
            const size_t k = size_t(std::find(f.ids.begin(), f.ids.end(), id) - f.ids.begin());
            const double total = 100.0 - 3.0 * double(k);
            // 30 totals 13..100 in steps of 3: the lowest ten are 13..40, the highest 73..100.
            if (total <= 40)
                ++low;
            else if (total >= 73)
                ++high;
            else
                ++mid;
        }
        QCOMPARE(low, 2);
        QCOMPARE(mid, 2);
        QCOMPARE(high, 2);
    }
}

void TestCalibrationSessions::flaggedAndHandPicked()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(10));
    QString error;
    QVERIFY(drawSample(f.ws, {SamplingMethod::Flagged, 5, 1, {}}, &error).empty());
    QVERIFY(error.contains(QLatin1String("flagged")));
    QSqlQuery q(f.ws.database());
    q.prepare(QStringLiteral("UPDATE interactions SET flagged = 1 WHERE id IN (?, ?)"));
    q.addBindValue(f.ids[2]);
    q.addBindValue(f.ids[7]);
    QVERIFY(q.exec());
    error.clear();
    auto flagged = drawSample(f.ws, {SamplingMethod::Flagged, 5, 1, {}}, &error);
    std::sort(flagged.begin(), flagged.end());
    QCOMPARE(flagged, (std::vector<qint64>{f.ids[2], f.ids[7]}));
    const auto picked = drawSample(f.ws, {SamplingMethod::HandPicked, 0, 1, {f.ids[3], f.ids[1]}}, &error);
    QCOMPARE(picked, (std::vector<qint64>{f.ids[3], f.ids[1]}));
    QVERIFY(drawSample(f.ws, {SamplingMethod::HandPicked, 0, 1, {f.ids[3], 99999}}, &error).empty());
    QVERIFY(error.contains(QLatin1String("99999")));
}

// Only interactions whose current automated evaluation has a verdict on weak evidence.
void TestCalibrationSessions::needsReviewDrawsWeakVerdicts()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(6));
    QString error;
    QVERIFY(drawSample(f.ws, {SamplingMethod::NeedsReview, 5, 1, {}}, &error).empty());
    QVERIFY(error.contains(QLatin1String("needs review")));
    const auto version = ScorecardRepository(f.ws).active();
    QVERIFY(version.has_value());
    EvaluationStore store(f.ws);
    for (size_t k = 0; k < f.ids.size(); ++k) {
        Evaluation e;
        e.interactionId = f.ids[k];
        e.scorecardVersionId = version->versionId;
        CriterionResult r;
        r.criterionId = QStringLiteral("verification");
        r.value = 1.0;
        r.confidence = k % 3 == 0 ? Confidence::Weak : Confidence::Clear;
        e.criteria.push_back(r);
        QVERIFY(store.save(e) > 0);
    }
    auto sample = drawSample(f.ws, {SamplingMethod::NeedsReview, 5, 1, {}}, &error);
    std::sort(sample.begin(), sample.end());
    QCOMPARE(sample, (std::vector<qint64>{f.ids[0], f.ids[3]}));
    QCOMPARE(samplingMethodFromName(QStringLiteral("needs-review")), SamplingMethod::NeedsReview);
}

void TestCalibrationSessions::createAndLoad()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(5));
    CalibrationSession s;
    s.name = QStringLiteral("March");
    s.scorecardVersionId = f.card.versionId;
    s.sampling = SamplingMethod::Stratified;
    s.blind = false;
    s.reviewers = {{QStringLiteral("alice"), -1}, {QStringLiteral("bob"), -1}};
    s.interactionIds = {f.ids[4], f.ids[0], f.ids[2]};
    QString error;
    CalibrationStore store(f.ws);
    const qint64 id = store.create(s, &error);
    QVERIFY2(id > 0, qPrintable(error));
    const auto loaded = store.load(id);
    QVERIFY(loaded);
    QCOMPARE(loaded->name, s.name);
    QCOMPARE(loaded->interactionIds, s.interactionIds);
    QCOMPARE(loaded->reviewerNames(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(loaded->sampling, SamplingMethod::Stratified);
    QVERIFY(!loaded->blind);
    QCOMPARE(store.list().size(), size_t(1));
    s.reviewers.clear();
    QCOMPARE(store.create(s, &error), qint64(-1));
    QVERIFY(error.contains(QLatin1String("reviewer")));
}

void TestCalibrationSessions::endToEndTwoReviewers()
{
    CalibrationFixture f;
    QVERIFY(f.open());
    QVERIFY(f.addInteractions(6));
    // Automated: greeting yes everywhere, professional tone 4.
    for (qint64 id : f.ids)
        QVERIFY(f.addAutomated(id, {{QStringLiteral("greeting"), 1.0},
                                    {QStringLiteral("professional_tone"), 4.0}},
                               {{0, 0, 5, -1}}) > 0);
    CalibrationSession s;
    s.name = QStringLiteral("Two reviewers");
    s.scorecardVersionId = f.card.versionId;
    s.blind = true;
    s.reviewers = {{QStringLiteral("alice"), -1}, {QStringLiteral("bob"), -1}};
    s.interactionIds = f.ids;
    QString error;
    CalibrationStore store(f.ws);
    const qint64 session = store.create(s, &error);
    QVERIFY(session > 0);
    QVERIFY(!store.submit(session, QStringLiteral("alice"), &error)); // nothing evaluated yet
    QVERIFY(error.contains(QLatin1String("6 of the 6")));

    HumanEvaluationStore humans(f.ws);
    for (size_t k = 0; k < f.ids.size(); ++k) {
        // alice agrees with the automated greeting except on item 0; bob gives tone 2 on item 1.
        Evaluation a = f.evaluation(f.ids[k], {{QStringLiteral("greeting"), k == 0 ? 0.0 : 1.0},
                                               {QStringLiteral("professional_tone"), 4.0}});
        a.evaluator = QStringLiteral("alice");
        a.calibrationSessionId = session;
        QVERIFY2(humans.save(a, f.card.scorecard, &error) > 0, qPrintable(error));
        Evaluation b = f.evaluation(f.ids[k], {{QStringLiteral("greeting"), 1.0},
                                               {QStringLiteral("professional_tone"), k == 1 ? 2.0 : 4.0}});
        b.evaluator = QStringLiteral("bob");
        b.calibrationSessionId = session;
        QVERIFY2(humans.save(b, f.card.scorecard, &error) > 0, qPrintable(error));
    }
    QVERIFY2(store.submit(session, QStringLiteral("alice"), &error), qPrintable(error));
    QVERIFY(store.load(session)->reviewer(QStringLiteral("alice"))->submitted());

    const auto board = SideBySideBuilder(f.ws).buildUnblinded(session);
    QVERIFY(board);
    const size_t perItem = f.card.scorecard.criteria().size() + 1;
    QCOMPARE(board->lines.size(), f.ids.size() * perItem);
    const auto disagreements = board->disagreementsOnly();
    QSet<QString> flagged;
    for (const SideBySideLine &l : disagreements)
        flagged.insert(QStringLiteral("%1/%2").arg(l.interactionLabel, l.criterionId));
    QVERIFY(flagged.contains(QStringLiteral("ext-0/greeting")));
    QVERIFY(flagged.contains(QStringLiteral("ext-1/professional_tone")));
    QVERIFY(!flagged.contains(QStringLiteral("ext-2/greeting")));
    const SideBySideLine &tone1 = *std::find_if(board->lines.begin(), board->lines.end(), [](const SideBySideLine &l) {
        return l.interactionLabel == QLatin1String("ext-1") && l.criterionId == QLatin1String("professional_tone");
    });
    QCOMPARE(*tone1.spread, 2.0);
    QCOMPARE(tone1.evidence.size(), 1);
    QVERIFY(tone1.evidence.first().contains(QLatin1String("hello")));

    const auto report = SessionReport::build(f.ws, session, &error, 0);
    QVERIFY2(report, qPrintable(error));
    const CriterionAgreement *greeting = nullptr;
    for (const CriterionAgreement &c : report->criteria)
        if (c.criterionId == QLatin1String("greeting"))
            greeting = &c;
    QVERIFY(greeting);
    QCOMPARE(greeting->items, 6);
    QCOMPARE(greeting->automatedRated, 6);
    QCOMPARE(greeting->reviewerRated, (QList<int>{6, 6}));
    QCOMPARE(greeting->disagreements, 1);
    // automated vs alice, automated vs bob, alice vs bob.
    QCOMPARE(greeting->comparisons.size(), size_t(3));
    QCOMPARE(greeting->comparisons[2].label, QStringLiteral("alice vs bob"));
    QCOMPARE(report->criteria.back().criterionId, QStringLiteral("total"));
    const QString csv = report->toCsv();
    QVERIFY(csv.startsWith(QLatin1String("session,criterion")));
    QVERIFY(csv.contains(QLatin1String("automated vs alice")));
    QCOMPARE(report->toJson().value(QStringLiteral("criteria")).toArray().size(),
             int(report->criteria.size()));
    {
        // Exact agreement automated vs bob on greeting: 6 of 6; vs alice: 5 of 6.
        auto stat = [&](size_t comparison, const QString &key) {
            for (const NamedStatistic &s : greeting->comparisons[comparison].statistics)
                if (s.key == key)
                    return s;
            return NamedStatistic{};
        };
        QCOMPARE(*stat(0, QStringLiteral("percent_exact")).value, 100.0 * 5 / 6);
        QCOMPARE(*stat(1, QStringLiteral("percent_exact")).value, 100.0);
        // Both always "yes": kappa is undefined, with a reason, never 0.
        QVERIFY(!stat(1, QStringLiteral("cohen_kappa_unweighted")).value);
        QVERIFY(!stat(1, QStringLiteral("cohen_kappa_unweighted")).undefinedReason.isEmpty());
    }
}

void TestCalibrationSessions::disagreementRule_data()
{
    QTest::addColumn<int>("scaleType");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<bool>("disagree");
    QTest::newRow("yes/no same") << int(Scale::Type::YesNo) << 1.0 << 1.0 << false;
    QTest::newRow("yes/no differ") << int(Scale::Type::YesNo) << 1.0 << 0.0 << true;
    QTest::newRow("1-5 adjacent passes") << int(Scale::Type::OneToFive) << 4.0 << 5.0 << true;
    QTest::newRow("1-5 same") << int(Scale::Type::OneToFive) << 3.0 << 3.0 << false;
    QTest::newRow("1-5 pass/fail") << int(Scale::Type::OneToFive) << 2.0 << 3.0 << true;
}

void TestCalibrationSessions::disagreementRule()
{
    QFETCH(int, scaleType);
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(bool, disagree);
    Scale scale;
    scale.type = Scale::Type(scaleType);
    SideBySideRating ra, rb;
    ra.present = rb.present = true;
    ra.value = a;
    rb.value = b;
    QCOMPARE(SideBySideBuilder::disagree(scale, {ra, rb}), disagree);
    SideBySideRating na;
    na.present = true;
    na.na = true;
    QCOMPARE(SideBySideBuilder::disagree(scale, {ra, na}), true); // N/A against a value
}

QTEST_GUILESS_MAIN(TestCalibrationSessions)
#include "TestCalibrationSessions.moc"
