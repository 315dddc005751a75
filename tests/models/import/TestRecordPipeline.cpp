// The import's fast path: records read on a second thread (RecordPipeline) and written
// through the sqlite3 C API (InteractionStore) must store exactly what the slow path did.
#include "ImportTestSupport.h"
#include "import/RecordPipeline.h"
#include "import/RecordReader.h"
#include "storage/InteractionStore.h"
#include "storage/WorkspaceQueries.h"

#include <QCryptographicHash>
#include <QTest>
#include <QTimeZone>

using namespace qaw;
using namespace qaw::test;

namespace {

// Hands out \a count records: every third one a rejected record, the others
// interactions whose second turn carries a Luhn-valid card number.
class CountingReader : public RecordReader
{
public:
    explicit CountingReader(int count) : m_count(count) {}
    bool next(ParsedRecord &record) override
    {
        if (m_next >= m_count)
            return false;
        record = ParsedRecord();
        record.recordNo = ++m_next;
        record.raw = QByteArray::number(m_next);
        if (m_next % 3 == 0) {
            record.error = QStringLiteral("bad %1").arg(m_next);
            return true;
        }
        Interaction in;
        in.source = QStringLiteral("test");
        in.externalId = QStringLiteral("r%1").arg(m_next);
        in.channel = QStringLiteral("chat");
        in.startedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
        in.agentId = QStringLiteral("agt-1");
        in.turns = {{Speaker::Customer, QStringLiteral("hello"), -1, -1, -1},
                    {Speaker::Customer, QStringLiteral("my card is 4111 1111 1111 1111"), -1, -1,
                     -1}};
        record.interaction = in;
        return true;
    }
    qint64 bytesRead() const override { return m_next * 10; }

private:
    int m_count;
    int m_next = 0;
};

Interaction longCall(int turns)
{
    Interaction in;
    in.source = QStringLiteral("jsonl");
    in.externalId = QStringLiteral("long");
    in.channel = QStringLiteral("voice");
    in.startedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
    in.agentId = QStringLiteral("agt-1");
    in.customerId = QStringLiteral("cus-1");
    in.durationMs = (turns - 1) * 1000LL + 800; // as derived from the turns
    for (int i = 0; i < turns; ++i)
        in.turns.push_back({i % 2 ? Speaker::Customer : Speaker::Agent,
                            QStringLiteral("turn number %1 word%1").arg(i), i * 1000LL,
                            i * 1000LL + 800, -1});
    return in;
}

} // namespace

class TestRecordPipeline : public QObject
{
    Q_OBJECT

private slots:
    void deliversEveryRecordInOrderRedactedAndReady_data()
    {
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("capacity");
        QTest::newRow("queue of one") << 50 << 1;
        QTest::newRow("queue larger than the file") << 20 << 256;
        QTest::newRow("empty file") << 0 << 4;
    }
    void deliversEveryRecordInOrderRedactedAndReady()
    {
        QFETCH(int, records);
        QFETCH(int, capacity);
        CountingReader reader(records);
        RecordPipeline pipeline(reader, RedactionKind::Cards, capacity);
        PreparedRecord item;
        qint64 expectedNo = 0;
        while (pipeline.next(item)) {
            QCOMPARE(item.record.recordNo, ++expectedNo);
            QCOMPARE(item.bytesRead, expectedNo * 10);
            if (expectedNo % 3 == 0) {
                QVERIFY(!item.record.interaction);
                QVERIFY(!item.row);
                QCOMPARE(item.record.error, QStringLiteral("bad %1").arg(expectedNo));
                continue;
            }
            QVERIFY(item.record.interaction);
            QVERIFY(item.row);
            QCOMPARE(item.redactions, 1);
            const QString text = item.record.interaction->turns[1].text;
            QVERIFY2(!text.contains(QLatin1String("4111")), qPrintable(text));
            // The row is built from the redacted text.
            QCOMPARE(QString::fromLatin1(item.row->contentHash),
                     contentHash(*item.record.interaction));
            QVERIFY(item.row->turnText.contains("hello"));
            QVERIFY(!item.row->turnText.contains("4111"));
        }
        QCOMPARE(expectedNo, qint64(records));
    }

    void stopsWhileTheReaderIsAhead()
    {
        CountingReader reader(100000);
        RecordPipeline pipeline(reader, RedactionKind::Cards, 2);
        PreparedRecord item;
        QVERIFY(pipeline.next(item));
        pipeline.stop(); // must return although the reading thread waits on a full queue
        QVERIFY(!pipeline.next(item));
        QVERIFY(reader.bytesRead() < 100000 * 10);
    }

    void contentHashKeepsItsByteLayout()
    {
        // Workspaces imported by earlier versions hold this digest: SHA-1 over the UTF-8
        // of each field followed by 0x1f, numbers in decimal, tags joined by 0x1e. A
        // different digest would make every record "changed" on re-import.
        Interaction in = longCall(2);
        in.agentName = QStringLiteral("Zoë");
        in.csat = 5;
        in.tags = {QStringLiteral("a"), QStringLiteral("b")};
        QCryptographicHash h(QCryptographicHash::Sha1);
        const QByteArray sep("\x1f");
        const QByteArray start = QByteArray::number(in.startedAt.toMSecsSinceEpoch());
        h.addData(QByteArray("voice") + sep + start + sep + "1800" + sep + "agt-1" + sep);
        h.addData(QStringLiteral("Zoë").toUtf8() + sep + sep + "cus-1" + sep + sep + sep);
        h.addData(QByteArray("5") + sep + "-1" + sep + "a\x1e" "b" + sep + "{}" + sep);
        h.addData(QByteArray("agent") + sep + "turn number 0 word0" + sep + "0" + sep + "800" +
                  sep + "-1" + sep);
        h.addData(QByteArray("customer") + sep + "turn number 1 word1" + sep + "1000" + sep +
                  "1800" + sep + "-1" + sep);
        QCOMPARE(contentHash(in), QString::fromLatin1(h.result().toHex()));
    }

    void longTranscriptIsStoredWholeInOrderAndSearchable()
    {
        // More turns than one multi-row INSERT holds.
        QTemporaryDir dir;
        auto ws = newWorkspace(dir);
        QVERIFY(ws);
        const Interaction in = longCall(75);
        InteractionStore store(*ws);
        QVERIFY(ws->database().transaction());
        QCOMPARE(store.write(in, -1), InteractionStore::Outcome::Inserted);
        QVERIFY2(store.flush(), qPrintable(store.lastError()));
        QVERIFY(ws->database().commit());
        const qint64 id = scalar(*ws, QStringLiteral("SELECT id FROM interactions")).toLongLong();
        const auto stored = queries::interaction(*ws, id);
        QVERIFY(stored);
        QCOMPARE(stored->interaction.turns.size(), size_t(75));
        for (int i = 0; i < 75; ++i)
            QCOMPARE(stored->interaction.turns[size_t(i)].text, in.turns[size_t(i)].text);
        QCOMPARE(scalar(*ws, QStringLiteral("SELECT max(seq) FROM turns")).toInt(), 74);
        for (const char *word : {"word0", "word31", "word32", "word74"})
            QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE "
                                                "transcript_fts MATCH ?"),
                            {QLatin1String(word)})
                         .toInt(),
                     1);
        QCOMPARE(contentHash(stored->interaction), contentHash(in));
    }

    void movingAContactToAnotherCustomerClearsTheOldRepeat()
    {
        QTemporaryDir dir;
        auto ws = newWorkspace(dir);
        QVERIFY(ws);
        InteractionStore store(*ws);
        Interaction first = longCall(1);
        first.externalId = QStringLiteral("a");
        Interaction second = first;
        second.externalId = QStringLiteral("b");
        second.startedAt = first.startedAt.addDays(2);
        auto writeAll = [&](const std::vector<Interaction> &all) {
            QVERIFY(ws->database().transaction());
            for (const Interaction &in : all)
                QVERIFY(store.write(in, -1) != InteractionStore::Outcome::Failed);
            QVERIFY(store.flush());
            QVERIFY(ws->database().commit());
        };
        writeAll({first, second});
        const QString repeatOf = QStringLiteral("SELECT repeat_contact FROM interactions WHERE "
                                                "external_id = ?");
        QCOMPARE(scalar(*ws, repeatOf, {QStringLiteral("a")}).toInt(), 1);
        // The later contact turns out to belong to someone else.
        second.customerId = QStringLiteral("cus-2");
        writeAll({second});
        QCOMPARE(scalar(*ws, repeatOf, {QStringLiteral("a")}).toInt(), 0);
        QCOMPARE(scalar(*ws, repeatOf, {QStringLiteral("b")}).toInt(), 0);
        // Without a customer there is nothing to know.
        second.customerId.clear();
        writeAll({second});
        QVERIFY(scalar(*ws, repeatOf, {QStringLiteral("b")}).isNull());
    }
};

QTEST_GUILESS_MAIN(TestRecordPipeline)
#include "TestRecordPipeline.moc"
