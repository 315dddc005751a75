#include "scoring/ScorecardScorer.h"

#include <QJsonArray>
#include <QTest>

using namespace qaw;

namespace {

Criterion criterion(const char *id, double weight, Scale::Type type, int points = 1,
                    AutoFail autoFail = AutoFail::None)
{
    Criterion c;
    c.id = QString::fromLatin1(id);
    c.name = c.id;
    c.weight = weight;
    c.scale.type = type;
    c.scale.points = points;
    c.autoFail = autoFail;
    return c;
}

CriterionResult result(const char *id, std::optional<double> value)
{
    CriterionResult r;
    r.criterionId = QString::fromLatin1(id);
    r.value = value;
    r.na = !value;
    return r;
}

// Section "a": yes/no weight 2 (auto-fail: evaluation) and 1-5 weight 1.
// Section "b": points 0-4 weight 1 (auto-fail: section) and yes/no weight 4.
Scorecard card()
{
    Scorecard s;
    s.name = QStringLiteral("Totals");
    s.passMark = 80;
    ScorecardSection a{QStringLiteral("a"), QStringLiteral("A"), {}};
    a.criteria.push_back(criterion("critical", 2, Scale::Type::YesNo, 1, AutoFail::Evaluation));
    a.criteria.push_back(criterion("tone", 1, Scale::Type::OneToFive));
    ScorecardSection b{QStringLiteral("b"), QStringLiteral("B"), {}};
    b.criteria.push_back(criterion("steps", 1, Scale::Type::Points, 4, AutoFail::Section));
    b.criteria.push_back(criterion("closing", 4, Scale::Type::YesNo));
    s.sections = {a, b};
    return s;
}

} // namespace

//! Weighting, N/A and auto-fail arithmetic of Scorecard::totals() against totals worked
//! out by hand, and how detector fractions map onto each scale.
class TestScorecardTotals : public QObject
{
    Q_OBJECT

private slots:
    void totals_data()
    {
        QTest::addColumn<QList<double>>("values"); // critical, tone, steps, closing; -1 = N/A
        QTest::addColumn<double>("expected");      // -1: no total
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("autoFailed");
        QTest::addColumn<QStringList>("zeroedSections");
        // (2*1 + 1*0.75 + 1*0.5 + 4*1) / 8 = 7.25 / 8
        QTest::newRow("all applicable") << QList<double>{1, 4, 2, 1} << 90.625 << true << false
                                        << QStringList{};
        // N/A is left out of numerator and denominator: (2 + 0.75 + 0.5) / 4
        QTest::newRow("closing N/A") << QList<double>{1, 4, 2, -1} << 81.25 << true << false
                                     << QStringList{};
        // (2 + 0 + 0.5 + 4) / 8: a failed criterion that is not critical just scores 0
        QTest::newRow("tone worst") << QList<double>{1, 1, 2, 1} << 81.25 << true << false
                                    << QStringList{};
        // steps 1/4 fails its section: b counts 0 but keeps its weight: (2 + 0.75) / 8
        QTest::newRow("section auto-fail") << QList<double>{1, 4, 1, 1} << 34.375 << false
                                           << false << QStringList{QStringLiteral("b")};
        QTest::newRow("evaluation auto-fail") << QList<double>{0, 5, 4, 1} << 0.0 << false << true
                                              << QStringList{};
        // (2*1 + 1*0.5) / 3
        QTest::newRow("section b N/A") << QList<double>{1, 3, -1, -1} << 250.0 / 3 << true
                                       << false << QStringList{};
        QTest::newRow("everything N/A") << QList<double>{-1, -1, -1, -1} << -1.0 << false << false
                                        << QStringList{};
    }

    void totals()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, expected);
        QFETCH(bool, passed);
        QFETCH(bool, autoFailed);
        QFETCH(QStringList, zeroedSections);
        const char *ids[] = {"critical", "tone", "steps", "closing"};
        std::vector<CriterionResult> results;
        for (int i = 0; i < 4; ++i)
            results.push_back(result(ids[i], values[i] < 0 ? std::nullopt
                                                           : std::optional<double>(values[i])));
        const ScoreTotals t = card().totals(results);
        if (expected < 0) {
            QVERIFY(!t.total.has_value());
        } else {
            QVERIFY(t.total.has_value());
            QVERIFY2(std::abs(*t.total - expected) < 1e-9,
                     qPrintable(QString::number(*t.total)));
        }
        QCOMPARE(t.passed, passed);
        QCOMPARE(t.autoFailed, autoFailed);
        QCOMPARE(t.autoFailedSections, zeroedSections);

        // The scorer's own totals (criteria resolved when compiled) say the same.
        QStringList errors;
        const auto scorer = ScorecardScorer::compile(card(), &errors);
        QVERIFY2(scorer, qPrintable(errors.join(QLatin1Char(' '))));
        Evaluation e;
        e.criteria = results;
        e.total = 12.5; // stale values the call must replace
        e.passed = !passed;
        e.autoFailed = !autoFailed;
        scorer->setTotals(&e);
        QCOMPARE(e.total.has_value(), t.total.has_value());
        if (t.total)
            QCOMPARE(*e.total, *t.total);
        QCOMPARE(e.passed, passed);
        QCOMPARE(e.autoFailed, autoFailed);
    }

    void valueOnScale_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<double>("value");
        QTest::newRow("yes/no pass at half") << int(Scale::Type::YesNo) << 1 << 0.5 << 1.0;
        QTest::newRow("yes/no fail below") << int(Scale::Type::YesNo) << 1 << 0.49 << 0.0;
        QTest::newRow("1-5 best") << int(Scale::Type::OneToFive) << 1 << 1.0 << 5.0;
        QTest::newRow("1-5 middle") << int(Scale::Type::OneToFive) << 1 << 0.5 << 3.0;
        QTest::newRow("1-5 two thirds") << int(Scale::Type::OneToFive) << 1 << 2.0 / 3 << 4.0;
        QTest::newRow("1-5 worst") << int(Scale::Type::OneToFive) << 1 << 0.0 << 1.0;
        QTest::newRow("points 0-10") << int(Scale::Type::Points) << 10 << 0.74 << 7.0;
        QTest::newRow("clamped") << int(Scale::Type::Points) << 10 << 1.7 << 10.0;
    }

    void valueOnScale()
    {
        QFETCH(int, type);
        QFETCH(int, points);
        QFETCH(double, fraction);
        QFETCH(double, value);
        Scale s;
        s.type = Scale::Type(type);
        s.points = points;
        QCOMPARE(ScorecardScorer::valueOnScale(s, fraction), value);
    }

    void naRulesOfTheCriterion()
    {
        Scorecard s = card();
        s.sections[0].criteria[0].detector = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("metadata")},
            {QStringLiteral("field"), QStringLiteral("channel")},
            {QStringLiteral("value"), QStringLiteral("voice")}};
        s.sections[0].criteria[0].na =
            QJsonObject{{QStringLiteral("channel_in"), QJsonArray{QStringLiteral("email")}}};
        QStringList errors;
        auto scorer = ScorecardScorer::compile(s, &errors);
        QVERIFY2(scorer, qPrintable(errors.join(QLatin1Char(' '))));
        StoredInteraction in;
        in.interaction.channel = QStringLiteral("email");
        Evaluation e = scorer->score(in);
        QVERIFY(e.criterion(QStringLiteral("critical"))->na);
        // Criteria without a detector are left to reviewers: N/A, never a fail.
        QVERIFY(e.criterion(QStringLiteral("tone"))->na);
        QVERIFY(!e.total.has_value());
        in.interaction.channel = QStringLiteral("voice");
        e = scorer->score(in);
        QCOMPARE(*e.criterion(QStringLiteral("critical"))->value, 1.0);
        QCOMPARE(*e.total, 100.0);

        s.sections[0].criteria[0].na = QJsonObject{{QStringLiteral("bogus"), true}};
        errors.clear();
        QVERIFY(!ScorecardScorer::compile(s, &errors));
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("bogus")));
    }
};

QTEST_GUILESS_MAIN(TestScorecardTotals)
#include "TestScorecardTotals.moc"
