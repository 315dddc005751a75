#include "calibration/TrustGate.h"

#include "domain/Scorecard.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {

const QString TrustGate::kThresholdKey = QStringLiteral("calibration_alpha_threshold");
const QString TrustGate::kMinimumItemsKey = QStringLiteral("calibration_min_items");
const QString TrustGate::kCalibratedKey = QStringLiteral("calibrated_criteria");

bool CalibrationStatus::isCalibrated(const QString &criterionId) const
{
    const CriterionCalibration *c = criterion(criterionId);
    return c && c->calibrated;
}

const CriterionCalibration *CalibrationStatus::criterion(const QString &criterionId) const
{
    for (const CriterionCalibration &c : criteria)
        if (c.criterionId == criterionId)
            return &c;
    return nullptr;
}

QStringList CalibrationStatus::calibratedIds() const
{
    QStringList ids;
    for (const CriterionCalibration &c : criteria)
        if (c.calibrated)
            ids << c.criterionId;
    return ids;
}

double TrustGate::threshold(const Workspace &ws)
{
    bool ok = false;
    const double v = ws.setting(kThresholdKey).toDouble(&ok);
    return ok ? v : kDefaultThreshold;
}

int TrustGate::minimumItems(const Workspace &ws)
{
    bool ok = false;
    const int v = ws.setting(kMinimumItemsKey).toInt(&ok);
    return ok && v >= 0 ? v : kDefaultMinimumItems;
}

CalibrationStatus TrustGate::compute(const Workspace &ws, const Scorecard &card)
{
    CalibrationStatus status;
    status.threshold = threshold(ws);
    status.minimumItems = minimumItems(ws);

    // Each reviewer's latest human evaluation of an interaction, paired with the
    // interaction's current automated evaluation, criterion by criterion.
    QSqlQuery q(ws.database());
    q.setForwardOnly(true);
    const bool ok = q.exec(QStringLiteral(
        "SELECT h.criterion_id, e.interaction_id, h.value, h.na, a.value, a.na "
        "FROM evaluations e "
        "JOIN (SELECT interaction_id, evaluator, max(id) AS id FROM evaluations "
        "      WHERE evaluator_kind = 'human' GROUP BY interaction_id, evaluator) latest "
        "  ON latest.id = e.id "
        "JOIN criterion_scores h ON h.evaluation_id = e.id "
        "JOIN interactions i ON i.id = e.interaction_id "
        "JOIN automated_scores a ON a.evaluation_id = i.auto_evaluation_id "
        "  AND a.criterion_id = h.criterion_id"));
    struct Units
    {
        RatingColumn automated;
        RatingColumn human;
        QSet<qint64> interactions;
    };
    QHash<QString, Units> units;
    while (ok && q.next()) {
        if (q.value(2).isNull() || q.value(3).toBool() || q.value(4).isNull() ||
            q.value(5).toBool())
            continue;
        Units &u = units[q.value(0).toString()];
        u.human.push_back(q.value(2).toDouble());
        u.automated.push_back(q.value(4).toDouble());
        u.interactions.insert(q.value(1).toLongLong());
    }
    if (!ok || q.lastError().isValid()) {
        status.error = QStringLiteral("the automated and human scores could not be read: %1")
                           .arg(q.lastError().text());
        return status;
    }
    for (const Criterion *c : card.criteria()) {
        CriterionCalibration cc;
        cc.criterionId = c->id;
        cc.criterionName = c->name;
        const Units u = units.value(c->id);
        cc.calibratedItems = int(u.interactions.size());
        cc.units = int(u.human.size());
        const RatingLevel level = c->scale.type == Scale::Type::YesNo ? RatingLevel::YesNo
                                                                      : RatingLevel::Ordinal;
        cc.alpha = agreement::alpha({u.automated, u.human}, level);
        if (cc.calibratedItems < status.minimumItems)
            cc.reason = QStringLiteral("%1 calibrated items; at least %2 are needed")
                            .arg(cc.calibratedItems)
                            .arg(status.minimumItems);
        else if (!cc.alpha.value)
            cc.reason = QStringLiteral("%1 is undefined: %2").arg(cc.alpha.name, cc.alpha.undefinedReason);
        else if (*cc.alpha.value < status.threshold)
            cc.reason = QStringLiteral("%1 = %2, under the threshold %3")
                            .arg(cc.alpha.name)
                            .arg(*cc.alpha.value, 0, 'f', 3)
                            .arg(status.threshold, 0, 'f', 3);
        cc.calibrated = cc.reason.isEmpty();
        status.criteria.push_back(cc);
    }
    return status;
}

bool TrustGate::publish(Workspace &ws, const CalibrationStatus &status)
{
    const QJsonArray ids = QJsonArray::fromStringList(status.calibratedIds());
    return ws.setSetting(kCalibratedKey,
                         QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
}

CalibrationStatus TrustGate::refresh(Workspace &ws)
{
    const auto active = ScorecardRepository(ws).active();
    if (!active)
        return CalibrationStatus{threshold(ws), minimumItems(ws), {}, {}};
    CalibrationStatus status = compute(ws, active->scorecard);
    if (status.error.isEmpty())
        publish(ws, status);
    else
        qWarning("calibration status not refreshed: %s", qPrintable(status.error));
    return status;
}

QStringList TrustGate::publishedCalibratedCriteria(const Workspace &ws)
{
    QStringList out;
    const QJsonArray ids = QJsonDocument::fromJson(ws.setting(kCalibratedKey).toUtf8()).array();
    for (const QJsonValue &v : ids)
        out << v.toString();
    return out;
}

} // namespace qaw
