#include "coaching/CoachingSessionStore.h"

#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

std::optional<AgentInfo> agentWhere(const Workspace &ws, const QString &where, const QVariant &v)
{
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT a.id, a.external_id, a.name, a.team_id, t.name FROM agents a "
                             "LEFT JOIN teams t ON t.id = a.team_id WHERE ") +
              where);
    q.addBindValue(v);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return AgentInfo{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).isNull() ? -1 : q.value(3).toLongLong(), q.value(4).toString()};
}

} // namespace

std::optional<AgentInfo> findAgentInfo(const Workspace &workspace, const QString &key)
{
    if (auto a = agentWhere(workspace, QStringLiteral("a.external_id = ?"), key))
        return a;
    bool numeric = false;
    const qint64 id = key.toLongLong(&numeric);
    return numeric ? agentById(workspace, id) : std::nullopt;
}

std::optional<AgentInfo> agentById(const Workspace &workspace, qint64 id)
{
    return agentWhere(workspace, QStringLiteral("a.id = ?"), id);
}

CoachingSessionStore::CoachingSessionStore(Workspace &workspace, const QString &user)
    : m_workspace(workspace), m_user(user)
{
}

qint64 CoachingSessionStore::record(const CoachingSession &s, QString *error)
{
    if (!agentById(m_workspace, s.agentId)) {
        *error = QObject::tr("Agent %1 does not exist.").arg(s.agentId);
        return -1;
    }
    if (!s.date.isValid()) {
        *error = QObject::tr("The session needs a valid date.");
        return -1;
    }
    if (s.followUp.isValid() && s.followUp < s.date) {
        *error = QObject::tr("The follow-up date %1 is before the session date %2.")
                     .arg(s.followUp.toString(Qt::ISODate), s.date.toString(Qt::ISODate));
        return -1;
    }
    const QString focus = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(s.focus)).toJson(QJsonDocument::Compact));
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("INSERT INTO coaching_sessions(agent_id, date, focus, notes, "
                             "commitments, follow_up_date, created_by, created_at) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(s.agentId);
    q.addBindValue(s.date.toString(Qt::ISODate));
    q.addBindValue(focus);
    // NOT NULL columns: a null QString would bind as NULL.
    q.addBindValue(s.notes.isNull() ? QStringLiteral("") : s.notes);
    q.addBindValue(s.commitments.isNull() ? QStringLiteral("") : s.commitments);
    q.addBindValue(s.followUp.isValid() ? QVariant(s.followUp.toString(Qt::ISODate)) : QVariant());
    q.addBindValue(m_user.isNull() ? QStringLiteral("") : m_user);
    q.addBindValue(nowMs());
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    m_workspace.audit(m_user, QStringLiteral("coaching_session"), id, QStringLiteral("created"),
                      QString(),
                      QStringLiteral("agent %1 on %2, focus %3")
                          .arg(s.agentId)
                          .arg(s.date.toString(Qt::ISODate), focus));
    return id;
}

std::vector<CoachingSession> CoachingSessionStore::sessions(qint64 agentId) const
{
    std::vector<CoachingSession> out;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id, agent_id, date, focus, notes, commitments, "
                             "follow_up_date, created_by FROM coaching_sessions WHERE ? < 0 OR "
                             "agent_id = ? ORDER BY date, id"));
    q.addBindValue(agentId);
    q.addBindValue(agentId);
    if (!q.exec())
        return out;
    while (q.next()) {
        CoachingSession s;
        s.id = q.value(0).toLongLong();
        s.agentId = q.value(1).toLongLong();
        s.date = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
            s.focus << v.toString();
        s.notes = q.value(4).toString();
        s.commitments = q.value(5).toString();
        s.followUp = QDate::fromString(q.value(6).toString(), Qt::ISODate);
        s.createdBy = q.value(7).toString();
        out.push_back(s);
    }
    return out;
}

} // namespace qaw
