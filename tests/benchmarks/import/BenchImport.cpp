// Import speed and memory. Not run by CTest: run it by hand (docs/import-benchmark.md).
//   bench_import [--interactions N] [--dir D] [--parse-only]   100,000 by default, and
//                                       the sqlite3 shell's .import of the same data
//   bench_import --large-mb M [--dir D]                         peak memory on an M MB file
#include "demo/DemoGenerator.h"
#include "demo/DemoWorkspace.h"
#include "domain/InteractionJson.h"
#include "import/ImportBatches.h"
#include "import/Importer.h"
#include "import/JsonlRecordReader.h"
#include "io/CsvWriter.h"
#include "storage/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

#include <sys/resource.h>

using namespace qaw;

namespace {

QString peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    return QStringLiteral("?");
}

// CPU seconds (user + system) of this process or of its finished children: on a shared
// machine wall-clock time says more about the neighbours than about the code.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The 1, 5 and 15 minute load averages: with other work on the machine wall time grows.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

QString csv(const QString &value)
{
    return CsvWriter::cell(value);
}

// The same interactions and turns as two plain CSV files, for the sqlite3 baseline.
void writeBaselineCsv(const QString &dir, int count)
{
    QFile interactions(dir + QStringLiteral("/interactions.csv"));
    QFile turns(dir + QStringLiteral("/turns.csv"));
    interactions.open(QIODevice::WriteOnly);
    turns.open(QIODevice::WriteOnly);
    DemoGenerator generator(42, count);
    qint64 id = 0;
    generator.generate([&](const Interaction &in) {
        ++id;
        interactions.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                               .arg(id)
                               .arg(csv(in.externalId), in.channel)
                               .arg(in.startedAt.toMSecsSinceEpoch())
                               .arg(in.durationMs)
                               .arg(csv(in.agentId), csv(in.customerId), csv(in.queue))
                               .arg(in.csat ? QString::number(*in.csat) : QString())
                               .toUtf8());
        int seq = 0;
        for (const Turn &t : in.turns)
            turns.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                            .arg(id)
                            .arg(seq++)
                            .arg(speakerName(t.speaker), csv(t.text))
                            .arg(t.startMs)
                            .arg(t.endMs)
                            .arg(t.atMs)
                            .toUtf8());
    });
}

double timeSqliteImport(const QString &dir, double *cpu)
{
    QFile::remove(dir + QStringLiteral("/baseline.db"));
    const QString script = QStringLiteral(
        "CREATE TABLE interactions(id INTEGER, external_id TEXT, channel TEXT, started_at "
        "INTEGER, duration_ms INTEGER, agent TEXT, customer TEXT, queue TEXT, csat INTEGER);\n"
        "CREATE TABLE turns(interaction_id INTEGER, seq INTEGER, speaker TEXT, text TEXT, "
        "start_ms INTEGER, end_ms INTEGER, at INTEGER);\n"
        ".mode csv\n.import %1/interactions.csv interactions\n.import %1/turns.csv turns\n")
                               .arg(dir);
    QProcess sqlite;
    QElapsedTimer timer;
    timer.start();
    sqlite.start(QStringLiteral("sqlite3"), {dir + QStringLiteral("/baseline.db")});
    if (!sqlite.waitForStarted()) {
        say(QStringLiteral("sqlite3 shell not found: no baseline"));
        return -1;
    }
    sqlite.write(script.toUtf8());
    sqlite.closeWriteChannel();
    const double childrenBefore = cpuSeconds(RUSAGE_CHILDREN);
    sqlite.waitForFinished(-1);
    *cpu = cpuSeconds(RUSAGE_CHILDREN) - childrenBefore;
    return double(timer.elapsed()) / 1000.0;
}

// Grows a JSON Lines file to \a megabytes by repeating the demo data under new ids.
void writeLargeJsonl(const QString &path, qint64 megabytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    DemoGenerator generator(7, 20000);
    std::vector<Interaction> sample;
    generator.generate([&](const Interaction &in) { sample.push_back(in); });
    qint64 n = 0;
    while (file.size() < megabytes * 1000000) {
        for (Interaction in : sample) {
            in.externalId = QStringLiteral("big-%1").arg(++n);
            file.write(interactionToJsonLine(in));
        }
    }
}

// Runs the ';'-separated statements of \a sql on the new workspace before the import:
// "what if the schema were different" experiments without a migration, e.g. narrower
// indexes (docs/import-benchmark.md).
bool runSetupSql(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    for (const QString &statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (statement.trimmed().isEmpty())
            continue;
        if (!q.exec(statement)) {
            say(QStringLiteral("--setup-sql failed: %1: %2").arg(statement, q.lastError().text()));
            return false;
        }
    }
    return true;
}

int importFile(const QString &jsonl, const QString &workspacePath, qint64 expected,
               const QString &setupSql = QString(), int chunkSize = 0)
{
    QFile::remove(workspacePath);
    QFile::remove(workspacePath + QStringLiteral("-wal"));
    QFile::remove(workspacePath + QStringLiteral("-shm"));
    Workspace ws;
    if (!ws.open(workspacePath, Workspace::OpenMode::CreateIfMissing)) {
        say(ws.errorMessage());
        return 1;
    }
    if (!setupSql.isEmpty() && !runSetupSql(ws, setupSql))
        return 1;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    // This thread writes to SQLite; the records are read on another (RecordPipeline).
    const double writerBefore = cpuSeconds(RUSAGE_THREAD);
    ImportOptions options;
    if (chunkSize > 0)
        options.chunkSize = chunkSize;
    Importer importer(options);
    const ImportResult result = importer.run({jsonl}, ws);
    // Closing folds what is left in the WAL into the file: part of the import's cost,
    // whichever thread pays it.
    ws.close();
    const double seconds = double(timer.elapsed()) / 1000.0;
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    const double writerCpu = cpuSeconds(RUSAGE_THREAD) - writerBefore;
    const qint64 imported = result.total(&FileImportResult::imported);
    say(QStringLiteral("qaw import: %1 interactions (%2 rejected) in %3 s (CPU %7 s) = %4 "
                       "interactions/s; file %5 MB; peak memory (VmHWM) %6")
            .arg(imported)
            .arg(result.total(&FileImportResult::rejected))
            .arg(seconds, 0, 'f', 2)
            .arg(double(imported) / seconds, 0, 'f', 0)
            .arg(QFileInfo(jsonl).size() / 1000000)
            .arg(peakMemory())
            .arg(cpu, 0, 'f', 2));
    say(QStringLiteral("  of which the writing thread (SQLite): CPU %1 s; reading, checking, "
                       "redacting and hashing on the other threads: CPU %2 s")
            .arg(writerCpu, 0, 'f', 2)
            .arg(cpu - writerCpu, 0, 'f', 2));
    return expected < 0 || imported == expected ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("interactions"), QStringLiteral("N"), QStringLiteral("N"),
                        QStringLiteral("100000")},
                       {QStringLiteral("dir"), QStringLiteral("work folder"), QStringLiteral("D")},
                       {QStringLiteral("large-mb"), QStringLiteral("memory test file size"),
                        QStringLiteral("M")},
                       {QStringLiteral("parse-only"), QStringLiteral("time reading only")},
                       {QStringLiteral("setup-sql"),
                        QStringLiteral("SQL run on the new workspace before the import"),
                        QStringLiteral("SQL")},
                       {QStringLiteral("chunk"), QStringLiteral("records per transaction"),
                        QStringLiteral("N")},
                       {QStringLiteral("no-baseline"), QStringLiteral("skip the sqlite3 baseline")}});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                            : temp.path();
    QDir().mkpath(dir);

    if (parser.isSet(QStringLiteral("large-mb"))) {
        const QString path = dir + QStringLiteral("/large.jsonl");
        if (!QFileInfo::exists(path))
            writeLargeJsonl(path, parser.value(QStringLiteral("large-mb")).toLongLong());
        return importFile(path, dir + QStringLiteral("/large.qaw"), -1);
    }

    const int count = parser.value(QStringLiteral("interactions")).toInt();
    const QString jsonl = dir + QStringLiteral("/demo-%1.jsonl").arg(count);
    if (!QFileInfo::exists(jsonl)) {
        QString error;
        DemoOptions options;
        options.interactions = count;
        writeDemoJsonl(jsonl, options, &error);
    }
    if (parser.isSet(QStringLiteral("parse-only"))) {
        QFile f(jsonl);
        f.open(QIODevice::ReadOnly);
        JsonlRecordReader reader(&f);
        ParsedRecord r;
        qint64 n = 0;
        QElapsedTimer timer;
        timer.start();
        while (reader.next(r))
            n += r.interaction ? 1 : 0;
        say(QStringLiteral("parse only: %1 interactions in %2 s")
                .arg(n)
                .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));
        return 0;
    }
    say(QStringLiteral("load average before: %1").arg(loadAverage()));
    const int status = importFile(jsonl, dir + QStringLiteral("/bench.qaw"), count,
                                  parser.value(QStringLiteral("setup-sql")),
                                  parser.value(QStringLiteral("chunk")).toInt());
    say(QStringLiteral("load average after: %1").arg(loadAverage()));
    if (parser.isSet(QStringLiteral("no-baseline")))
        return status;
    writeBaselineCsv(dir, count);
    double baselineCpu = 0;
    const double baseline = timeSqliteImport(dir, &baselineCpu);
    if (baseline > 0)
        say(QStringLiteral("sqlite3 .import of the same interactions and turns as CSV into two "
                           "unindexed tables: %1 s (CPU %2 s)")
                .arg(baseline, 0, 'f', 2)
                .arg(baselineCpu, 0, 'f', 2));
    return status;
}
