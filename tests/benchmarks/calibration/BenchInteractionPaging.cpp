// How the Interactions table pages at contact-centre scale: the row count and pages at
// the top, the middle and the end of 1,000,000 interactions, unfiltered, filtered and
// sorted. Prints its figures; never run by CTest.
//
//   bench_interaction_paging [WORKSPACE] [ROWS] [--proposed-indexes]
// --proposed-indexes first adds to the benchmark workspace (only) the partial indexes
// docs/calibration.md proposes for a schema migration, to measure what they would buy.
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

void measure(Workspace &ws, const QString &label, const InteractionFilter &filter, int sortColumn,
             Qt::SortOrder order)
{
    InteractionTableModel model;
    QElapsedTimer t;
    t.start();
    model.setWorkspace(&ws);
    model.sort(sortColumn, order);
    model.setFilter(filter);
    const double countMs = ms(t);
    const int rows = model.rowCount();
    auto touch = [&](int row) {
        QElapsedTimer p;
        p.start();
        model.index(row, InteractionTableModel::Total).data();
        return ms(p);
    };
    const double top = rows > 0 ? touch(0) : 0;
    const double next = rows > InteractionTableModel::kPageSize ? touch(InteractionTableModel::kPageSize) : 0;
    const double middle = rows > 0 ? touch(rows / 2) : 0;
    const double end = rows > 0 ? touch(rows - 1) : 0;
    const double back = rows > 0 ? touch(rows - 1 - InteractionTableModel::kPageSize) : 0;
    out << QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8\n")
               .arg(label, -34)
               .arg(rows, 9)
               .arg(countMs, 8, 'f', 1)
               .arg(top, 7, 'f', 1)
               .arg(next, 7, 'f', 1)
               .arg(middle, 8, 'f', 1)
               .arg(end, 7, 'f', 1)
               .arg(back, 7, 'f', 1);
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
    if (QCoreApplication::arguments().contains(QStringLiteral("--proposed-indexes"))) {
        QSqlQuery q(ws.database());
        for (const char *sql :
             {"CREATE INDEX IF NOT EXISTS interactions_flagged ON interactions(started_at) WHERE flagged = 1",
              "CREATE INDEX IF NOT EXISTS interactions_auto_failed ON interactions(started_at) WHERE auto_failed = 1",
              "CREATE INDEX IF NOT EXISTS interactions_has_human ON interactions(started_at) WHERE has_human = 1"})
            q.exec(QString::fromLatin1(sql));
        q.exec(QStringLiteral("ANALYZE"));
        out << "with the proposed partial indexes\n";
    }
    out << "times in ms; page = " << InteractionTableModel::kPageSize << " rows; each figure is "
           "the first touch of that page (cold in the model's cache, warm in SQLite's)\n";
    out << "case                               |      rows |    count |  row 0 | row 256 | middle |   end | end-256\n";
    InteractionFilter none;
    measure(ws, QStringLiteral("all, newest first"), none, InteractionTableModel::Started,
            Qt::DescendingOrder);
    measure(ws, QStringLiteral("all, by score"), none, InteractionTableModel::Total,
            Qt::AscendingOrder);
    measure(ws, QStringLiteral("all, by agent name"), none, InteractionTableModel::Agent,
            Qt::AscendingOrder);
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
    return 0;
}
