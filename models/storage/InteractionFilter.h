#pragma once

#include <QDate>
#include <QString>
#include <QVariantList>

#include <optional>

namespace qaw {

//! What the Interactions, Trends and Coaching views filter on. Empty fields do not
//! filter. Turned into a SQL WHERE clause with bound values, never with spliced text.
struct InteractionFilter
{
    QDate from;
    QDate to; //!< inclusive
    qint64 teamId = -1;
    qint64 agentId = -1;
    QString channel;
    QString queue;
    std::optional<double> minTotal;
    std::optional<double> maxTotal;
    bool autoFailedOnly = false;
    bool flaggedOnly = false;
    bool withHumanOnly = false;
    QString text; //!< words that must all occur somewhere in the transcript (FTS5)
    std::optional<double> belowTotal; //!< auto_total < this (half-open histogram bins)
    bool withCsatOnly = false;        //!< only interactions with a CSAT (scatter points)

    //! Which result of criterionId in the current automated evaluation to keep.
    enum class CriterionResult { Applicable, Passed, Failed };
    //! When set: only interactions whose current automated evaluation scored this
    //! criterion (N/A left out), optionally only those that passed (value >= pass mark)
    //! or failed (value < pass mark). Charts drill down through this.
    QString criterionId;
    CriterionResult criterionResult = CriterionResult::Applicable;
    double criterionPassMark = 0.5;

    bool operator==(const InteractionFilter &other) const;
    bool operator!=(const InteractionFilter &other) const { return !(*this == other); }

    //! "WHERE ..." (or empty) over table alias \a alias, and the values to bind in order.
    //! \a totalRangeUsesIndex false keeps SQLite from reading a score range through the
    //! auto_total index (which then sorts the whole range by date for every page): right
    //! for reading pages in another order, wrong for counting.
    QString whereClause(const QString &alias, QVariantList *values,
                        bool totalRangeUsesIndex = true) const;
};

//! Turns what a person types into a safe FTS5 query: each run of letters and digits
//! quoted, all required; everything else (quotes, operators, apostrophes) separates.
QString ftsQueryFromText(const QString &text);

} // namespace qaw
