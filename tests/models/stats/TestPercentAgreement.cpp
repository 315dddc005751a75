#include "PublishedRatingData.h"

#include "stats/PercentAgreement.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

class TestPercentAgreement : public QObject
{
    Q_OBJECT

private slots:
    void pairwise_data();
    void pairwise();
    void allRatersListwise_data();
    void allRatersListwise();
    void meanPairwiseExact();
    void meanPairwiseOnKrippendorffExample();
    void undefinedCases();
};

void TestPercentAgreement::pairwise_data()
{
    QTest::addColumn<double>("points");
    QTest::addColumn<double>("expected");
    // Items both rated: (1,1) (2,3) (5,3) (4,4) (1,4); gaps 0, 1, 2, 0, 3.
    QTest::newRow("exact") << 0.0 << 40.0;
    QTest::newRow("within 1") << 1.0 << 60.0;
    QTest::newRow("within 2") << 2.0 << 80.0;
    QTest::newRow("within 3") << 3.0 << 100.0;
}

void TestPercentAgreement::pairwise()
{
    QFETCH(double, points);
    QFETCH(double, expected);
    const RatingMatrix m = matrix({{1, 1}, {2, 3}, {NA, 2}, {5, 3}, {4, 4}, {3, NA}, {1, 4}});
    QCOMPARE(*pairwisePercentAgreement(m, 0, 1, points).value, expected);
}

void TestPercentAgreement::allRatersListwise_data()
{
    QTest::addColumn<double>("points");
    QTest::addColumn<double>("expected");
    // Complete items: spreads (max - min) 0, 1, 2, 4; the two items with a gap are left out.
    QTest::newRow("exact") << 0.0 << 25.0;
    QTest::newRow("within 1") << 1.0 << 50.0;
    QTest::newRow("within 2") << 2.0 << 75.0;
}

void TestPercentAgreement::allRatersListwise()
{
    QFETCH(double, points);
    QFETCH(double, expected);
    const RatingMatrix m =
        matrix({{3, 3, 3}, {2, 3, 2}, {5, NA, 5}, {1, 3, 2}, {NA, 1, 1}, {5, 1, 3}});
    QCOMPARE(*allRatersPercentAgreement(m, points).value, expected);
}

void TestPercentAgreement::meanPairwiseExact()
{
    // By hand: A-B share items 1-3 and agree on 1 (33.3..%); A-C share items 1, 2, 4 and
    // agree on all (100%); B-C share items 1-2 and agree on 1 (50%). Mean of the three pairs.
    const RatingMatrix m = matrix({{1, 1, 1}, {2, 3, 2}, {3, 4, NA}, {4, NA, 4}});
    const double expected = (100.0 / 3.0 + 100.0 + 50.0) / 3.0;
    QVERIFY(std::abs(*meanPairwisePercentAgreement(m).value - expected) < 1e-9);
}

void TestPercentAgreement::meanPairwiseOnKrippendorffExample()
{
    // Krippendorff (2011) data, counted by hand from the table in PublishedRatingData.h:
    // A-B share 9 units, agree on 8; A-C 8 units, 5 agree; A-D 9, 8; B-C 9, 6; B-D 10, 9;
    // C-D 10, 7.
    const double expected =
        (800.0 / 9 + 500.0 / 8 + 800.0 / 9 + 600.0 / 9 + 900.0 / 10 + 700.0 / 10) / 6.0;
    QVERIFY(std::abs(*meanPairwisePercentAgreement(testdata::krippendorff2011()).value - expected) <
            1e-9);
}

void TestPercentAgreement::undefinedCases()
{
    const RatingMatrix disjoint = matrix({{1, NA}, {NA, 2}});
    QVERIFY(!pairwisePercentAgreement(disjoint, 0, 1).isDefined());
    const StatValue listwise = allRatersPercentAgreement(disjoint);
    QVERIFY(!listwise.isDefined());
    QVERIFY(listwise.undefinedReason.contains(QStringLiteral("listwise")));
    QVERIFY(!meanPairwisePercentAgreement(disjoint).isDefined());
    QVERIFY(!allRatersPercentAgreement(matrix({{1}, {2}})).isDefined());
}

QTEST_GUILESS_MAIN(TestPercentAgreement)
#include "TestPercentAgreement.moc"
