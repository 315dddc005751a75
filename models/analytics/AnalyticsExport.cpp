#include "analytics/AnalyticsExport.h"

#include "io/CsvWriter.h"

#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace qaw::analyticsExport {
namespace {

QJsonValue jsonNumber(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

// Every cell through the shared writer: criterion names and ids come from scorecards
// people edit, so they are quoted and neutralised like any other exported text.
QString line(const QStringList &cells)
{
    return CsvWriter::line(cells);
}

QString date(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

QString csvNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 10) : QString();
}

QJsonArray trendJson(const std::vector<TrendPoint> &points)
{
    QJsonArray out;
    for (const TrendPoint &p : points)
        out.append(QJsonObject{{QStringLiteral("bucket"), date(p.bucket)},
                               {QStringLiteral("n"), p.n},
                               {QStringLiteral("mean"), jsonNumber(p.mean)},
                               {QStringLiteral("sd"), jsonNumber(p.sd)},
                               {QStringLiteral("ci_low"), jsonNumber(p.ciLow)},
                               {QStringLiteral("ci_high"), jsonNumber(p.ciHigh)}});
    return out;
}

QString trendCsv(const std::vector<TrendPoint> &points)
{
    QString out = line({QStringLiteral("bucket"), QStringLiteral("n"), QStringLiteral("mean"),
                        QStringLiteral("sd"), QStringLiteral("ci_low"), QStringLiteral("ci_high")});
    for (const TrendPoint &p : points)
        out += line({date(p.bucket), QString::number(p.n), csvNumber(p.mean), csvNumber(p.sd),
                     csvNumber(p.ciLow), csvNumber(p.ciHigh)});
    return out;
}

QJsonArray criterionJson(const QString &criterionId, const std::vector<CriterionPoint> &points)
{
    QJsonArray out;
    for (const CriterionPoint &p : points)
        out.append(QJsonObject{{QStringLiteral("bucket"), date(p.bucket)},
                               {QStringLiteral("criterion_id"), criterionId},
                               {QStringLiteral("n"), p.n},
                               {QStringLiteral("passed"), p.passed},
                               {QStringLiteral("pass_rate"), jsonNumber(p.passRate)},
                               {QStringLiteral("mean"), jsonNumber(p.passRate)},
                               {QStringLiteral("mean_normalised"), jsonNumber(p.meanNormalised)}});
    return out;
}

QString criterionCsv(const std::map<QString, std::vector<CriterionPoint>> &byCriterion)
{
    QString out = line({QStringLiteral("bucket"), QStringLiteral("criterion_id"),
                        QStringLiteral("n"), QStringLiteral("passed"), QStringLiteral("pass_rate"),
                        QStringLiteral("mean_normalised")});
    for (const auto &[id, points] : byCriterion)
        for (const CriterionPoint &p : points)
            out +=
                line({date(p.bucket), id, QString::number(p.n), QString::number(p.passed),
                      csvNumber(p.passRate), csvNumber(p.meanNormalised)});
    return out;
}

QJsonArray driversJson(const std::vector<DriverRow> &rows, Outcome outcome)
{
    QJsonArray out;
    int rank = 0;
    for (const DriverRow &r : rows)
        out.append(QJsonObject{{QStringLiteral("rank"), ++rank},
                               {QStringLiteral("criterion_id"), r.criterionId},
                               {QStringLiteral("criterion"), r.criterionName},
                               {QStringLiteral("outcome"), outcomeName(outcome)},
                               {QStringLiteral("n_pass"), r.nPass},
                               {QStringLiteral("n_fail"), r.nFail},
                               {QStringLiteral("outcome_pass"), jsonNumber(r.outcomePass)},
                               {QStringLiteral("outcome_fail"), jsonNumber(r.outcomeFail)},
                               {QStringLiteral("difference"), jsonNumber(r.difference)},
                               {QStringLiteral("ci_low"), jsonNumber(r.ciLow)},
                               {QStringLiteral("ci_high"), jsonNumber(r.ciHigh)},
                               {QStringLiteral("significant"), r.significant()},
                               {QStringLiteral("too_few_to_say"), r.tooFewToSay}});
    return out;
}

QString driversCsv(const std::vector<DriverRow> &rows, Outcome outcome)
{
    QString out =
        line({QStringLiteral("rank"), QStringLiteral("criterion_id"), QStringLiteral("criterion"),
              QStringLiteral("outcome"), QStringLiteral("n_pass"), QStringLiteral("n_fail"),
              QStringLiteral("outcome_pass"), QStringLiteral("outcome_fail"),
              QStringLiteral("difference"), QStringLiteral("ci_low"), QStringLiteral("ci_high"),
              QStringLiteral("significant"), QStringLiteral("too_few_to_say")});
    int rank = 0;
    for (const DriverRow &r : rows)
        out += line({QString::number(++rank), r.criterionId, r.criterionName,
                     outcomeName(outcome), QString::number(r.nPass), QString::number(r.nFail),
                     csvNumber(r.outcomePass), csvNumber(r.outcomeFail), csvNumber(r.difference),
                     csvNumber(r.ciLow), csvNumber(r.ciHigh),
                     r.significant() ? QStringLiteral("1") : QStringLiteral("0"),
                     r.tooFewToSay ? QStringLiteral("1") : QStringLiteral("0")});
    return out;
}

QString histogramCsv(const std::vector<HistogramBin> &bins)
{
    QString out = line({QStringLiteral("lower"), QStringLiteral("upper"), QStringLiteral("n")});
    for (const HistogramBin &b : bins)
        out += line({csvNumber(b.lower), csvNumber(b.upper), QString::number(b.count)});
    return out;
}

QString heatMapCsv(const std::vector<HeatCell> &cells)
{
    QString out =
        line({QStringLiteral("agent"), QStringLiteral("criterion_id"), QStringLiteral("n"),
              QStringLiteral("passed"), QStringLiteral("pass_rate")});
    for (const HeatCell &c : cells)
        out += line({c.agentName, c.criterionId, QString::number(c.n),
                     QString::number(c.passed), csvNumber(c.passRate)});
    return out;
}

QString autoVsHumanCsv(const std::vector<AutoVsHumanPoint> &points)
{
    QString out =
        line({QStringLiteral("bucket"), QStringLiteral("n_auto"), QStringLiteral("mean_auto"),
              QStringLiteral("n_human"), QStringLiteral("mean_human")});
    for (const AutoVsHumanPoint &p : points)
        out += line({date(p.automated.bucket), QString::number(p.automated.n),
                     csvNumber(p.automated.mean), QString::number(p.human.n),
                     csvNumber(p.human.mean)});
    return out;
}

QString scatterCsv(const Scatter &scatter)
{
    QString out = line({QStringLiteral("agent_id"), QStringLiteral("week"), QStringLiteral("n"),
                        QStringLiteral("mean_total"), QStringLiteral("mean_csat")});
    for (const ScatterPoint &p : scatter.points)
        out += line({QString::number(p.agentId), date(p.week), QString::number(p.n),
                     csvNumber(p.total), csvNumber(p.csat)});
    return out;
}

} // namespace qaw::analyticsExport
