// Times computeAgreement (every statistic plus 1000 bootstrap resamples) on synthetic
// calibration-sized data: a 1-5 criterion and a 0-100 total. Prints its own figures.
#include "stats/AgreementReport.h"

#include <QElapsedTimer>

#include <cstdio>
#include <random>

using namespace qaw;

namespace {

//! Raters who agree with a latent true score plus noise; about 5% of ratings missing.
RatingMatrix synthetic(int items, int raters, int lowest, int highest, double noise, unsigned seed)
{
    std::mt19937 engine(seed);
    std::uniform_int_distribution<int> truth(lowest, highest);
    std::normal_distribution<double> error(0.0, noise);
    std::bernoulli_distribution missing(0.05);
    QStringList names;
    for (int r = 0; r < raters; ++r)
        names.append(QStringLiteral("rater %1").arg(r + 1));
    RatingMatrix m(items, names);
    for (int i = 0; i < items; ++i) {
        const int t = truth(engine);
        for (int r = 0; r < raters; ++r) {
            if (missing(engine))
                continue;
            const long v = std::lround(t + error(engine));
            m.setRating(i, r, double(std::clamp<long>(v, lowest, highest)));
        }
    }
    return m;
}

void time(const char *label, const RatingMatrix &m, const QList<double> &scale)
{
    AgreementOptions options;
    options.categories = scale;
    QElapsedTimer timer;
    timer.start();
    const AgreementReport r = computeAgreement(m, options);
    const qint64 ms = timer.elapsed();
    std::printf("%-34s %5d items x %d raters, %d resamples: %6lld ms  (alpha ordinal %.3f "
                "[%.3f, %.3f])\n",
                label, m.itemCount(), m.raterCount(), options.bootstrap.resamples,
                static_cast<long long>(ms), r.alphaOrdinal.value.value_or(-9),
                r.alphaOrdinalCi.lower.value_or(-9), r.alphaOrdinalCi.upper.value_or(-9));
}

} // namespace

int main()
{
    time("criterion 1-5, calibration session", synthetic(30, 4, 1, 5, 0.6, 1), {1, 2, 3, 4, 5});
    time("criterion 1-5, large", synthetic(1000, 4, 1, 5, 0.6, 2), {1, 2, 3, 4, 5});
    time("total 0-100, calibration session", synthetic(30, 4, 0, 100, 6.0, 3), {});
    time("total 0-100, large", synthetic(1000, 4, 0, 100, 6.0, 4), {});
    return 0;
}
