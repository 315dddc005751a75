#include "storage/ForeignKeysOff.h"

#include <QSqlQuery>
#include <QVariant>

namespace qaw {

ForeignKeysOff::ForeignKeysOff(QSqlDatabase db) : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    m_wasOn = q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next() && q.value(0).toBool();
    if (m_wasOn)
        q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
}

ForeignKeysOff::~ForeignKeysOff()
{
    if (m_wasOn)
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

} // namespace qaw
