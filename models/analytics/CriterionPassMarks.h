#pragma once

#include <QString>
#include <QVariantList>

#include <vector>

namespace qaw {

class Workspace;
struct Scorecard;

//! What the analytics need to know of a criterion: where its scale passes. A value
//! passes when value >= passMark, which is exactly !Scale::isFail(value) (normalised
//! value of at least one half); the normalised score is (value - minimum) / span.
struct CriterionPassMark
{
    QString id;
    QString name;
    QString outcome; //!< the outcome the scorecard says it should move
    double passMark = 0.5;
    double minimum = 0;
    double span = 1;
};

//! The criteria of the workspace's active scorecard, in scorecard order.
std::vector<CriterionPassMark> activeCriteria(Workspace &workspace);
std::vector<CriterionPassMark> criteriaOf(const Scorecard &scorecard);

//! "WITH crit(id, name, mark, lo, span) AS (VALUES (?, ?, ?, ?, ?), ...)" and its values:
//! lets one SQL statement judge every criterion with bound numbers.
QString criteriaTable(const std::vector<CriterionPassMark> &criteria, QVariantList *values);

} // namespace qaw
