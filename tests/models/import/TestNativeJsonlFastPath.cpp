// The fast path of native JSON Lines must take the common line and give exactly what the
// QJsonDocument path gives, and leave every line it is not sure of to that path.

#include "ImportTestSupport.h"

#include "demo/DemoWorkspace.h"
#include "import/CommonUtcTime.h"
#include "import/NativeJsonl.h"
#include "import/NativeJsonlFastPath.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using namespace qaw;
using namespace qaw::test;

namespace {

// The QJsonDocument path alone, as parseNativeJsonLine() was before the fast path.
std::optional<Interaction> slowPath(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    return interactionFromNativeJson(doc.object(), error);
}

// QCOMPARE on strings treats null and empty alike; the stored row does not.
void compareString(const QString &fast, const QString &slow, const char *field)
{
    QVERIFY2(fast == slow,
             qPrintable(QStringLiteral("%1: '%2' != '%3'").arg(QLatin1String(field), fast, slow)));
    QVERIFY2(fast.isNull() == slow.isNull(), field);
}

void compareInteractions(const Interaction &fast, const Interaction &slow)
{
    compareString(fast.source, slow.source, "source");
    compareString(fast.externalId, slow.externalId, "id");
    compareString(fast.channel, slow.channel, "channel");
    QCOMPARE(fast.startedAt.toMSecsSinceEpoch(), slow.startedAt.toMSecsSinceEpoch());
    QCOMPARE(fast.startedAt.timeSpec(), slow.startedAt.timeSpec());
    QCOMPARE(fast.startedAt.isValid(), slow.startedAt.isValid());
    QCOMPARE(fast.durationMs, slow.durationMs);
    compareString(fast.agentId, slow.agentId, "agent.id");
    compareString(fast.agentName, slow.agentName, "agent.name");
    compareString(fast.team, slow.team, "agent.team");
    compareString(fast.customerId, slow.customerId, "customer.id");
    compareString(fast.queue, slow.queue, "queue");
    compareString(fast.language, slow.language, "language");
    QCOMPARE(fast.csat, slow.csat);
    QCOMPARE(fast.resolved, slow.resolved);
    QCOMPARE(fast.tags, slow.tags);
    QCOMPARE(fast.attributes, slow.attributes);
    QCOMPARE(QJsonDocument(fast.attributes).toJson(QJsonDocument::Compact),
             QJsonDocument(slow.attributes).toJson(QJsonDocument::Compact));
    QCOMPARE(fast.turns.size(), slow.turns.size());
    for (size_t i = 0; i < fast.turns.size(); ++i) {
        const Turn &f = fast.turns[i];
        const Turn &s = slow.turns[i];
        QCOMPARE(f.speaker, s.speaker);
        compareString(f.text, s.text, "turn text");
        QCOMPARE(f.startMs, s.startMs);
        QCOMPARE(f.endMs, s.endMs);
        QCOMPARE(f.atMs, s.atMs);
    }
}

QByteArray minimalLine(const QByteArray &extra = {})
{
    return R"({"id":"x-1","channel":"chat","started_at":"2026-03-02T14:05:11Z",)" + extra +
           R"("agent":{"id":"a"},"turns":[{"speaker":"agent","text":"hi"}]})";
}

// A line with one turn whose members are \a turn.
QByteArray turnLine(const QByteArray &turn)
{
    return R"({"id":"x-1","channel":"voice","started_at":"2026-03-02T14:05:11Z",)"
           R"("agent":{"id":"a"},"turns":[)" +
           turn + "]}";
}

} // namespace

class TestNativeJsonlFastPath : public QObject
{
    Q_OBJECT

private slots:
    void demoLinesTakeTheFastPath();
    void edgeLines_data();
    void edgeLines();
    void commonTimes_data();
    void commonTimes();
    void everyDayAgreesWithQt();
    void badCorpusKeepsItsReasons();
};

void TestNativeJsonlFastPath::demoLinesTakeTheFastPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.jsonl"));
    QString error;
    DemoOptions options;
    options.interactions = 3000;
    QVERIFY(writeDemoJsonl(path, options, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        line.chop(1);
        const std::optional<Interaction> fast = parseNativeJsonLineFast(line);
        QVERIFY2(fast, line.constData());
        const std::optional<Interaction> slow = slowPath(line, &error);
        QVERIFY2(slow, qPrintable(error));
        compareInteractions(*fast, *slow);
        if (QTest::currentTestFailed())
            QFAIL(line.constData());
        ++lines;
    }
    QCOMPARE(lines, options.interactions);
}

void TestNativeJsonlFastPath::edgeLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("fastTakesIt"); // else the fast path must give the line up
    auto same = [](const char *name, const QByteArray &line) {
        QTest::newRow(name) << line << true;
    };
    auto bails = [](const char *name, const QByteArray &line) {
        QTest::newRow(name) << line << false;
    };
    same("minimal", minimalLine());
    same("spaces everywhere", " \t{ \"id\" : \"x\" ,\r\n \"channel\" : \"sms\" , \"started_at\" : "
                              "\"2026-01-01T00:00:00Z\" , \"agent\" : { \"id\" : \"a\" } , "
                              "\"turns\" : [ { \"speaker\" : \"bot\" , \"text\" : \"\" } ] } \r\n");
    same("escapes", turnLine(R"({"speaker":"agent","text":"q\"b\\s\/b\bf\fn\nr\rt\t"})"));
    same("unicode escapes", turnLine(R"({"speaker":"agent","text":"caf\u00e9 \u00E9 \u20ac"})"));
    same("nul escape", turnLine(R"({"speaker":"agent","text":"a\u0000b"})"));
    bails("surrogate escape", turnLine(R"({"speaker":"agent","text":"\ud83d\ude00"})"));
    bails("unknown escape", turnLine(R"({"speaker":"agent","text":"\x"})"));
    bails("short unicode escape", turnLine(R"({"speaker":"agent","text":"\u00g1"})"));
    same("utf-8 2 bytes", turnLine("{\"speaker\":\"agent\",\"text\":\"caf\xc3\xa9\"}"));
    same("utf-8 3 bytes", turnLine("{\"speaker\":\"agent\",\"text\":\"\xe2\x82\xac 5\"}"));
    same("utf-8 4 bytes", turnLine("{\"speaker\":\"agent\",\"text\":\"\xf0\x9f\x98\x80!\"}"));
    same("utf-8 max", turnLine("{\"speaker\":\"agent\",\"text\":\"\xf4\x8f\xbf\xbf\"}"));
    same("utf-8 with escape", turnLine("{\"speaker\":\"agent\",\"text\":\"\xc3\xa9\\n\xc3\xa9\"}"));
    bails("overlong", turnLine("{\"speaker\":\"agent\",\"text\":\"\xc0\xaf\"}"));
    bails("overlong 3 bytes", turnLine("{\"speaker\":\"agent\",\"text\":\"\xe0\x80\xaf\"}"));
    bails("utf-8 surrogate", turnLine("{\"speaker\":\"agent\",\"text\":\"\xed\xa0\x80\"}"));
    bails("above U+10FFFF", turnLine("{\"speaker\":\"agent\",\"text\":\"\xf4\x90\x80\x80\"}"));
    bails("F5 lead", turnLine("{\"speaker\":\"agent\",\"text\":\"\xf5\x80\x80\x80\"}"));
    bails("lone continuation", turnLine("{\"speaker\":\"agent\",\"text\":\"\x80\"}"));
    bails("cut sequence", turnLine("{\"speaker\":\"agent\",\"text\":\"\xe2\x82\"}"));
    bails("raw tab", turnLine("{\"speaker\":\"agent\",\"text\":\"a\tb\"}"));
    bails("raw newline", turnLine("{\"speaker\":\"agent\",\"text\":\"a\nb\"}"));
    bails("duplicate key", minimalLine(R"("id":"x-2",)"));
    bails("duplicate turn key", turnLine(R"({"speaker":"agent","text":"a","text":"b"})"));
    bails("duplicate agent key",
          R"({"id":"x","channel":"chat","started_at":)"
          R"("2026-01-01T00:00:00Z","agent":{"id":"a","id":"b"},"turns":[]})");
    bails("unknown key", minimalLine(R"("priority":1,)"));
    bails("unknown turn key", turnLine(R"({"speaker":"agent","text":"a","mood":"ok"})"));
    bails("escaped key", minimalLine(R"("q\u0075eue":"x",)"));
    same("nulls for optional fields",
         minimalLine(R"("duration_ms":null,"customer":null,"queue":null,"language":null,)"
                     R"("csat":null,"resolved":null,"tags":null,"attributes":null,)"));
    same("null members", minimalLine(R"("customer":{"id":null},)"));
    same("empty optional strings", minimalLine(R"("queue":"","language":"","customer":{},)"));
    same("all fields", minimalLine(R"("duration_ms":0,"customer":{"id":"c"},"queue":"q",)"
                                   R"("language":"fr","csat":5,"resolved":false,"tags":["a","b"],)"
                                   R"("attributes":{"k":"v"},)"));
    bails("null id", R"({"id":null,"channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                     R"("agent":{"id":"a"},"turns":[]})");
    bails("blank id", R"({"id":"  ","channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                      R"("agent":{"id":"a"},"turns":[]})");
    bails("no turns", R"({"id":"x","channel":"chat","started_at":"2026-01-01T00:00:00Z",)"
                      R"("agent":{"id":"a"}})");
    bails("null speaker", turnLine(R"({"speaker":null,"text":"a"})"));
    bails("null text", turnLine(R"({"speaker":"agent","text":null})"));
    bails("csat 0", minimalLine(R"("csat":0,)"));
    bails("csat 6", minimalLine(R"("csat":6,)"));
    bails("csat 3.0", minimalLine(R"("csat":3.0,)"));
    bails("csat string", minimalLine(R"("csat":"3",)"));
    same("csat 3", minimalLine(R"("csat":3,)"));
    bails("duration -1", minimalLine(R"("duration_ms":-1,)"));
    bails("duration 1.5", minimalLine(R"("duration_ms":1.5,)"));
    bails("duration 1e3", minimalLine(R"("duration_ms":1e3,)"));
    bails("duration 0012", minimalLine(R"("duration_ms":0012,)"));
    bails("duration 16 digits", minimalLine(R"("duration_ms":1000000000000000,)"));
    same("duration 15 digits", minimalLine(R"("duration_ms":999999999999999,)"));
    bails("resolved 1", minimalLine(R"("resolved":1,)"));
    same("channel in capitals", minimalLine().replace("\"chat\"", "\" Chat \""));
    bails("unknown channel", minimalLine().replace("\"chat\"", "\"fax\""));
    same("speaker in capitals", turnLine(R"({"speaker":" AGENT","text":"a"})"));
    bails("unknown speaker", turnLine(R"({"speaker":"manager","text":"a"})"));
    same("offsets", turnLine(R"({"speaker":"agent","text":"a","start_ms":0,"end_ms":0})"));
    bails("end before start",
          turnLine(R"({"speaker":"agent","text":"a","start_ms":5,"end_ms":4})"));
    auto startedAt = [](const char *time) {
        return minimalLine().replace("2026-03-02T14:05:11Z", time);
    };
    same("time with offset", startedAt("2026-03-02T14:05:11+01:00"));
    same("time without Z", startedAt("2026-03-02T14:05:11"));
    same("time with 1 fraction digit", startedAt("2026-03-02T14:05:11.5Z"));
    same("time with 2 fraction digits", startedAt("2026-03-02T14:05:11.25Z"));
    same("time with 6 fraction digits", startedAt("2026-03-02T14:05:11.123456Z"));
    same("time with spaces", startedAt(" 2026-03-02T14:05:11Z "));
    same("time 24:00", startedAt("2026-03-02T24:00:00Z"));
    bails("2026-02-30", startedAt("2026-02-30T00:00:00Z"));
    bails("2025-02-29", startedAt("2025-02-29T00:00:00Z"));
    bails("not a time", startedAt("yesterday"));
    bails("empty time", startedAt(""));
    same("turn time",
         turnLine(R"({"speaker":"agent","text":"a","at":"2024-02-29T23:59:59.999Z"})"));
    same("turn time with offset",
         turnLine(R"({"speaker":"agent","text":"a","at":"2024-03-01T00:30:00-02:00"})"));
    same("empty turn time", turnLine(R"({"speaker":"agent","text":"a","at":""})"));
    bails("bad turn time",
          turnLine(R"({"speaker":"agent","text":"a","at":"2024-13-01T00:00:00Z"})"));
    bails("trailing garbage", minimalLine() + "x");
    bails("second object", minimalLine() + minimalLine());
    same("trailing whitespace", minimalLine() + " \t\r\n");
    bails("truncated", minimalLine().chopped(2));
    bails("truncated string", minimalLine().left(20));
    bails("empty line", QByteArray());
    bails("array", "[" + minimalLine() + "]");
    bails("bom", "\xef\xbb\xbf" + minimalLine());
    same("empty turns", minimalLine().replace(R"([{"speaker":"agent","text":"hi"}])", "[]"));
    same("empty text", turnLine(R"({"speaker":"customer","text":""})"));
    same("nested attributes",
         minimalLine(R"("attributes":{"a":{"b":[1,2.5,{"c":"}]{["}],"d":null},)"
                     R"("e":"\"}"},)"));
    same("empty attributes", minimalLine(R"("attributes":{ },)"));
    same("duplicate attribute keys", minimalLine(R"("attributes":{"k":1,"k":2},)"));
    bails("attributes array", minimalLine(R"("attributes":[],)"));
    bails("attributes string", minimalLine(R"("attributes":"{}",)"));
    bails("broken attributes", minimalLine(R"("attributes":{"a":},)"));
    bails("attributes cut", QByteArray(R"({"id":"x","attributes":{"a":"b\"}")"));
    bails("attributes at the end", QByteArray(R"({"id":"x","attributes": )"));
    bails("deep attributes",
          minimalLine("\"attributes\":" + QByteArray(40, '[').prepend("{\"a\":") +
                      QByteArray(40, ']') + "},"));
    same("attributes after spaces", minimalLine(R"("attributes" :  { "k" : [ "v" ] } ,)"));
    bails("tags with a number", minimalLine(R"("tags":["a",1],)"));
    bails("tags with null", minimalLine(R"("tags":[null],)"));
    same("empty tags", minimalLine(R"("tags":[],)"));
    bails("turn not an object", turnLine(R"("hello")"));
}

void TestNativeJsonlFastPath::edgeLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, fastTakesIt);
    const std::optional<Interaction> fast = parseNativeJsonLineFast(line);
    QString slowError;
    const std::optional<Interaction> slow = slowPath(line, &slowError);
    QCOMPARE(bool(fast), fastTakesIt);
    if (fast) {
        QVERIFY2(slow, qPrintable(slowError));
        compareInteractions(*fast, *slow);
    }
    // Whichever path takes it, the public function answers as the slow path does.
    QString error;
    const std::optional<Interaction> combined = parseNativeJsonLine(line, &error);
    QCOMPARE(bool(combined), bool(slow));
    if (combined)
        compareInteractions(*combined, *slow);
}

void TestNativeJsonlFastPath::commonTimes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("common");
    auto row = [](const char *text, bool common) {
        QTest::newRow(text) << QByteArray(text) << common;
    };
    row("2026-03-02T14:05:11Z", true);
    row("2026-03-02T14:05:11.000Z", true);
    row("2026-03-02T14:05:11.999Z", true);
    row("2024-02-29T12:00:00Z", true);
    row("2000-02-29T23:59:59.999Z", true);
    row("1999-12-31T23:59:59.999Z", true);
    row("2000-01-01T00:00:00.000Z", true);
    row("1970-01-01T00:00:00Z", true);
    row("1969-12-31T23:59:59.999Z", true);
    row("1900-03-01T00:00:00Z", true);
    row("0001-01-01T00:00:00Z", true);
    row("9999-12-31T23:59:59.999Z", true);
    row("2100-02-28T00:00:00Z", true);
    row("2026-02-30T00:00:00Z", false);
    row("2025-02-29T00:00:00Z", false);
    row("1900-02-29T00:00:00Z", false);
    row("2026-04-31T00:00:00Z", false);
    row("2026-13-01T00:00:00Z", false);
    row("2026-00-01T00:00:00Z", false);
    row("2026-01-00T00:00:00Z", false);
    row("0000-01-01T00:00:00Z", false);
    row("2026-01-01T24:00:00Z", false);
    row("2026-01-01T23:60:00Z", false);
    row("2026-01-01T23:59:60Z", false);
    row("2026-01-01T00:00:00", false);
    row("2026-01-01T00:00:00+01:00", false);
    row("2026-01-01T00:00:00.5Z", false);
    row("2026-01-01T00:00:00.50Z", false);
    row("2026-01-01T00:00:00.123456Z", false);
    row("2026-01-01 00:00:00Z", false);
    row("2026-01-01T00:00:00z", false);
    row("2026-1-01T00:00:00.00Z", false);
    row("+026-01-01T00:00:00Z", false);
    row("2026-01-01T0a:00:00Z", false);
}

void TestNativeJsonlFastPath::commonTimes()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, common);
    const std::optional<qint64> fast = parseCommonUtcTime(text);
    QCOMPARE(bool(fast), common);
    if (fast) {
        const std::optional<QDateTime> qt = parseIsoTime(QString::fromLatin1(text));
        QVERIFY(qt);
        QCOMPARE(*fast, qt->toMSecsSinceEpoch());
    }
}

void TestNativeJsonlFastPath::everyDayAgreesWithQt()
{
    // Every day of some years around leap rules and the epoch, at a few times of day,
    // against both parseIsoTime() and QDateTime built from its parts.
    int checked = 0;
    for (const int year : {1600, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2100, 2400}) {
        for (QDate d(year, 1, 1); d.year() == year; d = d.addDays(1)) {
            for (const QTime &t : {QTime(0, 0), QTime(23, 59, 59, 999), QTime(12, 34, 56, 7)}) {
                const QDateTime expected(d, t, Qt::UTC);
                const QByteArray text = expected.toString(Qt::ISODateWithMs).toLatin1();
                QCOMPARE(text.size(), 24);
                const std::optional<qint64> fast = parseCommonUtcTime(text);
                QVERIFY2(fast, text.constData());
                QCOMPARE(*fast, expected.toMSecsSinceEpoch());
                QCOMPARE(*fast, parseIsoTime(QString::fromLatin1(text))->toMSecsSinceEpoch());
                if (t.msec() == 0)
                    QCOMPARE(parseCommonUtcTime(text.left(19) + 'Z'), fast);
                ++checked;
            }
        }
    }
    QVERIFY(checked > 11 * 365 * 3);
}

void TestNativeJsonlFastPath::badCorpusKeepsItsReasons()
{
    // The existing bad-input files: the public function still answers every line as the
    // QJsonDocument path does, with the same reason when it rejects.
    const QDir dir(importData(QStringLiteral("bad")));
    const QStringList files = dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    int rejected = 0;
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (QByteArray line : file.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QString error;
            const std::optional<Interaction> combined = parseNativeJsonLine(line, &error);
            QString slowError;
            const std::optional<Interaction> slow = slowPath(line, &slowError);
            QCOMPARE(bool(combined), bool(slow));
            if (combined) {
                compareInteractions(*combined, *slow);
                continue;
            }
            QVERIFY(!parseNativeJsonLineFast(line));
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (doc.isObject())
                QCOMPARE(error, slowError); // the same checks gave the same reason
            ++rejected;
        }
    }
    QVERIFY(rejected >= 10);
}

QTEST_GUILESS_MAIN(TestNativeJsonlFastPath)
#include "TestNativeJsonlFastPath.moc"
