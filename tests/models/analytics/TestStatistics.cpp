// Statistics used by the analytics, against values worked out by hand and t tables.
#include "analytics/Buckets.h"
#include "analytics/Statistics.h"

#include <QTest>

#include <cmath>

using namespace qaw;

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void momentsOfASample()
    {
        stats::Moments m{4, 1 + 2 + 3 + 4, 1 + 4 + 9 + 16};
        QCOMPARE(m.mean(), 2.5);
        QVERIFY(qAbs(m.variance() - 5.0 / 3.0) < 1e-12);
        stats::Moments one{1, 7, 49};
        QCOMPARE(one.mean(), 7.0);
        QVERIFY(std::isnan(one.variance()));
        QVERIFY(std::isnan(stats::Moments{}.mean()));
    }

    void tQuantilesMatchTables_data()
    {
        QTest::addColumn<double>("df");
        QTest::addColumn<double>("expected");
        // Two-sided 95% critical values from published t tables.
        QTest::newRow("1") << 1.0 << 12.706;
        QTest::newRow("3") << 3.0 << 3.182;
        QTest::newRow("4") << 4.0 << 2.776;
        QTest::newRow("30") << 30.0 << 2.042;
    }
    void tQuantilesMatchTables()
    {
        QFETCH(double, df);
        QFETCH(double, expected);
        QVERIFY2(qAbs(stats::t975(df) - expected) < 5e-4,
                 qPrintable(QString::number(stats::t975(df))));
    }

    void welchWithEqualSpreadHasPooledDegreesOfFreedom()
    {
        // {1,2,3} vs {4,5,6}: variances 1 and 1, df = 4, se = sqrt(2/3).
        const stats::Comparison c = stats::welch({3, 6, 14}, {3, 15, 77});
        QCOMPARE(c.difference, -3.0);
        const double half = 2.7764451051977987 * std::sqrt(2.0 / 3.0);
        QVERIFY(qAbs(c.interval.low - (-3 - half)) < 1e-9);
        QVERIFY(qAbs(c.interval.high - (-3 + half)) < 1e-9);
    }

    void welchIsUndefinedForASingleValue()
    {
        const stats::Comparison c = stats::welch({1, 5, 25}, {3, 6, 14});
        QCOMPARE(c.difference, 3.0);
        QVERIFY(std::isnan(c.interval.low));
        QVERIFY(std::isnan(c.interval.high));
    }

    void proportionDifferenceWald()
    {
        const stats::Comparison c = stats::proportionDifference(30, 50, 20, 50);
        QVERIFY(qAbs(c.difference - 0.2) < 1e-12);
        const double half = 1.959963984540054 * std::sqrt(0.6 * 0.4 / 50 + 0.4 * 0.6 / 50);
        QVERIFY(qAbs(c.interval.low - (0.2 - half)) < 1e-12);
        QVERIFY(qAbs(c.interval.high - (0.2 + half)) < 1e-12);
        QVERIFY(std::isnan(stats::proportionDifference(1, 0, 1, 2).difference));
    }

    void averageRanksShareTies()
    {
        const std::vector<double> r = stats::averageRanks({10, 20, 20, 5, 20});
        const std::vector<double> expected{2, 4, 4, 1, 4};
        QCOMPARE(r, expected);
    }

    void fitAndCorrelations()
    {
        // x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4.
        const stats::Fit f = stats::fit({1, 2, 2, 3}, {1, 3, 2, 4});
        QCOMPARE(f.n, qint64(4));
        QVERIFY(qAbs(f.slope - 1.5) < 1e-12);
        QVERIFY(qAbs(f.intercept - (-0.5)) < 1e-12);
        QVERIFY(qAbs(f.pearson - 3 / std::sqrt(10.0)) < 1e-12);
        QVERIFY(qAbs(f.spearman - 4.5 / std::sqrt(22.5)) < 1e-12);
        QVERIFY(std::isnan(stats::fit({1, 1, 1}, {1, 2, 3}).pearson));
    }

    void bucketsStartMondayAndOnTheFirst()
    {
        QCOMPARE(bucketStart(QDate(2024, 1, 7), Bucketing::Week), QDate(2024, 1, 1));
        QCOMPARE(bucketStart(QDate(2024, 1, 8), Bucketing::Week), QDate(2024, 1, 8));
        QCOMPARE(bucketStart(QDate(2024, 2, 29), Bucketing::Month), QDate(2024, 2, 1));
        const std::vector<QDate> weeks =
            bucketsCovering(QDate(2024, 1, 3), QDate(2024, 1, 15), Bucketing::Week);
        QCOMPARE(weeks.size(), size_t(3));
        QCOMPARE(weeks.back(), QDate(2024, 1, 15));
        QCOMPARE(dayFromNumber(dayNumber(QDate(2024, 1, 1))), QDate(2024, 1, 1));
        QCOMPARE(dayNumber(QDate(1970, 1, 2)), qint64(1));
        QCOMPARE(bucketingFromName(QStringLiteral("month")),
                 std::optional<Bucketing>(Bucketing::Month));
        QVERIFY(!bucketingFromName(QStringLiteral("year")));
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "TestStatistics.moc"
