#include "calibration/CalibrationStore.h"

#include "storage/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

CalibrationStore::CalibrationStore(Workspace &workspace) : m_workspace(workspace) {}

qint64 CalibrationStore::create(const CalibrationSession &s, QString *error)
{
    if (s.name.trimmed().isEmpty()) {
        *error = QStringLiteral("the session needs a name");
        return -1;
    }
    if (s.interactionIds.empty()) {
        *error = QStringLiteral("the session has no interactions");
        return -1;
    }
    if (s.reviewers.empty()) {
        *error = QStringLiteral("the session needs at least one reviewer");
        return -1;
    }
    QSqlDatabase db = m_workspace.database();
    if (!beginWriteTransaction(db)) {
        *error = db.lastError().text();
        return -1;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO calibration_sessions(name, scorecard_version_id, "
                             "sampling, blind, status, created_at, created_by) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(s.name.trimmed());
    q.addBindValue(s.scorecardVersionId);
    q.addBindValue(samplingMethodName(s.sampling));
    q.addBindValue(s.blind ? 1 : 0);
    q.addBindValue(s.status);
    q.addBindValue(s.createdAtMs > 0 ? s.createdAtMs : nowMs());
    q.addBindValue(s.createdBy.isNull() ? QStringLiteral("") : s.createdBy);
    auto failed = [&](const QSqlQuery &query) {
        *error = query.lastError().text();
        db.rollback();
        return qint64(-1);
    };
    if (!q.exec())
        return failed(q);
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery item(db);
    item.prepare(QStringLiteral("INSERT INTO calibration_items(session_id, interaction_id) "
                                "VALUES(?, ?)"));
    for (qint64 interactionId : s.interactionIds) {
        item.addBindValue(id);
        item.addBindValue(interactionId);
        if (!item.exec())
            return failed(item);
    }
    QSqlQuery reviewer(db);
    reviewer.prepare(QStringLiteral("INSERT INTO calibration_reviewers(session_id, reviewer) "
                                    "VALUES(?, ?)"));
    for (const SessionReviewer &r : s.reviewers) {
        if (r.name.trimmed().isEmpty())
            continue;
        reviewer.addBindValue(id);
        reviewer.addBindValue(r.name.trimmed());
        if (!reviewer.exec())
            return failed(reviewer);
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return -1;
    }
    return id;
}

std::optional<CalibrationSession> CalibrationStore::load(qint64 sessionId) const
{
    QSqlDatabase db = m_workspace.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, name, scorecard_version_id, sampling, blind, status, "
                             "created_at, created_by FROM calibration_sessions WHERE id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    CalibrationSession s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.scorecardVersionId = q.value(2).toLongLong();
    s.sampling = samplingMethodFromName(q.value(3).toString()).value_or(SamplingMethod::HandPicked);
    s.blind = q.value(4).toBool();
    s.status = q.value(5).toString();
    s.createdAtMs = q.value(6).toLongLong();
    s.createdBy = q.value(7).toString();
    // The sampled order is the insertion order of the items.
    QSqlQuery items(db);
    items.prepare(QStringLiteral("SELECT interaction_id FROM calibration_items WHERE "
                                 "session_id = ? ORDER BY rowid"));
    items.addBindValue(sessionId);
    if (items.exec())
        while (items.next())
            s.interactionIds.push_back(items.value(0).toLongLong());
    QSqlQuery reviewers(db);
    reviewers.prepare(QStringLiteral("SELECT reviewer, submitted_at FROM calibration_reviewers "
                                     "WHERE session_id = ? ORDER BY rowid"));
    reviewers.addBindValue(sessionId);
    if (reviewers.exec())
        while (reviewers.next())
            s.reviewers.push_back({reviewers.value(0).toString(),
                                   reviewers.value(1).isNull() ? -1
                                                               : reviewers.value(1).toLongLong()});
    return s;
}

std::vector<CalibrationSession> CalibrationStore::list() const
{
    std::vector<qint64> ids;
    QSqlQuery q(m_workspace.database());
    if (q.exec(QStringLiteral("SELECT id FROM calibration_sessions ORDER BY created_at DESC, "
                              "id DESC")))
        while (q.next())
            ids.push_back(q.value(0).toLongLong());
    std::vector<CalibrationSession> out;
    for (qint64 id : ids)
        if (auto s = load(id))
            out.push_back(*s);
    return out;
}

bool CalibrationStore::submit(qint64 sessionId, const QString &reviewer, QString *error)
{
    const auto session = load(sessionId);
    if (!session) {
        *error = QStringLiteral("no calibration session %1").arg(sessionId);
        return false;
    }
    if (!session->reviewer(reviewer)) {
        *error = QStringLiteral("%1 is not a reviewer of session \"%2\"").arg(reviewer, session->name);
        return false;
    }
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM calibration_items i WHERE i.session_id = ? "
                             "AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE "
                             "e.calibration_session_id = i.session_id AND e.interaction_id = "
                             "i.interaction_id AND e.evaluator_kind = 'human' AND "
                             "e.evaluator = ?)"));
    q.addBindValue(sessionId);
    q.addBindValue(reviewer);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    if (const int missing = q.value(0).toInt(); missing > 0) {
        *error = QStringLiteral("%1 has not evaluated %2 of the %3 interactions yet")
                     .arg(reviewer)
                     .arg(missing)
                     .arg(session->interactionIds.size());
        return false;
    }
    QSqlQuery u(m_workspace.database());
    u.prepare(QStringLiteral("UPDATE calibration_reviewers SET submitted_at = ? WHERE "
                             "session_id = ? AND reviewer = ?"));
    const qint64 now = nowMs();
    u.addBindValue(now);
    u.addBindValue(sessionId);
    u.addBindValue(reviewer);
    if (!u.exec()) {
        *error = u.lastError().text();
        return false;
    }
    m_workspace.audit(reviewer, QStringLiteral("calibration_session"), sessionId,
                      QStringLiteral("submitted:") + reviewer, QString(), QString::number(now));
    return true;
}

bool CalibrationStore::setStatus(qint64 sessionId, const QString &status, const QString &user,
                                 QString *error)
{
    const auto session = load(sessionId);
    if (!session) {
        *error = QStringLiteral("no calibration session %1").arg(sessionId);
        return false;
    }
    QSqlQuery u(m_workspace.database());
    u.prepare(QStringLiteral("UPDATE calibration_sessions SET status = ? WHERE id = ?"));
    u.addBindValue(status);
    u.addBindValue(sessionId);
    if (!u.exec()) {
        *error = u.lastError().text();
        return false;
    }
    m_workspace.audit(user, QStringLiteral("calibration_session"), sessionId,
                      QStringLiteral("status"), session->status, status);
    return true;
}

} // namespace qaw
