#pragma once

#include "coaching/CoachingItemWriter.h"
#include "coaching/CriterionScales.h"
#include "coaching/FlagRule.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace qaw {

class Workspace;

struct FlagRunResult
{
    bool ok = true;
    QString error;
    int rulesRun = 0;
    int hits = 0;         //!< interactions the rules matched
    int itemsCreated = 0; //!< new open items, interaction and pattern items alike
    int itemsMerged = 0;  //!< matches whose reason joined the interaction's open item
    int patternsOpened = 0, patternsUpdated = 0, patternsClosed = 0;
    int overBudget = 0;   //!< new items the weekly budget could not take (counted per week)
    int beforeHorizon = 0; //!< matched interactions older than the queue's horizon
    QStringList skipped;  //!< rules held back, each with why (e.g. criterion not calibrated)
};

//! Runs the enabled flag rules over the scored interactions and fills the coaching
//! queue through CoachingItemWriter: one open item per interaction with every rule's
//! reason merged, one pattern item per agent and criterion (the AgentPattern rule), and
//! at most the weekly budget of open items per agent and week. Run it after every
//! scoring run and on demand; running it again adds nothing that is already there, and
//! never reopens an interaction item a supervisor closed (verified or dismissed).
//!
//! Priority of a new item = severity + 2^(-age_days / 14), where age_days is the time
//! from the interaction's start to the Flagger's clock: severity orders the queue and,
//! within a severity, recent interactions come first (the recency part halves every two
//! weeks and stays below 1).
class Flagger
{
public:
    explicit Flagger(Workspace &workspace);

    //! The clock used for priority (epoch ms); the current time unless set (tests).
    void setNow(qint64 nowMs) { m_nowMs = nowMs; }

    //! Installs the default rules when the workspace has none, then runs every enabled
    //! rule in one transaction.
    FlagRunResult run(const QString &user = QStringLiteral("flagger"));
    //! Runs one rule (in the caller's transaction if there is one).
    FlagRunResult runRule(const FlagRule &rule);
    //! What the AgentPattern \a rule finds now (every analysed pattern, flagged or not).
    PatternPlan patternPlan(const FlagRule &rule);

    static double priority(int severity, qint64 startedAtMs, qint64 nowMs);

    struct Hit
    {
        qint64 interactionId = -1;
        qint64 agentId = -1;
        qint64 startedAtMs = 0;
        QString reason;
        QStringList criteria; //!< the failed criteria the reason is about
    };
    //! What \a rule matches now, without writing anything (an empty list and
    //! \a heldBack set when the rule is held back).
    std::vector<Hit> matches(const FlagRule &rule, QString *heldBack);

private:
    FlagRunResult file(const std::vector<FlagRule> &rules, const QString &user);
    std::vector<Hit> totalBelow(const FlagRule &rule);
    std::vector<Hit> anyAutoFail(const FlagRule &rule);
    std::vector<Hit> criterionFailed(const FlagRule &rule, const QString &criterion,
                                     double failBelow, bool inclusiveMax);
    std::vector<Hit> rollingAverage(const FlagRule &rule);
    std::vector<Hit> belowTeam(const FlagRule &rule);
    qint64 latestScoredStart() const;
    bool agentHasOpenItem(qint64 agentId, qint64 ruleId) const;
    bool allCriteriaCalibrated() const;

    Workspace &m_workspace;
    CriterionScales m_scales;
    qint64 m_nowMs = -1;
};

} // namespace qaw
