#include "storage/EvaluationExport.h"

#include "io/CsvWriter.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace qaw {
namespace {

const char *const kColumns[] = {"interaction_id", "external_id",       "agent_id",
                                "evaluator",      "evaluation_id",     "scorecard_id",
                                "scorecard_version", "criterion_id",   "value",
                                "max",            "na",                "total",
                                "passed",         "auto_failed",       "stale",
                                "created_at",     "rationale",         "confidence",
                                "comment"};
constexpr int kColumnCount = int(sizeof(kColumns) / sizeof(kColumns[0]));

QString number(const QVariant &v)
{
    return v.isNull() ? QString() : QString::number(v.toDouble(), 'g', 10);
}

// One exported row as JSON; \a q is on a row of the query in exportEvaluations().
QJsonObject jsonRow(const QSqlQuery &q, const QString &created)
{
    QJsonObject o;
    o.insert(QStringLiteral("interaction_id"), q.value(0).toLongLong());
    o.insert(QStringLiteral("external_id"), q.value(1).toString());
    o.insert(QStringLiteral("agent_id"), q.value(2).toString());
    o.insert(QStringLiteral("evaluator"), q.value(3).toString());
    o.insert(QStringLiteral("evaluation_id"), q.value(4).toLongLong());
    o.insert(QStringLiteral("scorecard_id"), q.value(5).toString());
    o.insert(QStringLiteral("scorecard_version"), q.value(6).toInt());
    o.insert(QStringLiteral("criterion_id"), q.value(7).toString());
    o.insert(QStringLiteral("value"),
             q.value(8).isNull() ? QJsonValue() : QJsonValue(q.value(8).toDouble()));
    o.insert(QStringLiteral("max"), q.value(9).toDouble());
    o.insert(QStringLiteral("na"), q.value(10).toBool());
    o.insert(QStringLiteral("total"),
             q.value(11).isNull() ? QJsonValue() : QJsonValue(q.value(11).toDouble()));
    o.insert(QStringLiteral("passed"), q.value(12).toBool());
    o.insert(QStringLiteral("auto_failed"), q.value(13).toBool());
    o.insert(QStringLiteral("stale"), q.value(14).toBool());
    o.insert(QStringLiteral("created_at"), created);
    o.insert(QStringLiteral("rationale"), q.value(16).toString());
    o.insert(QStringLiteral("confidence"),
             q.value(18).isNull() ? QJsonValue() : QJsonValue(q.value(18).toString()));
    o.insert(QStringLiteral("comment"), q.value(19).toString());
    return o;
}

// The same row as CSV cells (CsvWriter quotes and neutralises them).
QStringList csvRow(const QSqlQuery &q, const QString &created)
{
    QStringList f;
    f.reserve(kColumnCount);
    f << q.value(0).toString() << q.value(1).toString() << q.value(2).toString()
      << q.value(3).toString() << q.value(4).toString() << q.value(5).toString()
      << q.value(6).toString() << q.value(7).toString() << number(q.value(8))
      << number(q.value(9)) << QString::number(q.value(10).toInt())
      << number(q.value(11)) << QString::number(q.value(12).toInt())
      << QString::number(q.value(13).toInt()) << QString::number(q.value(14).toInt())
      << created << q.value(16).toString() << q.value(18).toString()
      << q.value(19).toString();
    return f;
}

} // namespace

qint64 exportEvaluations(const Workspace &workspace, QIODevice &out, bool jsonLines,
                         QString *error)
{
    QSqlQuery q(workspace.database());
    q.setForwardOnly(true);
    // Automated evaluations' scores come packed (automated_scores), human ones' from
    // their rows; the two halves are each read in evaluation order and merged.
    const QString half = QStringLiteral(
        "SELECT i.id, i.external_id, a.external_id, e.evaluator, e.id AS evaluation_id, "
        "s.key, v.version, c.criterion_id, c.value, c.max, c.na, e.total, e.passed, "
        "e.auto_failed, e.stale, e.created_at, r.text, c.ordinal, %2, %3 FROM %1 c "
        "JOIN evaluations e ON e.id = c.evaluation_id "
        "LEFT JOIN rationale_texts r ON r.id = c.rationale_id "
        "JOIN interactions i ON i.id = e.interaction_id "
        "JOIN agents a ON a.id = i.agent_id "
        "JOIN scorecard_versions v ON v.id = e.scorecard_version_id "
        "JOIN scorecards s ON s.id = v.scorecard_id");
    // A person's verdict is clear; an automated one from before confidence was kept is
    // left empty.
    if (!q.exec(half.arg(QLatin1String("automated_scores"), QLatin1String("c.confidence"),
                         QLatin1String("NULL")) +
                QStringLiteral(" UNION ALL ") +
                half.arg(QLatin1String("criterion_scores"),
                         QLatin1String("coalesce(c.confidence, 'clear')"),
                         QLatin1String("c.comment")) +
                QStringLiteral(" ORDER BY evaluation_id, ordinal, criterion_id"))) {
        *error = q.lastError().text();
        return -1;
    }
    CsvWriter csv(out);
    if (!jsonLines) {
        QStringList header;
        for (const char *c : kColumns)
            header << QLatin1String(c);
        if (!csv.writeRow(header)) {
            *error = csv.errorString();
            return -1;
        }
    }
    qint64 rows = 0;
    while (q.next()) {
        const QString created =
            QDateTime::fromMSecsSinceEpoch(q.value(15).toLongLong(), QTimeZone::utc())
                .toString(Qt::ISODateWithMs);
        if (jsonLines) {
            const QJsonObject o = jsonRow(q, created);
            const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            if (out.write(line) != line.size()) {
                *error = out.errorString();
                return -1;
            }
        } else {
            const QStringList f = csvRow(q, created);
            if (!csv.writeRow(f)) {
                *error = csv.errorString();
                return -1;
            }
        }
        ++rows;
    }
    return rows;
}

} // namespace qaw
