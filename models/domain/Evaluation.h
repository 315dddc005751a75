#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace qaw {

//! Where in the transcript a verdict's evidence is: a turn (0-based sequence number), a
//! character range inside that turn's text, and the time offset when known.
struct EvidenceSpan
{
    int turn = -1;
    int charStart = 0;
    int charEnd = 0;
    qint64 timeMs = -1;

    bool operator==(const EvidenceSpan &o) const
    {
        return turn == o.turn && charStart == o.charStart && charEnd == o.charEnd &&
               timeMs == o.timeMs;
    }
};

//! One criterion's verdict: a value on the criterion's scale, or N/A.
struct CriterionResult
{
    QString criterionId;
    std::optional<double> value; //!< empty when N/A
    double max = 1;
    bool na = false;
    QString rationale; //!< why: the rule and the words, or the reason it is N/A
    QString comment;   //!< a human reviewer's note
    std::vector<EvidenceSpan> evidence;
};

enum class EvaluatorKind { Automated, Human };

//! One scorer's verdict on one interaction under one scorecard version.
struct Evaluation
{
    qint64 id = -1;
    qint64 interactionId = -1;
    qint64 scorecardVersionId = -1;
    EvaluatorKind kind = EvaluatorKind::Automated;
    QString evaluator = QStringLiteral("auto"); //!< "auto" or the reviewer's name
    qint64 calibrationSessionId = -1;
    std::optional<double> total; //!< 0-100; empty when no criterion applied
    bool passed = false;
    bool autoFailed = false;
    bool stale = false;
    qint64 createdAtMs = 0;
    std::vector<CriterionResult> criteria;

    const CriterionResult *criterion(const QString &id) const
    {
        for (const CriterionResult &c : criteria)
            if (c.criterionId == id)
                return &c;
        return nullptr;
    }
};

} // namespace qaw
