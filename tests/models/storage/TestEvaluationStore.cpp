#include "storage/EvaluationStore.h"
#include "storage/InteractionStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace qaw;

class TestEvaluationStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_interaction = -1;

private slots:
    void init()
    {
        m_ws = std::make_unique<Workspace>();
        QVERIFY(m_ws->open(m_dir.filePath(QStringLiteral("%1.qaw").arg(QLatin1String(QTest::currentTestFunction()))),
                           Workspace::OpenMode::CreateIfMissing));
        Interaction in;
        in.source = QStringLiteral("t");
        in.externalId = QStringLiteral("c1");
        in.channel = QStringLiteral("chat");
        in.startedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc());
        in.agentId = QStringLiteral("a1");
        in.turns = {{Speaker::Agent, QStringLiteral("Hello"), -1, -1, -1}};
        InteractionStore store(*m_ws);
        QCOMPARE(store.write(in, -1), InteractionStore::Outcome::Inserted);
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM interactions")) && q.next());
        m_interaction = q.value(0).toLongLong();
    }

    void savesAndLoadsWithEvidence()
    {
        const auto card = ScorecardRepository(*m_ws).active();
        QVERIFY(card.has_value());
        Evaluation e;
        e.interactionId = m_interaction;
        e.scorecardVersionId = card->versionId;
        e.total = 72.5;
        e.criteria = {{QStringLiteral("greeting"), 1.0, 1, false, QStringLiteral("said hello"), {}, {{0, 0, 5, 1200}}},
                      {QStringLiteral("hold_etiquette"), std::nullopt, 1, true, QStringLiteral("no hold"), {}, {}}};
        EvaluationStore store(*m_ws);
        const qint64 id = store.save(e);
        QVERIFY2(id > 0, qPrintable(store.lastError()));
        const auto loaded = store.currentAutomated(m_interaction);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->id, id);
        QCOMPARE(loaded->total, std::optional<double>(72.5));
        QCOMPARE(loaded->criteria.size(), size_t(2));
        QCOMPARE(loaded->criterion(QStringLiteral("greeting"))->evidence.size(), size_t(1));
        QCOMPARE(loaded->criterion(QStringLiteral("greeting"))->evidence.front(), (EvidenceSpan{0, 0, 5, 1200}));
        QVERIFY(loaded->criterion(QStringLiteral("hold_etiquette"))->na);
        QVERIFY(!loaded->criterion(QStringLiteral("hold_etiquette"))->value.has_value());
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT auto_total, needs_scoring, has_human FROM interactions")) && q.next());
        QCOMPARE(q.value(0).toDouble(), 72.5);
        QCOMPARE(q.value(1).toInt(), 0);
        QCOMPARE(q.value(2).toInt(), 0);

        Evaluation human = e;
        human.kind = EvaluatorKind::Human;
        human.evaluator = QStringLiteral("dana");
        human.total = 60;
        QVERIFY(store.save(human) > 0);
        QVERIFY(q.exec(QStringLiteral("SELECT auto_total, has_human FROM interactions")) && q.next());
        QCOMPARE(q.value(0).toDouble(), 72.5); // a human score never overwrites the automated one
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(store.forInteraction(m_interaction).size(), size_t(2));
    }

    void versionsAreKept()
    {
        ScorecardRepository repo(*m_ws);
        const auto first = repo.active();
        QVERIFY(first.has_value());
        Scorecard changed = first->scorecard;
        changed.passMark = 70;
        QString error;
        const qint64 v2 = repo.saveNewVersion(changed, QStringLiteral("dana"), QStringLiteral("lower pass mark"), &error);
        QVERIFY2(v2 > 0, qPrintable(error));
        QCOMPARE(repo.active()->versionId, first->versionId); // saving does not activate
        QVERIFY(repo.activate(v2, &error));
        QCOMPARE(repo.active()->version, 2);
        QCOMPARE(repo.active()->scorecard.passMark, 70.0);
        QCOMPARE(repo.version(first->versionId)->scorecard.passMark, first->scorecard.passMark);
        Scorecard invalid = changed;
        invalid.sections.clear();
        QCOMPARE(repo.saveNewVersion(invalid, QStringLiteral("dana"), {}, &error), qint64(-1));
        QVERIFY(error.contains(QStringLiteral("no criteria")));
    }
};

QTEST_GUILESS_MAIN(TestEvaluationStore)
#include "TestEvaluationStore.moc"
