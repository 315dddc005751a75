// Scores demo interactions with the default scorecard and prints interactions per
// second: the read, the scoring alone (1 and N threads) and the whole engine run
// (read + score + write). Building the demo workspace is not timed.
//   bench_scoring [interactions=100000] [threads=0] [workspace file to reuse]
#include "demo/DemoWorkspace.h"
#include "scoring/ScorecardScorer.h"
#include "scoring/ScoringEngine.h"
#include "scoring/VaderSentiment.h"
#include "storage/InteractionBatchReader.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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
        if (!buildDemoWorkspace(ws, options, &error)) {
            std::fprintf(stderr, "demo: %s\n", qPrintable(error));
            return 1;
        }
        report("building the demo workspace (not scoring)", count, build.elapsed());
    }
    const auto card = ScorecardRepository(ws).active();
    QStringList problems;
    const auto scorer = card ? ScorecardScorer::compile(card->scorecard, &problems) : nullptr;
    if (!scorer) {
        std::fprintf(stderr, "scorecard: %s\n", qPrintable(problems.join(QLatin1Char(' '))));
        return 1;
    }

    // Read and score in memory, chunk by chunk, timing each part on its own; scoring
    // once without the sentiment memo (every turn through VADER) and once with it.
    InteractionBatchReader reader(ws);
    const std::vector<qint64> ids = reader.idsToScore(true);
    qint64 readMs = 0;
    qint64 score1Ms = 0;
    qint64 scoreNMs = 0;
    qint64 noMemoMs = 0;
    double noMemoCpu = 0;
    double readCpu = 0;
    double score1Cpu = 0;
    double scoreNCpu = 0;
    QElapsedTimer t;
    for (size_t begin = 0; begin < ids.size(); begin += 5000) {
        const std::vector<qint64> slice(ids.begin() + qsizetype(begin),
                                        ids.begin() + qsizetype(std::min(ids.size(), begin + 5000)));
        double cpu = cpuSeconds();
        t.start();
        const auto chunk = reader.load(slice);
        readMs += t.elapsed();
        readCpu += cpuSeconds() - cpu;
        cpu = cpuSeconds();
        t.start();
        VaderSentiment::setMemoEnabled(false);
        ScoringEngine::scoreAll(*scorer, chunk, 1);
        VaderSentiment::setMemoEnabled(true);
        noMemoMs += t.elapsed();
        noMemoCpu += cpuSeconds() - cpu;
        cpu = cpuSeconds();
        t.start();
        ScoringEngine::scoreAll(*scorer, chunk, 1);
        score1Ms += t.elapsed();
        score1Cpu += cpuSeconds() - cpu;
        cpu = cpuSeconds();
        t.start();
        ScoringEngine::scoreAll(*scorer, chunk, poolThreads);
        scoreNMs += t.elapsed();
        scoreNCpu += cpuSeconds() - cpu;
    }
    report("reading (one connection)", qint64(ids.size()), readMs, readCpu);
    report("scoring only, 1 thread, no sentiment memo", qint64(ids.size()), noMemoMs, noMemoCpu);
    report("scoring only, 1 thread", qint64(ids.size()), score1Ms, score1Cpu);
    report(qPrintable(QStringLiteral("scoring only, %1 threads").arg(poolThreads)),
           qint64(ids.size()), scoreNMs, scoreNCpu);

    ScoringEngine engine(ws);
    ScoringOptions options;
    options.all = true;
    options.threads = threads;
    const double engineCpu = cpuSeconds();
    const auto summary = engine.run(options, &error);
    if (!summary) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(error));
        return 1;
    }
    report(qPrintable(QStringLiteral("qaw score --all (read+score+write), %1 threads")
                          .arg(poolThreads)),
           summary->scored, summary->elapsedMs, cpuSeconds() - engineCpu);
    std::printf("mean total %.1f, passed %lld, auto-failed %lld\n", summary->meanTotal,
                static_cast<long long>(summary->passed),
                static_cast<long long>(summary->autoFailed));
    return 0;
}
