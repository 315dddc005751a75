#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"

#include <QJsonArray>
#include <QVariant>

namespace qaw {
namespace {

enum class Op { Eq, Ne, Lt, Lte, Gt, Gte, In, NotIn, Contains, Exists, Missing };

const QHash<QString, Op> &ops()
{
    static const QHash<QString, Op> all = {
        {QStringLiteral("eq"), Op::Eq},       {QStringLiteral("ne"), Op::Ne},
        {QStringLiteral("lt"), Op::Lt},       {QStringLiteral("lte"), Op::Lte},
        {QStringLiteral("gt"), Op::Gt},       {QStringLiteral("gte"), Op::Gte},
        {QStringLiteral("in"), Op::In},       {QStringLiteral("not_in"), Op::NotIn},
        {QStringLiteral("contains"), Op::Contains}, {QStringLiteral("exists"), Op::Exists},
        {QStringLiteral("missing"), Op::Missing}};
    return all;
}

QStringList knownFields()
{
    return {QStringLiteral("channel"),     QStringLiteral("queue"),
            QStringLiteral("language"),    QStringLiteral("source"),
            QStringLiteral("agent_id"),    QStringLiteral("agent_name"),
            QStringLiteral("team"),        QStringLiteral("customer_id"),
            QStringLiteral("csat"),        QStringLiteral("resolved"),
            QStringLiteral("repeat_contact"), QStringLiteral("duration"),
            QStringLiteral("duration_ms"), QStringLiteral("turn_count"),
            QStringLiteral("tags")};
}

// The field's value, invalid when the interaction does not have it.
QVariant fieldValue(const ScoringContext &context, const QString &field)
{
    const Interaction &in = context.interaction();
    if (field.startsWith(QLatin1String("attributes."))) {
        const QJsonValue v = in.attributes.value(field.mid(11));
        return v.isUndefined() || v.isNull() ? QVariant() : v.toVariant();
    }
    auto text = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    if (field == QLatin1String("channel"))
        return text(in.channel);
    if (field == QLatin1String("queue"))
        return text(in.queue);
    if (field == QLatin1String("language"))
        return text(in.language);
    if (field == QLatin1String("source"))
        return text(in.source);
    if (field == QLatin1String("agent_id"))
        return text(in.agentId);
    if (field == QLatin1String("agent_name"))
        return text(in.agentName);
    if (field == QLatin1String("team"))
        return text(in.team);
    if (field == QLatin1String("customer_id"))
        return text(in.customerId);
    if (field == QLatin1String("csat"))
        return in.csat ? QVariant(*in.csat) : QVariant();
    if (field == QLatin1String("resolved"))
        return in.resolved ? QVariant(*in.resolved) : QVariant();
    if (field == QLatin1String("repeat_contact"))
        return context.stored().repeatContact ? QVariant(*context.stored().repeatContact)
                                              : QVariant();
    if (field == QLatin1String("duration") || field == QLatin1String("duration_ms")) {
        qint64 ms = in.durationMs >= 0 ? in.durationMs : context.stored().metrics.durationMs;
        if (ms < 0)
            return {};
        return field == QLatin1String("duration") ? QVariant(double(ms) / 1000.0) : QVariant(ms);
    }
    if (field == QLatin1String("turn_count"))
        return context.turnCount();
    if (field == QLatin1String("tags"))
        return in.tags;
    return {};
}

bool equalValues(const QVariant &a, const QJsonValue &b)
{
    if (b.isBool())
        return a.toBool() == b.toBool() && (a.typeId() == QMetaType::Bool || a.canConvert<int>());
    if (b.isDouble()) {
        bool ok = false;
        const double x = a.toDouble(&ok);
        return ok && x == b.toDouble();
    }
    return a.toString() == b.toString();
}

//! A condition on one field of the interaction: {"field": "csat", "op": "gte",
//! "value": 4}. Passes when the condition holds; N/A when the field is missing (except
//! for the exists / missing operators).
class MetadataDetector : public Detector
{
public:
    QString field;
    QString opName;
    Op op = Op::Eq;
    QJsonValue value;

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        const QVariant v = fieldValue(context, field);
        if (op == Op::Exists || op == Op::Missing) {
            const bool holds = v.isValid() == (op == Op::Exists);
            const QString why = QStringLiteral("The interaction %1 %2.")
                                    .arg(v.isValid() ? QStringLiteral("has")
                                                     : QStringLiteral("has no"),
                                         field);
            return holds ? DetectorOutcome::pass(why) : DetectorOutcome::fail(why);
        }
        if (!v.isValid())
            return DetectorOutcome::notApplicable(
                QStringLiteral("The interaction has no %1.").arg(field));
        bool holds = false;
        switch (op) {
        case Op::Eq:
            holds = equalValues(v, value);
            break;
        case Op::Ne:
            holds = !equalValues(v, value);
            break;
        case Op::Lt:
        case Op::Lte:
        case Op::Gt:
        case Op::Gte: {
            bool ok = false;
            const double x = v.toDouble(&ok);
            const double y = value.toDouble();
            holds = ok && (op == Op::Lt    ? x < y
                           : op == Op::Lte ? x <= y
                           : op == Op::Gt  ? x > y
                                           : x >= y);
            break;
        }
        case Op::In:
        case Op::NotIn: {
            bool found = false;
            for (const QJsonValue &item : value.toArray())
                found = found || equalValues(v, item);
            holds = (op == Op::In) == found;
            break;
        }
        case Op::Contains:
            holds = v.typeId() == QMetaType::QStringList
                        ? v.toStringList().contains(value.toString())
                        : v.toString().contains(value.toString(), Qt::CaseInsensitive);
            break;
        case Op::Exists:
        case Op::Missing:
            break;
        }
        const QString shown = v.typeId() == QMetaType::QStringList
                                  ? v.toStringList().join(QStringLiteral(", "))
                                  : v.toString();
        const QString why = QStringLiteral("%1 is %2: the condition %1 %3 %4 %5.")
                                .arg(field, shown, opName,
                                     value.isArray() || value.isObject()
                                         ? QStringLiteral("[list]")
                                         : value.toVariant().toString(),
                                     holds ? QStringLiteral("holds")
                                           : QStringLiteral("does not hold"));
        return holds ? DetectorOutcome::pass(why) : DetectorOutcome::fail(why);
    }
};

} // namespace

std::unique_ptr<Detector> makeMetadataDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<MetadataDetector>();
    d->field = config.value(QStringLiteral("field")).toString();
    d->opName = config.value(QStringLiteral("op")).toString(QStringLiteral("eq"));
    d->value = config.value(QStringLiteral("value"));
    if (!knownFields().contains(d->field) && !d->field.startsWith(QLatin1String("attributes."))) {
        build.error(QStringLiteral("unknown field \"%1\" (known: %2, attributes.NAME)")
                        .arg(d->field, knownFields().join(QStringLiteral(", "))));
        return nullptr;
    }
    if (!ops().contains(d->opName)) {
        build.error(QStringLiteral("unknown op \"%1\"").arg(d->opName));
        return nullptr;
    }
    d->op = ops().value(d->opName);
    if ((d->op == Op::In || d->op == Op::NotIn) && !d->value.isArray()) {
        build.error(QStringLiteral("op %1 needs a list value").arg(d->opName));
        return nullptr;
    }
    return d;
}

} // namespace qaw
