#include "storage/ScorecardRepository.h"

#include "storage/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

ScorecardRepository::ScorecardRepository(Workspace &workspace) : m_workspace(workspace) {}

std::optional<StoredScorecard> ScorecardRepository::load(const QString &where,
                                                         const QVariant &value) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT s.id, v.id, v.version, v.definition FROM scorecards s "
                             "JOIN scorecard_versions v ON v.scorecard_id = s.id WHERE ") +
              where + QStringLiteral(" ORDER BY s.id LIMIT 1"));
    if (value.isValid())
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QStringList errors;
    auto card = Scorecard::fromJson(q.value(3).toString().toUtf8(), &errors);
    if (!card)
        return std::nullopt;
    return StoredScorecard{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
                           *card};
}

std::optional<StoredScorecard> ScorecardRepository::active(const QString &key) const
{
    if (key.isEmpty())
        return load(QStringLiteral("v.id = s.active_version_id"), {});
    return load(QStringLiteral("v.id = s.active_version_id AND s.key = ?"), key);
}

std::optional<StoredScorecard> ScorecardRepository::version(qint64 versionId) const
{
    return load(QStringLiteral("v.id = ?"), versionId);
}

qint64 ScorecardRepository::saveNewVersion(const Scorecard &card, const QString &user,
                                           const QString &note, QString *error)
{
    const QStringList problems = card.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char(' '));
        return -1;
    }
    QSqlDatabase db = m_workspace.database();
    if (!beginWriteTransaction(db)) {
        *error = QStringLiteral("the workspace is busy: another writer kept it locked");
        return -1;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO scorecards(key, name) VALUES(?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET name = excluded.name"));
    q.addBindValue(card.key);
    q.addBindValue(card.name);
    bool ok = q.exec();
    q.prepare(QStringLiteral("SELECT id, (SELECT coalesce(max(version), 0) FROM "
                             "scorecard_versions WHERE scorecard_id = scorecards.id) "
                             "FROM scorecards WHERE key = ?"));
    q.addBindValue(card.key);
    ok = ok && q.exec() && q.next();
    const qint64 scorecardId = ok ? q.value(0).toLongLong() : -1;
    const int nextVersion = ok ? q.value(1).toInt() + 1 : 0;
    q.prepare(QStringLiteral("INSERT INTO scorecard_versions(scorecard_id, version, definition, "
                             "created_at, created_by, note) VALUES(?, ?, ?, ?, ?, ?)"));
    q.addBindValue(scorecardId);
    q.addBindValue(nextVersion);
    q.addBindValue(QString::fromUtf8(card.toJson()));
    q.addBindValue(nowMs());
    q.addBindValue(user.isNull() ? QStringLiteral("") : user);
    q.addBindValue(note.isNull() ? QStringLiteral("") : note);
    ok = ok && q.exec();
    const qint64 versionId = ok ? q.lastInsertId().toLongLong() : -1;
    ok = ok && m_workspace.audit(user, QStringLiteral("scorecard"), scorecardId,
                                 QStringLiteral("version"), QString::number(nextVersion - 1),
                                 QString::number(nextVersion));
    if (!ok || !db.commit()) {
        *error = q.lastError().text();
        db.rollback();
        return -1;
    }
    return versionId;
}

bool ScorecardRepository::activate(qint64 versionId, QString *error)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("UPDATE scorecards SET active_version_id = ? WHERE id = "
                             "(SELECT scorecard_id FROM scorecard_versions WHERE id = ?)"));
    q.addBindValue(versionId);
    q.addBindValue(versionId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        *error = q.lastError().text().isEmpty() ? QStringLiteral("no such scorecard version")
                                                : q.lastError().text();
        return false;
    }
    return true;
}

} // namespace qaw
