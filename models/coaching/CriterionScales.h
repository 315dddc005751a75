#pragma once

#include "domain/Scorecard.h"

#include <QString>

#include <map>

namespace qaw {

class Workspace;

//! The scale and name of each criterion of the workspace's active scorecard, so that
//! coaching can tell a fail from a pass the way the scorecard does (Scale::isFail).
//! A criterion the active scorecard no longer has falls back to 0..max (stored max).
class CriterionScales
{
public:
    CriterionScales() = default;
    explicit CriterionScales(Workspace &workspace);

    Scale scale(const QString &criterionId, double storedMax = 1) const;
    QString name(const QString &criterionId) const;
    bool isCritical(const QString &criterionId) const;
    //! The value below which a verdict fails (normalised < 0.5), for SQL filters.
    double failBelow(const QString &criterionId, double storedMax = 1) const;
    bool isFail(const QString &criterionId, double value, double storedMax = 1) const;
    double normalised(const QString &criterionId, double value, double storedMax = 1) const;
    //! Every criterion id of the active scorecard, in scorecard order.
    QStringList ids() const { return m_order; }
    const Scorecard &scorecard() const { return m_scorecard; }
    bool hasScorecard() const { return m_hasScorecard; }

private:
    Scorecard m_scorecard;
    bool m_hasScorecard = false;
    QStringList m_order;
    std::map<QString, const Criterion *> m_byId;
};

} // namespace qaw
