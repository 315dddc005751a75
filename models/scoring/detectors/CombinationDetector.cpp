#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>

#include <algorithm>

namespace qaw {
namespace {

//! all / any / not of other detectors. all: the worst applicable child (every one must
//! pass); any: the best applicable child; not: the opposite of its child. Children that
//! are N/A are left out; when all are, the combination is N/A.
class CombinationDetector : public Detector
{
public:
    enum class Kind { All, Any, Not };
    Kind kind = Kind::All;
    std::vector<std::unique_ptr<Detector>> children;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        if (kind == Kind::Not) {
            DetectorOutcome o = children.front()->evaluate(context);
            if (o.na)
                return o;
            o.fraction = 1 - o.fraction;
            o.rationale = QStringLiteral("Not: %1").arg(o.rationale);
            return o;
        }
        std::vector<DetectorOutcome> applicable;
        QString naReasons;
        for (const auto &child : children) {
            DetectorOutcome o = child->evaluate(context);
            if (o.na)
                naReasons += (naReasons.isEmpty() ? QString() : QStringLiteral(" ")) + o.rationale;
            else
                applicable.push_back(std::move(o));
        }
        if (applicable.empty())
            return DetectorOutcome::notApplicable(naReasons);
        DetectorOutcome out;
        out.fraction = applicable.front().fraction;
        QStringList reasons;
        const DetectorOutcome *decisive = &applicable.front();
        Confidence weakest = Confidence::Clear;
        for (DetectorOutcome &o : applicable) {
            const bool decides = kind == Kind::All ? o.fraction < out.fraction
                                                   : o.fraction > out.fraction;
            if (decides) {
                out.fraction = o.fraction;
                decisive = &o;
            }
            if (o.confidence != Confidence::Clear)
                weakest = Confidence::Weak;
            reasons << o.rationale;
            for (EvidenceSpan &s : o.evidence)
                out.evidence.push_back(s);
        }
        // A clear fail of one part of "all" (a clear pass of one part of "any") decides
        // however unsure the others are; otherwise the verdict is as sure as its least
        // sure part.
        const bool settledByOne = kind == Kind::All ? out.fraction < 0.5 : out.fraction >= 0.5;
        out.confidence = settledByOne ? decisive->confidence : weakest;
        out.rationale = reasons.join(QLatin1Char(' '));
        return out;
    }
};

} // namespace

std::unique_ptr<Detector> makeCombinationDetector(const QJsonObject &config,
                                                  DetectorBuild &build)
{
    auto d = std::make_unique<CombinationDetector>();
    const QString type = config.value(QStringLiteral("type")).toString();
    d->kind = type == QLatin1String("all")   ? CombinationDetector::Kind::All
              : type == QLatin1String("any") ? CombinationDetector::Kind::Any
                                             : CombinationDetector::Kind::Not;
    QJsonArray configs = config.value(QStringLiteral("detectors")).toArray();
    if (d->kind == CombinationDetector::Kind::Not && configs.isEmpty() &&
        config.value(QStringLiteral("detector")).isObject())
        configs.append(config.value(QStringLiteral("detector")));
    if (configs.isEmpty() || (d->kind == CombinationDetector::Kind::Not && configs.size() != 1)) {
        build.error(QStringLiteral("\"%1\" needs %2")
                        .arg(type, d->kind == CombinationDetector::Kind::Not
                                       ? QStringLiteral("one \"detector\"")
                                       : QStringLiteral("a non-empty \"detectors\" list")));
        return nullptr;
    }
    for (const QJsonValue &c : configs) {
        auto child = createDetector(c.toObject(), build);
        if (!child)
            return nullptr;
        d->children.push_back(std::move(child));
    }
    return d;
}

} // namespace qaw
