#include "analytics/NameLookup.h"

#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

qint64 single(const Workspace &ws, const QString &sql, const QString &text)
{
    QSqlQuery q(ws.database());
    q.prepare(sql);
    q.addBindValue(text);
    if (!q.exec() || !q.next())
        return -1;
    const qint64 id = q.value(0).toLongLong();
    return q.next() ? -2 : id;
}

} // namespace

qint64 findTeam(const Workspace &ws, const QString &text)
{
    return single(ws, QStringLiteral("SELECT id FROM teams WHERE name = ? COLLATE NOCASE"), text);
}

qint64 findAgent(const Workspace &ws, const QString &text)
{
    const qint64 byId =
        single(ws, QStringLiteral("SELECT id FROM agents WHERE external_id = ?"), text);
    if (byId >= 0)
        return byId;
    return single(ws, QStringLiteral("SELECT id FROM agents WHERE name = ? COLLATE NOCASE"), text);
}

} // namespace qaw
