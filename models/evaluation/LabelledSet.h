#pragma once

#include "storage/WorkspaceQueries.h"

#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace qaw {

//! One hand-labelled line of what an agent (or a customer) said, as the evaluation set
//! keeps it (docs/scoring-evaluation.md): which behaviour it is about, whether the
//! behaviour is there, the style of English, the words.
struct LabelledUtterance
{
    QString criterion; //!< greeting, verification, empathy, tone, hold_ask, ...
    bool label = false;
    QString style; //!< uk, us, in, au, chat, asr
    QString text;
    QString source; //!< the file it came from
    int line = 0;
};

//! One hand-labelled interaction: the interaction and, per criterion, the verdict a
//! careful reviewer gives ("pass", "fail" or "na").
struct LabelledInteraction
{
    StoredInteraction stored;
    QMap<QString, QString> expected;
    QString source;
};

//! Reads a labelled utterance file: a header line, then criterion, label (0 or 1), style
//! and text separated by tabs. Nullopt with the first problem in \a error.
std::optional<std::vector<LabelledUtterance>> readLabelledUtterances(const QString &path,
                                                                     QString *error);
//! Reads native JSON Lines whose interactions carry "expected": {criterion: verdict}.
std::optional<std::vector<LabelledInteraction>> readLabelledInteractions(const QString &path,
                                                                         QString *error);

//! The criteria the utterance set labels, and the scorecard criterion each is measured
//! through: the utterance is set in a short neutral call where only it can decide that
//! criterion's verdict (LabelledSet.cpp says how).
QStringList utteranceCriteria();
QString scorecardCriterionFor(const QString &utteranceCriterion);

//! The neutral call that carries \a u, and the verdict its label means for
//! scorecardCriterionFor(u.criterion): "pass", "fail" or "na".
StoredInteraction callAround(const LabelledUtterance &u);
QString expectedVerdict(const LabelledUtterance &u);

} // namespace qaw
