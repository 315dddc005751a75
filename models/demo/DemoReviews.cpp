#include "demo/DemoReviews.h"

#include "calibration/CalibrationStore.h"

#include "storage/EvaluationBatchWriter.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <random>

namespace qaw {
namespace {

constexpr int kEveryoneReviews = 30;

struct Reviewer
{
    QString name;
    double disagreement; //!< chance of differing on any one criterion
    QString strictOn;    //!< a criterion this reviewer marks down more often
    QString lenientOn;   //!< and one they give the benefit of the doubt
};

const std::vector<Reviewer> &reviewers()
{
    static const std::vector<Reviewer> all = {
        {QStringLiteral("Maria Lopez"), 0.04, QStringLiteral("empathy"),
         QStringLiteral("closing")},
        {QStringLiteral("James Chen"), 0.07, QStringLiteral("ownership"),
         QStringLiteral("greeting")},
        {QStringLiteral("Aisha Bello"), 0.05, QStringLiteral("professional_tone"),
         QStringLiteral("hold_etiquette")},
    };
    return all;
}

class Dice
{
public:
    explicit Dice(quint64 seed) : m_rng(seed) {}
    // 53 random bits into [0, 1), the same on every standard library.
    double uniform() { return double(m_rng() >> 11) * (1.0 / 9007199254740992.0); }

private:
    std::mt19937_64 m_rng;
};

//! What a careful reviewer would give \a criterion for what the agent did; nullopt when
//! the generator does not decide it (the reviewer then starts from the automated verdict).
std::optional<std::optional<double>> trueValue(const QString &criterion, const DemoTruth &t)
{
    using Value = std::optional<double>;
    const auto yesNo = [](bool b) { return Value(b ? 1.0 : 0.0); };
    if (criterion == QLatin1String("greeting"))
        return yesNo(t.greeted);
    if (criterion == QLatin1String("verification"))
        return t.email ? Value() : yesNo(t.verified);
    if (criterion == QLatin1String("empathy"))
        return yesNo(t.empathic);
    if (criterion == QLatin1String("professional_tone"))
        return Value(t.negative ? 2.0 : 5.0);
    if (criterion == QLatin1String("hold_etiquette"))
        return t.held ? yesNo(t.politeHold) : Value();
    if (criterion == QLatin1String("dead_air"))
        return t.voice ? yesNo(!t.deadAir) : Value();
    if (criterion == QLatin1String("resolution"))
        return yesNo(t.resolved);
    if (criterion == QLatin1String("ownership"))
        return yesNo(t.owned);
    if (criterion == QLatin1String("closing"))
        return yesNo(t.closed);
    return std::nullopt;
}

Evaluation review(const Evaluation &automated, const Scorecard &card, const DemoTruth *truth,
                  const Reviewer &reviewer, Dice &dice)
{
    Evaluation human = automated;
    human.id = -1;
    human.kind = EvaluatorKind::Human;
    human.evaluator = reviewer.name;
    human.stale = false;
    human.createdAtMs = 0;
    for (CriterionResult &r : human.criteria) {
        r.evidence.clear();
        r.confidence = Confidence::Clear;
        const auto known = truth ? trueValue(r.criterionId, *truth) : std::nullopt;
        if (known) {
            r.value = *known;
            r.na = !known->has_value();
            r.rationale = QStringLiteral("Judged by the reviewer.");
        }
        const Criterion *c = card.criterion(r.criterionId);
        if (!c || r.na || !r.value)
            continue;
        double chance = reviewer.disagreement;
        if (r.criterionId == reviewer.strictOn && !c->scale.isFail(*r.value))
            chance += 0.2;
        if (r.criterionId == reviewer.lenientOn && c->scale.isFail(*r.value))
            chance += 0.3;
        if (dice.uniform() >= chance)
            continue;
        const double before = *r.value;
        if (c->scale.type == Scale::Type::YesNo)
            r.value = before > 0 ? 0.0 : 1.0;
        else
            r.value = std::clamp(before + (c->scale.isFail(before) ? 1.0 : -1.0),
                                 c->scale.minimum(), c->scale.maximum());
        r.comment = r.value < before ? QStringLiteral("Marked down: not convincing on the call.")
                                     : QStringLiteral("Marked up: the intent was clear enough.");
    }
    const ScoreTotals totals = card.totals(human.criteria);
    human.total = totals.total;
    human.passed = totals.passed;
    human.autoFailed = totals.autoFailed;
    return human;
}

qint64 createDemoSession(Workspace &workspace, const EvaluationStore &store,
                         const std::vector<qint64> &ids, QString *error)
{
    CalibrationSession session;
    session.name = QStringLiteral("Demo calibration: every reviewer, %1 interactions")
                       .arg(std::min<size_t>(ids.size(), kEveryoneReviews));
    session.sampling = SamplingMethod::HandPicked; // evenly spread over the scored ids
    session.blind = true;
    session.createdBy = QStringLiteral("demo");
    for (size_t k = 0; k < ids.size() && k < size_t(kEveryoneReviews); ++k)
        session.interactionIds.push_back(ids[k]);
    for (const Reviewer &r : reviewers())
        session.reviewers.push_back(SessionReviewer{r.name, -1});
    if (const auto first = store.currentAutomated(ids.front()))
        session.scorecardVersionId = first->scorecardVersionId;
    return CalibrationStore(workspace).create(session, error);
}

} // namespace

QStringList demoReviewers()
{
    QStringList names;
    for (const Reviewer &r : reviewers())
        names << r.name;
    return names;
}

bool addDemoReviews(Workspace &workspace, quint64 seed, int interactions,
                    const QHash<QString, DemoTruth> &truths, QString *error)
{
    QSqlQuery q(workspace.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM interactions WHERE auto_evaluation_id IS "
                               "NOT NULL")) ||
        !q.next())
        return true;
    const qint64 scored = q.value(0).toLongLong();
    if (scored == 0 || interactions <= 0)
        return true;
    const qint64 step = std::max<qint64>(1, scored / interactions);
    std::vector<qint64> ids;
    std::vector<QString> externalIds;
    q.prepare(QStringLiteral("SELECT id, external_id FROM interactions WHERE "
                             "auto_evaluation_id IS NOT NULL ORDER BY id"));
    if (!q.exec())
        return true;
    for (qint64 row = 0; q.next(); ++row) {
        if (row % step == 0 && qint64(ids.size()) < interactions) {
            ids.push_back(q.value(0).toLongLong());
            externalIds.push_back(q.value(1).toString());
        }
    }
    if (ids.empty())
        return true;

    EvaluationStore store(workspace);
    ScorecardRepository repository(workspace);
    // The interactions everyone reviews form a calibration session, so that the
    // Calibration view opens on a side-by-side with three reviewers, not an empty list.
    const qint64 sessionId = createDemoSession(workspace, store, ids, error);
    if (sessionId < 0)
        return false;
    std::map<qint64, Scorecard> cards;
    Dice dice(seed ^ 0x5EEDC0FFEEULL);
    std::vector<Evaluation> out;
    for (size_t k = 0; k < ids.size(); ++k) {
        const auto automated = store.currentAutomated(ids[k]);
        if (!automated)
            continue;
        if (!cards.count(automated->scorecardVersionId)) {
            const auto version = repository.version(automated->scorecardVersionId);
            if (!version)
                continue;
            cards[automated->scorecardVersionId] = version->scorecard;
        }
        const Scorecard &card = cards[automated->scorecardVersionId];
        const qint64 reviewedAt = automated->createdAtMs + 3600000 * qint64(1 + k % 48);
        for (size_t r = 0; r < reviewers().size(); ++r) {
            if (k >= size_t(kEveryoneReviews) && r != k % reviewers().size())
                continue;
            const auto truth = truths.constFind(externalIds[k]);
            Evaluation e = review(*automated, card, truth == truths.constEnd() ? nullptr : &*truth,
                                  reviewers()[r], dice);
            e.createdAtMs = reviewedAt;
            if (k < size_t(kEveryoneReviews))
                e.calibrationSessionId = sessionId;
            out.push_back(std::move(e));
        }
    }
    QSqlDatabase db = workspace.database();
    beginWriteTransaction(db);
    EvaluationBatchWriter writer(workspace);
    if (!writer.write(out, nowMs()) || !db.commit()) {
        *error = writer.lastError();
        db.rollback();
        return false;
    }
    CalibrationStore sessions(workspace);
    for (const Reviewer &r : reviewers())
        if (!sessions.submit(sessionId, r.name, error))
            return false;
    return true;
}

} // namespace qaw
