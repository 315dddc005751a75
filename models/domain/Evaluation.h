#pragma once

#include <QString>
#include <QStringView>

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

//! How strong the evidence behind a verdict is. Clear: the words or the moments that
//! decide it are there (or, for an absence, the situation that called for the behaviour
//! is). Weak: partial or indirect evidence; the verdict needs a person's review. None: no
//! evidence either way (every N/A, and a verdict that is only a default). Only clear
//! verdicts auto-fail an evaluation or become coaching items.
enum class Confidence { Clear, Weak, None };

//! "clear", "weak", "none": the names stored and exported.
QString confidenceName(Confidence confidence);
//! The confidence a name gives; nullopt for anything else.
std::optional<Confidence> confidenceFromName(QStringView name);

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
    //! Human verdicts are clear; the automated ones say how strong their evidence is.
    Confidence confidence = Confidence::Clear;

    //! An applicable verdict a person should look at before anyone acts on it.
    bool needsReview() const { return !na && confidence != Confidence::Clear; }
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

    //! How many applicable verdicts need a person's review.
    int needsReview() const
    {
        int n = 0;
        for (const CriterionResult &c : criteria)
            n += c.needsReview() ? 1 : 0;
        return n;
    }

    const CriterionResult *criterion(const QString &id) const
    {
        for (const CriterionResult &c : criteria)
            if (c.criterionId == id)
                return &c;
        return nullptr;
    }
};

} // namespace qaw
