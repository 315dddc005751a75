#pragma once

#include "domain/ConceptLibrary.h"
#include "domain/Evaluation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaw {

//! A criterion's scale: yes/no (0 or 1), 1-5, or 0-N points.
struct Scale
{
    enum class Type { YesNo, OneToFive, Points };
    Type type = Type::YesNo;
    int points = 1; //!< N for Points

    double minimum() const { return type == Type::OneToFive ? 1 : 0; }
    double maximum() const;
    //! The value as a fraction of the scale, 0 (worst) to 1 (best).
    double normalised(double value) const;
    //! A value below the middle of the scale is a fail (yes/no: "no"; 1-5: 1 or 2).
    bool isFail(double value) const;
    QString name() const; //!< "yes_no", "scale_1_5", "points"
};

enum class AutoFail { None, Evaluation, Section };

//! One thing the scorecard checks, with why it matters and how it is detected.
struct Criterion
{
    QString id;
    QString name;
    QString purpose;
    double weight = 1;
    Scale scale;
    AutoFail autoFail = AutoFail::None;
    QString outcome;     //!< the CX outcome it is meant to move: csat, fcr, aht, compliance
    QJsonObject na;      //!< when it does not apply, e.g. {"channel_in": ["email"]}
    QJsonObject detector; //!< how it is scored automatically (docs/scorecard-format.md)
};

struct ScorecardSection
{
    QString id;
    QString name;
    std::vector<Criterion> criteria;
};

//! The arithmetic of a set of criterion results under a scorecard.
//! Where a criterion result counts in its scorecard: the criterion (the first with the
//! result's id) and its section, as the index of the first section with that section's
//! id (sections are zeroed by id). No criterion: the result does not count.
struct CountedCriterion
{
    const Criterion *criterion = nullptr;
    int section = -1;
};

struct ScoreTotals
{
    std::optional<double> total; //!< 0-100; empty when no criterion applied
    bool passed = false;
    bool autoFailed = false;           //!< a critical criterion failed the whole evaluation
    QStringList autoFailedSections;    //!< sections zeroed by a failed critical criterion
};

//! A weighted, versioned scorecard as stored in the workspace and in the documented JSON
//! file format (docs/scorecard-format.md).
struct Scorecard
{
    //! How verdicts on weak evidence (Confidence::Weak or None) count in the total: as
    //! scored, or left out like N/A. Either way they never auto-fail.
    enum class WeakVerdicts { Count, Exclude };

    QString key;
    QString name;
    QString description;
    double passMark = 80;
    WeakVerdicts weakVerdicts = WeakVerdicts::Count;
    std::vector<ScorecardSection> sections;
    //! The concepts the detectors refer to, kept with the version (docs/scorecard-format.md).
    ConceptLibrary concepts;

    static constexpr int kFormatVersion = 2; //!< 2: concepts and weak_verdicts

    //! Parses the JSON format; on failure returns nullopt and says why in \a errors.
    static std::optional<Scorecard> fromJson(const QByteArray &json, QStringList *errors);
    QByteArray toJson() const;
    //! Problems a person must fix before the scorecard can be saved (empty when valid).
    QStringList validate() const;

    const Criterion *criterion(const QString &id) const;
    QString sectionOf(const QString &criterionId) const;
    std::vector<const Criterion *> criteria() const;

    //! Total = weighted mean of the applicable criteria, 0-100. N/A criteria are left out
    //! (never a pass, never a fail), and so are weak verdicts under WeakVerdicts::Exclude.
    //! A failed critical criterion with a clear verdict zeroes the evaluation (or its
    //! section) and marks it auto-failed; a weak one never does.
    ScoreTotals totals(const std::vector<CriterionResult> &results) const;
    //! The same with each result's place already resolved: \a counted[k] is
    //! counted(results[k].criterionId). A scorer resolves them once per scorecard.
    ScoreTotals totals(const std::vector<CriterionResult> &results,
                       const std::vector<CountedCriterion> &counted) const;
    CountedCriterion counted(const QString &criterionId) const;
};

} // namespace qaw
