#include "PublishedRatingData.h"

#include "stats/IntraclassCorrelation.h"

#include <QTest>

using namespace qaw;
using testdata::matrix;
using testdata::NA;

Q_DECLARE_METATYPE(qaw::IccForm)

class TestIntraclassCorrelation : public QObject
{
    Q_OBJECT

private slots:
    void shroutFleissMeanSquares();
    void shroutFleissTable_data();
    void shroutFleissTable();
    void formNames();
    void incompleteItemsAreLeftOut();
    void perfectAgreementIsOne();
    void undefinedCases();
};

void TestIntraclassCorrelation::shroutFleissMeanSquares()
{
    // Shrout & Fleiss (1979), analysis of variance of their Table 2 data (two decimals).
    const IccMeanSquares ms = iccMeanSquares(testdata::shroutFleiss1979());
    QCOMPARE(ms.targets, 6);
    QCOMPARE(ms.raters, 4);
    QCOMPARE(qRound(ms.betweenTargets * 100), 1124);
    QCOMPARE(qRound(ms.withinTargets * 100), 626);
    QCOMPARE(qRound(ms.betweenRaters * 100), 3249);
    QCOMPARE(qRound(ms.residual * 100), 102);
}

void TestIntraclassCorrelation::shroutFleissTable_data()
{
    QTest::addColumn<IccForm>("form");
    QTest::addColumn<double>("published");
    // Shrout & Fleiss (1979), the six ICCs of the Table 2 data, two decimals.
    QTest::newRow("ICC(1,1)") << IccForm::Icc1_1 << 0.17;
    QTest::newRow("ICC(2,1)") << IccForm::Icc2_1 << 0.29;
    QTest::newRow("ICC(3,1)") << IccForm::Icc3_1 << 0.71;
    QTest::newRow("ICC(1,4)") << IccForm::Icc1_k << 0.44;
    QTest::newRow("ICC(2,4)") << IccForm::Icc2_k << 0.62;
    QTest::newRow("ICC(3,4)") << IccForm::Icc3_k << 0.91;
}

void TestIntraclassCorrelation::shroutFleissTable()
{
    QFETCH(IccForm, form);
    QFETCH(double, published);
    const StatValue icc = intraclassCorrelation(testdata::shroutFleiss1979(), form);
    QVERIFY2(icc.isDefined(), qPrintable(icc.undefinedReason));
    QVERIFY2(std::abs(*icc.value - published) <= 0.005, qPrintable(QString::number(*icc.value)));
}

void TestIntraclassCorrelation::formNames()
{
    QCOMPARE(iccFormName(IccForm::Icc1_1), QStringLiteral("ICC(1,1)"));
    QCOMPARE(iccFormName(IccForm::Icc2_k), QStringLiteral("ICC(2,k)"));
    QCOMPARE(kAllIccForms.size(), size_t(6));
}

void TestIntraclassCorrelation::incompleteItemsAreLeftOut()
{
    RatingMatrix m = matrix({{9, 2, 5, 8},
                             {6, 1, 3, 2},
                             {1, NA, 9, 9},
                             {8, 4, 6, 8},
                             {7, 1, 2, 6},
                             {10, 5, 6, 9},
                             {NA, NA, NA, NA},
                             {6, 2, 4, 7}});
    for (IccForm form : kAllIccForms)
        QCOMPARE(*intraclassCorrelation(m, form).value,
                 *intraclassCorrelation(testdata::shroutFleiss1979(), form).value);
}

void TestIntraclassCorrelation::perfectAgreementIsOne()
{
    const RatingMatrix m = matrix({{1, 1, 1}, {4, 4, 4}, {2, 2, 2}});
    for (IccForm form : kAllIccForms)
        QVERIFY(std::abs(*intraclassCorrelation(m, form).value - 1.0) < 1e-12);
}

void TestIntraclassCorrelation::undefinedCases()
{
    const StatValue constant =
        intraclassCorrelation(matrix({{3, 3}, {3, 3}, {3, 3}}), IccForm::Icc2_1);
    QVERIFY(!constant.isDefined());
    QVERIFY(constant.undefinedReason.contains(QStringLiteral("denominator is zero")));
    const StatValue oneItem = intraclassCorrelation(matrix({{1, 2}, {3, NA}}), IccForm::Icc1_1);
    QVERIFY(!oneItem.isDefined());
    QVERIFY(oneItem.undefinedReason.contains(QStringLiteral("fewer than two items")));
    const StatValue oneRater = intraclassCorrelation(matrix({{1}, {2}}), IccForm::Icc3_k);
    QVERIFY(oneRater.undefinedReason.contains(QStringLiteral("two raters")));
}

QTEST_GUILESS_MAIN(TestIntraclassCorrelation)
#include "TestIntraclassCorrelation.moc"
