#include "PublishedRatingData.h"

#include "stats/FleissKappa.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

class TestFleissKappa : public QObject
{
    Q_OBJECT

private slots:
    void wikipediaExample();
    void randolphOnWikipediaExample();
    void unusedCategoryChangesRandolphOnly();
    void twoRatersGiveScottsPi();
    void itemsWithMissingRatingsAreLeftOut();
    void oneCategoryForEverything();
    void tooFewRatersOrItems();
};

void TestFleissKappa::wikipediaExample()
{
    // Wikipedia "Fleiss' kappa" worked example: published kappa = 0.210 (P-bar 0.378,
    // P_e 0.213, both rounded there).
    const RatingMatrix m = testdata::fleissWikipediaExample();
    QCOMPARE(m.itemCount(), 10);
    QCOMPARE(m.raterCount(), 14);
    const StatValue kappa = fleissKappa(m, {1, 2, 3, 4, 5});
    QVERIFY2(kappa.isDefined(), qPrintable(kappa.undefinedReason));
    QVERIFY2(std::abs(*kappa.value - 0.210) < 0.0005, qPrintable(QString::number(*kappa.value)));
}

void TestFleissKappa::randolphOnWikipediaExample()
{
    // Randolph (2005): kappa_free = (P-bar - 1/k) / (1 - 1/k). With the published
    // P-bar = 0.378 (rounded to 0.0005) and k = 5: (0.378 - 0.2) / 0.8 = 0.2225 +- 0.0007.
    const StatValue kappa = randolphKappa(testdata::fleissWikipediaExample(), {1, 2, 3, 4, 5});
    QVERIFY(kappa.isDefined());
    QVERIFY2(std::abs(*kappa.value - 0.2225) < 0.0007, qPrintable(QString::number(*kappa.value)));
}

void TestFleissKappa::unusedCategoryChangesRandolphOnly()
{
    // A declared sixth category nobody used: Fleiss' pooled proportions are unchanged, but
    // Randolph's chance agreement falls from 1/5 to 1/6.
    const RatingMatrix m = testdata::fleissWikipediaExample();
    const double fleiss5 = *fleissKappa(m, {1, 2, 3, 4, 5}).value;
    const double fleiss6 = *fleissKappa(m, {1, 2, 3, 4, 5, 6}).value;
    QVERIFY(std::abs(fleiss5 - fleiss6) < 1e-12);
    const double randolph5 = *randolphKappa(m, {1, 2, 3, 4, 5}).value;
    const double randolph6 = *randolphKappa(m, {1, 2, 3, 4, 5, 6}).value;
    // Both come from the same P-bar: P = randolph5 * 0.8 + 0.2 = randolph6 * 5/6 + 1/6.
    QVERIFY(std::abs((randolph5 * 0.8 + 0.2) - (randolph6 * 5.0 / 6.0 + 1.0 / 6.0)) < 1e-12);
    QVERIFY(randolph6 > randolph5);
}

void TestFleissKappa::twoRatersGiveScottsPi()
{
    // Scott's pi by hand (see TestKrippendorffAlpha): pooled proportions 5/12, 4/12, 3/12,
    // P_e = 50/144, observed agreement 1/2, pi = 22/94.
    const RatingMatrix m = matrix({{1, 1}, {1, 2}, {2, 2}, {3, 3}, {1, 3}, {2, 1}});
    QVERIFY(std::abs(*fleissKappa(m, {1, 2, 3}).value - 22.0 / 94.0) < 1e-12);
    // Randolph with k = 3: (1/2 - 1/3) / (2/3) = 1/4.
    QVERIFY(std::abs(*randolphKappa(m, {1, 2, 3}).value - 0.25) < 1e-12);
}

void TestFleissKappa::itemsWithMissingRatingsAreLeftOut()
{
    const RatingMatrix withMissing =
        matrix({{1, 1, 1}, {1, NA, 2}, {2, 2, 1}, {NA, NA, NA}, {3, 3, 3}, {2, 2, 2}});
    const RatingMatrix complete = matrix({{1, 1, 1}, {2, 2, 1}, {3, 3, 3}, {2, 2, 2}});
    QCOMPARE(*fleissKappa(withMissing, {1, 2, 3}).value, *fleissKappa(complete, {1, 2, 3}).value);
    QCOMPARE(*randolphKappa(withMissing, {1, 2, 3}).value,
             *randolphKappa(complete, {1, 2, 3}).value);
}

void TestFleissKappa::oneCategoryForEverything()
{
    const RatingMatrix m = matrix({{2, 2, 2}, {2, 2, 2}});
    const StatValue fleiss = fleissKappa(m, {1, 2, 3});
    QVERIFY(!fleiss.isDefined());
    QVERIFY(fleiss.undefinedReason.contains(QStringLiteral("same category")));
    // Free-marginal chance agreement is 1/k whatever the raters did: perfect agreement on a
    // three-point scale is kappa_free = 1.
    QCOMPARE(*randolphKappa(m, {1, 2, 3}).value, 1.0);
    // ... but a one-point scale leaves no room for chance correction.
    QVERIFY(!randolphKappa(m, {2}).isDefined());
}

void TestFleissKappa::tooFewRatersOrItems()
{
    const RatingMatrix oneRater = matrix({{1}, {2}});
    QVERIFY(fleissKappa(oneRater, {1, 2}).undefinedReason.contains(QStringLiteral("two raters")));
    const RatingMatrix noCompleteItem = matrix({{1, NA}, {NA, 2}});
    const StatValue kappa = fleissKappa(noCompleteItem, {1, 2});
    QVERIFY(!kappa.isDefined());
    QVERIFY(kappa.undefinedReason.contains(QStringLiteral("every rater")));
    QVERIFY(!randolphKappa(noCompleteItem, {1, 2}).isDefined());
}

QTEST_GUILESS_MAIN(TestFleissKappa)
#include "TestFleissKappa.moc"
