// Scores demo interactions with the default scorecard and prints interactions per
// second: the read, the scoring alone (1 and N threads), the write alone and the whole
// engine run (read + score + write, overlapped), each with wall and CPU seconds, and the
// load average before and after. Building the demo workspace is not timed.
//   bench_scoring [interactions=100000] [threads=0] [workspace file to reuse] [nomemo|build|-]
//                 [chunk=the engine's default] [repeated|diverse]
// (nomemo: also score once with the sentiment memo off; build: only build the workspace,
// to copy before each run; diverse: build the demo with every turn text unique, as real
// transcripts are; chunk: interactions per read,
// score and write transaction, in the separate steps and in the engine run). Each run adds two automated
// evaluations per interaction to the workspace (the write step and the engine run).
#include "demo/DemoWorkspace.h"
#include "scoring/ScorecardScorer.h"
#include "scoring/ScoringEngine.h"
#include "scoring/VaderSentiment.h"
#include "storage/EvaluationBatchWriter.h"
#include "storage/InteractionBatchReader.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>

using namespace qaw;

namespace {

// CPU time of the whole process, so that the figures can be read on a busy machine.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void report(const char *what, qint64 count, qint64 ms, double cpu = -1)
{
    std::printf("%-48s %7lld interactions %7.2f s wall %9.0f/s", what,
                static_cast<long long>(count), double(ms) / 1000.0,
                ms > 0 ? double(count) * 1000.0 / double(ms) : 0.0);
    if (cpu >= 0)
        std::printf("  (%.2f s CPU)", cpu);
    std::printf("\n");
    std::fflush(stdout);
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("unknown");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args[1].toInt() : 100000;
    const int threads = args.size() > 2 ? args[2].toInt() : 0;
    QTemporaryDir dir;
    const QString path = args.size() > 3 ? args[3] : dir.filePath(QStringLiteral("bench.qaw"));
    const int poolThreads = threads > 0 ? threads : QThread::idealThreadCount();
    const bool noMemoRun = args.size() > 4 && args[4] == QLatin1String("nomemo");
    const bool buildOnly = args.size() > 4 && args[4] == QLatin1String("build");
    const size_t chunkSize = size_t(args.size() > 5 && args[5].toInt() > 0 ? args[5].toInt()
                                                                           : ScoringOptions().chunkSize);
    const bool diverse = args.size() > 6 && args[6] == QLatin1String("diverse");
    std::printf("load average at start: %s\n", loadAverage().constData());

    Workspace ws;
    const bool fresh = !QFile::exists(path);
    if (!ws.open(path, Workspace::OpenMode::CreateIfMissing)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    QString error;
    if (fresh) {
        QElapsedTimer build;
        build.start();
        DemoOptions options;
        options.interactions = count;
        options.uniqueTurns = diverse;
        if (!buildDemoWorkspace(ws, options, &error)) {
            std::fprintf(stderr, "demo: %s\n", qPrintable(error));
            return 1;
        }
        report("building the demo workspace (not scoring)", count, build.elapsed());
    }
    if (buildOnly)
        return 0;
    const auto card = ScorecardRepository(ws).active();
    QStringList problems;
    const auto scorer = card ? ScorecardScorer::compile(card->scorecard, &problems) : nullptr;
    if (!scorer) {
        std::fprintf(stderr, "scorecard: %s\n", qPrintable(problems.join(QLatin1Char(' '))));
        return 1;
    }

    // Read, score and write chunk by chunk, timing each part on its own (the engine
    // run below overlaps them). Optionally score once without the sentiment memo (every
    // turn through VADER) as well.
    InteractionBatchReader reader(ws);
    const std::vector<qint64> ids = reader.idsToScore(true);
    EvaluationBatchWriter writer(ws);
    QSqlDatabase db = ws.database();
    qint64 readMs = 0, score1Ms = 0, scoreNMs = 0, noMemoMs = 0, writeMs = 0;
    double readCpu = 0, score1Cpu = 0, scoreNCpu = 0, noMemoCpu = 0, writeCpu = 0;
    QElapsedTimer t;
    for (size_t begin = 0; begin < ids.size(); begin += chunkSize) {
        const std::vector<qint64> slice(
            ids.begin() + qsizetype(begin),
            ids.begin() + qsizetype(std::min(ids.size(), begin + chunkSize)));
        double cpu = cpuSeconds();
        t.start();
        const auto chunk = reader.load(slice);
        readMs += t.elapsed();
        readCpu += cpuSeconds() - cpu;
        if (noMemoRun) {
            cpu = cpuSeconds();
            t.start();
            VaderSentiment::setMemoEnabled(false);
            ScoringEngine::scoreAll(*scorer, chunk, 1);
            VaderSentiment::setMemoEnabled(true);
            noMemoMs += t.elapsed();
            noMemoCpu += cpuSeconds() - cpu;
        }
        cpu = cpuSeconds();
        t.start();
        ScoringEngine::scoreAll(*scorer, chunk, 1);
        score1Ms += t.elapsed();
        score1Cpu += cpuSeconds() - cpu;
        cpu = cpuSeconds();
        t.start();
        std::vector<Evaluation> scored = ScoringEngine::scoreAll(*scorer, chunk, poolThreads);
        scoreNMs += t.elapsed();
        scoreNCpu += cpuSeconds() - cpu;
        for (Evaluation &e : scored)
            e.scorecardVersionId = card->versionId;
        cpu = cpuSeconds();
        t.start();
        beginWriteTransaction(db);
        if (!writer.write(scored, nowMs()) || !db.commit()) {
            std::fprintf(stderr, "writing: %s %s\n", qPrintable(writer.lastError()),
                         qPrintable(db.lastError().text()));
            return 1;
        }
        writeMs += t.elapsed();
        writeCpu += cpuSeconds() - cpu;
    }
    report("reading (one connection)", qint64(ids.size()), readMs, readCpu);
    if (noMemoRun)
        report("scoring only, 1 thread, no sentiment memo", qint64(ids.size()), noMemoMs,
               noMemoCpu);
    report("scoring only, 1 thread", qint64(ids.size()), score1Ms, score1Cpu);
    report(qPrintable(QStringLiteral("scoring only, %1 threads").arg(poolThreads)),
           qint64(ids.size()), scoreNMs, scoreNCpu);
    report(qPrintable(QStringLiteral("writing only (transactions of %1)").arg(chunkSize)),
           qint64(ids.size()), writeMs, writeCpu);

    ScoringEngine engine(ws);
    ScoringOptions options;
    options.all = true;
    options.threads = threads;
    options.chunkSize = int(chunkSize);
    const double engineCpu = cpuSeconds();
    const auto summary = engine.run(options, &error);
    if (!summary) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(error));
        return 1;
    }
    report(qPrintable(QStringLiteral("qaw score --all (read+score+write), %1 threads")
                          .arg(poolThreads)),
           summary->scored, summary->elapsedMs, cpuSeconds() - engineCpu);
    std::printf("load average at end: %s\n", loadAverage().constData());
    std::printf("mean total %.1f, passed %lld, auto-failed %lld\n", summary->meanTotal,
                static_cast<long long>(summary->passed),
                static_cast<long long>(summary->autoFailed));
    return 0;
}
