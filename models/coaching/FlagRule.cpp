#include "coaching/FlagRule.h"

#include <QJsonArray>
#include <QObject>

namespace qaw {
namespace {

struct KindInfo
{
    FlagRuleKind kind;
    const char *name;
    const char *label;
};

const KindInfo kKinds[] = {
    {FlagRuleKind::TotalBelow, "total_below", "Total below a threshold"},
    {FlagRuleKind::AnyAutoFail, "any_auto_fail", "Any auto-fail"},
    {FlagRuleKind::CriterionFailed, "criterion_failed", "A criterion failed"},
    {FlagRuleKind::RollingAverage, "rolling_average", "Agent's rolling average below a level"},
    {FlagRuleKind::NegativeSentiment, "negative_sentiment",
     "Customer sentiment negative at the end"},
    {FlagRuleKind::BelowTeam, "below_team", "Agent far below the team on a criterion"},
    {FlagRuleKind::AgentPattern, "agent_pattern", "Agent patterns (agent against team)"},
};

double number(const QJsonObject &o, const char *key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

} // namespace

QString FlagRule::kindName(FlagRuleKind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

bool FlagRule::kindFromName(const QString &name, FlagRuleKind *kind)
{
    for (const KindInfo &k : kKinds)
        if (name == QLatin1String(k.name)) {
            *kind = k.kind;
            return true;
        }
    return false;
}

QString FlagRule::kindLabel(FlagRuleKind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return QObject::tr(k.label);
    return {};
}

QString FlagRule::severityLabel(int severity)
{
    switch (severity) {
    case 1:
        return QObject::tr("Low");
    case 2:
        return QObject::tr("Medium");
    case 3:
        return QObject::tr("High");
    case 4:
        return QObject::tr("Critical");
    default:
        return QString::number(severity);
    }
}

std::vector<FlagRuleKind> FlagRule::allKinds()
{
    std::vector<FlagRuleKind> out;
    for (const KindInfo &k : kKinds)
        out.push_back(k.kind);
    return out;
}

QJsonObject FlagRule::defaultParams(FlagRuleKind kind)
{
    switch (kind) {
    case FlagRuleKind::TotalBelow:
        return {{QStringLiteral("threshold"), 60}};
    case FlagRuleKind::AnyAutoFail:
        return {};
    case FlagRuleKind::CriterionFailed:
        return {{QStringLiteral("criterion"), QStringLiteral("verification")}};
    case FlagRuleKind::RollingAverage:
        return {{QStringLiteral("threshold"), 70}, {QStringLiteral("last_n"), 20}};
    case FlagRuleKind::NegativeSentiment:
        return {{QStringLiteral("criterion"), QStringLiteral("customer_sentiment")},
                {QStringLiteral("max_value"), 2}};
    case FlagRuleKind::BelowTeam:
        return {{QStringLiteral("criterion"), QStringLiteral("empathy")},
                {QStringLiteral("points"), 20},
                {QStringLiteral("days"), 30},
                {QStringLiteral("min_n"), 10}};
    case FlagRuleKind::AgentPattern:
        return {{QStringLiteral("weeks"), 4},
                {QStringLiteral("min_gap"), 10},
                {QStringLiteral("fdr"), 0.05},
                {QStringLiteral("min_n"), 10}};
    }
    return {};
}

PatternSettings FlagRule::patternSettings() const
{
    PatternSettings s;
    s.weeks = int(number(params, "weeks", s.weeks));
    s.minGapPoints = number(params, "min_gap", s.minGapPoints);
    s.falseDiscoveryRate = number(params, "fdr", s.falseDiscoveryRate);
    s.minN = int(number(params, "min_n", s.minN));
    for (const QJsonValue &v : params.value(QLatin1String("criteria")).toArray())
        s.criteria << v.toString();
    return s;
}

std::vector<FlagRule> FlagRule::defaults()
{
    auto make = [](const QString &name, FlagRuleKind kind, int severity, QJsonObject params) {
        FlagRule r;
        r.name = name;
        r.kind = kind;
        r.severity = severity;
        r.params = params;
        return r;
    };
    // Interaction items only for single events that matter on their own, judged on
    // calibrated criteria; everything else a supervisor coaches on is an agent pattern.
    auto calibrated = [&](FlagRule r) {
        r.calibratedOnly = true;
        return r;
    };
    return {
        make(QObject::tr("Agent patterns"), FlagRuleKind::AgentPattern, 3,
             defaultParams(FlagRuleKind::AgentPattern)),
        calibrated(make(QObject::tr("Compliance breach"), FlagRuleKind::AnyAutoFail, 4, {})),
        calibrated(make(QObject::tr("Rude or dismissive to the customer"),
                        FlagRuleKind::CriterionFailed, 4,
                        {{QStringLiteral("criterion"), QStringLiteral("professional_tone")}})),
        calibrated(make(QObject::tr("Very low total"), FlagRuleKind::TotalBelow, 2,
                        {{QStringLiteral("threshold"), 40}})),
    };
}

QString FlagRule::criterion() const
{
    switch (kind) {
    case FlagRuleKind::CriterionFailed:
    case FlagRuleKind::BelowTeam:
        return params.value(QLatin1String("criterion")).toString();
    case FlagRuleKind::NegativeSentiment:
        return params.value(QLatin1String("criterion"))
            .toString(QStringLiteral("customer_sentiment"));
    default:
        return {};
    }
}

QString FlagRule::describe() const
{
    switch (kind) {
    case FlagRuleKind::TotalBelow:
        return QObject::tr("Flags an interaction whose automated total is below %1.")
            .arg(number(params, "threshold", 60));
    case FlagRuleKind::AnyAutoFail:
        return QObject::tr("Flags an interaction in which a critical criterion failed "
                           "(auto-fail).");
    case FlagRuleKind::CriterionFailed:
        return QObject::tr("Flags an interaction in which criterion \"%1\" failed.")
            .arg(criterion());
    case FlagRuleKind::RollingAverage: {
        const QString window =
            params.contains(QLatin1String("days"))
                ? QObject::tr("the last %1 days").arg(number(params, "days", 30))
                : QObject::tr("the last %1 scored interactions").arg(number(params, "last_n", 20));
        return QObject::tr("Flags the weakest recent interaction of an agent whose average "
                           "total over %1 is below %2.")
            .arg(window)
            .arg(number(params, "threshold", 70));
    }
    case FlagRuleKind::NegativeSentiment:
        return QObject::tr("Flags an interaction whose customer ends negative: criterion "
                           "\"%1\" scored %2 or less on its 1-5 scale.")
            .arg(criterion())
            .arg(number(params, "max_value", 2));
    case FlagRuleKind::BelowTeam:
        return QObject::tr("Flags the latest failed interaction of an agent whose pass rate on "
                           "\"%1\" over the last %2 days is more than %3 points below the "
                           "team's (at least %4 scored interactions).")
            .arg(criterion())
            .arg(number(params, "days", 30))
            .arg(number(params, "points", 20))
            .arg(number(params, "min_n", 10));
    case FlagRuleKind::AgentPattern:
        return QObject::tr("Finds agents who fail a criterion more often than the rest of "
                           "their team over the last %1 weeks: a gap of at least %2 points "
                           "that holds after controlling the false discovery rate at %3 over "
                           "every agent and criterion (at least %4 confident verdicts each). "
                           "One item per agent and criterion, updated in place.")
            .arg(number(params, "weeks", 4))
            .arg(number(params, "min_gap", 10))
            .arg(number(params, "fdr", 0.05))
            .arg(number(params, "min_n", 10));
    }
    return {};
}

QStringList FlagRule::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << QObject::tr("The rule needs a name.");
    if (severity < kMinSeverity || severity > kMaxSeverity)
        problems << QObject::tr("Severity must be between %1 and %2.")
                        .arg(kMinSeverity)
                        .arg(kMaxSeverity);
    const bool needsCriterion =
        kind == FlagRuleKind::CriterionFailed || kind == FlagRuleKind::BelowTeam;
    if (needsCriterion && criterion().isEmpty())
        problems << QObject::tr("The rule needs a criterion id in its parameters.");
    if (kind == FlagRuleKind::RollingAverage && number(params, "last_n", 1) < 1)
        problems << QObject::tr("last_n must be at least 1.");
    if ((kind == FlagRuleKind::RollingAverage || kind == FlagRuleKind::BelowTeam) &&
        params.contains(QLatin1String("days")) && number(params, "days", 1) < 1)
        problems << QObject::tr("days must be at least 1.");
    if (kind == FlagRuleKind::AgentPattern) {
        const PatternSettings p = patternSettings();
        if (p.weeks < 1 || p.weeks > 26)
            problems << QObject::tr("weeks must be between 1 and 26.");
        if (p.falseDiscoveryRate <= 0 || p.falseDiscoveryRate >= 1)
            problems << QObject::tr("fdr must be between 0 and 1 (for example 0.05).");
        if (p.minN < 1)
            problems << QObject::tr("min_n must be at least 1.");
    }
    return problems;
}

} // namespace qaw
