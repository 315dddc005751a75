#include "storage/DefaultContent.h"

#include "domain/Scorecard.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

QByteArray defaultScorecardJson()
{
    QFile file(QStringLiteral(":/scorecards/customer-support-core.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool installDefaultContent(Workspace &workspace, QString *error)
{
    // Parsed and written out again, so that the stored version holds the concept library
    // itself rather than a reference to the resource (a later release may change it).
    QStringList problems;
    const std::optional<Scorecard> parsed = Scorecard::fromJson(defaultScorecardJson(), &problems);
    if (!parsed) {
        *error = QStringLiteral("the default scorecard resource is not valid: %1")
                     .arg(problems.join(QStringLiteral("; ")));
        return false;
    }
    const QByteArray json = parsed->toJson();
    const QJsonObject card = QJsonDocument::fromJson(json).object();
    QSqlDatabase db = workspace.database();
    if (!beginWriteTransaction(db)) {
        *error = QStringLiteral("the workspace is busy: another writer kept it locked");
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO scorecards(key, name) VALUES(?, ?)"));
    q.addBindValue(card.value(QStringLiteral("key")).toString());
    q.addBindValue(card.value(QStringLiteral("name")).toString());
    if (!q.exec()) {
        *error = q.lastError().text();
        db.rollback();
        return false;
    }
    const qint64 scorecardId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO scorecard_versions(scorecard_id, version, definition, "
                             "created_at, created_by, note) VALUES(?, 1, ?, ?, 'QA Workbench', "
                             "'shipped default')"));
    q.addBindValue(scorecardId);
    q.addBindValue(QString::fromUtf8(json));
    q.addBindValue(nowMs());
    if (!q.exec()) {
        *error = q.lastError().text();
        db.rollback();
        return false;
    }
    const qint64 versionId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("UPDATE scorecards SET active_version_id = ? WHERE id = ?"));
    q.addBindValue(versionId);
    q.addBindValue(scorecardId);
    if (!q.exec() || !db.commit()) {
        *error = q.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

int adoptShippedScorecard(Workspace &workspace, const QString &user, QString *error)
{
    QStringList problems;
    const std::optional<Scorecard> shipped = Scorecard::fromJson(defaultScorecardJson(), &problems);
    if (!shipped) {
        *error = QStringLiteral("the shipped scorecard resource is not valid: %1")
                     .arg(problems.join(QStringLiteral("; ")));
        return -1;
    }
    ScorecardRepository scorecards(workspace);
    const std::optional<StoredScorecard> active = scorecards.active(shipped->key);
    if (active && active->scorecard.toJson() == shipped->toJson())
        return 0;
    const qint64 versionId = scorecards.saveNewVersion(
        *shipped, user, QStringLiteral("the scorecard shipped with this release"), error);
    if (versionId < 0 || !scorecards.activate(versionId, error))
        return -1;
    const std::optional<StoredScorecard> stored = scorecards.version(versionId);
    return stored ? stored->version : -1;
}

} // namespace qaw
