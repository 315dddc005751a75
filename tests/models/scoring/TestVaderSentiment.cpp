#include "scoring/VaderSentiment.h"

#include "TestPaths.h"

#include <QFile>
#include <QTest>

using namespace qaw;

//! The C++ VADER port against the reference implementation (the vader-sentiment npm
//! package): tests/data/scoring/vader_expected.tsv was printed by make_vader_expected.js.
class TestVaderSentiment : public QObject
{
    Q_OBJECT

private slots:
    void lexiconLoads()
    {
        QVERIFY(VaderSentiment::shared().size() > 7000);
    }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<double>("expected");
        QFile file(QStringLiteral(QAW_TEST_DATA_DIR "/scoring/vader_expected.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int rows = 0;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const int tab = int(line.indexOf('\t'));
            if (tab < 0)
                continue;
            const QString sentence = QString::fromUtf8(line.mid(tab + 1));
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(++rows).arg(sentence.left(40))))
                << sentence << line.left(tab).toDouble();
        }
        QVERIFY(rows >= 50);
    }

    void matchesReference()
    {
        QFETCH(QString, sentence);
        QFETCH(double, expected);
        const double actual = VaderSentiment::shared().compound(sentence);
        QVERIFY2(std::abs(actual - expected) < 1e-3,
                 qPrintable(QStringLiteral("%1: got %2, reference %3")
                                .arg(sentence)
                                .arg(actual)
                                .arg(expected)));
    }

    void emptyAndPunctuationOnlyAreNeutral()
    {
        QCOMPARE(VaderSentiment::shared().compound(QString()), 0.0);
        QCOMPARE(VaderSentiment::shared().compound(QStringLiteral("?! ...")), 0.0);
    }

    void laterDuplicateWins()
    {
        const VaderSentiment v(QByteArray("good\t1.0\t0\t[]\ngood\t3.0\t0\t[]\n"));
        QCOMPARE(v.size(), 1);
        // A single word of valence 3 normalises to 3 / sqrt(9 + 15).
        QVERIFY(std::abs(v.compound(QStringLiteral("good")) - 3.0 / std::sqrt(24.0)) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestVaderSentiment)
#include "TestVaderSentiment.moc"
