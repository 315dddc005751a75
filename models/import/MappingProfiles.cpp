#include "import/MappingProfiles.h"

#include "storage/Workspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

bool saveMappingProfile(Workspace &workspace, const QString &name, const ColumnMapping &mapping,
                        QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("a mapping profile needs a name");
        return false;
    }
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("INSERT INTO mapping_profiles(name, definition) VALUES(?, ?) "
                             "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition"));
    q.addBindValue(name.trimmed());
    q.addBindValue(QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<ColumnMapping> loadMappingProfile(Workspace &workspace, const QString &name,
                                                QString *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("SELECT definition FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (!q.exec() || !q.next()) {
        const QStringList names = mappingProfileNames(workspace);
        *error = QStringLiteral("no mapping profile named '%1' in this workspace (saved: %2)")
                     .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8());
    return ColumnMapping::fromJson(doc.object(), error);
}

QStringList mappingProfileNames(Workspace &workspace)
{
    QStringList names;
    QSqlQuery q(workspace.database());
    if (q.exec(QStringLiteral("SELECT name FROM mapping_profiles ORDER BY name")))
        while (q.next())
            names << q.value(0).toString();
    return names;
}

bool deleteMappingProfile(Workspace &workspace, const QString &name)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("DELETE FROM mapping_profiles WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.numRowsAffected() > 0;
}

} // namespace qaw
