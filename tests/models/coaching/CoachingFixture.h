#pragma once

// A workspace with hand-made teams, agents, interactions and automated evaluations, for
// the coaching tests. Rows go in directly or through EvaluationStore, as the scorer
// would write them.
#include "coaching/CoachingBudget.h"
#include "coaching/FlagRuleStore.h"
#include "domain/Evaluation.h"
#include "domain/Scorecard.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QVariant>

#include <QJsonObject>

#include <initializer_list>
#include <map>
#include <string>
#include <utility>

namespace qaw::test {

//! A JSON object from ASCII keys (QT_NO_CAST_FROM_ASCII forbids the implicit form).
inline QJsonObject obj(std::initializer_list<std::pair<const char *, QJsonValue>> members)
{
    QJsonObject o;
    for (const auto &m : members)
        o.insert(QLatin1String(m.first), m.second);
    return o;
}

class CoachingFixture
{
public:
    bool init()
    {
        if (!dir.isValid() || !ws.open(dir.filePath(QStringLiteral("coaching.qaw")),
                                       Workspace::OpenMode::CreateIfMissing))
            return false;
        const auto stored = ScorecardRepository(ws).active();
        if (!stored)
            return false;
        versionId = stored->versionId;
        card = stored->scorecard;
        // Most tests here are about one rule's matches; TestCoachingBudget and the
        // budget cases of TestFlagger set the weekly budget they test.
        return ws.setSetting(QLatin1String(kWeeklyBudgetSetting), QStringLiteral("1000"));
    }

    qint64 exec(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(ws.database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() ? q.lastInsertId().toLongLong() : -1;
    }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(ws.database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    qint64 team(const QString &name)
    {
        return exec(QStringLiteral("INSERT INTO teams(name) VALUES(?)"), {name});
    }

    qint64 agent(const QString &externalId, const QString &name, qint64 teamId)
    {
        return exec(
            QStringLiteral("INSERT INTO agents(external_id, name, team_id) VALUES(?, ?, ?)"),
            {externalId, name, teamId});
    }

    //! A voice interaction with a short transcript (agent turn 0, customer turn 1).
    qint64 interaction(qint64 agentId, qint64 teamId, const QDateTime &started,
                       const QString &agentText = QStringLiteral("Okay. What is the problem?"))
    {
        const QString ext = QStringLiteral("t-%1").arg(++m_counter, 4, 10, QLatin1Char('0'));
        const qint64 id = exec(QStringLiteral("INSERT INTO interactions(source, external_id, "
                                              "channel, started_at, agent_id, team_id, "
                                              "turn_count) VALUES('test', ?, 'voice', ?, ?, ?, 2)"),
                               {ext, started.toMSecsSinceEpoch(), agentId, teamId});
        exec(QStringLiteral(
                 "INSERT INTO turns(interaction_id, seq, speaker, text) VALUES(?, 0, 'agent', ?)"),
             {id, agentText});
        exec(QStringLiteral("INSERT INTO turns(interaction_id, seq, speaker, text) VALUES(?, 1, "
                            "'customer', 'My parcel never arrived and nobody called me back.')"),
             {id});
        return id;
    }

    //! Saves an automated evaluation: every criterion at its best value except
    //! \a values (criterion id -> value; NaN for N/A), totals from the scorecard.
    Evaluation score(qint64 interactionId, const std::map<std::string, double> &values,
                     const std::map<std::string, EvidenceSpan> &evidence = {})
    {
        Evaluation e;
        e.interactionId = interactionId;
        e.scorecardVersionId = versionId;
        for (const Criterion *c : card.criteria()) {
            CriterionResult r;
            r.criterionId = c->id;
            r.max = c->scale.maximum();
            const auto it = values.find(c->id.toStdString());
            const double v = it == values.end() ? c->scale.maximum() : it->second;
            if (std::isnan(v))
                r.na = true;
            else
                r.value = v;
            r.rationale = QStringLiteral("rationale of %1").arg(c->id);
            r.comment = QStringLiteral(""); // the column is NOT NULL and a null QString binds NULL
            const auto ev = evidence.find(c->id.toStdString());
            if (ev != evidence.end())
                r.evidence.push_back(ev->second);
            e.criteria.push_back(r);
        }
        const ScoreTotals t = card.totals(e.criteria);
        e.total = t.total;
        e.passed = t.passed;
        e.autoFailed = t.autoFailed;
        EvaluationStore store(ws);
        e.id = store.save(e);
        if (e.id < 0)
            qWarning("evaluation not saved: %s", qPrintable(store.lastError()));
        return e;
    }

    //! Adds an agent-pattern rule comparing at least \a minN verdicts a side, for the
    //! small hand-made workspaces of the tests.
    bool addPatternRule(int minN)
    {
        FlagRule rule;
        rule.name = QStringLiteral("Patterns");
        rule.kind = FlagRuleKind::AgentPattern;
        rule.params = FlagRule::defaultParams(FlagRuleKind::AgentPattern);
        rule.params.insert(QStringLiteral("min_n"), minN);
        QString error;
        return FlagRuleStore(ws).save(rule, QStringLiteral("test"), &error) > 0;
    }

    static QDateTime at(const QDate &day, int hour = 10)
    {
        return QDateTime(day, QTime(hour, 0), QTimeZone::utc());
    }

    QTemporaryDir dir;
    Workspace ws;
    qint64 versionId = -1;
    Scorecard card;

private:
    int m_counter = 0;
};

} // namespace qaw::test
