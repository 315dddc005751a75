#include "CoachingFixture.h"
#include "MissingTool.h"

#include "coaching/CoachingPacket.h"
#include "coaching/CoachingSessionStore.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"
#include "coaching/MeetingPreparation.h"

#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;

class TestCoachingPacket : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 anna = -1;

    static QString pdfText(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"),
                {QStringLiteral("-layout"), path, QStringLiteral("-")});
        if (!p.waitForFinished(60000))
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        QAW_SKIP_IF_MISSING("pdftotext", "poppler-utils");
    }

    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        const qint64 team = f->team(QStringLiteral("Billing"));
        anna = f->agent(QStringLiteral("agt-7"), QStringLiteral("Anna Berg"), team);
        const qint64 ben = f->agent(QStringLiteral("agt-8"), QStringLiteral("Ben Ode"), team);
        const QDate start(2026, 3, 2);
        for (int k = 0; k < 12; ++k) {
            // Anna is curt in every call: professional tone 2 of 5, with the words as evidence.
            f->score(f->interaction(anna, team, f->at(start.addDays(k * 5)),
                                    QStringLiteral("Whatever, just give me the order number.")),
                     {{"professional_tone", 2}, {"empathy", k % 2}},
                     {{"professional_tone", EvidenceSpan{0, 0, 8, -1}}});
            f->score(f->interaction(ben, team, f->at(start.addDays(k * 5))), {});
        }
        CoachingSession s;
        s.agentId = anna;
        s.date = start.addDays(20);
        s.focus = QStringList{QStringLiteral("professional_tone")};
        s.notes = QStringLiteral("Listened to two calls together.");
        s.commitments = QStringLiteral("Open every call with a named greeting.");
        QString error;
        QVERIFY(CoachingSessionStore(f->ws, QStringLiteral("sam")).record(s, &error) > 0);
    }

    void preparationHoldsWeakestCriteriaAndExamples()
    {
        const auto prep = MeetingPreparationBuilder(f->ws).build(anna);
        QVERIFY(prep);
        QCOMPARE(prep->agent.name, QStringLiteral("Anna Berg"));
        QVERIFY(!prep->weakest.empty());
        // Tone fails in all of Anna's calls and none of Ben's: a 100-point gap, the weakest.
        QCOMPARE(prep->weakest.front().criterionId, QStringLiteral("professional_tone"));
        QCOMPARE(*prep->weakest.front().gap, 100.0);
        QVERIFY(prep->examples.size() >= 3 && prep->examples.size() <= 5);
        QCOMPARE(prep->examples.front().excerpts.front().highlighted, QStringLiteral("Whatever"));
        QCOMPARE(prep->earlierSessions.size(), size_t(1));
        QVERIFY(prep->agentMeanTotal && prep->teamMeanTotal);
        QVERIFY(*prep->agentMeanTotal < *prep->teamMeanTotal);
    }

    void packetLeadsWithTheAgentsPatterns()
    {
        QVERIFY(f->addPatternRule(3));
        QVERIFY(Flagger(f->ws).run().patternsOpened > 0);
        const auto prep = MeetingPreparationBuilder(f->ws).build(anna);
        QVERIFY(prep);
        QVERIFY(!prep->patterns.empty());
        QCOMPARE(prep->patterns.front().criteria.value(0), QStringLiteral("professional_tone"));
        for (const OpenItemRow &r : prep->openItems)
            QVERIFY(r.ruleName != QStringLiteral("Patterns"));
        const QString html = CoachingPacket(*prep).html();
        const int patterns = html.indexOf(QStringLiteral("What to coach on"));
        QVERIFY(patterns > 0);
        QVERIFY(patterns < html.indexOf(QStringLiteral("Quality trend")));
        QVERIFY(html.indexOf(QStringLiteral("Professional tone"), patterns) > patterns);
    }

    void pdfHoldsAgentCriteriaAndExamples()
    {
        const auto prep = MeetingPreparationBuilder(f->ws).build(anna);
        QVERIFY(prep);
        const QString path = f->dir.filePath(QStringLiteral("packet.pdf"));
        QString error;
        QVERIFY2(CoachingPacket(*prep).writePdf(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 1000);
        const QString text = pdfText(path).simplified();
        QVERIFY2(text.contains(QStringLiteral("Coaching meeting: Anna Berg")),
                 qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("agt-7")));
        QVERIFY(text.contains(QStringLiteral("Professional tone")));
        QVERIFY(text.contains(QStringLiteral("Weakest criteria")));
        QVERIFY(text.contains(prep->examples.front().externalId));
        QVERIFY(text.contains(QStringLiteral("Whatever")));
        QVERIFY(text.contains(QStringLiteral("Open every call with a named greeting.")));
    }
};

QTEST_MAIN(TestCoachingPacket)
#include "TestCoachingPacket.moc"
