#include "demo/DemoWorkspace.h"

#include "demo/DemoGenerator.h"
#include "demo/DemoReviews.h"
#include "domain/InteractionJson.h"
#include "io/OutputFile.h"
#include "analytics/CriterionPassMarks.h"
#include "analytics/CriterionSummary.h"
#include "calibration/TrustGate.h"
#include "coaching/Flagger.h"
#include "scoring/ScoringEngine.h"
#include "storage/InteractionStore.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

//! Interactions the demo's reviewers score.
constexpr int kReviewed = 200;


constexpr int kChunk = 2000;

bool recordCoachingSessions(Workspace &workspace, const DemoGenerator &generator, QString *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral(
        "INSERT INTO coaching_sessions(agent_id, date, focus, notes, commitments, "
        "follow_up_date, created_by, created_at) SELECT id, ?, ?, ?, ?, ?, 'demo', ? "
        "FROM agents WHERE external_id = ?"));
    for (const DemoCoachingSession &s : generator.coachingSessions()) {
        q.addBindValue(s.date.toString(Qt::ISODate));
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(s.focus)).toJson(QJsonDocument::Compact)));
        q.addBindValue(s.notes);
        q.addBindValue(QStringLiteral("Use the customer's name; say sorry before solving."));
        q.addBindValue(s.date.addDays(30).toString(Qt::ISODate));
        q.addBindValue(nowMs());
        q.addBindValue(s.agentId);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

bool buildDemoWorkspace(Workspace &workspace, const DemoOptions &options, QString *error,
                        const std::function<bool(int)> &progress)
{
    DemoGenerator generator(options.seed, options.interactions);
    generator.setUniqueTurns(options.uniqueTurns);
    // What each agent really did, kept for the interactions the reviewers will take (every
    // step-th, as addDemoReviews() picks them), for them to judge by.
    QHash<QString, DemoTruth> truths;
    const int step = std::max(1, options.interactions / kReviewed);
    int generated = 0;
    generator.setTruthSink([&](const QString &id, const DemoTruth &t) {
        if (generated++ % step == 0)
            truths.insert(id, t);
    });
    QSqlDatabase db = workspace.database();
    InteractionStore store(workspace);

    QSqlQuery batch(db);
    batch.prepare(QStringLiteral("INSERT INTO import_batches(file_path, format, started_at, "
                                 "status) VALUES(?, 'demo', ?, 'running')"));
    batch.addBindValue(QStringLiteral("demo:seed=%1").arg(options.seed));
    batch.addBindValue(nowMs());
    if (!batch.exec()) {
        *error = batch.lastError().text();
        return false;
    }
    const qint64 batchId = batch.lastInsertId().toLongLong();

    int written = 0;
    bool ok = true;
    bool cancelled = false;
    beginWriteTransaction(db);
    generator.generate([&](const Interaction &in) {
        if (!ok || cancelled)
            return;
        if (store.write(in, batchId) == InteractionStore::Outcome::Failed) {
            ok = false;
            *error = store.lastError();
            return;
        }
        if (++written % kChunk == 0) {
            ok = store.flush() && db.commit();
            if (progress && !progress(written))
                cancelled = true;
            beginWriteTransaction(db);
        }
    });
    ok = ok && store.flush() && recordCoachingSessions(workspace, generator, error);
    QSqlQuery done(db);
    done.prepare(QStringLiteral("UPDATE import_batches SET finished_at = ?, n_imported = ?, "
                                "status = ? WHERE id = ?"));
    done.addBindValue(nowMs());
    done.addBindValue(written);
    done.addBindValue(!ok ? QStringLiteral("failed")
                          : cancelled ? QStringLiteral("cancelled") : QStringLiteral("done"));
    done.addBindValue(batchId);
    done.exec();
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    if (progress)
        progress(written);
    // The demo is a scored workspace, as after an import followed by `qaw score`, with
    // some human reviews for the calibration and coaching views.
    if (ok && !cancelled) {
        ScoringEngine engine(workspace);
        ok = engine.run(ScoringOptions{}, error).has_value() &&
             addDemoReviews(workspace, options.seed, kReviewed, truths, error);
    }
    // As after scoring in the GUI: the trust gate is published, then the flag rules run,
    // so the coaching queue starts with real items.
    if (ok && !cancelled) {
        TrustGate::refresh(workspace);
        Flagger(workspace).run(QStringLiteral("demo"));
        // The Trends roll-ups are built now (2-3 s) rather than at the first chart, so the
        // demo's Trends workspace opens at once.
        criterionSummary::refresh(workspace, activeCriteria(workspace));
    }
    return ok;
}

bool writeDemoJsonl(const QString &path, const DemoOptions &options, QString *error)
{
    OutputFile file(path);
    if (!file.open()) {
        *error = file.errorString();
        return false;
    }
    DemoGenerator generator(options.seed, options.interactions);
    generator.setUniqueTurns(options.uniqueTurns);
    // A failed write sticks in OutputFile (later writes are refused), so commit() reports it.
    generator.generate([&file](const Interaction &in) { file.write(interactionToJsonLine(in)); });
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace qaw
