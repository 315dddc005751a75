#pragma once

#include "domain/Evaluation.h"

#include <QString>

#include <vector>

namespace qaw {

class ScoringContext;

//! What a detector found: N/A with the reason, or how well the interaction did as a
//! fraction from 0 (worst) to 1 (best), which the criterion's scale turns into its value
//! (yes/no: pass at 0.5 or above). Always with a rationale and, where there are words or
//! moments to point at, evidence spans.
struct DetectorOutcome
{
    bool na = false;
    double fraction = 0;
    QString rationale;
    std::vector<EvidenceSpan> evidence;
    //! How strong the evidence for the verdict is (domain/Evaluation.h); N/A is None.
    Confidence confidence = Confidence::Clear;

    bool passed() const { return !na && fraction >= 0.5; }

    static DetectorOutcome notApplicable(const QString &why)
    {
        DetectorOutcome o;
        o.na = true;
        o.rationale = why;
        o.confidence = Confidence::None;
        return o;
    }
    static DetectorOutcome graded(double fraction, const QString &why,
                                  std::vector<EvidenceSpan> evidence = {})
    {
        DetectorOutcome o;
        o.fraction = fraction;
        o.rationale = why;
        o.evidence = std::move(evidence);
        return o;
    }
    static DetectorOutcome pass(const QString &why, std::vector<EvidenceSpan> evidence = {})
    {
        return graded(1, why, std::move(evidence));
    }
    static DetectorOutcome fail(const QString &why, std::vector<EvidenceSpan> evidence = {})
    {
        return graded(0, why, std::move(evidence));
    }
    //! This outcome with \a c as its confidence.
    DetectorOutcome &&withConfidence(Confidence c) &&
    {
        confidence = c;
        return std::move(*this);
    }
};

//! Scores one aspect of an interaction. Detectors are built once per scorecard version
//! and are immutable afterwards: evaluate() is a pure function of the context, called
//! from many threads at once.
class Detector
{
public:
    virtual ~Detector() = default;
    virtual DetectorOutcome evaluate(const ScoringContext &context) const = 0;
};

} // namespace qaw
