#include "calibration/SessionReport.h"

#include "calibration/CalibrationStore.h"
#include "calibration/SideBySide.h"
#include "calibration/TrustGate.h"
#include "storage/ScorecardRepository.h"

#include <QMap>

namespace qaw {
namespace {

QList<double> categoriesOf(const Scale &scale)
{
    QList<double> out;
    for (double v = scale.minimum(); v <= scale.maximum() + 1e-9; v += 1)
        out << v;
    return out;
}

RatingLevel levelOf(const Scale &scale)
{
    return scale.type == Scale::Type::YesNo ? RatingLevel::YesNo : RatingLevel::Ordinal;
}

std::optional<double> valueOf(const SideBySideRating &r)
{
    return r.hasValue() ? r.value : std::nullopt;
}

int pairedCount(const std::vector<RatingColumn> &columns)
{
    if (columns.empty())
        return 0;
    int n = 0;
    for (size_t i = 0; i < columns.front().size(); ++i) {
        bool all = true;
        for (const RatingColumn &c : columns)
            all = all && c[i].has_value();
        n += all ? 1 : 0;
    }
    return n;
}

} // namespace

QString statisticText(const NamedStatistic &s, int decimals)
{
    if (!s.value)
        return QStringLiteral("undefined (%1)").arg(s.undefinedReason);
    QString text = QString::number(*s.value, 'f', decimals);
    if (s.ciLower && s.ciUpper)
        text += QStringLiteral(" [%1, %2]")
                    .arg(QString::number(*s.ciLower, 'f', decimals),
                         QString::number(*s.ciUpper, 'f', decimals));
    return text;
}

std::optional<SessionReport> SessionReport::build(Workspace &ws, qint64 sessionId,
                                                  QString *error, int bootstrapResamples)
{
    const auto session = CalibrationStore(ws).load(sessionId);
    if (!session) {
        *error = QStringLiteral("no calibration session %1").arg(sessionId);
        return std::nullopt;
    }
    const auto stored = ScorecardRepository(ws).version(session->scorecardVersionId);
    const auto board = SideBySideBuilder(ws).buildUnblinded(sessionId);
    if (!stored || !board) {
        *error = QStringLiteral("the session's scorecard version %1 is missing")
                     .arg(session->scorecardVersionId);
        return std::nullopt;
    }
    SessionReport report;
    report.session = *session;
    report.scorecardName = stored->scorecard.name;
    report.scorecardVersion = stored->version;
    const QStringList calibrated = TrustGate::publishedCalibratedCriteria(ws);

    // Lines grouped by criterion, in the order they come (scorecard order, total last).
    QStringList order;
    QMap<QString, std::vector<const SideBySideLine *>> byCriterion;
    for (const SideBySideLine &line : board->lines) {
        if (!byCriterion.contains(line.criterionId))
            order << line.criterionId;
        byCriterion[line.criterionId].push_back(&line);
    }
    const QStringList reviewers = board->reviewers;
    for (const QString &id : order) {
        const auto &lines = byCriterion[id];
        const Criterion *criterion = stored->scorecard.criterion(id);
        CriterionAgreement c;
        c.criterionId = id;
        c.criterionName = lines.front()->criterionName;
        c.scale = criterion ? criterion->scale.name() : QStringLiteral("total_0_100");
        c.items = int(lines.size());
        c.calibrated = criterion && calibrated.contains(id);
        const RatingLevel level = criterion ? levelOf(criterion->scale) : RatingLevel::Total;
        const QList<double> categories = criterion ? categoriesOf(criterion->scale) : QList<double>();
        RatingColumn automated;
        std::vector<RatingColumn> humans(size_t(reviewers.size()));
        for (const SideBySideLine *line : lines) {
            automated.push_back(valueOf(line->automated));
            for (size_t r = 0; r < humans.size(); ++r)
                humans[r].push_back(valueOf(line->reviewers[r]));
            c.disagreements += line->disagreement ? 1 : 0;
        }
        c.automatedRated = pairedCount({automated});
        for (const RatingColumn &h : humans)
            c.reviewerRated << pairedCount({h});
        for (size_t r = 0; r < humans.size(); ++r)
            c.comparisons.push_back({QStringLiteral("automated vs %1").arg(reviewers.at(int(r))),
                                     QStringLiteral("automated_vs_human"),
                                     pairedCount({automated, humans[r]}),
                                     agreement::pair(automated, humans[r], level, categories,
                                                     bootstrapResamples)});
        for (size_t a = 0; a < humans.size(); ++a)
            for (size_t b = a + 1; b < humans.size(); ++b)
                c.comparisons.push_back(
                    {QStringLiteral("%1 vs %2").arg(reviewers.at(int(a)), reviewers.at(int(b))),
                     QStringLiteral("human_vs_human"), pairedCount({humans[a], humans[b]}),
                     agreement::pair(humans[a], humans[b], level, categories,
                                     bootstrapResamples)});
        if (humans.size() >= 3)
            c.comparisons.push_back({QStringLiteral("all reviewers"),
                                     QStringLiteral("all_reviewers"), pairedCount(humans),
                                     agreement::group(humans, level, categories,
                                                      bootstrapResamples)});
        report.criteria.push_back(c);
    }
    return report;
}

} // namespace qaw
