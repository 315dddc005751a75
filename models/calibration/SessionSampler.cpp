#include "calibration/SessionSampler.h"

#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <random>

namespace qaw {
namespace {

std::vector<qint64> idsOf(const Workspace &ws, const QString &sql)
{
    std::vector<qint64> out;
    QSqlQuery q(ws.database());
    q.setForwardOnly(true);
    if (q.exec(sql))
        while (q.next())
            out.push_back(q.value(0).toLongLong());
    return out;
}

// Unbiased integer in [0, bound) by rejection: std::uniform_int_distribution is not the
// same on every standard library, and a sample must be reproducible from its seed.
quint64 below(std::mt19937_64 &rng, quint64 bound)
{
    const quint64 limit = std::numeric_limits<quint64>::max() -
                          std::numeric_limits<quint64>::max() % bound;
    quint64 x = rng();
    while (x >= limit)
        x = rng();
    return x % bound;
}

// The first \a count of a seeded partial Fisher-Yates shuffle of \a pool.
std::vector<qint64> pick(std::vector<qint64> pool, size_t count, std::mt19937_64 &rng)
{
    count = std::min(count, pool.size());
    for (size_t i = 0; i < count; ++i) {
        const size_t j = i + size_t(below(rng, pool.size() - i));
        std::swap(pool[i], pool[j]);
    }
    pool.resize(count);
    return pool;
}

std::vector<qint64> stratified(std::vector<qint64> ranked, int size, std::mt19937_64 &rng)
{
    const size_t n = ranked.size();
    std::vector<qint64> strata[3];
    for (size_t i = 0; i < n; ++i)
        strata[std::min<size_t>(2, i * 3 / n)].push_back(ranked[i]);
    size_t quota[3] = {size_t(size / 3), size_t(size / 3), size_t(size / 3)};
    for (int r = 0; r < size % 3; ++r)
        ++quota[r];
    std::vector<qint64> out;
    size_t carried = 0;
    for (int s = 0; s < 3; ++s) {
        const size_t want = quota[s] + carried;
        const std::vector<qint64> drawn = pick(strata[s], want, rng);
        carried = want - drawn.size();
        out.insert(out.end(), drawn.begin(), drawn.end());
    }
    // A shortfall in the high third goes back to the lower ones, in order.
    for (int s = 0; s < 3 && carried > 0; ++s) {
        for (qint64 id : strata[s]) {
            if (carried == 0)
                break;
            if (std::find(out.begin(), out.end(), id) == out.end()) {
                out.push_back(id);
                --carried;
            }
        }
    }
    return out;
}

} // namespace

std::vector<qint64> drawSample(const Workspace &ws, const SampleRequest &request,
                               QString *error)
{
    std::mt19937_64 rng(request.seed);
    if (request.size < 1 && request.method != SamplingMethod::HandPicked) {
        *error = QStringLiteral("the sample size must be at least 1");
        return {};
    }
    std::vector<qint64> out;
    switch (request.method) {
    case SamplingMethod::Random:
        out = pick(idsOf(ws, QStringLiteral("SELECT id FROM interactions WHERE auto_total IS "
                                            "NOT NULL ORDER BY id")),
                   size_t(request.size), rng);
        if (out.empty())
            *error = QStringLiteral("no interaction has an automated score yet; score the "
                                    "workspace first or pick interactions by id");
        break;
    case SamplingMethod::Stratified:
        out = stratified(idsOf(ws, QStringLiteral("SELECT id FROM interactions WHERE auto_total "
                                                  "IS NOT NULL ORDER BY auto_total, id")),
                         request.size, rng);
        if (out.empty())
            *error = QStringLiteral("no interaction has an automated score yet; stratifying "
                                    "by automated total needs scored interactions");
        break;
    case SamplingMethod::Flagged:
        out = pick(idsOf(ws, QStringLiteral("SELECT id FROM interactions WHERE flagged = 1 "
                                            "ORDER BY id")),
                   size_t(request.size), rng);
        if (out.empty())
            *error = QStringLiteral("no interaction is flagged");
        break;
    case SamplingMethod::NeedsReview:
        out = pick(idsOf(ws, QStringLiteral("SELECT i.id FROM interactions i JOIN evaluations e "
                                            "ON e.id = i.auto_evaluation_id WHERE "
                                            "e.needs_review > 0 ORDER BY i.id")),
                   size_t(request.size), rng);
        if (out.empty())
            *error = QStringLiteral("no automated verdict needs review: every scored "
                                    "interaction rests on clear evidence (or none is scored yet)");
        break;
    case SamplingMethod::HandPicked: {
        QStringList missing;
        QSqlQuery q(ws.database());
        q.prepare(QStringLiteral("SELECT 1 FROM interactions WHERE id = ?"));
        for (qint64 id : request.ids) {
            if (std::find(out.begin(), out.end(), id) != out.end())
                continue;
            q.addBindValue(id);
            if (q.exec() && q.next())
                out.push_back(id);
            else
                missing << QString::number(id);
        }
        if (!missing.isEmpty()) {
            *error = QStringLiteral("no interaction with id %1").arg(missing.join(QStringLiteral(", ")));
            return {};
        }
        if (out.empty())
            *error = QStringLiteral("no interactions were picked");
        break;
    }
    }
    return out;
}

} // namespace qaw
