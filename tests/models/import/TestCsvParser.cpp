#include "import/CsvParser.h"
#include "import/TranscriptText.h"

#include <QBuffer>
#include <QTest>

using namespace qaw;

class TestCsvParser : public QObject
{
    Q_OBJECT

private slots:
    void rfc4180();
    void delimiters_data();
    void delimiters();
    void unbalancedQuoteCostsOneLine();
    void fieldCountMismatch();
    void transcriptText();
};

namespace {

std::vector<CsvRow> readAll(const QByteArray &text, QStringList *header = nullptr)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    CsvParser parser(&buffer);
    QString error;
    std::vector<CsvRow> rows;
    if (!parser.readHeader(&error))
        return rows;
    if (header)
        *header = parser.header();
    CsvRow row;
    while (parser.next(row))
        rows.push_back(row);
    return rows;
}

} // namespace

void TestCsvParser::rfc4180()
{
    QStringList header;
    const auto rows = readAll("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n", &header);
    QCOMPARE(header, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].fields, (QStringList{QStringLiteral("1"), QStringLiteral("x, y"),
                                          QStringLiteral("say \"hi\"")}));
    QCOMPARE(rows[0].lineNo, qint64(2));
    QCOMPARE(rows[1].fields, (QStringList{QStringLiteral("2"), QStringLiteral("two\nlines"),
                                          QString()}));
    QCOMPARE(rows[1].lineNo, qint64(3));
}

void TestCsvParser::delimiters_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<char>("expected");
    QTest::newRow("comma") << QByteArray("id,name,text") << ',';
    QTest::newRow("semicolon") << QByteArray("id;name;\"a,b\"") << ';';
    QTest::newRow("tab") << QByteArray("id\tname\ttext, more") << '\t';
}

void TestCsvParser::delimiters()
{
    QFETCH(QByteArray, header);
    QFETCH(char, expected);
    QCOMPARE(CsvParser::detectDelimiter(header), expected);
}

void TestCsvParser::unbalancedQuoteCostsOneLine()
{
    const auto rows = readAll("id,text\n1,\"never closed\n2,ok\n3,\"fine\"\n");
    QCOMPARE(rows.size(), size_t(3));
    QVERIFY(rows[0].error.startsWith(QStringLiteral("unbalanced quotes")));
    QCOMPARE(rows[0].lineNo, qint64(2));
    QCOMPARE(rows[0].raw, QByteArray("1,\"never closed"));
    QCOMPARE(rows[1].fields, (QStringList{QStringLiteral("2"), QStringLiteral("ok")}));
    QCOMPARE(rows[2].fields, (QStringList{QStringLiteral("3"), QStringLiteral("fine")}));
}

void TestCsvParser::fieldCountMismatch()
{
    const auto rows = readAll("id,text\n1,a,b,c\n2,ok\n");
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].error, QStringLiteral("has 4 fields, the header has 2"));
    QVERIFY(rows[1].error.isEmpty());
}

void TestCsvParser::transcriptText()
{
    QString error;
    const auto turns = parseTranscriptText(
        QStringLiteral("[00:01] Agent: Hello\n[00:04] Caller: hi there\nsecond line\nBot: beep"),
        &error);
    QVERIFY2(turns.has_value(), qPrintable(error));
    QCOMPARE(turns->size(), size_t(3));
    QCOMPARE(turns->at(0).speaker, Speaker::Agent);
    QCOMPARE(turns->at(0).startMs, qint64(1000));
    QCOMPARE(turns->at(1).speaker, Speaker::Customer);
    QCOMPARE(turns->at(1).text, QStringLiteral("hi there\nsecond line"));
    QCOMPARE(turns->at(2).speaker, Speaker::Bot);
    QVERIFY(!parseTranscriptText(QStringLiteral("no labels here"), &error));
    QVERIFY(error.contains(QStringLiteral("no speaker label")));
}

QTEST_GUILESS_MAIN(TestCsvParser)
#include "TestCsvParser.moc"
