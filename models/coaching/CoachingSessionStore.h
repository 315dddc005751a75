#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! One coaching meeting with an agent: when, which criteria it focused on, what was said
//! and agreed, and when to follow up.
struct CoachingSession
{
    qint64 id = -1;
    qint64 agentId = -1;
    QDate date;
    QStringList focus; //!< criterion ids
    QString notes;
    QString commitments;
    QDate followUp;
    QString createdBy;
};

struct AgentInfo
{
    qint64 id = -1;
    QString externalId;
    QString name;
    qint64 teamId = -1;
    QString team;
    QString displayName() const { return name.isEmpty() ? externalId : name; }
};

//! The agent named by \a key: its external id (as imported) or, failing that, its row id.
std::optional<AgentInfo> findAgentInfo(const Workspace &workspace, const QString &key);
std::optional<AgentInfo> agentById(const Workspace &workspace, qint64 id);

//! Coaching sessions in the workspace (table coaching_sessions; focus as a JSON array).
class CoachingSessionStore
{
public:
    CoachingSessionStore(Workspace &workspace, const QString &user);

    //! Records a session and audits it. Returns its id, or -1 with \a error set.
    qint64 record(const CoachingSession &session, QString *error);
    //! Sessions of one agent (all agents when \a agentId < 0), oldest first.
    std::vector<CoachingSession> sessions(qint64 agentId = -1) const;

private:
    Workspace &m_workspace;
    QString m_user;
};

} // namespace qaw
