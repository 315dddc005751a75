#include "PublishedRatingData.h"

#include "stats/PairedStatistics.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

namespace {

RatingMatrix columns(const std::vector<double> &a, const std::vector<double> &b)
{
    std::vector<std::vector<std::optional<double>>> rows;
    for (size_t i = 0; i < a.size(); ++i)
        rows.push_back({a[i], b[i]});
    return RatingMatrix::fromRows(rows);
}

} // namespace

class TestPairedStatistics : public QObject
{
    Q_OBJECT

private slots:
    void pearsonOnAnscombesQuartet();
    void pearsonSigns();
    void spearmanWithoutTies();
    void spearmanWithTiesUsesAverageRanks();
    void spearmanIsRankBased();
    void averageRanks();
    void errorsAndBias();
    void missingRatingsAreLeftOut();
    void undefinedCases();
};

void TestPairedStatistics::pearsonOnAnscombesQuartet()
{
    // Anscombe, F. J. (1973), "Graphs in statistical analysis", The American Statistician
    // 27(1): the four data sets share r = 0.816 (to three decimals). Sets I and II.
    const std::vector<double> x{10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
    const std::vector<double> y1{8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
    const std::vector<double> y2{9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74};
    for (const auto &y : {y1, y2}) {
        const StatValue r = pearsonCorrelation(columns(x, y), 0, 1);
        QVERIFY(r.isDefined());
        QVERIFY2(std::abs(*r.value - 0.816) < 0.0005, qPrintable(QString::number(*r.value)));
    }
}

void TestPairedStatistics::pearsonSigns()
{
    QCOMPARE(*pearsonCorrelation(columns({1, 2, 3, 4}, {2, 4, 6, 8}), 0, 1).value, 1.0);
    QCOMPARE(*pearsonCorrelation(columns({1, 2, 3, 4}, {8, 6, 4, 2}), 0, 1).value, -1.0);
}

void TestPairedStatistics::spearmanWithoutTies()
{
    // Without ties rho = 1 - 6 * sum(d^2) / (n (n^2 - 1)): d = -1, 1, -1, 1, 0, so
    // rho = 1 - 24 / 120 = 0.8.
    const StatValue rho = spearmanCorrelation(columns({1, 2, 3, 4, 5}, {2, 1, 4, 3, 5}), 0, 1);
    QVERIFY(std::abs(*rho.value - 0.8) < 1e-12);
}

void TestPairedStatistics::spearmanWithTiesUsesAverageRanks()
{
    // By hand: ranks of x = (1, 2, 2, 3) are (1, 2.5, 2.5, 4), of y = (1, 3, 2, 4) are
    // (1, 3, 2, 4). Deviations from 2.5: (-1.5, 0, 0, 1.5) and (-1.5, .5, -.5, 1.5);
    // products 4.5, squares 4.5 and 5, so rho = 4.5 / sqrt(22.5) = 3 / sqrt(10).
    const StatValue rho = spearmanCorrelation(columns({1, 2, 2, 3}, {1, 3, 2, 4}), 0, 1);
    QVERIFY(std::abs(*rho.value - 3.0 / std::sqrt(10.0)) < 1e-12);
}

void TestPairedStatistics::spearmanIsRankBased()
{
    // Any increasing transform gives rho = 1, while Pearson r stays below 1.
    const RatingMatrix m = columns({1, 2, 3, 4, 5}, {1, 8, 27, 64, 125});
    QCOMPARE(*spearmanCorrelation(m, 0, 1).value, 1.0);
    QVERIFY(*pearsonCorrelation(m, 0, 1).value < 0.99);
}

void TestPairedStatistics::averageRanks()
{
    const std::vector<double> ranks = qaw::averageRanks({10, 20, 20, 30, 20, 5});
    const std::vector<double> expected{2, 4, 4, 6, 4, 1};
    QCOMPARE(ranks, expected);
}

void TestPairedStatistics::errorsAndBias()
{
    // Differences a - b: 2, 0, 2, -1. MAE 5/4, RMSE sqrt(9/4) = 1.5, bias 3/4.
    const RatingMatrix m = columns({3, 2, 5, 1}, {1, 2, 3, 2});
    QCOMPARE(*meanAbsoluteError(m, 0, 1).value, 1.25);
    QCOMPARE(*rootMeanSquaredError(m, 0, 1).value, 1.5);
    QCOMPARE(*meanSignedBias(m, 0, 1).value, 0.75);
    // The sign follows the order: second minus first is the negation.
    QCOMPARE(*meanSignedBias(m, 1, 0).value, -0.75);
}

void TestPairedStatistics::missingRatingsAreLeftOut()
{
    const RatingMatrix m = matrix({{3, 1}, {NA, 7}, {2, 2}, {5, 3}, {9, NA}, {1, 2}});
    QCOMPARE(pairedRatings(m, 0, 1).size(), size_t(4));
    QCOMPARE(*meanAbsoluteError(m, 0, 1).value, 1.25);
    QCOMPARE(*pearsonCorrelation(m, 0, 1).value,
             *pearsonCorrelation(columns({3, 2, 5, 1}, {1, 2, 3, 2}), 0, 1).value);
}

void TestPairedStatistics::undefinedCases()
{
    const StatValue constant = pearsonCorrelation(columns({1, 2, 3}, {4, 4, 4}), 0, 1);
    QVERIFY(!constant.isDefined());
    QVERIFY(constant.undefinedReason.contains(QStringLiteral("second rater")));
    QVERIFY(constant.undefinedReason.contains(QStringLiteral("zero variance")));
    QVERIFY(!spearmanCorrelation(columns({2, 2, 2}, {1, 2, 3}), 0, 1).isDefined());
    const StatValue twoItems = pearsonCorrelation(columns({1, 2}, {2, 1}), 0, 1);
    QVERIFY(twoItems.undefinedReason.contains(QStringLiteral("too few items")));
    const RatingMatrix disjoint = matrix({{1, NA}, {NA, 2}});
    QVERIFY(!meanAbsoluteError(disjoint, 0, 1).isDefined());
    QVERIFY(!rootMeanSquaredError(disjoint, 0, 1).isDefined());
    QVERIFY(meanSignedBias(disjoint, 0, 1).undefinedReason.contains(QStringLiteral("no item")));
}

QTEST_GUILESS_MAIN(TestPairedStatistics)
#include "TestPairedStatistics.moc"
