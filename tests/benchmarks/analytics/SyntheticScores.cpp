#include "SyntheticScores.h"

#include "analytics/CriterionPassMarks.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstdio>

namespace qaw {
namespace {

bool exec(Workspace &ws, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery q(ws.database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    *error = q.lastError().text() + QStringLiteral(" in ") + sql;
    return false;
}

qint64 count(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

bool fillSyntheticScores(Workspace &ws, qint64 target, QString *error)
{
    const qint64 base = count(ws, QStringLiteral("SELECT count(*) FROM interactions"));
    if (base <= 0) {
        *error = QStringLiteral("no interactions to multiply");
        return false;
    }
    const std::optional<StoredScorecard> card = ScorecardRepository(ws).active();
    if (!card) {
        *error = QStringLiteral("no active scorecard");
        return false;
    }
    QSqlDatabase db = ws.database();
    db.transaction();
    // Copies k = 1.. of every demo interaction, shifted by up to a day.
    const qint64 copies = (target + base - 1) / base - 1;
    std::printf("copying %lld demo interactions %lld times...\n", base, copies);
    std::fflush(stdout);
    bool ok =
        exec(ws,
             QStringLiteral(
                 "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?) "
                 "INSERT INTO interactions(source, external_id, channel, started_at, "
                 "duration_ms, agent_id, team_id, customer_id, queue, language, csat, "
                 "resolved, repeat_contact, needs_scoring) "
                 "SELECT 'bench', i.external_id || '-' || k.n, i.channel, "
                 "i.started_at + (k.n * 3600007) % 86400000, i.duration_ms, i.agent_id, "
                 "i.team_id, i.customer_id || '-' || k.n, i.queue, i.language, i.csat, "
                 "i.resolved, i.repeat_contact, 1 FROM k CROSS JOIN interactions i "
                 "WHERE i.source <> 'bench' AND k.n * ? + i.id <= ?"),
             {copies, base, target}, error);
    std::printf("automated evaluations...\n");
    std::fflush(stdout);
    ok = ok && exec(ws,
                    QStringLiteral("INSERT INTO evaluations(interaction_id, scorecard_version_id, "
                                   "evaluator_kind, evaluator, created_at, updated_at, scores) "
                                   "SELECT id, ?, 'auto', 'auto', started_at, started_at, '' "
                                   "FROM interactions WHERE auto_evaluation_id IS NULL"),
                    {card->versionId}, error);
    ok = ok && exec(ws,
                    QStringLiteral("INSERT INTO rationale_texts(text) VALUES('synthetic') "
                                   "ON CONFLICT(text) DO NOTHING"),
                    {}, error);
    int c = 0;
    for (const CriterionPassMark &crit : criteriaOf(card->scorecard)) {
        std::printf("  criterion %d %s\n", ++c, qPrintable(crit.id));
        std::fflush(stdout);
        // Passing leans with CSAT so the drivers table has something to find; a few
        // criteria do not apply to some channels, as in the real scorecard.
        // One packed record (storage/PackedScores.h) appended per criterion; the ids
        // need no escaping.
        ok =
            ok && exec(ws,
                       QStringLiteral(
                           "UPDATE evaluations SET scores = scores || CASE WHEN scores = '' "
                           "THEN '' ELSE char(10) END || ? || char(9) || ? || char(9) || "
                           "CASE WHEN i.channel IN (?, ?) THEN '' "
                           "WHEN abs(random()) % 100 < 50 + 9 * coalesce(i.csat, 3) THEN ? "
                           "ELSE ? END || char(9) || ? || char(9) || (i.channel IN (?, ?)) || "
                           "char(9) || (SELECT id FROM rationale_texts WHERE text = 'synthetic') "
                           "|| char(9) || char(9) FROM interactions i WHERE i.id = "
                           "evaluations.interaction_id AND evaluations.evaluator_kind = 'auto' "
                           "AND evaluations.total IS NULL"),
                       {crit.id, c - 1,
                        c % 4 == 0 ? QStringLiteral("email") : QStringLiteral("-"),
                        c % 6 == 0 ? QStringLiteral("chat") : QStringLiteral("-"),
                        crit.minimum + crit.span * (0.5 + 0.5 * ((c % 3) != 0)),
                        crit.minimum + crit.span * 0.25 * (c % 2), crit.minimum + crit.span,
                        c % 4 == 0 ? QStringLiteral("email") : QStringLiteral("-"),
                        c % 6 == 0 ? QStringLiteral("chat") : QStringLiteral("-")},
                       error);
    }
    std::printf("totals...\n");
    std::fflush(stdout);
    ok = ok &&
         exec(ws,
              QStringLiteral("UPDATE evaluations SET total = (SELECT 100.0 * avg(CASE WHEN "
                             "cs.max = 5 THEN (cs.value - 1) / 4.0 ELSE cs.value / cs.max END) "
                             "FROM automated_scores cs WHERE cs.evaluation_id = evaluations.id "
                             "AND cs.na = 0) WHERE evaluator_kind = 'auto' AND total IS NULL"),
              {}, error) &&
         exec(ws,
              QStringLiteral("UPDATE interactions SET auto_total = e.total, auto_passed = "
                             "e.total >= 80, auto_failed = 0, auto_evaluation_id = e.id, "
                             "needs_scoring = 0 FROM evaluations e WHERE e.interaction_id = "
                             "interactions.id AND e.evaluator_kind = 'auto' AND "
                             "interactions.auto_evaluation_id IS NULL"),
              {}, error) &&
         exec(ws,
              QStringLiteral("INSERT INTO evaluations(interaction_id, scorecard_version_id, "
                             "evaluator_kind, evaluator, created_at, updated_at, total) "
                             "SELECT id, ?, 'human', 'reviewer', started_at, started_at, "
                             "max(0, min(100, auto_total + (abs(random()) % 21) - 10)) "
                             "FROM interactions WHERE id % 100 = 0 AND has_human = 0"),
              {card->versionId}, error) &&
         exec(ws, QStringLiteral("UPDATE interactions SET has_human = 1 WHERE id % 100 = 0"), {},
              error);
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace qaw
