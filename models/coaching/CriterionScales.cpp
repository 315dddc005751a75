#include "coaching/CriterionScales.h"

#include "storage/ScorecardRepository.h"

namespace qaw {

CriterionScales::CriterionScales(Workspace &workspace)
{
    const auto stored = ScorecardRepository(workspace).active();
    if (!stored)
        return;
    m_scorecard = stored->scorecard;
    m_hasScorecard = true;
    for (const Criterion *c : m_scorecard.criteria()) {
        m_order << c->id;
        m_byId[c->id] = c;
    }
}

Scale CriterionScales::scale(const QString &criterionId, double storedMax) const
{
    const auto it = m_byId.find(criterionId);
    if (it != m_byId.end())
        return it->second->scale;
    Scale s;
    if (storedMax > 1) {
        s.type = Scale::Type::Points;
        s.points = int(storedMax);
    }
    return s;
}

QString CriterionScales::name(const QString &criterionId) const
{
    const auto it = m_byId.find(criterionId);
    return it != m_byId.end() && !it->second->name.isEmpty() ? it->second->name : criterionId;
}

bool CriterionScales::isCritical(const QString &criterionId) const
{
    const auto it = m_byId.find(criterionId);
    return it != m_byId.end() && it->second->autoFail != AutoFail::None;
}

double CriterionScales::failBelow(const QString &criterionId, double storedMax) const
{
    const Scale s = scale(criterionId, storedMax);
    return s.minimum() + 0.5 * (s.maximum() - s.minimum());
}

bool CriterionScales::isFail(const QString &criterionId, double value, double storedMax) const
{
    return scale(criterionId, storedMax).isFail(value);
}

double CriterionScales::normalised(const QString &criterionId, double value, double storedMax) const
{
    return scale(criterionId, storedMax).normalised(value);
}

} // namespace qaw
