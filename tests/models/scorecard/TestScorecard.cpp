#include "domain/Scorecard.h"
#include "storage/DefaultContent.h"

#include <QTest>

using namespace qaw;

namespace {

// A hand-made card: opening (greeting w=1 yes/no), compliance (verification w=2 yes/no,
// critical for the evaluation), tone (tone w=1 on 1-5), resolution (fix w=4 on 0-4 points,
// critical for its section).
Scorecard card()
{
    QStringList errors;
    const QByteArray json = R"({"format":"qa-workbench-scorecard","format_version":1,
      "key":"t","name":"Test","pass_mark":75,"sections":[
      {"id":"opening","name":"Opening","criteria":[
        {"id":"greeting","name":"G","weight":1,"scale":{"type":"yes_no"},"detector":{}}]},
      {"id":"compliance","name":"C","criteria":[
        {"id":"verification","name":"V","weight":2,"scale":{"type":"yes_no"},"auto_fail":"evaluation","detector":{}}]},
      {"id":"tone","name":"T","criteria":[
        {"id":"tone","name":"T","weight":1,"scale":{"type":"scale_1_5"},"detector":{}}]},
      {"id":"resolution","name":"R","criteria":[
        {"id":"fix","name":"F","weight":4,"scale":{"type":"points","max":4},"auto_fail":"section","detector":{}}]}]})";
    auto c = Scorecard::fromJson(json, &errors);
    if (!c)
        qFatal("%s", qPrintable(errors.join(QLatin1Char(' '))));
    return *c;
}

CriterionResult value(const char *id, double v, double max)
{
    CriterionResult r;
    r.criterionId = QString::fromLatin1(id);
    r.value = v;
    r.max = max;
    return r;
}

CriterionResult na(const char *id)
{
    CriterionResult r;
    r.criterionId = QString::fromLatin1(id);
    r.na = true;
    return r;
}

} // namespace

class TestScorecard : public QObject
{
    Q_OBJECT
private slots:
    void totals_data()
    {
        QTest::addColumn<std::vector<CriterionResult>>("results");
        QTest::addColumn<double>("total");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("autoFailed");
        // All perfect: (1*1 + 2*1 + 1*1 + 4*1) / 8 = 100.
        QTest::newRow("perfect") << std::vector<CriterionResult>{value("greeting", 1, 1), value("verification", 1, 1), value("tone", 5, 5), value("fix", 4, 4)}
                                 << 100.0 << true << false;
        // No greeting, tone 4 -> 0.75, fix 3/4: (0 + 2 + 0.75 + 3) / 8 = 71.875.
        QTest::newRow("weighted") << std::vector<CriterionResult>{value("greeting", 0, 1), value("verification", 1, 1), value("tone", 4, 5), value("fix", 3, 4)}
                                  << 71.875 << false << false;
        // Greeting N/A is left out of both sums: (2 + 0.75 + 3) / 7.
        QTest::newRow("na left out") << std::vector<CriterionResult>{na("greeting"), value("verification", 1, 1), value("tone", 4, 5), value("fix", 3, 4)}
                                     << 100.0 * 5.75 / 7.0 << true << false;
        // Failed verification is critical for the whole evaluation.
        QTest::newRow("auto-fail evaluation") << std::vector<CriterionResult>{value("greeting", 1, 1), value("verification", 0, 1), value("tone", 5, 5), value("fix", 4, 4)}
                                              << 0.0 << false << true;
        // fix 1/4 fails its own section only: the section counts as zero, the rest stands:
        // (1 + 2 + 1 + 0) / 8 = 50.
        QTest::newRow("auto-fail section") << std::vector<CriterionResult>{value("greeting", 1, 1), value("verification", 1, 1), value("tone", 5, 5), value("fix", 1, 4)}
                                           << 50.0 << false << false;
        // Tone 2 of 1-5 is a fail but not critical: (1 + 2 + 0.25 + 4) / 8.
        QTest::newRow("low tone") << std::vector<CriterionResult>{value("greeting", 1, 1), value("verification", 1, 1), value("tone", 2, 5), value("fix", 4, 4)}
                                  << 100.0 * 7.25 / 8.0 << true << false;
    }

    void totals()
    {
        QFETCH(std::vector<CriterionResult>, results);
        QFETCH(double, total);
        QFETCH(bool, passed);
        QFETCH(bool, autoFailed);
        const ScoreTotals t = card().totals(results);
        QVERIFY(t.total.has_value());
        QVERIFY2(qAbs(*t.total - total) < 1e-9, qPrintable(QString::number(*t.total)));
        QCOMPARE(t.passed, passed);
        QCOMPARE(t.autoFailed, autoFailed);
        if (QByteArray(QTest::currentDataTag()) == "auto-fail section")
            QCOMPARE(t.autoFailedSections, QStringList{QStringLiteral("resolution")});
    }

    void allNaHasNoTotal()
    {
        const ScoreTotals t = card().totals({na("greeting"), na("tone")});
        QVERIFY(!t.total.has_value());
        QVERIFY(!t.passed);
        QVERIFY(!t.autoFailed);
    }

    void defaultScorecardIsValidAndRoundTrips()
    {
        QStringList errors;
        const auto c = Scorecard::fromJson(defaultScorecardJson(), &errors);
        QVERIFY2(c.has_value(), qPrintable(errors.join(QLatin1Char(' '))));
        QCOMPARE(c->name, QStringLiteral("Customer Support Core"));
        const auto criteria = c->criteria();
        QVERIFY(criteria.size() >= 10 && criteria.size() <= 15);
        for (const char *id : {"greeting", "verification", "empathy", "professional_tone", "hold_etiquette",
                               "dead_air", "resolution", "closing"}) {
            const Criterion *criterion = c->criterion(QLatin1String(id));
            QVERIFY2(criterion, id);
            QVERIFY(!criterion->purpose.isEmpty());
            QVERIFY(!criterion->outcome.isEmpty());
            QVERIFY(!criterion->detector.isEmpty());
        }
        const auto again = Scorecard::fromJson(c->toJson(), &errors);
        QVERIFY(again.has_value());
        QCOMPARE(again->toJson(), c->toJson());
    }

    void validationSaysWhatToFix()
    {
        Scorecard c = card();
        c.sections[0].criteria[0].weight = 0;
        c.sections[1].criteria[0].id = QStringLiteral("greeting");
        c.sections[2].criteria[0].outcome = QStringLiteral("happiness");
        const QStringList problems = c.validate();
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("weight above 0")));
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("used twice")));
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("outcome must be")));
        QStringList errors;
        QVERIFY(!Scorecard::fromJson("{\"format\":\"something-else\"}", &errors));
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QStringLiteral("format")));
    }
};

QTEST_GUILESS_MAIN(TestScorecard)
#include "TestScorecard.moc"
