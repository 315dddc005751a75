#pragma once

#include "coaching/AgentPatterns.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace qaw {

//! What a flag rule looks at. Stored in flag_rules.kind by name (see kindName()).
enum class FlagRuleKind {
    TotalBelow,        //!< {"threshold": 60}: the automated total is below the threshold
    AnyAutoFail,       //!< {}: a critical criterion failed the evaluation
    CriterionFailed,   //!< {"criterion": "verification"}: that criterion failed
    RollingAverage,    //!< {"threshold": 70, "last_n": 20} or {"threshold": 70, "days": 30}
    NegativeSentiment, //!< {"criterion": "customer_sentiment", "max_value": 2}
    BelowTeam,         //!< {"criterion": "empathy", "points": 20, "days": 30, "min_n": 10}
    AgentPattern,      //!< {"weeks": 4, "min_gap": 10, "fdr": 0.05, "min_n": 10}: every
                       //!< criterion (or "criteria": [...]); see coaching/AgentPatterns.h
};

//! Severity 1 (low) to 4 (critical); the priority of the items a rule makes grows with it.
inline constexpr int kMinSeverity = 1;
inline constexpr int kMaxSeverity = 4;

//! One rule of the coaching queue, as stored in the flag_rules table (params as JSON).
struct FlagRule
{
    qint64 id = -1;
    QString name;
    FlagRuleKind kind = FlagRuleKind::TotalBelow;
    QJsonObject params;
    int severity = 2;
    bool calibratedOnly = false;
    bool enabled = true;

    //! The criterion the rule is about, or empty for rules on the whole total.
    QString criterion() const;
    //! A sentence saying what the rule flags, for the editor and the item detail.
    QString describe() const;
    //! Problems that stop the rule from being saved (empty when valid).
    QStringList validate() const;

    static QString kindName(FlagRuleKind kind);
    static bool kindFromName(const QString &name, FlagRuleKind *kind);
    static QString kindLabel(FlagRuleKind kind);
    static QString severityLabel(int severity);
    static std::vector<FlagRuleKind> allKinds();
    //! The parameters a new rule of \a kind starts with.
    static QJsonObject defaultParams(FlagRuleKind kind);
    //! The rules a workspace gets when it has none.
    static std::vector<FlagRule> defaults();
    //! The pattern rule's parameters as settings (defaults for what is missing).
    PatternSettings patternSettings() const;
};

} // namespace qaw
