#include "domain/DerivedMetrics.h"

#include <QTest>
#include <QTimeZone>

using namespace qaw;

namespace {

Turn voice(Speaker s, qint64 start, qint64 end)
{
    return Turn{s, QStringLiteral("words"), start, end, -1};
}

Turn chat(Speaker s, qint64 at)
{
    return Turn{s, QStringLiteral("words"), -1, -1, at};
}

} // namespace

class TestDerivedMetrics : public QObject
{
    Q_OBJECT
private slots:
    void voiceCall()
    {
        Interaction in;
        in.turns = {voice(Speaker::Agent, 0, 4000),
                    voice(Speaker::Customer, 4500, 10000),   // 0.5 s gap: not a silence
                    voice(Speaker::Agent, 8000, 12000),      // 2 s overlap: overtalk
                    voice(Speaker::Customer, 20000, 21000),  // 8 s gap: a silence
                    voice(Speaker::Agent, 24500, 26000)};    // 3.5 s gap: a silence
        const DerivedMetrics m = deriveMetrics(in);
        QCOMPARE(m.agentTalkMs, qint64(4000 + 4000 + 1500));
        QCOMPARE(m.customerTalkMs, qint64(5500 + 1000));
        QCOMPARE(m.silenceCount, 2);
        QCOMPARE(m.silenceTotalMs, qint64(8000 + 3500));
        QCOMPARE(m.silenceMaxMs, qint64(8000));
        QCOMPARE(m.overtalkCount, 1);
        QCOMPARE(m.overtalkMs, qint64(2000));
        QCOMPARE(m.durationMs, qint64(26000));
        QCOMPARE(m.firstResponseMs, qint64(-1));
    }

    void shortOverlapIsNotOvertalkAndTurnsMayArriveOutOfOrder()
    {
        Interaction in;
        in.turns = {voice(Speaker::Customer, 3500, 6000), voice(Speaker::Agent, 0, 4000)};
        const DerivedMetrics m = deriveMetrics(in);
        QCOMPARE(m.overtalkCount, 0); // 0.5 s overlap is under the 1 s threshold
        QCOMPARE(m.silenceCount, 0);
        QCOMPARE(m.durationMs, qint64(6000));
    }

    void chatResponseTimes()
    {
        Interaction in;
        const qint64 t0 = QDateTime(QDate(2026, 3, 2), QTime(14, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        in.startedAt = QDateTime::fromMSecsSinceEpoch(t0, QTimeZone::utc());
        in.turns = {chat(Speaker::Customer, t0 + 0),
                    chat(Speaker::Customer, t0 + 10000),
                    chat(Speaker::Agent, t0 + 45000),     // first response after 45 s
                    chat(Speaker::Customer, t0 + 60000),
                    chat(Speaker::Agent, t0 + 180000),    // waited 120 s
                    chat(Speaker::Agent, t0 + 190000)};
        const DerivedMetrics m = deriveMetrics(in);
        QCOMPARE(m.firstResponseMs, qint64(45000));
        QCOMPARE(m.maxCustomerWaitMs, qint64(120000));
        QCOMPARE(m.durationMs, qint64(190000));
        QCOMPARE(m.agentTalkMs, qint64(-1)); // no talk time in a chat
        QCOMPARE(m.silenceCount, -1);
    }

    void emptyAndTimelessTranscripts()
    {
        Interaction empty;
        const DerivedMetrics e = deriveMetrics(empty);
        QCOMPARE(e.durationMs, qint64(-1));
        QCOMPARE(e.silenceCount, -1);
        Interaction timeless;
        timeless.turns = {Turn{Speaker::Agent, QStringLiteral("hi"), -1, -1, -1}};
        timeless.durationMs = 5000;
        const DerivedMetrics t = deriveMetrics(timeless);
        QCOMPARE(t.durationMs, qint64(5000)); // the file's own duration wins
        QCOMPARE(t.firstResponseMs, qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestDerivedMetrics)
#include "TestDerivedMetrics.moc"
