#include "demo/DemoGenerator.h"
#include "demo/DemoReviews.h"
#include "demo/DemoWorkspace.h"
#include "domain/InteractionJson.h"
#include "storage/Workspace.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace qaw;

namespace {

QByteArray digestOf(quint64 seed, int count)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    DemoGenerator generator(seed, count);
    generator.generate([&hash](const Interaction &in) { hash.addData(interactionToJsonLine(in)); });
    return hash.result();
}

qint64 scalar(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;

private slots:
    void initTestCase()
    {
        m_ws = std::make_unique<Workspace>();
        QVERIFY(m_ws->open(m_dir.filePath(QStringLiteral("demo.qaw")), Workspace::OpenMode::CreateIfMissing));
        QString error;
        DemoOptions options;
        options.interactions = 4000;
        QVERIFY2(buildDemoWorkspace(*m_ws, options, &error), qPrintable(error));
    }

    void sameSeedSameData()
    {
        QCOMPARE(digestOf(7, 300), digestOf(7, 300));
        QVERIFY(digestOf(7, 300) != digestOf(8, 300));
    }

    void agentsAndTeams()
    {
        DemoGenerator generator(1);
        QVERIFY(generator.agents().size() >= 40);
        QSet<QString> teams;
        int coached = 0;
        for (const DemoAgentProfile &a : generator.agents()) {
            teams.insert(a.team);
            coached += a.coachingDate.isValid() ? 1 : 0;
        }
        QCOMPARE(teams.size(), 4);
        QVERIFY(coached >= 2);
        QCOMPARE(int(generator.coachingSessions().size()), coached);
        QCOMPARE(m_ws->counts().agents, qint64(generator.agents().size()));
        QCOMPARE(m_ws->counts().teams, qint64(4));
        QCOMPARE(m_ws->counts().coachingSessions, qint64(coached));
    }

    void shapeOfTheInteractions()
    {
        QCOMPARE(m_ws->counts().interactions, qint64(4000));
        // Six months, both voice (millisecond offsets) and chat (timestamps).
        const qint64 days = scalar(*m_ws, QStringLiteral(
            "SELECT (max(started_at) - min(started_at)) / 86400000 FROM interactions"));
        QVERIFY2(days >= 175 && days <= 184, qPrintable(QString::number(days)));
        const qint64 voice = scalar(*m_ws, QStringLiteral("SELECT count(*) FROM interactions WHERE channel = 'voice'"));
        const qint64 chat = scalar(*m_ws, QStringLiteral("SELECT count(*) FROM interactions WHERE channel = 'chat'"));
        QVERIFY(voice > 2000 && chat > 1000);
        QCOMPARE(scalar(*m_ws, QStringLiteral(
                     "SELECT count(*) FROM turns t JOIN interactions i ON i.id = t.interaction_id "
                     "WHERE i.channel = 'voice' AND (t.start_ms IS NULL OR t.end_ms IS NULL)")), qint64(0));
        QCOMPARE(scalar(*m_ws, QStringLiteral(
                     "SELECT count(*) FROM turns t JOIN interactions i ON i.id = t.interaction_id "
                     "WHERE i.channel = 'chat' AND t.at IS NULL")), qint64(0));
        // CSAT on about a third.
        const double csatShare = double(scalar(*m_ws, QStringLiteral("SELECT count(csat) FROM interactions"))) / 4000.0;
        QVERIFY2(csatShare > 0.28 && csatShare < 0.40, qPrintable(QString::number(csatShare)));
        // Customers who call again within days.
        QVERIFY(scalar(*m_ws, QStringLiteral("SELECT sum(repeat_contact) FROM interactions")) > 200);
        // Derived metrics were computed for calls.
        QVERIFY(scalar(*m_ws, QStringLiteral("SELECT sum(silence_count) FROM interactions")) > 0);
        QVERIFY(scalar(*m_ws, QStringLiteral("SELECT sum(overtalk_count) FROM interactions")) > 0);
    }

    void agentsBehaveDifferently()
    {
        // Share of an agent's voice/chat openings that greet: the greeting-skippers stand out.
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT a.external_id, avg(t.text LIKE '%my name is%' OR t.text LIKE '%thank%for%' "
            "OR t.text LIKE '%speaking%' OR t.text LIKE '%here, how%' OR t.text LIKE '%through to%' "
            "OR t.text LIKE '%I''m %') AS greeted FROM turns t JOIN interactions i ON i.id = "
            "t.interaction_id JOIN agents a ON a.id = i.agent_id WHERE t.seq = 0 "
            "GROUP BY a.id")));
        double lowest = 1;
        double highest = 0;
        while (q.next()) {
            lowest = std::min(lowest, q.value(1).toDouble());
            highest = std::max(highest, q.value(1).toDouble());
        }
        QVERIFY2(lowest < 0.6 && highest > 0.9,
                 qPrintable(QStringLiteral("%1 %2").arg(lowest).arg(highest)));
    }

    void coachingQueueHoldsTheBehaviourProfilesWithinTheBudget()
    {
        // The demo's agents whose greeting or empathy stays poor to the end (the coached
        // improvers are good by then).
        std::map<QString, QStringList> weak;
        const DemoGenerator generator(DemoOptions().seed, 4000);
        for (const DemoAgentProfile &a : generator.agents()) {
            if (a.coachingDate.isValid())
                continue;
            if (a.greeting < 0.5)
                weak[a.id] << QStringLiteral("greeting");
            if (a.empathy < 0.5)
                weak[a.id] << QStringLiteral("empathy");
        }
        int weakPairs = 0;
        for (const auto &entry : weak)
            weakPairs += int(entry.second.size());
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT a.external_id, json_extract(c.criteria, '$[0]') FROM coaching_items c "
            "JOIN agents a ON a.id = c.agent_id WHERE c.kind = 'pattern' AND json_extract("
            "c.criteria, '$[0]') IN ('greeting', 'empathy')")));
        int named = 0;
        while (q.next()) {
            const QString agent = q.value(0).toString();
            QVERIFY2(weak.count(agent) && weak[agent].contains(q.value(1).toString()),
                     qPrintable(agent + QLatin1Char(' ') + q.value(1).toString()));
            ++named;
        }
        QVERIFY2(named >= weakPairs * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(named).arg(weakPairs)));
        QVERIFY(q.exec(QStringLiteral(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM coaching_items WHERE status NOT IN "
            "('verified','dismissed') GROUP BY agent_id, week)")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() <= 3);
    }

    void improversImproveAfterCoaching()
    {
        DemoGenerator generator(42, 8000);
        QHash<QString, QDate> coachingDate;
        for (const DemoAgentProfile &a : generator.agents())
            if (a.coachingDate.isValid())
                coachingDate.insert(a.id, a.coachingDate);
        int before = 0, beforeEmpathy = 0, after = 0, afterEmpathy = 0;
        generator.generate([&](const Interaction &in) {
            if (!coachingDate.contains(in.agentId))
                return;
            const bool empathic = std::any_of(in.turns.begin(), in.turns.end(), [](const Turn &t) {
                return t.speaker == Speaker::Agent &&
                       (t.text.contains(QStringLiteral("sorry"), Qt::CaseInsensitive) ||
                        t.text.contains(QStringLiteral("understand"), Qt::CaseInsensitive) ||
                        t.text.contains(QStringLiteral("frustrat"), Qt::CaseInsensitive) ||
                        t.text.contains(QStringLiteral("apologise"), Qt::CaseInsensitive) ||
                        t.text.contains(QStringLiteral("imagine"), Qt::CaseInsensitive));
            });
            if (in.startedAt.date() < coachingDate.value(in.agentId)) {
                ++before;
                beforeEmpathy += empathic;
            } else {
                ++after;
                afterEmpathy += empathic;
            }
        });
        QVERIFY(before > 50 && after > 50);
        QVERIFY(double(afterEmpathy) / after > double(beforeEmpathy) / before + 0.3);
    }

    // The Trends workspace opens at once: no day is left for the first chart to roll up.
    void trendsRollUpsAreBuilt()
    {
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM analytics_dirty_days")), 0);
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT sum(n) FROM analytics_total_days")),
                 scalar(*m_ws, QStringLiteral("SELECT count(*) FROM interactions "
                                              "WHERE auto_total IS NOT NULL")));
    }

    // The Calibration view must open on something: the interactions every reviewer
    // graded form one session, all reviewers submitted, each review belongs to it.
    void reviewsEveryoneGradedFormASubmittedSession()
    {
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM calibration_sessions")), 1);
        const qint64 items =
            scalar(*m_ws, QStringLiteral("SELECT count(*) FROM calibration_items"));
        QVERIFY(items > 0);
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM calibration_reviewers "
                                              "WHERE submitted_at IS NOT NULL")),
                 qint64(demoReviewers().size()));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM evaluations "
                                              "WHERE calibration_session_id IS NOT NULL")),
                 items * demoReviewers().size());
        // Each session interaction has one review per reviewer, none outside the session.
        QCOMPARE(scalar(*m_ws, QStringLiteral(
                     "SELECT count(*) FROM evaluations e LEFT JOIN calibration_items c "
                     "ON c.session_id = e.calibration_session_id "
                     "AND c.interaction_id = e.interaction_id "
                     "WHERE e.calibration_session_id IS NOT NULL AND c.session_id IS NULL")),
                 0);
    }

    // The reviewers judge what the agent did, which the generator knows: on the criteria
    // it decides they agree with the truth but for their slips and leanings, and so they
    // differ from the automated verdict exactly where a detector errs (or not at all).
    void reviewersJudgeWhatTheAgentDid()
    {
        QHash<QString, DemoTruth> truths;
        DemoGenerator generator(42, 4000);
        generator.setTruthSink([&truths](const QString &id, const DemoTruth &t) { truths.insert(id, t); });
        generator.generate([](const Interaction &) {});
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT i.external_id, cs.value FROM evaluations e JOIN interactions i ON "
            "i.id = e.interaction_id JOIN criterion_scores cs ON cs.evaluation_id = e.id "
            "WHERE e.evaluator_kind = 'human' AND cs.criterion_id = 'greeting' AND cs.na = 0")));
        int agree = 0;
        int total = 0;
        while (q.next()) {
            const auto t = truths.constFind(q.value(0).toString());
            QVERIFY(t != truths.constEnd());
            agree += (q.value(1).toDouble() > 0) == t->greeted ? 1 : 0;
            ++total;
        }
        QVERIFY(total >= 200);
        QVERIFY2(agree >= total * 9 / 10 && agree < total,
                 qPrintable(QStringLiteral("%1 of %2").arg(agree).arg(total)));
        // Hold etiquette is N/A for a reviewer exactly when the call had no hold.
        QVERIFY(q.exec(QStringLiteral(
            "SELECT i.external_id, cs.na FROM evaluations e JOIN interactions i ON "
            "i.id = e.interaction_id JOIN criterion_scores cs ON cs.evaluation_id = e.id "
            "WHERE e.evaluator_kind = 'human' AND cs.criterion_id = 'hold_etiquette'")));
        while (q.next())
            QCOMPARE(q.value(1).toBool(), !truths.value(q.value(0).toString()).held);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
