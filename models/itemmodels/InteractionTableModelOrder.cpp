#include "itemmodels/InteractionTableModelOrder.h"

#include "itemmodels/InteractionTableModel.h"
#include "storage/Workspace.h"

#include <QSqlQuery>

namespace qaw::interaction_order {
namespace {

// The ids are chosen joining only the table the keys need: a join per row costs seconds
// at a million rows (every interaction has an agent, as the count assumes). CROSS JOIN
// makes SQLite keep the left table as the outer loop, so the rows come out in the outer
// table's index order and no sort of the whole result is needed.
const char *const kInteractionsOnly = "interactions i";
const char *const kAgentsForIds = "agents a CROSS JOIN interactions i ON a.id = i.agent_id";
const char *const kTeamsForIds = "teams t CROSS JOIN interactions i ON t.id = i.team_id";
const char *const kAgentsPlannerFree = "interactions i JOIN agents a ON a.id = i.agent_id";
const char *const kTeamsPlannerFree = "interactions i JOIN teams t ON t.id = i.team_id";

bool selective(const InteractionFilter &f)
{
    return f.flaggedOnly || f.autoFailedOnly || f.withHumanOnly || f.minTotal || f.maxTotal ||
           f.belowTotal || !f.text.trimmed().isEmpty() || !f.criterionId.isEmpty();
}

QString singleKey(int column)
{
    switch (column) {
    case InteractionTableModel::ExternalId:
        return QStringLiteral("i.external_id");
    case InteractionTableModel::Duration:
        return QStringLiteral("i.duration_ms");
    case InteractionTableModel::Csat:
        return QStringLiteral("i.csat");
    case InteractionTableModel::Resolved:
        return QStringLiteral("i.resolved");
    case InteractionTableModel::Total:
        return QStringLiteral("i.auto_total");
    case InteractionTableModel::AutoFailed:
        return QStringLiteral("i.auto_failed");
    case InteractionTableModel::Turns:
        return QStringLiteral("i.turn_count");
    default:
        return QStringLiteral("i.started_at");
    }
}

QStringList keysOf(int column)
{
    const QString byTime = QStringLiteral("i.started_at");
    const QString id = QStringLiteral("i.id");
    switch (column) {
    case InteractionTableModel::Agent:
        return {QStringLiteral("a.name"), QStringLiteral("a.id"), byTime, id};
    case InteractionTableModel::Team:
        return {QStringLiteral("t.name"), QStringLiteral("t.id"), byTime, id};
    case InteractionTableModel::Channel:
        return {QStringLiteral("i.channel"), byTime, id};
    case InteractionTableModel::Queue:
        return {QStringLiteral("i.queue"), byTime, id};
    default:
        return {singleKey(column), id};
    }
}

} // namespace

QVector<Segment> segments(int column, Qt::SortOrder order, const InteractionFilter &filter)
{
    const bool few = selective(filter);
    if (column == InteractionTableModel::Agent)
        return {Segment{QLatin1String(few ? kAgentsPlannerFree : kAgentsForIds), QString(),
                        keysOf(column), false}};
    if (column == InteractionTableModel::Team) {
        // NULL team names sort first ascending (SQLite's NULLs are the smallest).
        const Segment noTeam{QLatin1String(kInteractionsOnly), QStringLiteral("i.team_id IS NULL"),
                             {QStringLiteral("i.started_at"), QStringLiteral("i.id")}, true};
        const Segment teams{QLatin1String(few ? kTeamsPlannerFree : kTeamsForIds), QString(),
                            keysOf(column), false};
        return order == Qt::AscendingOrder ? QVector<Segment>{noTeam, teams}
                                           : QVector<Segment>{teams, noTeam};
    }
    return {Segment{QLatin1String(kInteractionsOnly), QString(), keysOf(column), true}};
}

QString referenceOrderBy(int column, Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList terms;
    for (const QString &k : keysOf(column))
        terms << k + dir;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString orderBy(const Segment &segment, bool ascending)
{
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList terms;
    for (const QString &k : segment.keys)
        terms << k + dir;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString where(const InteractionFilter &filter, const Segment &segment, QVariantList *values,
              bool totalRangeUsesIndex)
{
    QString w = filter.whereClause(QStringLiteral("i"), values, totalRangeUsesIndex);
    if (!segment.condition.isEmpty())
        w += (w.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + segment.condition;
    return w;
}

std::optional<QVector<qint64>> readIds(Workspace &workspace, const InteractionFilter &filter,
                                       int column, Qt::SortOrder order,
                                       const std::atomic<bool> &cancelled)
{
    QVector<qint64> ids;
    for (const Segment &s : segments(column, order, filter)) {
        QVariantList values;
        const QString w = where(filter, s, &values, column == InteractionTableModel::Total);
        QSqlQuery q(workspace.database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT i.id FROM ") + s.idFrom + w +
                  orderBy(s, order == Qt::AscendingOrder));
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            return std::nullopt;
        int n = 0;
        while (q.next()) {
            ids.push_back(q.value(0).toLongLong());
            if (++n % 4096 == 0 && cancelled.load())
                return std::nullopt;
        }
    }
    return ids;
}

} // namespace qaw::interaction_order
