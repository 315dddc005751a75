// How the Interactions table pages at contact-centre scale: the row count and pages at
// the top, the middle and the end of 1,000,000 interactions, unfiltered, filtered and
// sorted. Prints its figures; never run by CTest.
//
//   bench_interaction_paging [WORKSPACE] [ROWS] [--narrow-indexes]
// --narrow-indexes replaces, in the benchmark workspace only, the wide covering indexes of
// schema 3 by the narrow (column, started_at) ones that the analytics branch moves to.
// Each case is measured twice: with SQL pages only (no row order: keyset, from the end or
// OFFSET) and with the worker's row order (the default), which is also timed.
// The workspace is built on first use (rows written directly, one turn-less interaction
// each, with automated totals, auto-fail, flagged and has-human columns filled) and kept
// for later runs.
#include "itemmodels/InteractionTableModel.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTextStream>
#include <QVariant>

#include <random>

#include <sys/resource.h>

using namespace qaw;

namespace {

QTextStream out(stdout);

bool build(Workspace &ws, int rows)
{
    QSqlDatabase db = ws.database();
    QSqlQuery q(db);
    db.transaction();
    for (int t = 0; t < 4; ++t) {
        q.prepare(QStringLiteral("INSERT INTO teams(name) VALUES(?)"));
        q.addBindValue(QStringLiteral("Team %1").arg(t));
        q.exec();
    }
    for (int a = 0; a < 200; ++a) {
        q.prepare(QStringLiteral("INSERT INTO agents(external_id, name, team_id) VALUES(?, ?, ?)"));
        q.addBindValue(QStringLiteral("a%1").arg(a));
        q.addBindValue(QStringLiteral("Agent %1").arg(a));
        q.addBindValue(a % 4 + 1);
        q.exec();
    }
    const QStringList channels = {QStringLiteral("voice"), QStringLiteral("chat"),
                                  QStringLiteral("email")};
    const QStringList queues = {QStringLiteral("billing"), QStringLiteral("orders"),
                                QStringLiteral("tech")};
    std::mt19937_64 rng(42);
    q.prepare(QStringLiteral(
        "INSERT INTO interactions(source, external_id, channel, started_at, duration_ms, "
        "agent_id, team_id, queue, csat, resolved, auto_total, auto_passed, auto_failed, "
        "needs_scoring, has_human, flagged, turn_count) "
        "VALUES('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 12)"));
    const qint64 start = 1735689600000; // 2025-01-01
    for (int i = 0; i < rows; ++i) {
        const int agent = int(rng() % 200) + 1;
        const double total = double(rng() % 1001) / 10.0;
        q.addBindValue(QStringLiteral("b%1").arg(i));
        q.addBindValue(channels.at(int(rng() % 3)));
        q.addBindValue(start + qint64(i) * 31000 + qint64(rng() % 30000));
        q.addBindValue(qint64(60000 + rng() % 900000));
        q.addBindValue(agent);
        q.addBindValue((agent - 1) % 4 + 1);
        q.addBindValue(queues.at(int(rng() % 3)));
        q.addBindValue(int(rng() % 5) + 1);
        q.addBindValue(int(rng() % 2));
        q.addBindValue(total);
        q.addBindValue(total >= 80 ? 1 : 0);
        q.addBindValue(rng() % 50 == 0 ? 1 : 0);
        q.addBindValue(rng() % 200 == 0 ? 1 : 0);
        q.addBindValue(rng() % 20 == 0 ? 1 : 0);
        if (!q.exec())
            return false;
        if (i % 100000 == 99999) {
            db.commit();
            db.transaction();
        }
    }
    return db.commit();
}

double ms(QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

//! CPU time of the whole process (all threads: the row-order worker too), in ms.
double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

QString loadAverage()
{
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    return QStringLiteral("%1 %2 %3").arg(load[0], 0, 'f', 2).arg(load[1], 0, 'f', 2).arg(load[2], 0, 'f', 2);
}

void measure(Workspace &ws, const QString &label, const InteractionFilter &filter, int sortColumn,
             Qt::SortOrder order)
{
    const double cpuStart = cpuMs();
    // 1. SQL pages only: what a page costs before the row order is ready.
    InteractionTableModel sqlOnly;
    sqlOnly.setBackgroundRowOrder(false);
    sqlOnly.setWorkspace(&ws);
    QElapsedTimer t;
    t.start();
    sqlOnly.sort(sortColumn, order);
    sqlOnly.setFilter(filter);
    const double countMs = ms(t);
    const int rows = sqlOnly.rowCount();
    auto touch = [&](InteractionTableModel &model, int row) {
        QElapsedTimer p;
        p.start();
        model.index(row, InteractionTableModel::Total).data();
        return ms(p);
    };
    const int page = InteractionTableModel::kPageSize;
    const double top = rows > 0 ? touch(sqlOnly, 0) : 0;
    const double next = rows > page ? touch(sqlOnly, page) : 0;
    const double middle = rows > 0 ? touch(sqlOnly, rows / 2) : 0;
    const double end = rows > 0 ? touch(sqlOnly, rows - 1) : 0;
    const double back = rows > 0 ? touch(sqlOnly, rows - 1 - page) : 0;
    // 2. With the row order (the default): the sort/filter change, the worker, then jumps.
    InteractionTableModel model;
    model.setBackgroundRowOrder(false);
    model.setWorkspace(&ws);
    model.sort(sortColumn, order);
    model.setBackgroundRowOrder(true); // the change measured below starts the worker
    t.restart();
    model.setFilter(InteractionFilter());
    model.setFilter(filter);
    if (filter == InteractionFilter())
        model.reload();
    const double changeMs = ms(t) + (rows > 0 ? touch(model, 0) : 0);
    t.restart();
    model.waitForRowOrder();
    const double orderMs = ms(t);
    double worstJump = 0;
    std::mt19937 rng(5);
    for (int k = 0; k < 20 && rows > 0; ++k)
        worstJump = std::max(worstJump, touch(model, int(rng() % unsigned(rows))));
    out << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12\n")
               .arg(label, -24)
               .arg(rows, 9)
               .arg(countMs, 7, 'f', 1)
               .arg(top, 7, 'f', 1)
               .arg(next, 7, 'f', 1)
               .arg(middle, 7, 'f', 1)
               .arg(end, 7, 'f', 1)
               .arg(back, 7, 'f', 1)
               .arg(changeMs, 7, 'f', 1)
               .arg(orderMs, 7, 'f', 1)
               .arg(worstJump, 7, 'f', 2)
               .arg(cpuMs() - cpuStart, 7, 'f', 0);
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QStringLiteral("/tmp/qaw-bench-paging-1m.qaw");
    const int rows = argc > 2 && QString::fromLocal8Bit(argv[2]).toInt() > 0
                         ? QString::fromLocal8Bit(argv[2]).toInt()
                         : 1000000;
    const bool exists = QFileInfo::exists(path);
    Workspace ws;
    if (!ws.open(path, Workspace::OpenMode::CreateIfMissing)) {
        out << "cannot open " << path << ": " << ws.errorMessage() << "\n";
        return 1;
    }
    if (!exists) {
        QElapsedTimer t;
        t.start();
        if (!build(ws, rows)) {
            out << "building the workspace failed\n";
            return 1;
        }
        QSqlQuery(ws.database()).exec(QStringLiteral("ANALYZE"));
        out << "built " << rows << " interactions in " << t.elapsed() / 1000.0 << " s\n";
    }
    if (QCoreApplication::arguments().contains(QStringLiteral("--narrow-indexes"))) {
        QSqlQuery q(ws.database());
        for (const char *column : {"started", "agent", "team", "channel", "queue"})
            q.exec(QStringLiteral("DROP INDEX IF EXISTS interactions_%1").arg(QLatin1String(column)));
        for (const char *sql :
             {"CREATE INDEX interactions_started ON interactions(started_at)",
              "CREATE INDEX interactions_agent ON interactions(agent_id, started_at)",
              "CREATE INDEX interactions_team ON interactions(team_id, started_at)",
              "CREATE INDEX interactions_channel ON interactions(channel, started_at)",
              "CREATE INDEX interactions_queue ON interactions(queue, started_at)"})
            q.exec(QString::fromLatin1(sql));
        q.exec(QStringLiteral("ANALYZE"));
        out << "with the narrow (column, started_at) indexes\n";
    }
    out << "load average at start: " << loadAverage() << "\n";
    out << "times in ms; page = " << InteractionTableModel::kPageSize << " rows. SQL pages only "
           "(no row order): count, then the first touch of rows 0, 256, middle, end, end-256 "
           "(cold in the model's cache, warm in SQLite's). With the row order: change = a "
           "filter/sort change (count + first page), order = the worker reading every id "
           "(wall), jump = the slowest of 20 random jumps afterwards; cpu = process CPU time "
           "(all threads) for the whole case.\n";
    out << "case                     |      rows |   count |   row 0 | row 256 |  middle |     end | end-256 |  change |   order |    jump |     cpu\n";
    InteractionFilter none;
    measure(ws, QStringLiteral("all, newest first"), none, InteractionTableModel::Started,
            Qt::DescendingOrder);
    measure(ws, QStringLiteral("all, by score"), none, InteractionTableModel::Total,
            Qt::AscendingOrder);
    measure(ws, QStringLiteral("all, by agent name"), none, InteractionTableModel::Agent,
            Qt::AscendingOrder);
    measure(ws, QStringLiteral("all, by team name desc"), none, InteractionTableModel::Team,
            Qt::DescendingOrder);
    measure(ws, QStringLiteral("all, by channel"), none, InteractionTableModel::Channel,
            Qt::AscendingOrder);
    measure(ws, QStringLiteral("all, by duration"), none, InteractionTableModel::Duration,
            Qt::DescendingOrder);
    InteractionFilter channel;
    channel.channel = QStringLiteral("chat");
    measure(ws, QStringLiteral("channel = chat"), channel, InteractionTableModel::Started,
            Qt::DescendingOrder);
    InteractionFilter team;
    team.teamId = 2;
    measure(ws, QStringLiteral("team 2"), team, InteractionTableModel::Started, Qt::DescendingOrder);
    InteractionFilter range;
    range.minTotal = 40;
    range.maxTotal = 60;
    measure(ws, QStringLiteral("score 40-60"), range, InteractionTableModel::Started,
            Qt::DescendingOrder);
    InteractionFilter failed;
    failed.autoFailedOnly = true;
    measure(ws, QStringLiteral("auto-failed"), failed, InteractionTableModel::Started,
            Qt::DescendingOrder);
    InteractionFilter flagged;
    flagged.flaggedOnly = true;
    measure(ws, QStringLiteral("flagged"), flagged, InteractionTableModel::Started,
            Qt::DescendingOrder);
    InteractionFilter human;
    human.withHumanOnly = true;
    measure(ws, QStringLiteral("has human evaluation"), human, InteractionTableModel::Started,
            Qt::DescendingOrder);
    InteractionFilter month;
    month.from = QDate(2025, 3, 1);
    month.to = QDate(2025, 3, 31);
    month.channel = QStringLiteral("voice");
    measure(ws, QStringLiteral("March 2025, voice"), month, InteractionTableModel::Started,
            Qt::DescendingOrder);
    measure(ws, QStringLiteral("flagged, by agent"), flagged, InteractionTableModel::Agent,
            Qt::AscendingOrder);
    out << "load average at end: " << loadAverage() << "\n";
    return 0;
}
