#include "storage/InteractionFilter.h"
#include "storage/InteractionStore.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace qaw;

namespace {

Interaction call(const QString &id, const QString &customer, const QDateTime &start)
{
    Interaction in;
    in.source = QStringLiteral("jsonl");
    in.externalId = id;
    in.channel = QStringLiteral("voice");
    in.startedAt = start;
    in.agentId = QStringLiteral("agt-1");
    in.agentName = QStringLiteral("Dana Ruiz");
    in.team = QStringLiteral("Billing");
    in.customerId = customer;
    in.turns = {{Speaker::Agent, QStringLiteral("Thank you for calling, how can I help?"), 0, 3000, -1},
                {Speaker::Customer, QStringLiteral("I was charged twice for my refund."), 3500, 7000, -1}};
    return in;
}

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 3, d), QTime(10, 0), QTimeZone::utc());
}

qint64 scalar(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return -999;
    return q.value(0).toLongLong();
}

} // namespace

class TestInteractionStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;

    InteractionStore::Outcome write(InteractionStore &store, const Interaction &in)
    {
        m_ws->database().transaction();
        const auto outcome = store.write(in, -1);
        if (outcome == InteractionStore::Outcome::Failed)
            qWarning("%s", qPrintable(store.lastError()));
        store.flush();
        m_ws->database().commit();
        return outcome;
    }

private slots:
    void init()
    {
        m_ws = std::make_unique<Workspace>();
        QVERIFY(m_ws->open(m_dir.filePath(QStringLiteral("%1.qaw").arg(QLatin1String(QTest::currentTestFunction()))),
                           Workspace::OpenMode::CreateIfMissing));
    }
    void cleanup() { m_ws.reset(); }

    void insertsThenSkipsUnchangedThenUpdates()
    {
        InteractionStore store(*m_ws);
        Interaction in = call(QStringLiteral("c1"), QStringLiteral("cus-1"), day(2));
        QCOMPARE(write(store, in), InteractionStore::Outcome::Inserted);
        QCOMPARE(write(store, in), InteractionStore::Outcome::Unchanged);
        QCOMPARE(m_ws->counts().interactions, qint64(1));
        QCOMPARE(m_ws->counts().turns, qint64(2));

        // An evaluation of the old content becomes stale when the content changes.
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO evaluations(interaction_id, scorecard_version_id, evaluator_kind, "
            "evaluator, created_at, updated_at) SELECT id, 1, 'auto', 'auto', 0, 0 FROM interactions")));
        QVERIFY(q.exec(QStringLiteral("UPDATE interactions SET needs_scoring = 0")));
        in.turns.push_back({Speaker::Agent, QStringLiteral("I have refunded it."), 7500, 9000, -1});
        QCOMPARE(write(store, in), InteractionStore::Outcome::Updated);
        QCOMPARE(m_ws->counts().interactions, qint64(1));
        QCOMPARE(m_ws->counts().turns, qint64(3));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT stale FROM evaluations")), qint64(1));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT needs_scoring FROM interactions")), qint64(1));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT turn_count FROM interactions")), qint64(3));
    }

    void derivedMetricsAndSearchAreStored()
    {
        InteractionStore store(*m_ws);
        QCOMPARE(write(store, call(QStringLiteral("c1"), QStringLiteral("cus-1"), day(2))),
                 InteractionStore::Outcome::Inserted);
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT agent_talk_ms FROM interactions")), qint64(3000));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT customer_talk_ms FROM interactions")), qint64(3500));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE transcript_fts MATCH 'charged'")),
                 qint64(1));
        // The porter stemmer finds "refunds" and "refunding" from "refund".
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM transcript_fts WHERE transcript_fts MATCH 'refunds'")),
                 qint64(1));
    }

    void searchFindsWordsAnywhereInTheTranscript()
    {
        InteractionStore store(*m_ws);
        Interaction in = call(QStringLiteral("s1"), QStringLiteral("cus-2"), day(3));
        in.turns.push_back({Speaker::Agent, QStringLiteral("I don't see the customer's card."),
                            7500, 9000, -1});
        QCOMPARE(write(store, in), InteractionStore::Outcome::Inserted);
        QCOMPARE(write(store, call(QStringLiteral("s2"), QStringLiteral("cus-3"), day(4))),
                 InteractionStore::Outcome::Inserted);
        const auto found = [this](const QString &text) {
            QSqlQuery q(m_ws->database());
            q.prepare(QStringLiteral("SELECT group_concat(i.external_id) FROM interactions i "
                                     "WHERE i.id IN (SELECT rowid FROM transcript_fts WHERE "
                                     "transcript_fts MATCH ?)"));
            q.addBindValue(ftsQueryFromText(text));
            if (!q.exec() || !q.next())
                return QStringLiteral("error: ") + q.lastError().text();
            return q.value(0).toString();
        };
        // Words of different turns; stems; apostrophes; operators typed as words.
        QCOMPARE(found(QStringLiteral("calling card")), QStringLiteral("s1"));
        QCOMPARE(found(QStringLiteral("refunds CHARGED")), QStringLiteral("s1,s2"));
        QCOMPARE(found(QStringLiteral("don't customer's")), QStringLiteral("s1"));
        QCOMPARE(found(QStringLiteral("\"card\" NEAR( OR")), QString());
        QCOMPARE(found(QStringLiteral("card -twice")), QStringLiteral("s1"));
        QCOMPARE(ftsQueryFromText(QStringLiteral("don't NEAR(")),
                 QStringLiteral("\"don\" \"t\" \"NEAR\""));
    }

    void repeatContactIsKeptRightWhenEarlierContactsArriveLater()
    {
        InteractionStore store(*m_ws);
        write(store, call(QStringLiteral("c2"), QStringLiteral("cus-9"), day(10)));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT repeat_contact FROM interactions WHERE external_id = 'c2'")),
                 qint64(0));
        // An earlier contact of the same customer, 3 days before: the earlier one is the
        // one followed by a repeat contact.
        write(store, call(QStringLiteral("c1"), QStringLiteral("cus-9"), day(7)));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT repeat_contact FROM interactions WHERE external_id = 'c1'")),
                 qint64(1));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT repeat_contact FROM interactions WHERE external_id = 'c2'")),
                 qint64(0));
        // Eight days later is outside the window.
        write(store, call(QStringLiteral("c3"), QStringLiteral("cus-9"), day(18)));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT repeat_contact FROM interactions WHERE external_id = 'c2'")),
                 qint64(0));
        // Another customer does not count.
        write(store, call(QStringLiteral("c4"), QStringLiteral("cus-1"), day(19)));
        QCOMPARE(scalar(*m_ws, QStringLiteral("SELECT repeat_contact FROM interactions WHERE external_id = 'c3'")),
                 qint64(0));
    }

    void repeatContactsAgreeWithTheirDefinition()
    {
        // Contacts arrive in random order over several chunks, some again with another
        // customer or time; afterwards every flag must equal the definition (a later
        // contact of the same customer, strictly later and at most 7 days on), asked of
        // SQL directly. Times on a 12-hour grid give ties and exact 7-day gaps.
        InteractionStore store(*m_ws);
        QRandomGenerator random(20261127);
        const QDateTime origin(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc());
        for (int chunk = 0; chunk < 6; ++chunk) {
            m_ws->database().transaction();
            for (int i = 0; i < 60; ++i) {
                const QString id = QStringLiteral("r%1").arg(random.bounded(200));
                const QString customer = QStringLiteral("cus-%1").arg(random.bounded(15));
                const QDateTime start = origin.addSecs(12 * 3600 * random.bounded(40));
                QVERIFY(store.write(call(id, customer, start), -1) !=
                        InteractionStore::Outcome::Failed);
            }
            QVERIFY2(store.flush(), qPrintable(store.lastError()));
            QVERIFY(m_ws->database().commit());
        }
        QVERIFY(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM interactions i WHERE EXISTS("
                                             "SELECT 1 FROM interactions j WHERE j.customer_id = "
                                             "i.customer_id AND j.started_at = i.started_at AND "
                                             "j.id <> i.id)")) > 0);
        QVERIFY(scalar(*m_ws, QStringLiteral("SELECT count(*) FROM interactions WHERE "
                                             "repeat_contact = 1")) > 0);
        QCOMPARE(scalar(*m_ws, QStringLiteral(
                                   "SELECT count(*) FROM interactions i WHERE repeat_contact IS NOT "
                                   "EXISTS(SELECT 1 FROM interactions j WHERE j.customer_id = "
                                   "i.customer_id AND j.started_at > i.started_at AND "
                                   "j.started_at <= i.started_at + 7 * 86400000)")),
                 qint64(0));
    }

    void storedInteractionReadsBack()
    {
        InteractionStore store(*m_ws);
        Interaction in = call(QStringLiteral("c1"), QStringLiteral("cus-1"), day(2));
        in.csat = 4;
        in.resolved = true;
        in.durationMs = 7000; // as derived from the turns, so the read-back is identical
        in.tags = {QStringLiteral("refund")};
        in.attributes.insert(QStringLiteral("region"), QStringLiteral("north"));
        write(store, in);
        const qint64 id = scalar(*m_ws, QStringLiteral("SELECT id FROM interactions"));
        const auto stored = queries::interaction(*m_ws, id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->interaction.externalId, QStringLiteral("c1"));
        QCOMPARE(stored->interaction.agentName, QStringLiteral("Dana Ruiz"));
        QCOMPARE(stored->interaction.team, QStringLiteral("Billing"));
        QCOMPARE(stored->interaction.csat, std::optional<int>(4));
        QCOMPARE(stored->interaction.resolved, std::optional<bool>(true));
        QCOMPARE(stored->interaction.tags, QStringList{QStringLiteral("refund")});
        QCOMPARE(stored->interaction.attributes.value(QStringLiteral("region")).toString(),
                 QStringLiteral("north"));
        QCOMPARE(stored->interaction.turns.size(), size_t(2));
        QCOMPARE(stored->interaction.turns[1].speaker, Speaker::Customer);
        QCOMPARE(stored->interaction.turns[1].startMs, qint64(3500));
        QCOMPARE(stored->interaction.startedAt, day(2));
        // The content hash of what was read back equals the stored one: nothing was lost.
        QCOMPARE(contentHash(stored->interaction), contentHash(in));
    }

    // Workspaces imported by earlier versions must re-import as unchanged, so the content
    // hash stays the SHA-1 of the same field sequence however it is computed: here it is
    // recomputed field by field with Qt's own SHA-1, as the first versions did.
    void contentHashIsTheDigestOfTheDocumentedFieldSequence()
    {
        Interaction in = call(QStringLiteral("c1"), QStringLiteral("cus-1"), day(2));
        in.csat = 2;
        in.durationMs = 7000;
        in.queue = QStringLiteral("billing");
        in.language = QStringLiteral("en");
        in.tags = {QStringLiteral("refund"), QStringLiteral("vip")};
        in.attributes.insert(QStringLiteral("region"), QStringLiteral("north"));
        in.turns.push_back({Speaker::System, QStringLiteral("Caf\u00e9 queue"), -1, -1, 123456});

        QCryptographicHash h(QCryptographicHash::Sha1);
        auto add = [&h](const QByteArray &bytes) { h.addData(bytes + '\x1f'); };
        add("voice");
        add(QByteArray::number(in.startedAt.toMSecsSinceEpoch()));
        add("7000");
        add("agt-1");
        add("Dana Ruiz");
        add("Billing");
        add("cus-1");
        add("billing");
        add("en");
        add("2");
        add("-1");
        add("refund\x1evip");
        add(R"({"region":"north"})");
        const QByteArray turns[][5] = {
            {"agent", "Thank you for calling, how can I help?", "0", "3000", "-1"},
            {"customer", "I was charged twice for my refund.", "3500", "7000", "-1"},
            {"system", "Caf\xc3\xa9 queue", "-1", "-1", "123456"}};
        for (const auto &turn : turns)
            for (const QByteArray &field : turn)
                add(field);
        QCOMPARE(contentHash(in), QString::fromLatin1(h.result().toHex()));
    }
};

QTEST_GUILESS_MAIN(TestInteractionStore)
#include "TestInteractionStore.moc"
