#pragma once

#include "evaluation/LabelledSet.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace qaw {

class ScorecardScorer;

enum class Verdict { Pass = 0, Fail = 1, NotApplicable = 2 };

//! "pass", "fail", "na"; nullopt for anything else.
std::optional<Verdict> verdictFromName(const QString &name);
QString verdictName(Verdict v);

//! How a criterion's verdicts compare with the labels: counts of each true verdict
//! against each given one, and how many given verdicts were weak (needed review).
struct CriterionAccuracy
{
    QString criterion;
    int counts[3][3] = {}; //!< [true verdict][given verdict]
    int weak = 0;

    void add(Verdict truth, Verdict given) { ++counts[int(truth)][int(given)]; }
    int total() const;
    int truly(Verdict v) const;
    int given(Verdict v) const;
    //! Of the items truly \a v, the share given \a v; NaN when there are none.
    double recall(Verdict v) const;
    //! Of the items given \a v, the share truly \a v; NaN when there are none.
    double precision(Verdict v) const;
    //! The mean recall over the verdicts that occur among the labels (pass, fail and N/A
    //! alike, so that N/A given where something applied counts as a miss).
    double balancedAccuracy() const;
};

struct AccuracyReport
{
    std::vector<CriterionAccuracy> criteria;
    int items = 0;
    int autoFailed = 0;
    //! Auto-failed although no auto-fail criterion truly failed.
    int falselyAutoFailed = 0;
    //! Auto-fail criteria that truly failed on some item (interactions only).
    int trulyAutoFailed = 0;
    QStringList mistakes; //!< one line each: where, criterion, expected, given, words

    const CriterionAccuracy *criterion(const QString &id) const;
};

//! Each utterance set in its neutral call (callAround), scored, its verdict on the
//! criterion it is about compared with its label.
AccuracyReport evaluateUtterances(const ScorecardScorer &scorer,
                                  const std::vector<LabelledUtterance> &utterances);
//! Each interaction scored, every labelled criterion compared, auto-fails counted.
AccuracyReport evaluateInteractions(const ScorecardScorer &scorer,
                                    const std::vector<LabelledInteraction> &interactions);

//! A table a person reads: per criterion n, balanced accuracy, precision and recall of
//! "the behaviour is there" (pass) and of a violation (fail), N/A agreement, weak share.
QString formatAccuracy(const AccuracyReport &report, const QString &title);
QJsonObject accuracyToJson(const AccuracyReport &report);

} // namespace qaw
