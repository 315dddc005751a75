#include "PublishedRatingData.h"

#include "stats/RatingMatrix.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

class TestRatingMatrix : public QObject
{
    Q_OBJECT

private slots:
    void buildAndRead();
    void selectItemsRepeatsRows();
    void selectRatersReordersColumns();
    void categoryScaleMergesDeclaredAndObserved();
    void categoryIndexIsTolerant();
};

void TestRatingMatrix::buildAndRead()
{
    const RatingMatrix m = matrix({{1, NA, 3}, {NA, NA, NA}, {4, 5, 6}});
    QCOMPARE(m.itemCount(), 3);
    QCOMPARE(m.raterCount(), 3);
    QCOMPARE(m.raterNames().front(), QStringLiteral("rater 1"));
    QCOMPARE(m.rating(0, 0), std::optional<double>(1.0));
    QVERIFY(!m.rating(0, 1).has_value());
    QVERIFY(!m.rating(9, 0).has_value()); // out of range reads as missing
    QCOMPARE(m.ratingCount(0), 2);
    QCOMPARE(m.ratingCount(1), 0);
    QVERIFY(m.isComplete(2));
    QVERIFY(!m.isComplete(0));
    QCOMPARE(m.itemRatings(0), (std::vector<double>{1, 3}));
}

void TestRatingMatrix::selectItemsRepeatsRows()
{
    const RatingMatrix m = matrix({{1, 2}, {3, NA}, {5, 6}});
    const RatingMatrix s = m.selectItems({2, 2, 1});
    QCOMPARE(s.itemCount(), 3);
    QCOMPARE(*s.rating(0, 0), 5.0);
    QCOMPARE(*s.rating(1, 1), 6.0);
    QVERIFY(!s.rating(2, 1).has_value());
    QCOMPARE(s.raterNames(), m.raterNames());
}

void TestRatingMatrix::selectRatersReordersColumns()
{
    const RatingMatrix m = matrix({{1, 2, 3}, {4, NA, 6}});
    const RatingMatrix s = m.selectRaters({2, 0});
    QCOMPARE(s.raterCount(), 2);
    QCOMPARE(s.raterNames(), (QStringList{QStringLiteral("rater 3"), QStringLiteral("rater 1")}));
    QCOMPARE(*s.rating(0, 0), 3.0);
    QCOMPARE(*s.rating(1, 1), 4.0);
    QCOMPARE(s.itemCount(), 2);
}

void TestRatingMatrix::categoryScaleMergesDeclaredAndObserved()
{
    const RatingMatrix m = matrix({{3, 1}, {1, NA}, {7, 3}});
    QCOMPARE(m.observedValues(), (QList<double>{1, 3, 7}));
    QCOMPARE(categoryScale(m, {5, 4, 3, 2, 1}), (QList<double>{1, 2, 3, 4, 5, 7}));
    QCOMPARE(categoryScale(RatingMatrix(), {2, 1, 2}), (QList<double>{1, 2}));
}

void TestRatingMatrix::categoryIndexIsTolerant()
{
    const QList<double> scale{0, 0.5, 1};
    QCOMPARE(categoryIndex(scale, 0.5), 1);
    QCOMPARE(categoryIndex(scale, 0.1 * 5), 1);
    QCOMPARE(categoryIndex(scale, 1.0 + 1e-12), 2);
    QCOMPARE(categoryIndex(scale, 0.75), -1);
    QCOMPARE(categoryIndex(scale, 2.0), -1);
    QCOMPARE(categoryIndex({}, 0.0), -1);
}

QTEST_GUILESS_MAIN(TestRatingMatrix)
#include "TestRatingMatrix.moc"
