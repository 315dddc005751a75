#include "analytics/Statistics.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <numeric>

namespace qaw::stats {

double Moments::variance() const
{
    if (n < 2)
        return undefined();
    const double m = sum / double(n);
    // Clamp the rounding error of sum-of-squares arithmetic at zero.
    return std::max(0.0, (sumSquares - double(n) * m * m) / double(n - 1));
}

double t975(double df)
{
    if (!(df > 0) || !std::isfinite(df))
        return df > 0 ? kZ975 : undefined();
    const boost::math::students_t dist(df);
    return boost::math::quantile(dist, 0.975);
}

Interval meanInterval(const Moments &m)
{
    if (m.n < 2)
        return {};
    const double half = t975(double(m.n - 1)) * m.standardDeviation() / std::sqrt(double(m.n));
    return {m.mean() - half, m.mean() + half};
}

Comparison welch(const Moments &a, const Moments &b)
{
    Comparison c;
    if (a.n < 1 || b.n < 1)
        return c;
    c.difference = a.mean() - b.mean();
    if (a.n < 2 || b.n < 2)
        return c;
    const double va = a.variance() / double(a.n);
    const double vb = b.variance() / double(b.n);
    const double se2 = va + vb;
    if (!(se2 > 0))
        return c;
    const double df = se2 * se2 / (va * va / double(a.n - 1) + vb * vb / double(b.n - 1));
    const double half = t975(df) * std::sqrt(se2);
    c.interval = {c.difference - half, c.difference + half};
    return c;
}

Comparison proportionDifference(qint64 successesA, qint64 nA, qint64 successesB, qint64 nB)
{
    Comparison c;
    if (nA < 1 || nB < 1)
        return c;
    const double pa = double(successesA) / double(nA);
    const double pb = double(successesB) / double(nB);
    c.difference = pa - pb;
    const double half = kZ975 * std::sqrt(pa * (1 - pa) / double(nA) + pb * (1 - pb) / double(nB));
    c.interval = {c.difference - half, c.difference + half};
    return c;
}

double pearson(const std::vector<double> &x, const std::vector<double> &y)
{
    const size_t n = std::min(x.size(), y.size());
    if (n < 2)
        return undefined();
    const double mx = std::accumulate(x.begin(), x.begin() + long(n), 0.0) / double(n);
    const double my = std::accumulate(y.begin(), y.begin() + long(n), 0.0) / double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (!(sxx > 0) || !(syy > 0))
        return undefined();
    return sxy / std::sqrt(sxx * syy);
}

double spearman(const std::vector<double> &x, const std::vector<double> &y)
{
    return pearson(averageRanks(x), averageRanks(y));
}

Fit fit(const std::vector<double> &x, const std::vector<double> &y)
{
    Fit f;
    const size_t n = std::min(x.size(), y.size());
    f.n = qint64(n);
    if (n < 2)
        return f;
    const double mx = std::accumulate(x.begin(), x.begin() + long(n), 0.0) / double(n);
    const double my = std::accumulate(y.begin(), y.begin() + long(n), 0.0) / double(n);
    double sxy = 0, sxx = 0;
    for (size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    if (sxx > 0) {
        f.slope = sxy / sxx;
        f.intercept = my - f.slope * mx;
    }
    f.pearson = pearson(x, y);
    f.spearman = spearman(x, y);
    return f;
}

} // namespace qaw::stats
