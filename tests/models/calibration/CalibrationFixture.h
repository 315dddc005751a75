#pragma once
// A workspace for calibration tests: interactions with simple transcripts, the default
// scorecard, and automated evaluations written directly through EvaluationStore.

#include "domain/Interaction.h"
#include "storage/EvaluationStore.h"
#include "storage/InteractionStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QVariant>

#include <map>
#include <memory>

namespace qaw::testing {

struct CalibrationFixture
{
    QTemporaryDir dir;
    Workspace ws;
    StoredScorecard card;
    std::vector<qint64> ids; //!< interaction ids in creation order

    bool open()
    {
        if (!dir.isValid() || !ws.open(dir.filePath(QStringLiteral("cal.qaw")),
                                       Workspace::OpenMode::CreateIfMissing))
            return false;
        auto active = ScorecardRepository(ws).active();
        if (!active)
            return false;
        card = *active;
        return true;
    }

    //! Adds \a n chat interactions "ext-<k>" whose first agent turn is \a firstAgentLine.
    bool addInteractions(int n, const QString &firstAgentLine = QStringLiteral("hello there"))
    {
        InteractionStore store(ws);
        ws.database().transaction();
        for (int k = 0; k < n; ++k) {
            Interaction i;
            i.source = QStringLiteral("test");
            i.externalId = QStringLiteral("ext-%1").arg(ids.size() + size_t(k));
            i.channel = QStringLiteral("chat");
            i.startedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc()).addSecs(k * 60);
            i.agentId = QStringLiteral("a1");
            i.agentName = QStringLiteral("Agent One");
            i.team = QStringLiteral("Team");
            i.queue = QStringLiteral("orders");
            i.language = QStringLiteral("en");
            i.customerId = QStringLiteral("c%1").arg(k);
            i.turns.push_back({Speaker::Agent, firstAgentLine, -1, -1, -1});
            i.turns.push_back({Speaker::Customer, QStringLiteral("my order is late"), -1, -1, -1});
            if (store.write(i, -1) == InteractionStore::Outcome::Failed) {
                qWarning("cannot write an interaction: %s", qPrintable(store.lastError()));
                return false;
            }
        }
        store.flush();
        ws.database().commit();
        ids.clear();
        QSqlQuery q(ws.database());
        q.exec(QStringLiteral("SELECT id FROM interactions ORDER BY id"));
        while (q.next())
            ids.push_back(q.value(0).toLongLong());
        return int(ids.size()) >= n;
    }

    //! Criterion values for one evaluation; missing criteria are left out.
    using Values = std::map<QString, std::optional<double>>; // nullopt = N/A

    Evaluation evaluation(qint64 interaction, const Values &values) const
    {
        Evaluation e;
        e.interactionId = interaction;
        e.scorecardVersionId = card.versionId;
        for (const auto &[id, value] : values) {
            CriterionResult r;
            r.criterionId = id;
            r.value = value;
            r.na = !value;
            r.max = card.scorecard.criterion(id)->scale.maximum();
            e.criteria.push_back(r);
        }
        const ScoreTotals t = card.scorecard.totals(e.criteria);
        e.total = t.total;
        e.passed = t.passed;
        e.autoFailed = t.autoFailed;
        return e;
    }

    qint64 addAutomated(qint64 interaction, const Values &values,
                        const std::vector<EvidenceSpan> &evidence = {})
    {
        Evaluation e = evaluation(interaction, values);
        e.kind = EvaluatorKind::Automated;
        e.evaluator = QStringLiteral("auto");
        for (CriterionResult &r : e.criteria) {
            r.rationale = QStringLiteral("rule for %1").arg(r.criterionId);
            r.comment = QStringLiteral("");
            r.evidence = evidence;
        }
        return EvaluationStore(ws).save(e);
    }

    //! Sets the automated total directly (for sampling tests).
    void setAutoTotal(qint64 interaction, double total)
    {
        QSqlQuery q(ws.database());
        q.prepare(QStringLiteral("UPDATE interactions SET auto_total = ? WHERE id = ?"));
        q.addBindValue(total);
        q.addBindValue(interaction);
        q.exec();
    }
};

} // namespace qaw::testing
