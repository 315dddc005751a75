#include "io/CsvWriter.h"

#include <QBuffer>
#include <QTest>

using namespace qaw;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void cell_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << "refund" << "refund";
        QTest::addRow("empty") << "" << "";
        QTest::addRow("formula") << "=1+2" << "'=1+2";
        QTest::addRow("hyperlink, quoted") << "=HYPERLINK(\"http://x\",\"y\")"
                                           << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        QTest::addRow("plus") << "+cmd" << "'+cmd";
        QTest::addRow("minus") << "-2+3+cmd|' /C calc'!A0" << "'-2+3+cmd|' /C calc'!A0";
        QTest::addRow("at") << "@SUM(A1)" << "'@SUM(A1)";
        QTest::addRow("tab") << "\t=1" << "'\t=1";
        QTest::addRow("carriage return") << "\r=1" << "\"'\r=1\"";
        QTest::addRow("negative number") << "-3.5" << "-3.5";
        QTest::addRow("signed number") << "+2" << "+2";
        QTest::addRow("exponent") << "-1e-05" << "-1e-05";
        QTest::addRow("phone is not a number") << "+44 20 7946 0958" << "'+44 20 7946 0958";
        QTest::addRow("comma") << "a,b" << "\"a,b\"";
        QTest::addRow("newline") << "a\nb" << "\"a\nb\"";
        QTest::addRow("formula later in the text") << "see =A1" << "see =A1";
    }

    void cell()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::cell(text), expected);
    }

    void writeRowChecksTheDevice()
    {
        QBuffer closed; // never opened: every write fails
        CsvWriter writer(closed);
        QVERIFY(!writer.writeRow({QStringLiteral("a")}));
        QVERIFY(!writer.errorString().isEmpty());

        QBuffer open;
        QVERIFY(open.open(QIODevice::WriteOnly));
        CsvWriter crlf(open, QLatin1String("\r\n"));
        QVERIFY(crlf.writeRow({QStringLiteral("1"), QStringLiteral("=x"), QStringLiteral("-4")}));
        QCOMPARE(open.data(), QByteArray("1,'=x,-4\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "TestCsvWriter.moc"
