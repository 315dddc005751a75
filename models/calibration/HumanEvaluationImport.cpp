#include "calibration/HumanEvaluationImport.h"

#include "calibration/HumanEvaluationStore.h"
#include "domain/Scorecard.h"
#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<QStringList> csvRecords(const QString &text)
{
    std::vector<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (ch == QLatin1Char(',')) {
            fields << field;
            field.clear();
            any = true;
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty()) {
                fields << field;
                records.push_back(fields);
            }
            fields.clear();
            field.clear();
            any = false;
        } else {
            field += ch;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        fields << field;
        records.push_back(fields);
    }
    return records;
}

bool truthy(const QString &text)
{
    static const QStringList yes = {QStringLiteral("1"), QStringLiteral("true"),
                                    QStringLiteral("yes"), QStringLiteral("y"),
                                    QStringLiteral("n/a"), QStringLiteral("na")};
    return yes.contains(text.trimmed().toLower());
}

int columnOf(const QStringList &header, const QStringList &names)
{
    for (int i = 0; i < header.size(); ++i)
        if (names.contains(header.at(i).trimmed().toLower()))
            return i;
    return -1;
}

} // namespace

HumanEvaluationImport::HumanEvaluationImport(Workspace &workspace) : m_workspace(workspace) {}

std::optional<QHash<QString, QString>> HumanEvaluationImport::mappingFromJson(const QByteArray &json,
                                                                              QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("the mapping must be a JSON object of question -> criterion id "
                                "(%1)")
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    QHash<QString, QString> mapping;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        mapping.insert(it.key(), it.value().toString());
    return mapping;
}

std::vector<HumanScoreRecord> HumanEvaluationImport::parseCsv(const QByteArray &data,
                                                              std::vector<HumanImportReject> *rejects,
                                                              QString *error)
{
    std::vector<HumanScoreRecord> out;
    const std::vector<QStringList> records = csvRecords(QString::fromUtf8(data));
    if (records.empty()) {
        *error = QStringLiteral("the file is empty");
        return out;
    }
    const QStringList &header = records.front();
    const int interaction = columnOf(header, {QStringLiteral("interaction_id"),
                                              QStringLiteral("interaction")});
    const int reviewer = columnOf(header, {QStringLiteral("reviewer"), QStringLiteral("evaluator")});
    const int criterion = columnOf(header, {QStringLiteral("criterion_id"),
                                            QStringLiteral("criterion")});
    const int value = columnOf(header, {QStringLiteral("value"), QStringLiteral("score")});
    const int na = columnOf(header, {QStringLiteral("na"), QStringLiteral("n/a"),
                                     QStringLiteral("not_applicable")});
    const int comment = columnOf(header, {QStringLiteral("comment"), QStringLiteral("notes")});
    if (interaction < 0 || reviewer < 0 || criterion < 0 || value < 0) {
        *error = QStringLiteral("the header must name the columns interaction_id, reviewer, "
                                "criterion_id and value (na and comment are optional); found: %1")
                     .arg(header.join(QLatin1Char(',')));
        return out;
    }
    for (size_t i = 1; i < records.size(); ++i) {
        const QStringList &f = records[i];
        auto cell = [&](int column) { return column >= 0 && column < f.size() ? f.at(column).trimmed() : QString(); };
        HumanScoreRecord r;
        r.recordNo = int(i + 1);
        r.raw = f.join(QLatin1Char(','));
        r.interactionRef = cell(interaction);
        r.reviewer = cell(reviewer);
        r.criterionId = cell(criterion);
        r.comment = cell(comment);
        const QString v = cell(value);
        r.na = truthy(cell(na)) || v.compare(QLatin1String("n/a"), Qt::CaseInsensitive) == 0;
        bool ok = true;
        if (!r.na && !v.isEmpty())
            r.value = v.toDouble(&ok);
        QString reason;
        if (r.interactionRef.isEmpty() || r.reviewer.isEmpty() || r.criterionId.isEmpty())
            reason = QStringLiteral("interaction_id, reviewer and criterion_id are required");
        else if (!ok)
            reason = QStringLiteral("value \"%1\" is not a number").arg(v);
        else if (!r.na && !r.value)
            reason = QStringLiteral("no value and not marked N/A");
        if (!reason.isEmpty())
            rejects->push_back({r.recordNo, reason, r.raw});
        else
            out.push_back(r);
    }
    return out;
}

std::vector<HumanScoreRecord> HumanEvaluationImport::parseConnect(const QByteArray &data,
                                                                  const Scorecard &card,
                                                                  std::vector<HumanImportReject> *rejects,
                                                                  QString *error) const
{
    std::vector<HumanScoreRecord> out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    QJsonArray forms;
    if (doc.isObject())
        forms.append(doc.object());
    else if (doc.isArray())
        forms = doc.array();
    else {
        *error = QStringLiteral("not a JSON evaluation form: %1").arg(parseError.errorString());
        return out;
    }
    int recordNo = 0;
    for (const QJsonValue &formValue : forms) {
        const QJsonObject form = formValue.toObject();
        const QJsonObject meta = form.value(QStringLiteral("metadata")).toObject();
        const QString schema = form.value(QStringLiteral("schemaVersion")).toString();
        const QString contact = meta.value(QStringLiteral("contactId")).toString();
        const QString evaluator = meta.value(QStringLiteral("evaluator")).toString();
        for (const QJsonValue &qv : form.value(QStringLiteral("questions")).toArray()) {
            const QJsonObject question = qv.toObject();
            const QJsonObject answer = question.value(QStringLiteral("answer")).toObject();
            const QString refId = question.value(QStringLiteral("questionRefId")).toString();
            const QString text = question.value(QStringLiteral("questionText")).toString();
            const QString type = question.value(QStringLiteral("questionType")).toString();
            HumanScoreRecord r;
            r.recordNo = ++recordNo;
            r.raw = QString::fromUtf8(QJsonDocument(question).toJson(QJsonDocument::Compact));
            r.interactionRef = contact;
            r.reviewer = evaluator;
            r.comment = answer.value(QStringLiteral("notes")).toString();
            auto reject = [&](const QString &reason) {
                rejects->push_back({r.recordNo, reason, r.raw});
            };
            if (!schema.startsWith(QLatin1String("3."))) {
                reject(QStringLiteral("schemaVersion \"%1\" is not 3.x").arg(schema));
                continue;
            }
            if (contact.isEmpty() || evaluator.isEmpty()) {
                reject(QStringLiteral("the form has no metadata.contactId or metadata.evaluator"));
                continue;
            }
            if (type != QLatin1String("SINGLESELECT") && type != QLatin1String("NUMERIC")) {
                reject(QStringLiteral("question %1 is a %2 question: a free answer has no score")
                           .arg(refId, type));
                continue;
            }
            QString criterionId = m_mapping.value(refId, m_mapping.value(text));
            if (criterionId.isEmpty() && card.criterion(refId))
                criterionId = refId;
            if (criterionId.isEmpty())
                for (const Criterion *c : card.criteria())
                    if (c->name.compare(text, Qt::CaseInsensitive) == 0)
                        criterionId = c->id;
            const Criterion *criterion = card.criterion(criterionId);
            if (!criterion) {
                reject(criterionId.isEmpty()
                           ? QStringLiteral("question %1 (\"%2\") maps to no criterion; add it "
                                            "to the mapping")
                                 .arg(refId, text)
                           : QStringLiteral("question %1 maps to \"%2\", which the scorecard "
                                            "does not have")
                                 .arg(refId, criterionId));
                continue;
            }
            r.criterionId = criterionId;
            if (answer.value(QStringLiteral("metadata")).toObject()
                    .value(QStringLiteral("notApplicable")).toBool()) {
                r.na = true;
                out.push_back(r);
                continue;
            }
            QString chosen;
            if (type == QLatin1String("SINGLESELECT")) {
                for (const QJsonValue &option : answer.value(QStringLiteral("values")).toArray())
                    if (option.toObject().value(QStringLiteral("selected")).toBool())
                        chosen = option.toObject().value(QStringLiteral("valueText")).toString();
                if (chosen.isEmpty()) {
                    reject(QStringLiteral("question %1: no option selected").arg(refId));
                    continue;
                }
            } else { // NUMERIC
                const QJsonValue v = answer.value(QStringLiteral("value"));
                chosen = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
            }
            bool ok = false;
            double value = chosen.toDouble(&ok);
            if (!ok && criterion->scale.type == Scale::Type::YesNo) {
                ok = chosen.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0 ||
                     chosen.compare(QLatin1String("no"), Qt::CaseInsensitive) == 0;
                value = chosen.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0 ? 1 : 0;
            }
            if (!ok) {
                reject(QStringLiteral("question %1: answer \"%2\" is not a value on the %3 "
                                      "scale of \"%4\"")
                           .arg(refId, chosen, criterion->scale.name(), criterionId));
                continue;
            }
            r.value = value;
            out.push_back(r);
        }
    }
    return out;
}

qint64 HumanEvaluationImport::resolveInteraction(const QString &ref) const
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id FROM interactions WHERE external_id = ? LIMIT 2"));
    q.addBindValue(ref);
    std::vector<qint64> found;
    if (q.exec())
        while (q.next())
            found.push_back(q.value(0).toLongLong());
    if (found.size() == 1)
        return found.front();
    bool ok = false;
    const qint64 id = ref.toLongLong(&ok);
    if (!ok)
        return -1;
    q.prepare(QStringLiteral("SELECT id FROM interactions WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? id : -1;
}

HumanImportResult HumanEvaluationImport::store(const std::vector<HumanScoreRecord> &records,
                                               std::vector<HumanImportReject> rejects,
                                               const QString &file, const QString &format,
                                               QString *error)
{
    HumanImportResult result;
    const auto active = ScorecardRepository(m_workspace).active();
    if (!active) {
        *error = QStringLiteral("the workspace has no scorecard");
        return result;
    }
    const Scorecard &card = active->scorecard;
    // Group the valid records by (interaction, reviewer), in file order.
    QMap<QPair<qint64, QString>, std::vector<const HumanScoreRecord *>> groups;
    for (const HumanScoreRecord &r : records) {
        const qint64 interaction = resolveInteraction(r.interactionRef);
        const Criterion *c = card.criterion(r.criterionId);
        QString reason;
        if (interaction < 0)
            reason = QStringLiteral("no interaction with id \"%1\"").arg(r.interactionRef);
        else if (!c)
            reason = QStringLiteral("the scorecard has no criterion \"%1\"").arg(r.criterionId);
        else if (!r.na && r.value &&
                 (*r.value < c->scale.minimum() || *r.value > c->scale.maximum()))
            reason = QStringLiteral("%1 is outside the scale of \"%2\" (%3 to %4)")
                         .arg(*r.value)
                         .arg(r.criterionId)
                         .arg(c->scale.minimum())
                         .arg(c->scale.maximum());
        if (!reason.isEmpty())
            rejects.push_back({r.recordNo, reason, r.raw});
        else
            groups[{interaction, r.reviewer}].push_back(&r);
    }
    HumanEvaluationStore humans(m_workspace);
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        Evaluation e = humans.find(it.key().first, it.key().second, m_sessionId).value_or(Evaluation{});
        e.interactionId = it.key().first;
        e.evaluator = it.key().second;
        e.kind = EvaluatorKind::Human;
        e.calibrationSessionId = m_sessionId;
        if (e.id < 0)
            e.scorecardVersionId = active->versionId;
        for (const HumanScoreRecord *r : it.value()) {
            CriterionResult cr;
            cr.criterionId = r->criterionId;
            cr.na = r->na;
            cr.value = r->na ? std::nullopt : r->value;
            cr.comment = r->comment;
            auto existing = std::find_if(e.criteria.begin(), e.criteria.end(),
                                         [&](const CriterionResult &x) { return x.criterionId == cr.criterionId; });
            if (existing != e.criteria.end())
                *existing = cr;
            else
                e.criteria.push_back(cr);
        }
        QString saveError;
        if (humans.save(e, card, &saveError) < 0) {
            for (const HumanScoreRecord *r : it.value())
                rejects.push_back({r->recordNo, saveError, r->raw});
            continue;
        }
        ++result.evaluations;
        result.scores += int(it.value().size());
    }
    std::sort(rejects.begin(), rejects.end(),
              [](const HumanImportReject &a, const HumanImportReject &b) { return a.recordNo < b.recordNo; });
    result.rejects = rejects;

    // The batch and its rejects: nothing the user gave is dropped silently.
    QSqlQuery batch(m_workspace.database());
    batch.prepare(QStringLiteral("INSERT INTO import_batches(file_path, format, started_at, "
                                 "finished_at, n_imported, n_rejected, status, message) "
                                 "VALUES(?, ?, ?, ?, ?, ?, 'done', ?)"));
    const qint64 now = nowMs();
    batch.addBindValue(file);
    batch.addBindValue(format);
    batch.addBindValue(now);
    batch.addBindValue(now);
    batch.addBindValue(result.scores);
    batch.addBindValue(int(rejects.size()));
    batch.addBindValue(QStringLiteral("human evaluations: %1 evaluations, %2 scores")
                           .arg(result.evaluations)
                           .arg(result.scores));
    if (!batch.exec()) {
        *error = batch.lastError().text();
        return result;
    }
    result.batchId = batch.lastInsertId().toLongLong();
    QSqlQuery reject(m_workspace.database());
    reject.prepare(QStringLiteral("INSERT INTO rejected_records(batch_id, record_no, reason, raw) "
                                  "VALUES(?, ?, ?, ?)"));
    for (const HumanImportReject &r : rejects) {
        reject.addBindValue(result.batchId);
        reject.addBindValue(r.recordNo);
        reject.addBindValue(r.reason);
        reject.addBindValue(r.raw);
        reject.exec();
    }
    return result;
}

std::optional<HumanImportResult> HumanEvaluationImport::importFile(const QString &path,
                                                                   const QString &format,
                                                                   const QString &user,
                                                                   QString *error)
{
    Q_UNUSED(user)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    std::vector<HumanImportReject> rejects;
    std::vector<HumanScoreRecord> records;
    QString parseError;
    if (format == QLatin1String("connect")) {
        const auto active = ScorecardRepository(m_workspace).active();
        if (!active) {
            *error = QStringLiteral("the workspace has no scorecard");
            return std::nullopt;
        }
        records = parseConnect(data, active->scorecard, &rejects, &parseError);
    } else if (format == QLatin1String("csv")) {
        records = parseCsv(data, &rejects, &parseError);
    } else {
        *error = QStringLiteral("unknown format \"%1\" (csv or connect)").arg(format);
        return std::nullopt;
    }
    if (!parseError.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, parseError);
        return std::nullopt;
    }
    QString storeError;
    HumanImportResult result = store(records, rejects, path, format, &storeError);
    if (!storeError.isEmpty()) {
        *error = storeError;
        return std::nullopt;
    }
    return result;
}

} // namespace qaw
