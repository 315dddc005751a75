#include "import/ColumnMapping.h"

#include <QTest>

using namespace qaw;

class TestColumnMapping : public QObject
{
    Q_OBJECT

private slots:
    void guessesRowPerTurn();
    void guessesRowPerInteraction();
    void reportsProblems();
    void roundTripsJson();
};

void TestColumnMapping::guessesRowPerTurn()
{
    const QStringList header{QStringLiteral("Conversation ID"), QStringLiteral("Start Time"),
                             QStringLiteral("Agent ID"), QStringLiteral("Agent Name"),
                             QStringLiteral("Channel"), QStringLiteral("Speaker"),
                             QStringLiteral("Timestamp"), QStringLiteral("Message")};
    const ColumnMapping m = ColumnMapping::guess(header);
    QCOMPARE(m.column(CsvField::ConversationId), QStringLiteral("Conversation ID"));
    QCOMPARE(m.column(CsvField::StartedAt), QStringLiteral("Start Time"));
    QCOMPARE(m.column(CsvField::AgentId), QStringLiteral("Agent ID"));
    QCOMPARE(m.column(CsvField::AgentName), QStringLiteral("Agent Name"));
    QCOMPARE(m.column(CsvField::Speaker), QStringLiteral("Speaker"));
    QCOMPARE(m.column(CsvField::TurnTime), QStringLiteral("Timestamp"));
    QCOMPARE(m.column(CsvField::Text), QStringLiteral("Message"));
    QCOMPARE(m.shape(), ColumnMapping::Shape::RowPerTurn);
    QVERIFY(m.problems(header).isEmpty());
}

void TestColumnMapping::guessesRowPerInteraction()
{
    const QStringList header{QStringLiteral("contact_id"), QStringLiteral("agent"),
                             QStringLiteral("date"), QStringLiteral("transcript"),
                             QStringLiteral("CSAT")};
    ColumnMapping m = ColumnMapping::guess(header);
    QCOMPARE(m.shape(), ColumnMapping::Shape::RowPerInteraction);
    QCOMPARE(m.column(CsvField::Csat), QStringLiteral("CSAT"));
    QCOMPARE(m.column(CsvField::StartedAt), QStringLiteral("date"));
    // No channel column: usable only once a default channel is chosen.
    QCOMPARE(m.problems(header).size(), 1);
    m.setDefaultChannel(QStringLiteral("email"));
    QVERIFY(m.problems(header).isEmpty());
}

void TestColumnMapping::reportsProblems()
{
    const QStringList header{QStringLiteral("Who"), QStringLiteral("Said")};
    ColumnMapping m = ColumnMapping::guess(header);
    QCOMPARE(m.shape(), ColumnMapping::Shape::Unknown);
    QVERIFY(m.problems(header).size() >= 3);
    m.setColumn(CsvField::Text, QStringLiteral("Missing"));
    QVERIFY(m.problems(header).join(QLatin1Char('|')).contains(QStringLiteral("'Missing'")));
}

void TestColumnMapping::roundTripsJson()
{
    ColumnMapping m;
    m.setColumn(CsvField::ConversationId, QStringLiteral("Ticket"));
    m.setColumn(CsvField::Speaker, QStringLiteral("Who"));
    m.setDefaultChannel(QStringLiteral("sms"));
    QString error;
    const auto back = ColumnMapping::fromJson(m.toJson(), &error);
    QVERIFY(back.has_value());
    QCOMPARE(back->column(CsvField::ConversationId), QStringLiteral("Ticket"));
    QCOMPARE(back->column(CsvField::Speaker), QStringLiteral("Who"));
    QCOMPARE(back->defaultChannel(), QStringLiteral("sms"));
    QJsonObject bad = m.toJson();
    bad.insert(QStringLiteral("columns"), QJsonObject{{QStringLiteral("nonsense"), QStringLiteral("x")}});
    QVERIFY(!ColumnMapping::fromJson(bad, &error));
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "TestColumnMapping.moc"
