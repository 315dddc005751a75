#pragma once

#include "coaching/AgentPatterns.h"
#include "coaching/CoachingBudget.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <vector>

QT_FORWARD_DECLARE_CLASS(QSqlQuery)

namespace qaw {

class CriterionScales;

class Workspace;

//! One interaction that one or more rules flagged, their reasons merged.
struct InteractionCandidate
{
    qint64 interactionId = -1;
    qint64 agentId = -1;
    qint64 startedAtMs = 0;
    qint64 ruleId = -1; //!< the rule of the highest severity that flagged it
    double priority = 0;
    QStringList reasons;
    QStringList criteria;
};

//! The agent patterns of one run of the pattern rule.
struct PatternPlan
{
    qint64 ruleId = -1;
    int severity = 3;
    PatternWindow window;
    PatternSettings settings;
    std::vector<AgentPattern> patterns; //!< every analysed pattern, flagged or not
};

struct WriteCounts
{
    int itemsCreated = 0;    //!< new interaction items
    int itemsMerged = 0;     //!< reasons added to an interaction's open item
    int patternsOpened = 0;
    int patternsUpdated = 0;
    int patternsClosed = 0;
    int overBudget = 0;      //!< candidates the weekly budget could not take
};

//! Writes a flag run into the queue: one open item per interaction (a new reason joins
//! the open item), one open item per agent and criterion pattern (updated in place and
//! closed with a note when the gap closes), and at most the weekly budget of open items
//! per agent and week, chosen by priority; the rest is counted in coaching_overflow.
//! Closed interaction items (verified, dismissed) are never reopened.
class CoachingItemWriter
{
public:
    CoachingItemWriter(Workspace &workspace, const CriterionScales &scales, qint64 nowMs,
                       const QString &user);

    //! Writes in the caller's transaction; false with \a error on a database error.
    bool write(const std::vector<InteractionCandidate> &interactions, const PatternPlan *patterns,
               WriteCounts *counts, QString *error);

    static int weeklyBudget(const Workspace &workspace);
    static int horizonWeeks(const Workspace &workspace);

private:
    struct OpenItem
    {
        qint64 id = -1;
        QString reason;
        QStringList criteria;
        double priority = 0;
    };
    struct OpenPattern
    {
        qint64 id = -1;
        qint64 weekStartMs = 0;
    };
    //! A pattern item about to be written: its examples and the interaction it is filed on.
    struct PatternChoice
    {
        const AgentPattern *pattern = nullptr;
        qint64 itemId = -1; //!< -1: a new item
        std::vector<PatternFail> examples;
        PatternFail anchor;
        qint64 weekStartMs() const { return qaw::weekStartMs(anchor.startedAtMs); }
    };
    bool loadOpenItems();
    bool merge(const InteractionCandidate &c, const OpenItem &open);
    PatternChoice choose(const AgentPattern &p, qint64 itemId, int maxExamples);
    void planPatterns(const PatternPlan &plan, std::vector<PatternChoice> *kept,
                      std::vector<PatternChoice> *fresh,
                      std::vector<std::pair<qint64, const AgentPattern *>> *closing);
    void takeBudget(const BudgetDecision &d, const std::vector<BudgetCandidate> &candidates,
                    std::map<AgentWeek, int> *overBudget);
    bool insertInteraction(const InteractionCandidate &c);
    bool writePattern(const PatternChoice &c, const PatternPlan &plan);
    bool closePattern(qint64 itemId, const AgentPattern *p, const PatternPlan &plan);
    bool saveOverflow(const std::map<AgentWeek, int> &overBudget,
                      const std::vector<BudgetCandidate> &candidates);
    QJsonObject patternJson(const PatternChoice &c, const PatternPlan &plan) const;
    QString patternReason(const AgentPattern &p, const PatternPlan &plan) const;
    double patternPriority(const AgentPattern &p, const PatternPlan &plan) const;
    bool exec(QSqlQuery &q);

    Workspace &m_workspace;
    const CriterionScales &m_scales;
    qint64 m_nowMs;
    QString m_user;
    QString m_error;
    std::map<qint64, OpenItem> m_openByInteraction;
    std::map<std::pair<qint64, QString>, OpenPattern> m_openPatterns;
    QSet<qint64> m_closedInteractions;
    QSet<qint64> m_flaggedAlone;   //!< interactions this run files (or counts) on their own
    QSet<qint64> m_examplesTaken; //!< examples of the patterns chosen so far
    std::map<AgentWeek, int> m_openPerWeek;
};

} // namespace qaw
