#include "stats/RatingCsvReader.h"

#include <QTest>

using namespace qaw;

class TestRatingCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsNumbersAndMissingCells();
    void quotingLineEndingsAndBom();
    void labelCategoriesAreCodedInOrder();
    void numericCategoriesDeclareTheScale();
    void refusals_data();
    void refusals();
};

void TestRatingCsvReader::readsNumbersAndMissingCells()
{
    const RatingCsv csv = readRatingCsv(QStringLiteral("auto,ana,ben\n3,2,\n, 4 ,5\n\n1.5,1,1\n"));
    QVERIFY2(csv.ok(), qPrintable(csv.error));
    QCOMPARE(csv.matrix.raterNames(),
             (QStringList{QStringLiteral("auto"), QStringLiteral("ana"), QStringLiteral("ben")}));
    QCOMPARE(csv.matrix.itemCount(), 3);
    QCOMPARE(*csv.matrix.rating(0, 0), 3.0);
    QVERIFY(!csv.matrix.rating(0, 2).has_value());
    QVERIFY(!csv.matrix.rating(1, 0).has_value());
    QCOMPARE(*csv.matrix.rating(1, 1), 4.0);
    QCOMPARE(*csv.matrix.rating(2, 0), 1.5);
    QVERIFY(csv.categories.isEmpty());
}

void TestRatingCsvReader::quotingLineEndingsAndBom()
{
    const QString text =
        QString(QChar(0xFEFF)) + QStringLiteral("\"Smith, Ann\",\"Bob \"\"B\"\"\"\r\n\"2\",3\r\n");
    const RatingCsv csv = readRatingCsv(text);
    QVERIFY2(csv.ok(), qPrintable(csv.error));
    QCOMPARE(csv.matrix.raterNames(),
             (QStringList{QStringLiteral("Smith, Ann"), QStringLiteral("Bob \"B\"")}));
    QCOMPARE(*csv.matrix.rating(0, 0), 2.0);
    QCOMPARE(*csv.matrix.rating(0, 1), 3.0);
}

void TestRatingCsvReader::labelCategoriesAreCodedInOrder()
{
    const RatingCsv csv = readRatingCsv(QStringLiteral("a,b\nno,yes\nyes,\n"),
                                        {QStringLiteral("no"), QStringLiteral("yes")});
    QVERIFY2(csv.ok(), qPrintable(csv.error));
    QCOMPARE(csv.categories, (QList<double>{1, 2}));
    QVERIFY(csv.labelCoded);
    QCOMPARE(*csv.matrix.rating(0, 0), 1.0);
    QCOMPARE(*csv.matrix.rating(0, 1), 2.0);
    QCOMPARE(*csv.matrix.rating(1, 0), 2.0);
}

void TestRatingCsvReader::numericCategoriesDeclareTheScale()
{
    const RatingCsv csv =
        readRatingCsv(QStringLiteral("a,b\n1,5\n2,2\n"),
                      {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                       QStringLiteral("4"), QStringLiteral("5")});
    QVERIFY2(csv.ok(), qPrintable(csv.error));
    QCOMPARE(csv.categories, (QList<double>{1, 2, 3, 4, 5}));
    QVERIFY(!csv.labelCoded);
}

void TestRatingCsvReader::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QString() << QStringList() << QStringLiteral("empty");
    QTest::newRow("one rater") << QStringLiteral("only\n1\n2\n") << QStringList()
                               << QStringLiteral("at least two rater");
    QTest::newRow("header only") << QStringLiteral("a,b\n") << QStringList()
                                 << QStringLiteral("no item rows");
    QTest::newRow("ragged short") << QStringLiteral("a,b,c\n1,2,3\n1,2\n") << QStringList()
                                  << QStringLiteral("line 3 has 2 cells but the header has 3");
    QTest::newRow("ragged long") << QStringLiteral("a,b\n1,2,3\n") << QStringList()
                                 << QStringLiteral("line 2 has 3 cells");
    QTest::newRow("text without categories")
        << QStringLiteral("a,b\n1,good\n") << QStringList()
        << QStringLiteral("line 2, rater \"b\": \"good\" is not a number");
    QTest::newRow("not a declared label")
        << QStringLiteral("a,b\nyes,maybe\n")
        << QStringList{QStringLiteral("no"), QStringLiteral("yes")}
        << QStringLiteral("\"maybe\" is not one of the declared categories (no, yes)");
    QTest::newRow("off the numeric scale")
        << QStringLiteral("a,b\n1,7\n")
        << QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}
        << QStringLiteral("7 is not on the declared scale");
    QTest::newRow("nan is not a rating")
        << QStringLiteral("a,b\nnan,1\n") << QStringList() << QStringLiteral("is not a number");
    QTest::newRow("unclosed quote")
        << QStringLiteral("a,b\n\"1,2\n") << QStringList() << QStringLiteral("not closed");
}

void TestRatingCsvReader::refusals()
{
    QFETCH(QString, text);
    QFETCH(QStringList, categories);
    QFETCH(QString, messagePart);
    const RatingCsv csv = readRatingCsv(text, categories);
    QVERIFY(!csv.ok());
    QVERIFY2(csv.error.contains(messagePart), qPrintable(csv.error));
}

QTEST_GUILESS_MAIN(TestRatingCsvReader)
#include "TestRatingCsvReader.moc"
