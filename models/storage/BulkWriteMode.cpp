#include "storage/BulkWriteMode.h"

#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

constexpr int kBulkCheckpointPages = 10000;

int pragmaValue(QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA %1").arg(pragma)) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

BulkWriteMode::BulkWriteMode(QSqlDatabase db) : m_db(std::move(db))
{
    m_foreignKeysWereOn = pragmaValue(m_db, QStringLiteral("foreign_keys")) == 1;
    m_checkpointPages = pragmaValue(m_db, QStringLiteral("wal_autocheckpoint"));
    QSqlQuery q(m_db);
    if (m_foreignKeysWereOn)
        q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    if (m_checkpointPages > 0 && m_checkpointPages < kBulkCheckpointPages)
        q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kBulkCheckpointPages));
}

BulkWriteMode::~BulkWriteMode()
{
    QSqlQuery q(m_db);
    if (m_foreignKeysWereOn)
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (m_checkpointPages > 0 && m_checkpointPages < kBulkCheckpointPages)
        q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(m_checkpointPages));
}

} // namespace qaw
