#include "PublishedRatingData.h"

#include "stats/BootstrapInterval.h"

#include <QTest>

#include <cmath>

using namespace qaw;
using testdata::matrix;

namespace {

StatValue meanOfFirstRater(const RatingMatrix &m)
{
    double sum = 0;
    for (int i = 0; i < m.itemCount(); ++i)
        sum += *m.rating(i, 0);
    return StatValue::defined(sum / m.itemCount());
}

RatingMatrix oneToTwenty()
{
    std::vector<std::vector<std::optional<double>>> rows;
    for (int i = 1; i <= 20; ++i)
        rows.push_back({double(i), double(i)});
    return RatingMatrix::fromRows(rows);
}

} // namespace

class TestBootstrapInterval : public QObject
{
    Q_OBJECT

private slots:
    void quantiles_data();
    void quantiles();
    void meanIntervalMatchesNormalTheory();
    void sameSeedSameInterval();
    void resamplesKeepTheItemCount();
    void constantStatisticGivesPointInterval();
    void undefinedResamplesAreCountedAndCanMakeItUndefined();
    void undefinedWhenOffOrTooSmall();
};

void TestBootstrapInterval::quantiles_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    // Hyndman & Fan (1996) type 7 on 1..5: h = 4q, interpolate between order statistics.
    QTest::newRow("min") << 0.0 << 1.0;
    QTest::newRow("10%") << 0.1 << 1.4;
    QTest::newRow("quartile") << 0.25 << 2.0;
    QTest::newRow("median") << 0.5 << 3.0;
    QTest::newRow("97.5%") << 0.975 << 4.9;
    QTest::newRow("max") << 1.0 << 5.0;
}

void TestBootstrapInterval::quantiles()
{
    QFETCH(double, q);
    QFETCH(double, expected);
    QVERIFY(std::abs(sortedQuantile({1, 2, 3, 4, 5}, q) - expected) < 1e-12);
}

void TestBootstrapInterval::meanIntervalMatchesNormalTheory()
{
    // The bootstrap distribution of a mean of n = 20 values 1..20 is close to normal with
    // standard error sigma / sqrt(n), sigma^2 = (n^2 - 1) / 12 (divisor n, as the bootstrap
    // resamples the empirical distribution): se = 1.2893, so 10.5 -+ 1.96 * 1.2893 =
    // [7.973, 13.027]. 4000 resamples put the Monte Carlo error well under 0.3.
    BootstrapOptions options;
    options.resamples = 4000;
    const ConfidenceInterval ci = bootstrapInterval(oneToTwenty(), meanOfFirstRater, options);
    QVERIFY2(ci.isDefined(), qPrintable(ci.undefinedReason));
    const double se = std::sqrt((400.0 - 1.0) / 12.0 / 20.0);
    QVERIFY2(std::abs(*ci.lower - (10.5 - 1.959964 * se)) < 0.3,
             qPrintable(QString::number(*ci.lower)));
    QVERIFY2(std::abs(*ci.upper - (10.5 + 1.959964 * se)) < 0.3,
             qPrintable(QString::number(*ci.upper)));
    QCOMPARE(ci.resamples, 4000);
    QCOMPARE(ci.undefinedResamples, 0);
}

void TestBootstrapInterval::sameSeedSameInterval()
{
    BootstrapOptions options;
    options.seed = 7;
    const ConfidenceInterval a = bootstrapInterval(oneToTwenty(), meanOfFirstRater, options);
    const ConfidenceInterval b = bootstrapInterval(oneToTwenty(), meanOfFirstRater, options);
    QCOMPARE(*a.lower, *b.lower);
    QCOMPARE(*a.upper, *b.upper);
    options.seed = 8;
    const ConfidenceInterval c = bootstrapInterval(oneToTwenty(), meanOfFirstRater, options);
    QVERIFY(*a.lower != *c.lower || *a.upper != *c.upper);
}

void TestBootstrapInterval::resamplesKeepTheItemCount()
{
    int calls = 0;
    BootstrapOptions options;
    options.resamples = 50;
    bootstrapInterval(
        oneToTwenty(),
        [&](const RatingMatrix &m) {
            ++calls;
            return StatValue::defined(m.itemCount() == 20 && m.raterCount() == 2 ? 1.0 : 0.0);
        },
        options);
    QCOMPARE(calls, 50);
    const ConfidenceInterval ci = bootstrapInterval(
        oneToTwenty(),
        [](const RatingMatrix &m) {
            return StatValue::defined(m.itemCount() == 20 && m.raterCount() == 2 ? 1.0 : 0.0);
        },
        options);
    QCOMPARE(*ci.lower, 1.0);
    QCOMPARE(*ci.upper, 1.0);
}

void TestBootstrapInterval::constantStatisticGivesPointInterval()
{
    const ConfidenceInterval ci = bootstrapInterval(
        oneToTwenty(), [](const RatingMatrix &) { return StatValue::defined(0.25); }, {});
    QCOMPARE(*ci.lower, 0.25);
    QCOMPARE(*ci.upper, 0.25);
}

void TestBootstrapInterval::undefinedResamplesAreCountedAndCanMakeItUndefined()
{
    // Undefined whenever the resample lacks item 1 (value 1): that happens with probability
    // (19/20)^20 = 0.358, so about a third of resamples are left out but the interval stands.
    const auto needsItemOne = [](const RatingMatrix &m) {
        for (int i = 0; i < m.itemCount(); ++i)
            if (*m.rating(i, 0) == 1.0)
                return StatValue::defined(1.0);
        return StatValue::undefined(QStringLiteral("no item one"));
    };
    const ConfidenceInterval some = bootstrapInterval(oneToTwenty(), needsItemOne, {});
    QVERIFY(some.isDefined());
    QVERIFY(some.undefinedResamples > 250 && some.undefinedResamples < 470);
    // Undefined unless item 1 appears twice or more: probability 1 - 0.358 - 0.377 = 0.264,
    // so most resamples are undefined and so is the interval.
    const auto needsItemOneTwice = [](const RatingMatrix &m) {
        int count = 0;
        for (int i = 0; i < m.itemCount(); ++i)
            count += *m.rating(i, 0) == 1.0 ? 1 : 0;
        return count >= 2 ? StatValue::defined(1.0) : StatValue::undefined(QStringLiteral("x"));
    };
    const ConfidenceInterval most = bootstrapInterval(oneToTwenty(), needsItemOneTwice, {});
    QVERIFY(!most.isDefined());
    QVERIFY(most.undefinedReason.contains(QStringLiteral("undefined on")));
}

void TestBootstrapInterval::undefinedWhenOffOrTooSmall()
{
    BootstrapOptions off;
    off.resamples = 0;
    QVERIFY(!bootstrapInterval(oneToTwenty(), meanOfFirstRater, off).isDefined());
    const ConfidenceInterval single = bootstrapInterval(matrix({{1, 2}}), meanOfFirstRater, {});
    QVERIFY(!single.isDefined());
    QVERIFY(single.undefinedReason.contains(QStringLiteral("fewer than two items")));
}

QTEST_GUILESS_MAIN(TestBootstrapInterval)
#include "TestBootstrapInterval.moc"
