#include "storage/RationaleTexts.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

qint64 rationaleTextId(const QSqlDatabase &db, const QString &text, QString *error)
{
    // A null QString binds as NULL; the column is NOT NULL.
    const QString value = text.isNull() ? QStringLiteral("") : text;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO rationale_texts(text) VALUES(?) "
                             "ON CONFLICT(text) DO NOTHING"));
    q.addBindValue(value);
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    q.prepare(QStringLiteral("SELECT id FROM rationale_texts WHERE text = ?"));
    q.addBindValue(value);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace qaw
