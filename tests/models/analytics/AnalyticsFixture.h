#pragma once
// A small workspace whose analytics can be worked out by hand (tests share it).
//
// Teams: Blue (Alice, Bob), Green (Cara). Scores on the default scorecard's criteria:
// greeting (yes/no), professional_tone (1-5, passes at 3 or more), verification (always
// N/A here). Weeks start Monday 2024-01-01; the week of 2024-01-08 has no interaction.
//
//  #  agent  day         csat  repeat  secs  greeting  tone  total  human
//  1  Alice  2024-01-01  5     0       300   1         5     90     85
//  2  Alice  2024-01-02  4     0       400   1         4     80
//  3  Bob    2024-01-03  2     1       600   0         2     40     50
//  4  Bob    2024-01-04  3     0       500   1         3     60
//  5  Cara   2024-01-15  -     1       700   0         1     20
//  6  Cara   2024-01-16  -     0       200   1         4     70
//  7  Alice  2024-01-17  4     0       350   1         2     50
//  8  Bob    2024-01-18  1     0       100   (not scored)
//  9  Bob    2024-01-19  3     0       450   1         1     55
// Alice was coached on 2024-01-10.

#include "storage/EvaluationStore.h"
#include "storage/InteractionFilter.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <optional>

namespace qaw::fixture {

struct Row
{
    int agent; // 1 Alice, 2 Bob, 3 Cara
    QDate day;
    std::optional<int> csat;
    int repeat;
    int seconds;
    std::optional<double> greeting;
    std::optional<double> tone;
    std::optional<double> total;
    std::optional<double> human;
};

inline std::vector<Row> rows()
{
    const QDate jan(2024, 1, 1);
    return {
        {1, jan.addDays(0), 5, 0, 300, 1.0, 5.0, 90.0, 85.0},
        {1, jan.addDays(1), 4, 0, 400, 1.0, 4.0, 80.0, std::nullopt},
        {2, jan.addDays(2), 2, 1, 600, 0.0, 2.0, 40.0, 50.0},
        {2, jan.addDays(3), 3, 0, 500, 1.0, 3.0, 60.0, std::nullopt},
        {3, jan.addDays(14), std::nullopt, 1, 700, 0.0, 1.0, 20.0, std::nullopt},
        {3, jan.addDays(15), std::nullopt, 0, 200, 1.0, 4.0, 70.0, std::nullopt},
        {1, jan.addDays(16), 4, 0, 350, 1.0, 2.0, 50.0, std::nullopt},
        {2, jan.addDays(17), 1, 0, 100, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
        {2, jan.addDays(18), 3, 0, 450, 1.0, 1.0, 55.0, std::nullopt},
    };
}

inline bool exec(Workspace &ws, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(ws.database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    qWarning("fixture: %s", qPrintable(q.lastError().text()));
    return false;
}

//! Fills a new, empty workspace; false when anything could not be written.
inline bool build(Workspace &ws)
{
    bool ok =
        exec(ws, QStringLiteral("INSERT INTO teams(id, name) VALUES (1, 'Blue'), (2, 'Green')")) &&
        exec(ws, QStringLiteral("INSERT INTO agents(id, external_id, name, team_id) VALUES "
                                "(1, 'a-1', 'Alice', 1), (2, 'a-2', 'Bob', 1), "
                                "(3, 'a-3', 'Cara', 2)")) &&
        exec(ws, QStringLiteral("INSERT INTO coaching_sessions(agent_id, date, created_at) "
                                "VALUES (1, '2024-01-10', 0)"));
    const std::optional<StoredScorecard> card = ScorecardRepository(ws).active();
    if (!ok || !card)
        return false;
    EvaluationStore store(ws);
    int n = 0;
    for (const Row &r : rows()) {
        ++n;
        const qint64 startMs = QDateTime(r.day, QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        ok = exec(ws,
                  QStringLiteral("INSERT INTO interactions(id, source, external_id, channel, "
                                 "started_at, duration_ms, agent_id, team_id, queue, csat, "
                                 "repeat_contact) VALUES (?, 'test', ?, 'chat', ?, ?, ?, ?, "
                                 "'billing', ?, ?)"),
                  {n, QString::number(n), startMs, qint64(r.seconds) * 1000, r.agent,
                   r.agent == 3 ? 2 : 1, r.csat ? QVariant(*r.csat) : QVariant(), r.repeat});
        if (!ok)
            return false;
        if (!r.total)
            continue;
        Evaluation e;
        e.interactionId = n;
        e.scorecardVersionId = card->versionId;
        e.total = r.total;
        e.createdAtMs = startMs;
        // Rationale and comment non-null: EvaluationStore binds a null QString as NULL.
        const QString why = QStringLiteral("fixture");
        const QString none = QStringLiteral("");
        e.criteria = {{QStringLiteral("greeting"), r.greeting, 1, false, why, none, {}},
                      {QStringLiteral("professional_tone"), r.tone, 5, false, why, none, {}},
                      {QStringLiteral("verification"), std::nullopt, 1, true, why, none, {}}};
        if (store.save(e) < 0) {
            qWarning("fixture: %s", qPrintable(store.lastError()));
            return false;
        }
        if (r.human) {
            Evaluation h = e;
            h.kind = EvaluatorKind::Human;
            h.evaluator = QStringLiteral("reviewer");
            h.total = r.human;
            if (store.save(h) < 0)
                return false;
        }
    }
    return true;
}

//! How many interactions \a filter selects, by the filter's own SQL: the independent
//! count that drill-downs and aggregates are checked against.
inline qint64 countWhere(Workspace &ws, const InteractionFilter &filter)
{
    QVariantList values;
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM interactions i") +
              filter.whereClause(QStringLiteral("i"), &values));
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace qaw::fixture
