#include "calibration/SideBySide.h"

#include "calibration/CalibrationStore.h"
#include "storage/EvaluationStore.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace qaw {
namespace {

SideBySideRating ratingOf(const CriterionResult *r)
{
    SideBySideRating out;
    if (!r || (!r->na && !r->value))
        return out;
    out.present = true;
    out.na = r->na;
    out.value = r->na ? std::nullopt : r->value;
    out.comment = r->comment;
    return out;
}

SideBySideRating totalOf(const Evaluation *e)
{
    SideBySideRating out;
    if (!e)
        return out;
    out.present = true;
    out.value = e->total;
    out.na = !e->total;
    return out;
}

void hide(SideBySideRating &r)
{
    r = SideBySideRating{};
    r.hidden = true;
}

std::vector<SideBySideRating> visibleRatings(const SideBySideLine &line)
{
    std::vector<SideBySideRating> all{line.automated};
    all.insert(all.end(), line.reviewers.begin(), line.reviewers.end());
    all.erase(std::remove_if(all.begin(), all.end(),
                             [](const SideBySideRating &r) { return !r.present || r.hidden; }),
              all.end());
    return all;
}

std::optional<double> spreadOf(const std::vector<SideBySideRating> &ratings)
{
    std::optional<double> lo, hi;
    for (const SideBySideRating &r : ratings) {
        if (!r.hasValue())
            continue;
        lo = lo ? std::min(*lo, *r.value) : *r.value;
        hi = hi ? std::max(*hi, *r.value) : *r.value;
    }
    if (!lo)
        return std::nullopt;
    return *hi - *lo;
}

QString evidenceText(const Workspace &ws, qint64 interactionId, const EvidenceSpan &span)
{
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT text FROM turns WHERE interaction_id = ? AND seq = ?"));
    q.addBindValue(interactionId);
    q.addBindValue(span.turn);
    if (!q.exec() || !q.next())
        return {};
    const QString text = q.value(0).toString();
    const int start = std::clamp(span.charStart, 0, int(text.size()));
    const int end = std::clamp(span.charEnd, start, int(text.size()));
    const QString quoted = end > start ? text.mid(start, end - start) : text;
    return QStringLiteral("turn %1: \u201c%2\u201d").arg(span.turn + 1).arg(quoted);
}

} // namespace

std::vector<SideBySideLine> SideBySide::disagreementsOnly() const
{
    std::vector<SideBySideLine> out;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(out),
                 [](const SideBySideLine &l) { return l.disagreement; });
    return out;
}

SideBySideBuilder::SideBySideBuilder(Workspace &workspace) : m_workspace(workspace) {}

bool SideBySideBuilder::disagree(const Scale &scale, const std::vector<SideBySideRating> &ratings)
{
    bool anyNa = false;
    bool anyValue = false;
    for (size_t i = 0; i < ratings.size(); ++i) {
        const SideBySideRating &a = ratings[i];
        if (!a.present || a.hidden)
            continue;
        anyNa = anyNa || a.na;
        anyValue = anyValue || a.hasValue();
        if (!a.hasValue())
            continue;
        for (size_t j = i + 1; j < ratings.size(); ++j) {
            const SideBySideRating &b = ratings[j];
            if (!b.hasValue())
                continue;
            if (scale.isFail(*a.value) != scale.isFail(*b.value) ||
                std::abs(*a.value - *b.value) >= 1.0 - 1e-9)
                return true;
        }
    }
    return anyNa && anyValue;
}

std::optional<SideBySide> SideBySideBuilder::build(qint64 sessionId, const QString &viewer) const
{
    return make(sessionId, viewer, false);
}

std::optional<SideBySide> SideBySideBuilder::buildUnblinded(qint64 sessionId) const
{
    return make(sessionId, QString(), true);
}

std::optional<SideBySide> SideBySideBuilder::make(qint64 sessionId, const QString &viewer,
                                                  bool unblinded) const
{
    const auto session = CalibrationStore(m_workspace).load(sessionId);
    if (!session)
        return std::nullopt;
    const auto stored = ScorecardRepository(m_workspace).version(session->scorecardVersionId);
    if (!stored)
        return std::nullopt;
    const Scorecard &card = stored->scorecard;

    SideBySide out;
    out.sessionId = sessionId;
    out.viewer = viewer;
    out.reviewers = session->reviewerNames();
    const SessionReviewer *me = unblinded ? nullptr : session->reviewer(viewer);
    const bool blindForMe = me && session->blind && !me->submitted();
    out.automatedHidden = blindForMe;

    // Human evaluations of the session, by interaction and reviewer.
    EvaluationStore evaluations(m_workspace);
    QHash<qint64, QHash<QString, Evaluation>> human;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id FROM evaluations WHERE calibration_session_id = ? AND "
                             "evaluator_kind = 'human' ORDER BY id"));
    q.addBindValue(sessionId);
    if (q.exec())
        while (q.next())
            if (auto e = evaluations.load(q.value(0).toLongLong()))
                human[e->interactionId][e->evaluator] = *e;

    QSqlQuery label(m_workspace.database());
    label.prepare(QStringLiteral("SELECT external_id FROM interactions WHERE id = ?"));
    for (qint64 interactionId : session->interactionIds) {
        label.addBindValue(interactionId);
        const QString name = label.exec() && label.next() ? label.value(0).toString()
                                                          : QString::number(interactionId);
        const std::optional<Evaluation> automated =
            blindForMe ? std::nullopt : evaluations.currentAutomated(interactionId);
        const auto &byReviewer = human.value(interactionId);
        auto reviewerEvaluation = [&](const QString &reviewer) -> const Evaluation * {
            auto it = byReviewer.constFind(reviewer);
            return it == byReviewer.constEnd() ? nullptr : &it.value();
        };
        auto finish = [&](SideBySideLine &line, const Scale *scale) {
            if (blindForMe) {
                hide(line.automated);
                for (int r = 0; r < out.reviewers.size(); ++r)
                    if (out.reviewers.at(r) != viewer)
                        hide(line.reviewers[size_t(r)]);
                out.lines.push_back(line);
                return;
            }
            const auto visible = visibleRatings(line);
            line.spread = spreadOf(visible);
            if (scale) {
                line.disagreement = disagree(*scale, visible);
            } else {
                bool passDiffers = false;
                std::optional<bool> firstPass;
                for (const SideBySideRating &r : visible) {
                    if (!r.hasValue())
                        continue;
                    const bool pass = *r.value >= card.passMark;
                    passDiffers = passDiffers || (firstPass && *firstPass != pass);
                    firstPass = pass;
                }
                line.disagreement = passDiffers || (line.spread && *line.spread >=
                                                                       kTotalDisagreementPoints);
            }
            out.lines.push_back(line);
        };
        for (const Criterion *c : card.criteria()) {
            SideBySideLine line;
            line.interactionId = interactionId;
            line.interactionLabel = name;
            line.criterionId = c->id;
            line.criterionName = c->name;
            line.yesNo = c->scale.type == Scale::Type::YesNo;
            if (automated) {
                const CriterionResult *r = automated->criterion(c->id);
                line.automated = ratingOf(r);
                if (r) {
                    line.rationale = r->rationale;
                    for (const EvidenceSpan &span : r->evidence)
                        line.evidence << evidenceText(m_workspace, interactionId, span);
                }
            }
            for (const QString &reviewer : out.reviewers) {
                const Evaluation *e = reviewerEvaluation(reviewer);
                line.reviewers.push_back(ratingOf(e ? e->criterion(c->id) : nullptr));
            }
            finish(line, &c->scale);
        }
        SideBySideLine total;
        total.interactionId = interactionId;
        total.interactionLabel = name;
        total.criterionId = QString::fromLatin1(kTotalId);
        total.criterionName = QStringLiteral("Total");
        total.isTotal = true;
        total.automated = totalOf(automated ? &*automated : nullptr);
        for (const QString &reviewer : out.reviewers)
            total.reviewers.push_back(totalOf(reviewerEvaluation(reviewer)));
        finish(total, nullptr);
    }
    return out;
}

} // namespace qaw
