#include "stats/IntraclassCorrelation.h"

#include <cmath>
#include <vector>

namespace qaw {

QString iccFormName(IccForm form)
{
    switch (form) {
    case IccForm::Icc1_1:
        return QStringLiteral("ICC(1,1)");
    case IccForm::Icc2_1:
        return QStringLiteral("ICC(2,1)");
    case IccForm::Icc3_1:
        return QStringLiteral("ICC(3,1)");
    case IccForm::Icc1_k:
        return QStringLiteral("ICC(1,k)");
    case IccForm::Icc2_k:
        return QStringLiteral("ICC(2,k)");
    case IccForm::Icc3_k:
        return QStringLiteral("ICC(3,k)");
    }
    return QString();
}

IccMeanSquares iccMeanSquares(const RatingMatrix &m)
{
    IccMeanSquares ms;
    ms.raters = m.raterCount();
    std::vector<int> complete;
    for (int item = 0; item < m.itemCount(); ++item) {
        if (m.isComplete(item))
            complete.push_back(item);
    }
    ms.targets = int(complete.size());
    const int n = ms.targets;
    const int k = ms.raters;
    if (n < 1 || k < 1)
        return ms;

    double grand = 0.0;
    std::vector<double> targetMeans(size_t(n), 0.0);
    std::vector<double> raterMeans(size_t(k), 0.0);
    for (int t = 0; t < n; ++t) {
        for (int r = 0; r < k; ++r) {
            const double x = *m.rating(complete[size_t(t)], r);
            targetMeans[size_t(t)] += x / k;
            raterMeans[size_t(r)] += x / n;
            grand += x / (double(n) * k);
        }
    }
    double ssTotal = 0.0;
    for (int t = 0; t < n; ++t) {
        for (int r = 0; r < k; ++r) {
            const double d = *m.rating(complete[size_t(t)], r) - grand;
            ssTotal += d * d;
        }
    }
    double ssTargets = 0.0;
    for (double mean : targetMeans)
        ssTargets += k * (mean - grand) * (mean - grand);
    double ssRaters = 0.0;
    for (double mean : raterMeans)
        ssRaters += n * (mean - grand) * (mean - grand);
    const double ssResidual = ssTotal - ssTargets - ssRaters;
    if (n > 1)
        ms.betweenTargets = ssTargets / (n - 1);
    if (k > 1) {
        ms.betweenRaters = ssRaters / (k - 1);
        ms.withinTargets = (ssTotal - ssTargets) / (double(n) * (k - 1));
    }
    if (n > 1 && k > 1)
        ms.residual = ssResidual / (double(n - 1) * (k - 1));
    return ms;
}

StatValue intraclassCorrelation(const IccMeanSquares &ms, IccForm form)
{
    if (ms.raters < 2)
        return StatValue::undefined(QStringLiteral("fewer than two raters"));
    if (ms.targets < 2)
        return StatValue::undefined(
            QStringLiteral("fewer than two items rated by every rater (items with a missing "
                           "rating are left out)"));
    const double n = ms.targets;
    const double k = ms.raters;
    const double bms = ms.betweenTargets;
    const double wms = ms.withinTargets;
    const double jms = ms.betweenRaters;
    const double ems = ms.residual;
    double numerator = 0.0;
    double denominator = 0.0;
    switch (form) { // Shrout & Fleiss (1979), equations for the six forms
    case IccForm::Icc1_1:
        numerator = bms - wms;
        denominator = bms + (k - 1.0) * wms;
        break;
    case IccForm::Icc2_1:
        numerator = bms - ems;
        denominator = bms + (k - 1.0) * ems + k * (jms - ems) / n;
        break;
    case IccForm::Icc3_1:
        numerator = bms - ems;
        denominator = bms + (k - 1.0) * ems;
        break;
    case IccForm::Icc1_k:
        numerator = bms - wms;
        denominator = bms;
        break;
    case IccForm::Icc2_k:
        numerator = bms - ems;
        denominator = bms + (jms - ems) / n;
        break;
    case IccForm::Icc3_k:
        numerator = bms - ems;
        denominator = bms;
        break;
    }
    if (std::abs(denominator) < 1e-12)
        return StatValue::undefined(
            QStringLiteral("the denominator is zero: the items' mean ratings do not vary"));
    return StatValue::defined(numerator / denominator);
}

StatValue intraclassCorrelation(const RatingMatrix &m, IccForm form)
{
    return intraclassCorrelation(iccMeanSquares(m), form);
}

} // namespace qaw
