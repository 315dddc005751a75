// Times the Flagger, the queue query and the effect estimate on a generated workspace.
//   bench_flagger [interactions=20000]
// Prints its figures; never run by CTest.
#include "models/coaching/CoachingFixture.h"

#include "coaching/CoachingQueueQuery.h"
#include "coaching/CoachingSessionStore.h"
#include "coaching/EffectEstimator.h"
#include "coaching/Flagger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace qaw;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 20000;
    test::CoachingFixture f;
    if (!f.init())
        return 1;
    QRandomGenerator random(42);
    std::vector<qint64> agents;
    std::vector<qint64> teams;
    for (int t = 0; t < 4; ++t) {
        teams.push_back(f.team(QStringLiteral("Team %1").arg(t)));
        for (int a = 0; a < 11; ++a)
            agents.push_back(f.agent(QStringLiteral("agt-%1-%2").arg(t).arg(a),
                                     QStringLiteral("Agent %1-%2").arg(t).arg(a), teams.back()));
    }
    QElapsedTimer timer;
    timer.start();
    f.ws.database().transaction();
    const QDate first(2026, 1, 5);
    for (int i = 0; i < n; ++i) {
        const int a = int(random.bounded(int(agents.size())));
        const qint64 id = f.interaction(agents[size_t(a)], teams[size_t(a / 11)],
                                        f.at(first.addDays(random.bounded(180))));
        std::map<std::string, double> values;
        for (const char *c : {"greeting", "verification", "empathy", "resolution", "closing"})
            if (random.bounded(100) < 15)
                values[c] = 0;
        values["customer_sentiment"] = 1 + random.bounded(5);
        f.score(id, values);
    }
    f.ws.database().commit();
    std::printf("setup: %d interactions scored in %.1f s\n", n, timer.elapsed() / 1000.0);

    Flagger flagger(f.ws);
    timer.restart();
    const FlagRunResult r1 = flagger.run();
    const double firstRun = timer.elapsed() / 1000.0;
    timer.restart();
    const FlagRunResult r2 = flagger.run();
    std::printf("flag, first run: %.2f s (%d matches, %d items); re-run: %.2f s (%d new items)\n",
                firstRun, r1.hits, r1.itemsCreated, timer.elapsed() / 1000.0, r2.itemsCreated);

    timer.restart();
    const auto rows = queryCoachingQueue(f.ws, CoachingQueueFilter{}, QDate(2026, 7, 1));
    std::printf("queue query: %zu open items in %.3f s\n", rows.size(), timer.elapsed() / 1000.0);

    QString error;
    CoachingSessionStore sessions(f.ws, QStringLiteral("bench"));
    for (size_t a = 0; a < agents.size(); a += 4)
        sessions.record({-1,
                         agents[a],
                         first.addDays(90),
                         {QStringLiteral("empathy"), QStringLiteral("greeting")},
                         {},
                         {},
                         {},
                         {}},
                        &error);
    timer.restart();
    const auto effects = EffectEstimator(f.ws).estimateAll();
    std::printf("effect: %zu sessions x 2 criteria in %.3f s\n", effects.size(),
                timer.elapsed() / 1000.0);
    return 0;
}
