#include "evaluation/AccuracyEvaluation.h"

#include "scoring/ScorecardScorer.h"

#include <QJsonArray>
#include <QTextStream>

#include <cmath>
#include <limits>
#include <map>

namespace qaw {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
constexpr Verdict kVerdicts[] = {Verdict::Pass, Verdict::Fail, Verdict::NotApplicable};

Verdict verdictOf(const Scorecard &card, const CriterionResult &r)
{
    if (r.na || !r.value)
        return Verdict::NotApplicable;
    const Criterion *c = card.criterion(r.criterionId);
    return c && c->scale.isFail(*r.value) ? Verdict::Fail : Verdict::Pass;
}

CriterionAccuracy &accuracyFor(AccuracyReport *report, std::map<QString, size_t> *index,
                               const QString &criterion)
{
    const auto it = index->find(criterion);
    if (it != index->end())
        return report->criteria[it->second];
    index->emplace(criterion, report->criteria.size());
    report->criteria.push_back(CriterionAccuracy{criterion, {}, 0});
    return report->criteria.back();
}

QString figure(double value)
{
    return std::isnan(value) ? QStringLiteral("  -  ") : QString::number(value, 'f', 3);
}

QJsonValue jsonFigure(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(std::round(value * 10000) / 10000);
}

} // namespace

std::optional<Verdict> verdictFromName(const QString &name)
{
    if (name == QLatin1String("pass"))
        return Verdict::Pass;
    if (name == QLatin1String("fail"))
        return Verdict::Fail;
    if (name == QLatin1String("na"))
        return Verdict::NotApplicable;
    return std::nullopt;
}

QString verdictName(Verdict v)
{
    return v == Verdict::Pass ? QStringLiteral("pass")
                              : v == Verdict::Fail ? QStringLiteral("fail") : QStringLiteral("na");
}

int CriterionAccuracy::total() const
{
    int n = 0;
    for (Verdict v : kVerdicts)
        n += truly(v);
    return n;
}

int CriterionAccuracy::truly(Verdict v) const
{
    const int *row = counts[int(v)];
    return row[0] + row[1] + row[2];
}

int CriterionAccuracy::given(Verdict v) const
{
    return counts[0][int(v)] + counts[1][int(v)] + counts[2][int(v)];
}

double CriterionAccuracy::recall(Verdict v) const
{
    const int n = truly(v);
    return n == 0 ? kUndefined : double(counts[int(v)][int(v)]) / n;
}

double CriterionAccuracy::precision(Verdict v) const
{
    const int n = given(v);
    return n == 0 ? kUndefined : double(counts[int(v)][int(v)]) / n;
}

double CriterionAccuracy::balancedAccuracy() const
{
    double sum = 0;
    int classes = 0;
    for (Verdict v : kVerdicts) {
        if (truly(v) == 0)
            continue;
        sum += recall(v);
        ++classes;
    }
    return classes == 0 ? kUndefined : sum / classes;
}

const CriterionAccuracy *AccuracyReport::criterion(const QString &id) const
{
    for (const CriterionAccuracy &c : criteria)
        if (c.criterion == id)
            return &c;
    return nullptr;
}

AccuracyReport evaluateUtterances(const ScorecardScorer &scorer,
                                  const std::vector<LabelledUtterance> &utterances)
{
    AccuracyReport report;
    std::map<QString, size_t> index;
    for (const QString &c : utteranceCriteria())
        accuracyFor(&report, &index, c);
    for (const LabelledUtterance &u : utterances) {
        const Evaluation e = scorer.score(callAround(u));
        const CriterionResult *r = e.criterion(scorecardCriterionFor(u.criterion));
        if (!r)
            continue;
        const Verdict truth = *verdictFromName(expectedVerdict(u));
        const Verdict given = verdictOf(scorer.scorecard(), *r);
        CriterionAccuracy &a = accuracyFor(&report, &index, u.criterion);
        a.add(truth, given);
        a.weak += r->needsReview() ? 1 : 0;
        ++report.items;
        if (truth != given)
            report.mistakes << QStringLiteral("%1:%2\t%3\texpected %4, gave %5\t[%6] %7 (%8)")
                                   .arg(u.source.section(QLatin1Char('/'), -1))
                                   .arg(u.line)
                                   .arg(u.criterion, verdictName(truth), verdictName(given), u.style,
                                        u.text, r->rationale);
    }
    return report;
}

AccuracyReport evaluateInteractions(const ScorecardScorer &scorer,
                                    const std::vector<LabelledInteraction> &interactions)
{
    AccuracyReport report;
    std::map<QString, size_t> index;
    const Scorecard &card = scorer.scorecard();
    for (const LabelledInteraction &li : interactions) {
        const Evaluation e = scorer.score(li.stored);
        ++report.items;
        bool criticalTrulyFailed = false;
        for (auto it = li.expected.begin(); it != li.expected.end(); ++it) {
            const CriterionResult *r = e.criterion(it.key());
            const std::optional<Verdict> truth = verdictFromName(it.value());
            if (!r || !truth)
                continue;
            const Criterion *c = card.criterion(it.key());
            if (c && c->autoFail != AutoFail::None && *truth == Verdict::Fail)
                criticalTrulyFailed = true;
            const Verdict given = verdictOf(card, *r);
            CriterionAccuracy &a = accuracyFor(&report, &index, it.key());
            a.add(*truth, given);
            a.weak += r->needsReview() ? 1 : 0;
            if (*truth != given)
                report.mistakes << QStringLiteral("%1\t%2\texpected %3, gave %4 (%5)\t%6")
                                       .arg(li.stored.interaction.externalId, it.key(),
                                            verdictName(*truth), verdictName(given),
                                            confidenceName(r->confidence), r->rationale);
        }
        report.trulyAutoFailed += criticalTrulyFailed ? 1 : 0;
        report.autoFailed += e.autoFailed ? 1 : 0;
        report.falselyAutoFailed += e.autoFailed && !criticalTrulyFailed ? 1 : 0;
    }
    return report;
}

QString formatAccuracy(const AccuracyReport &report, const QString &title)
{
    QString out;
    QTextStream s(&out);
    s << title << " (" << report.items << " items)\n";
    s << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
             .arg(QStringLiteral("criterion"), -18)
             .arg(QStringLiteral("n"), 5)
             .arg(QStringLiteral("bal.acc"), 7)
             .arg(QStringLiteral("P(pass)"), 7)
             .arg(QStringLiteral("R(pass)"), 7)
             .arg(QStringLiteral("P(fail)"), 7)
             .arg(QStringLiteral("R(fail)"), 7)
             .arg(QStringLiteral("R(na)"), 7)
             .arg(QStringLiteral("weak"), 5);
    for (const CriterionAccuracy &c : report.criteria) {
        if (c.total() == 0)
            continue;
        s << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                 .arg(c.criterion, -18)
                 .arg(c.total(), 5)
                 .arg(figure(c.balancedAccuracy()), 7)
                 .arg(figure(c.precision(Verdict::Pass)), 7)
                 .arg(figure(c.recall(Verdict::Pass)), 7)
                 .arg(figure(c.precision(Verdict::Fail)), 7)
                 .arg(figure(c.recall(Verdict::Fail)), 7)
                 .arg(figure(c.recall(Verdict::NotApplicable)), 7)
                 .arg(c.weak, 5);
    }
    if (report.autoFailed > 0 || report.trulyAutoFailed > 0)
        s << QStringLiteral("auto-failed: %1 of %2, of which %3 without a true auto-fail "
                            "violation (%4%)\n")
                 .arg(report.autoFailed)
                 .arg(report.items)
                 .arg(report.falselyAutoFailed)
                 .arg(report.items ? 100.0 * report.falselyAutoFailed / report.items : 0.0, 0, 'f', 2);
    return out;
}

QJsonObject accuracyToJson(const AccuracyReport &report)
{
    QJsonArray criteria;
    for (const CriterionAccuracy &c : report.criteria) {
        if (c.total() == 0)
            continue;
        criteria.append(QJsonObject{
            {QStringLiteral("criterion"), c.criterion},
            {QStringLiteral("n"), c.total()},
            {QStringLiteral("balanced_accuracy"), jsonFigure(c.balancedAccuracy())},
            {QStringLiteral("precision_pass"), jsonFigure(c.precision(Verdict::Pass))},
            {QStringLiteral("recall_pass"), jsonFigure(c.recall(Verdict::Pass))},
            {QStringLiteral("precision_fail"), jsonFigure(c.precision(Verdict::Fail))},
            {QStringLiteral("recall_fail"), jsonFigure(c.recall(Verdict::Fail))},
            {QStringLiteral("recall_na"), jsonFigure(c.recall(Verdict::NotApplicable))},
            {QStringLiteral("weak"), c.weak}});
    }
    return QJsonObject{{QStringLiteral("items"), report.items},
                       {QStringLiteral("auto_failed"), report.autoFailed},
                       {QStringLiteral("falsely_auto_failed"), report.falselyAutoFailed},
                       {QStringLiteral("criteria"), criteria}};
}

} // namespace qaw
