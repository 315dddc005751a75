#include "PublishedRatingData.h"

#include "stats/KrippendorffAlpha.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

Q_DECLARE_METATYPE(qaw::AlphaLevel)

class TestKrippendorffAlpha : public QObject
{
    Q_OBJECT

private slots:
    void publishedExample_data();
    void publishedExample();
    void binaryTwoObservers();
    void singlyRatedUnitContributesNothing();
    void equalsRescaledScottsPiForTwoCompleteRaters();
    void undefinedWithoutPairableValues();
    void undefinedWithoutExpectedDisagreement();
    void ratioNeedsNonNegativeValues();
    void perfectAgreementIsOne();
};

void TestKrippendorffAlpha::publishedExample_data()
{
    QTest::addColumn<AlphaLevel>("level");
    QTest::addColumn<double>("published");
    QTest::addColumn<double>("exact");
    // Published: Krippendorff (2011), three decimals. Exact: the same coincidence-matrix
    // computation done in rational arithmetic by tests/models/stats/reference/
    // krippendorff_alpha_reference.py (python3 standard library, fractions.Fraction).
    QTest::newRow("nominal") << AlphaLevel::Nominal << 0.743 << 113.0 / 152.0;
    QTest::newRow("ordinal") << AlphaLevel::Ordinal << 0.815 << 108577.0 / 133160.0;
    QTest::newRow("interval") << AlphaLevel::Interval << 0.849 << 951.0 / 1120.0;
    QTest::newRow("ratio") << AlphaLevel::Ratio << 0.797 << 18222619.0 / 22852465.0;
}

void TestKrippendorffAlpha::publishedExample()
{
    QFETCH(AlphaLevel, level);
    QFETCH(double, published);
    QFETCH(double, exact);
    const StatValue alpha = krippendorffAlpha(testdata::krippendorff2011(), level);
    QVERIFY2(alpha.isDefined(), qPrintable(alpha.undefinedReason));
    QVERIFY2(std::abs(*alpha.value - published) < 0.0005,
             qPrintable(QString::number(*alpha.value)));
    QVERIFY(std::abs(*alpha.value - exact) < 1e-12);
}

void TestKrippendorffAlpha::binaryTwoObservers()
{
    // Krippendorff (2011), "binary or dichotomous data, two observers, no missing data":
    // ten units, published alpha = .095. By hand: n = 20 values (14 zeros, 6 ones), four
    // units disagree, so o_01 = 4 and alpha = 1 - 19 * 4 / (14 * 6) = 8 / 84.
    const RatingMatrix m =
        matrix({{0, 1}, {1, 1}, {0, 1}, {0, 0}, {0, 0}, {0, 1}, {0, 0}, {0, 0}, {1, 0}, {0, 0}});
    const StatValue alpha = krippendorffAlpha(m, AlphaLevel::Nominal);
    QVERIFY(alpha.isDefined());
    QCOMPARE(qRound(*alpha.value * 1000), 95);
    QVERIFY(std::abs(*alpha.value - 8.0 / 84.0) < 1e-12);
}

void TestKrippendorffAlpha::singlyRatedUnitContributesNothing()
{
    // Dropping unit 12 (one value only) or adding more single-value units changes nothing.
    const RatingMatrix full = testdata::krippendorff2011();
    std::vector<int> firstEleven(11);
    for (int i = 0; i < 11; ++i)
        firstEleven[size_t(i)] = i;
    RatingMatrix extra(full.itemCount() + 1, full.raterNames());
    for (int i = 0; i < full.itemCount(); ++i)
        for (int r = 0; r < full.raterCount(); ++r)
            extra.setRating(i, r, full.rating(i, r));
    extra.setRating(full.itemCount(), 2, 5.0);
    for (AlphaLevel level :
         {AlphaLevel::Nominal, AlphaLevel::Ordinal, AlphaLevel::Interval, AlphaLevel::Ratio}) {
        const double reference = *krippendorffAlpha(full, level).value;
        QCOMPARE(*krippendorffAlpha(full.selectItems(firstEleven), level).value, reference);
        QCOMPARE(*krippendorffAlpha(extra, level).value, reference);
    }
}

void TestKrippendorffAlpha::equalsRescaledScottsPiForTwoCompleteRaters()
{
    // For two observers and no missing data, 1 - alpha = (2N - 1) / (2N) * (1 - pi), with
    // Scott's pi from pooled proportions (Krippendorff 2011, relation to Scott's pi).
    // Here N = 6: pooled proportions 1: 5/12, 2: 4/12, 3: 3/12, so P_e = 50/144; observed
    // agreement 3/6; pi = (1/2 - 50/144) / (1 - 50/144) = 22/94.
    const RatingMatrix m = matrix({{1, 1}, {1, 2}, {2, 2}, {3, 3}, {1, 3}, {2, 1}});
    const double pi = 22.0 / 94.0;
    const double expected = 1.0 - (11.0 / 12.0) * (1.0 - pi);
    QVERIFY(std::abs(*krippendorffAlpha(m, AlphaLevel::Nominal).value - expected) < 1e-12);
}

void TestKrippendorffAlpha::undefinedWithoutPairableValues()
{
    const RatingMatrix m = matrix({{1, NA, NA}, {NA, 2, NA}, {NA, NA, 3}});
    const StatValue alpha = krippendorffAlpha(m, AlphaLevel::Interval);
    QVERIFY(!alpha.isDefined());
    QVERIFY(alpha.undefinedReason.contains(QStringLiteral("pairable")));
    QVERIFY(!krippendorffAlpha(RatingMatrix(), AlphaLevel::Nominal).isDefined());
}

void TestKrippendorffAlpha::undefinedWithoutExpectedDisagreement()
{
    // Every coder always chose 3: D_e = 0, so alpha is 0/0, not 1 and not 0.
    const RatingMatrix m = matrix({{3, 3, 3}, {3, 3, NA}, {3, 3, 3}});
    for (AlphaLevel level :
         {AlphaLevel::Nominal, AlphaLevel::Ordinal, AlphaLevel::Interval, AlphaLevel::Ratio}) {
        const StatValue alpha = krippendorffAlpha(m, level);
        QVERIFY(!alpha.isDefined());
        QVERIFY(alpha.undefinedReason.contains(QStringLiteral("expected disagreement")));
    }
}

void TestKrippendorffAlpha::ratioNeedsNonNegativeValues()
{
    const RatingMatrix m = matrix({{-1, 1}, {2, 2}, {3, 1}});
    QVERIFY(!krippendorffAlpha(m, AlphaLevel::Ratio).isDefined());
    QVERIFY(krippendorffAlpha(m, AlphaLevel::Interval).isDefined());
}

void TestKrippendorffAlpha::perfectAgreementIsOne()
{
    const RatingMatrix m = matrix({{1, 1, NA}, {2, 2, 2}, {0, 0, 0}, {5, NA, 5}});
    for (AlphaLevel level :
         {AlphaLevel::Nominal, AlphaLevel::Ordinal, AlphaLevel::Interval, AlphaLevel::Ratio})
        QCOMPARE(*krippendorffAlpha(m, level).value, 1.0);
}

QTEST_GUILESS_MAIN(TestKrippendorffAlpha)
#include "TestKrippendorffAlpha.moc"
