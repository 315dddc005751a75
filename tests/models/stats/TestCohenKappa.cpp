#include "PublishedRatingData.h"

#include "stats/CohenKappa.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

Q_DECLARE_METATYPE(qaw::RatingMatrix)

namespace {

//! Two raters' yes (1) / no (0) ratings from the four cells of a 2 x 2 table.
RatingMatrix fromTwoByTwo(int yesYes, int yesNo, int noYes, int noNo)
{
    std::vector<std::vector<std::optional<double>>> rows;
    const auto add = [&](int count, double a, double b) {
        for (int i = 0; i < count; ++i)
            rows.push_back({a, b});
    };
    add(yesYes, 1, 1);
    add(yesNo, 1, 0);
    add(noYes, 0, 1);
    add(noNo, 0, 0);
    return RatingMatrix::fromRows(rows);
}

//! Positions on the scale of a rater's ratings (both raters complete).
std::vector<double> positions(const RatingMatrix &m, int rater, const QList<double> &scale)
{
    std::vector<double> p;
    for (int i = 0; i < m.itemCount(); ++i)
        p.push_back(categoryIndex(scale, *m.rating(i, rater)));
    return p;
}

//! Schuster (2004): with quadratic weights on equally spaced positions, weighted kappa is
//! 2 s_ab / (s_a^2 + s_b^2 + (mean_a - mean_b)^2), moments with divisor n. A route to the
//! value that shares nothing with the contingency-table computation under test.
double quadraticKappaFromMoments(const std::vector<double> &a, const std::vector<double> &b)
{
    const double n = double(a.size());
    double ma = 0, mb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        ma += a[i] / n;
        mb += b[i] / n;
    }
    double saa = 0, sbb = 0, sab = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        saa += (a[i] - ma) * (a[i] - ma) / n;
        sbb += (b[i] - mb) * (b[i] - mb) / n;
        sab += (a[i] - ma) * (b[i] - mb) / n;
    }
    return 2 * sab / (saa + sbb + (ma - mb) * (ma - mb));
}

//! Vanbelle & Albert (2009): linearly weighted kappa on k ordered categories is built from
//! the k - 1 embedded 2 x 2 tables "at most category c" vs "above c": one minus the summed
//! observed disagreements over the summed chance-expected ones.
double linearKappaFromCuts(const std::vector<double> &a, const std::vector<double> &b, int k)
{
    const double n = double(a.size());
    double observed = 0, expected = 0;
    for (int cut = 0; cut < k - 1; ++cut) {
        double lowA = 0, lowB = 0, split = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            lowA += a[i] <= cut ? 1 : 0;
            lowB += b[i] <= cut ? 1 : 0;
            split += (a[i] <= cut) != (b[i] <= cut) ? 1 : 0;
        }
        observed += split / n;
        expected += (lowA / n) * (1 - lowB / n) + (1 - lowA / n) * (lowB / n);
    }
    return 1 - observed / expected;
}

} // namespace

class TestCohenKappa : public QObject
{
    Q_OBJECT

private slots:
    void textbookTwoByTwo_data();
    void textbookTwoByTwo();
    void weightsAgreeWithIndependentIdentities_data();
    void weightsAgreeWithIndependentIdentities();
    void twoCategoriesMakeWeightsIrrelevant();
    void unusedScalePointsInTheMiddleCount();
    void unusedScalePointsAtTheEndsDoNotChangeKappa();
    void missingRatingsAreLeftOut();
    void undefinedWhenBothRatersUseOneCategory();
    void definedZeroWhenRatersUseDifferentSingleCategories();
    void undefinedWithoutCommonItems();
};

void TestCohenKappa::textbookTwoByTwo_data()
{
    QTest::addColumn<int>("yesYes");
    QTest::addColumn<int>("yesNo");
    QTest::addColumn<int>("noYes");
    QTest::addColumn<int>("noNo");
    QTest::addColumn<double>("expected");
    // Wikipedia "Cohen's kappa", simple example: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    QTest::newRow("wikipedia 50 proposals") << 20 << 5 << 10 << 15 << 0.4;
    // Wikipedia "Cohen's kappa", same p_o = 0.60 with different marginals: p_e = 0.54 gives
    // 0.06 / 0.46 = 0.1304 and p_e = 0.46 gives 0.14 / 0.54 = 0.2593.
    QTest::newRow("wikipedia balanced") << 45 << 15 << 25 << 15 << 0.06 / 0.46;
    QTest::newRow("wikipedia unbalanced") << 25 << 35 << 5 << 35 << 0.14 / 0.54;
    // Perfect agreement with both categories used.
    QTest::newRow("perfect") << 7 << 0 << 0 << 3 << 1.0;
}

void TestCohenKappa::textbookTwoByTwo()
{
    QFETCH(int, yesYes);
    QFETCH(int, yesNo);
    QFETCH(int, noYes);
    QFETCH(int, noNo);
    QFETCH(double, expected);
    const StatValue kappa = cohenKappa(fromTwoByTwo(yesYes, yesNo, noYes, noNo), 0, 1);
    QVERIFY2(kappa.isDefined(), qPrintable(kappa.undefinedReason));
    QVERIFY2(std::abs(*kappa.value - expected) < 1e-12, qPrintable(QString::number(*kappa.value)));
}

void TestCohenKappa::weightsAgreeWithIndependentIdentities_data()
{
    QTest::addColumn<RatingMatrix>("ratings");
    QTest::addColumn<QList<double>>("scale");
    QTest::newRow("1-5 scale")
        << matrix({{1, 1}, {2, 3}, {3, 3}, {4, 5}, {5, 5}, {2, 1}, {3, 4}, {1, 2}, {5, 3}, {4, 4}})
        << QList<double>{1, 2, 3, 4, 5};
    QTest::newRow("0-3 with unused 2")
        << matrix({{0, 0}, {1, 3}, {3, 3}, {1, 1}, {0, 1}, {3, 0}}) << QList<double>{0, 1, 2, 3};
    QTest::newRow("Krippendorff A vs B")
        << testdata::krippendorff2011().selectItems({0, 1, 2, 3, 4, 5, 6, 7, 8})
        << QList<double>{1, 2, 3, 4, 5};
}

void TestCohenKappa::weightsAgreeWithIndependentIdentities()
{
    QFETCH(RatingMatrix, ratings);
    QFETCH(QList<double>, scale);
    const auto a = positions(ratings, 0, scale);
    const auto b = positions(ratings, 1, scale);
    const StatValue quadratic = cohenKappa(ratings, 0, 1, KappaWeighting::Quadratic, scale);
    const StatValue linear = cohenKappa(ratings, 0, 1, KappaWeighting::Linear, scale);
    QVERIFY(quadratic.isDefined() && linear.isDefined());
    QVERIFY(std::abs(*quadratic.value - quadraticKappaFromMoments(a, b)) < 1e-12);
    QVERIFY(std::abs(*linear.value - linearKappaFromCuts(a, b, int(scale.size()))) < 1e-12);
}

void TestCohenKappa::twoCategoriesMakeWeightsIrrelevant()
{
    // With two categories every weighting gives the one disagreement weight 1.
    const RatingMatrix m = fromTwoByTwo(20, 5, 10, 15);
    for (KappaWeighting w : {KappaWeighting::Linear, KappaWeighting::Quadratic})
        QVERIFY(std::abs(*cohenKappa(m, 0, 1, w).value - 0.4) < 1e-12);
}

void TestCohenKappa::unusedScalePointsInTheMiddleCount()
{
    // Ratings use 1, 2 and 5 of a declared 1-5 scale. By hand with quadratic weights:
    // over positions 0,1,4 (declared scale) sum of observed squared gaps is 1 + 9 = 10 over
    // 5 items and the chance-expected sum is 140 / 25, so kappa = 1 - 2 / 5.6 = 9/14; over
    // the observed values only (positions 0,1,2) it is 1 - 0.4 / 1.28 = 11/16.
    const RatingMatrix m = matrix({{1, 1}, {2, 2}, {5, 5}, {1, 2}, {2, 5}});
    const StatValue declared =
        cohenKappa(m, 0, 1, KappaWeighting::Quadratic, QList<double>{1, 2, 3, 4, 5});
    const StatValue observedOnly = cohenKappa(m, 0, 1, KappaWeighting::Quadratic);
    QVERIFY(std::abs(*declared.value - 9.0 / 14.0) < 1e-12);
    QVERIFY(std::abs(*observedOnly.value - 11.0 / 16.0) < 1e-12);
    // Unweighted kappa ignores the scale: p_o = 3/5, p_e = 8/25, kappa = 7/17.
    QVERIFY(std::abs(*cohenKappa(m, 0, 1, KappaWeighting::Unweighted, {1, 2, 3, 4, 5}).value -
                     7.0 / 17.0) < 1e-12);
}

void TestCohenKappa::unusedScalePointsAtTheEndsDoNotChangeKappa()
{
    // Extra points beyond both ends leave every gap unchanged and the (k - 1) normalisation
    // cancels between observed and expected.
    const RatingMatrix m = matrix({{2, 2}, {3, 4}, {4, 4}, {2, 3}, {3, 3}});
    for (KappaWeighting w :
         {KappaWeighting::Unweighted, KappaWeighting::Linear, KappaWeighting::Quadratic}) {
        const double narrow = *cohenKappa(m, 0, 1, w, {2, 3, 4}).value;
        const double wide = *cohenKappa(m, 0, 1, w, {0, 1, 2, 3, 4, 5, 6}).value;
        QVERIFY(std::abs(narrow - wide) < 1e-12);
    }
}

void TestCohenKappa::missingRatingsAreLeftOut()
{
    const RatingMatrix withMissing =
        matrix({{1, 1}, {NA, 0}, {1, 0}, {0, NA}, {0, 0}, {NA, NA}, {1, 1}});
    const RatingMatrix complete = matrix({{1, 1}, {1, 0}, {0, 0}, {1, 1}});
    for (KappaWeighting w :
         {KappaWeighting::Unweighted, KappaWeighting::Linear, KappaWeighting::Quadratic})
        QCOMPARE(*cohenKappa(withMissing, 0, 1, w).value, *cohenKappa(complete, 0, 1, w).value);
    // By hand: p_o = 3/4; A rated 1,1,0,1 (3 yes), B 1,0,0,1 (2 yes);
    // p_e = 3/4 * 2/4 + 1/4 * 2/4 = 1/2; kappa = (3/4 - 1/2) / (1/2) = 1/2.
    QVERIFY(std::abs(*cohenKappa(complete, 0, 1).value - 0.5) < 1e-12);
}

void TestCohenKappa::undefinedWhenBothRatersUseOneCategory()
{
    const RatingMatrix m = matrix({{3, 3}, {3, 3}, {3, 3}});
    for (KappaWeighting w :
         {KappaWeighting::Unweighted, KappaWeighting::Linear, KappaWeighting::Quadratic}) {
        const StatValue kappa = cohenKappa(m, 0, 1, w, {1, 2, 3, 4, 5});
        QVERIFY(!kappa.isDefined());
        QVERIFY(kappa.undefinedReason.contains(QStringLiteral("same single category")));
    }
}

void TestCohenKappa::definedZeroWhenRatersUseDifferentSingleCategories()
{
    // p_o = 0 and p_e = 0: kappa = (0 - 0) / (1 - 0) = 0, a real value.
    const RatingMatrix m = matrix({{1, 2}, {1, 2}, {1, 2}});
    const StatValue kappa = cohenKappa(m, 0, 1);
    QVERIFY(kappa.isDefined());
    QCOMPARE(*kappa.value, 0.0);
}

void TestCohenKappa::undefinedWithoutCommonItems()
{
    const RatingMatrix m = matrix({{1, NA}, {NA, 2}});
    const StatValue kappa = cohenKappa(m, 0, 1);
    QVERIFY(!kappa.isDefined());
    QVERIFY(kappa.undefinedReason.contains(QStringLiteral("no item")));
}

QTEST_GUILESS_MAIN(TestCohenKappa)
#include "TestCohenKappa.moc"
