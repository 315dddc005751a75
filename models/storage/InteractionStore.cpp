#include "storage/InteractionStore.h"

#include "domain/DerivedMetrics.h"
#include "storage/Workspace.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace qaw {
namespace {

constexpr qint64 kRepeatWindowMs = 7LL * 24 * 3600 * 1000;

QVariant orNull(qint64 value)
{
    return value < 0 ? QVariant() : QVariant(value);
}

QVariant orNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

// A null QString binds as SQL NULL; NOT NULL text columns need '' instead.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QString contentHash(const Interaction &in)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    auto add = [&h](const QString &s) {
        h.addData(s.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    };
    auto addNumber = [&add](qint64 n) { add(QString::number(n)); };
    add(in.channel);
    addNumber(in.startedAt.toMSecsSinceEpoch());
    addNumber(in.durationMs);
    add(in.agentId);
    add(in.agentName);
    add(in.team);
    add(in.customerId);
    add(in.queue);
    add(in.language);
    addNumber(in.csat ? *in.csat : -1);
    addNumber(in.resolved ? (*in.resolved ? 1 : 0) : -1);
    add(in.tags.join(QChar(0x1e)));
    add(QString::fromUtf8(QJsonDocument(in.attributes).toJson(QJsonDocument::Compact)));
    for (const Turn &t : in.turns) {
        add(speakerName(t.speaker));
        add(t.text);
        addNumber(t.startMs);
        addNumber(t.endMs);
        addNumber(t.atMs);
    }
    return QString::fromLatin1(h.result().toHex());
}

InteractionStore::InteractionStore(Workspace &workspace) : m_workspace(workspace) {}

bool InteractionStore::bindAndExec(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what), q.lastError().text());
    return false;
}

bool InteractionStore::prepare()
{
    if (m_prepared)
        return true;
    const QSqlDatabase db = m_workspace.database();
    m_findInteraction = QSqlQuery(db);
    m_insertInteraction = QSqlQuery(db);
    m_updateInteraction = QSqlQuery(db);
    m_deleteTurns = QSqlQuery(db);
    m_insertTurn = QSqlQuery(db);
    m_staleEvaluations = QSqlQuery(db);
    m_repeat = QSqlQuery(db);
    m_indexTurns = QSqlQuery(db);
    const QString columns = QStringLiteral(
        "channel = :channel, started_at = :started, duration_ms = :duration, agent_id = :agent, "
        "team_id = :team, customer_id = :customer, queue = :queue, language = :language, "
        "csat = :csat, resolved = :resolved, tags = :tags, attributes = :attributes, "
        "content_hash = :hash, batch_id = :batch, turn_count = :turns, "
        "agent_talk_ms = :agent_talk, customer_talk_ms = :customer_talk, "
        "silence_count = :silence_count, silence_total_ms = :silence_total, "
        "silence_max_ms = :silence_max, overtalk_count = :overtalk_count, "
        "overtalk_ms = :overtalk_ms, first_response_ms = :first_response, "
        "max_customer_wait_ms = :max_wait, needs_scoring = 1");
    const bool ok =
        m_findInteraction.prepare(QStringLiteral(
            "SELECT id, content_hash FROM interactions WHERE source = ? AND external_id = ?")) &&
        m_insertInteraction.prepare(
            QStringLiteral("INSERT INTO interactions(source, external_id, channel, started_at, "
                           "agent_id) VALUES(:source, :external, '', 0, :agent)")) &&
        m_updateInteraction.prepare(QStringLiteral("UPDATE interactions SET ") + columns +
                                    QStringLiteral(" WHERE id = :id")) &&
        m_deleteTurns.prepare(QStringLiteral("DELETE FROM turns WHERE interaction_id = ?")) &&
        m_insertTurn.prepare(QStringLiteral("INSERT INTO turns(interaction_id, seq, speaker, "
                                            "text, start_ms, end_ms, at) "
                                            "VALUES(?, ?, ?, ?, ?, ?, ?)")) &&
        m_staleEvaluations.prepare(QStringLiteral(
            "UPDATE evaluations SET stale = 1 WHERE interaction_id = ? AND stale = 0")) &&
        m_repeat.prepare(QStringLiteral(
            "UPDATE interactions SET repeat_contact = EXISTS(SELECT 1 FROM interactions j "
            "WHERE j.customer_id = interactions.customer_id AND j.started_at > "
            "interactions.started_at AND j.started_at <= interactions.started_at + ?) "
            "WHERE customer_id = ?")) &&
        m_indexTurns.prepare(QStringLiteral("INSERT INTO turns_fts(rowid, text) "
                                            "SELECT id, text FROM turns WHERE id >= ?"));
    if (!ok) {
        m_error = m_workspace.database().lastError().text();
        return false;
    }
    m_prepared = true;
    return true;
}

qint64 InteractionStore::teamId(const QString &name)
{
    if (name.isEmpty())
        return -1;
    if (auto it = m_teams.constFind(name); it != m_teams.constEnd())
        return *it;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("INSERT INTO teams(name) VALUES(?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM teams WHERE name = ?"));
    q.addBindValue(name);
    const qint64 id = (q.exec() && q.next()) ? q.value(0).toLongLong() : -1;
    m_teams.insert(name, id);
    return id;
}

qint64 InteractionStore::agentId(const Interaction &in, qint64 team)
{
    const QString signature = in.agentName + QChar(0x1f) + QString::number(team);
    if (auto it = m_agents.constFind(in.agentId);
        it != m_agents.constEnd() && m_agentSignature.value(in.agentId) == signature)
        return *it;
    QSqlQuery q(m_workspace.database());
    // A later file may name an agent or move them to another team; keep what we know.
    q.prepare(QStringLiteral(
        "INSERT INTO agents(external_id, name, team_id) VALUES(?, ?, ?) "
        "ON CONFLICT(external_id) DO UPDATE SET "
        "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE agents.name END, "
        "team_id = COALESCE(excluded.team_id, agents.team_id)"));
    q.addBindValue(in.agentId);
    q.addBindValue(notNull(in.agentName));
    q.addBindValue(team < 0 ? QVariant() : QVariant(team));
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM agents WHERE external_id = ?"));
    q.addBindValue(in.agentId);
    const qint64 id = (q.exec() && q.next()) ? q.value(0).toLongLong() : -1;
    m_agents.insert(in.agentId, id);
    m_agentSignature.insert(in.agentId, signature);
    return id;
}

bool InteractionStore::insertTurns(qint64 interactionId, const Interaction &in)
{
    int seq = 0;
    for (const Turn &t : in.turns) {
        m_insertTurn.bindValue(0, interactionId);
        m_insertTurn.bindValue(1, seq++);
        m_insertTurn.bindValue(2, speakerName(t.speaker));
        m_insertTurn.bindValue(3, notNull(t.text));
        m_insertTurn.bindValue(4, orNull(t.startMs));
        m_insertTurn.bindValue(5, orNull(t.endMs));
        m_insertTurn.bindValue(6, orNull(t.atMs));
        if (!bindAndExec(m_insertTurn, "storing a turn"))
            return false;
        if (m_firstUnindexedTurn < 0)
            m_firstUnindexedTurn = m_insertTurn.lastInsertId().toLongLong();
    }
    return true;
}

InteractionStore::Outcome InteractionStore::write(const Interaction &in, qint64 batchId)
{
    if (!prepare())
        return Outcome::Failed;
    const QString hash = contentHash(in);
    m_findInteraction.bindValue(0, in.source);
    m_findInteraction.bindValue(1, in.externalId);
    if (!bindAndExec(m_findInteraction, "looking up an interaction"))
        return Outcome::Failed;
    qint64 id = -1;
    if (m_findInteraction.next()) {
        id = m_findInteraction.value(0).toLongLong();
        const bool unchanged = m_findInteraction.value(1).toString() == hash;
        m_findInteraction.finish();
        if (unchanged)
            return Outcome::Unchanged;
    }
    m_findInteraction.finish();
    const bool isUpdate = id >= 0;

    const qint64 team = teamId(in.team);
    const qint64 agent = agentId(in, team);
    if (agent < 0) {
        m_error = QStringLiteral("cannot store agent %1").arg(in.agentId);
        return Outcome::Failed;
    }
    if (!isUpdate) {
        m_insertInteraction.bindValue(QStringLiteral(":source"), in.source);
        m_insertInteraction.bindValue(QStringLiteral(":external"), in.externalId);
        m_insertInteraction.bindValue(QStringLiteral(":agent"), agent);
        if (!bindAndExec(m_insertInteraction, "storing an interaction"))
            return Outcome::Failed;
        id = m_insertInteraction.lastInsertId().toLongLong();
    } else {
        m_deleteTurns.bindValue(0, id);
        m_staleEvaluations.bindValue(0, id);
        if (!bindAndExec(m_deleteTurns, "replacing turns") ||
            !bindAndExec(m_staleEvaluations, "marking evaluations stale"))
            return Outcome::Failed;
    }

    const DerivedMetrics m = deriveMetrics(in);
    QSqlQuery &u = m_updateInteraction;
    u.bindValue(QStringLiteral(":id"), id);
    u.bindValue(QStringLiteral(":channel"), in.channel);
    u.bindValue(QStringLiteral(":started"), in.startedAt.toMSecsSinceEpoch());
    u.bindValue(QStringLiteral(":duration"), orNull(m.durationMs));
    u.bindValue(QStringLiteral(":agent"), agent);
    u.bindValue(QStringLiteral(":team"), team < 0 ? QVariant() : QVariant(team));
    u.bindValue(QStringLiteral(":customer"), orNull(in.customerId));
    u.bindValue(QStringLiteral(":queue"), notNull(in.queue));
    u.bindValue(QStringLiteral(":language"), notNull(in.language));
    u.bindValue(QStringLiteral(":csat"), in.csat ? QVariant(*in.csat) : QVariant());
    u.bindValue(QStringLiteral(":resolved"),
                in.resolved ? QVariant(*in.resolved ? 1 : 0) : QVariant());
    u.bindValue(QStringLiteral(":tags"), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(
                                                               in.tags))
                                                               .toJson(QJsonDocument::Compact)));
    u.bindValue(QStringLiteral(":attributes"),
                QString::fromUtf8(QJsonDocument(in.attributes).toJson(QJsonDocument::Compact)));
    u.bindValue(QStringLiteral(":hash"), hash);
    u.bindValue(QStringLiteral(":batch"), batchId < 0 ? QVariant() : QVariant(batchId));
    u.bindValue(QStringLiteral(":turns"), qint64(in.turns.size()));
    u.bindValue(QStringLiteral(":agent_talk"), orNull(m.agentTalkMs));
    u.bindValue(QStringLiteral(":customer_talk"), orNull(m.customerTalkMs));
    u.bindValue(QStringLiteral(":silence_count"), orNull(m.silenceCount));
    u.bindValue(QStringLiteral(":silence_total"), orNull(m.silenceTotalMs));
    u.bindValue(QStringLiteral(":silence_max"), orNull(m.silenceMaxMs));
    u.bindValue(QStringLiteral(":overtalk_count"), orNull(m.overtalkCount));
    u.bindValue(QStringLiteral(":overtalk_ms"), orNull(m.overtalkMs));
    u.bindValue(QStringLiteral(":first_response"), orNull(m.firstResponseMs));
    u.bindValue(QStringLiteral(":max_wait"), orNull(m.maxCustomerWaitMs));
    if (!bindAndExec(u, "storing an interaction") || !insertTurns(id, in))
        return Outcome::Failed;
    if (!in.customerId.isEmpty())
        m_touchedCustomers.insert(in.customerId);
    return isUpdate ? Outcome::Updated : Outcome::Inserted;
}

bool InteractionStore::flush()
{
    if (!prepare())
        return false;
    if (m_firstUnindexedTurn >= 0) {
        m_indexTurns.bindValue(0, m_firstUnindexedTurn);
        if (!bindAndExec(m_indexTurns, "indexing transcripts for search"))
            return false;
        m_firstUnindexedTurn = -1;
    }
    for (const QString &customer : std::as_const(m_touchedCustomers)) {
        m_repeat.bindValue(0, kRepeatWindowMs);
        m_repeat.bindValue(1, customer);
        if (!bindAndExec(m_repeat, "updating repeat contacts"))
            return false;
    }
    m_touchedCustomers.clear();
    return true;
}

} // namespace qaw
