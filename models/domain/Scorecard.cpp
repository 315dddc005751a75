#include "domain/Scorecard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace qaw {
namespace {

const QString kFormat = QStringLiteral("qa-workbench-scorecard");

std::optional<Scale> scaleFromJson(const QJsonObject &o)
{
    const QString type = o.value(QStringLiteral("type")).toString();
    Scale s;
    if (type == QLatin1String("yes_no")) {
        s.type = Scale::Type::YesNo;
    } else if (type == QLatin1String("scale_1_5")) {
        s.type = Scale::Type::OneToFive;
    } else if (type == QLatin1String("points")) {
        s.type = Scale::Type::Points;
        s.points = o.value(QStringLiteral("max")).toInt(0);
    } else {
        return std::nullopt;
    }
    return s;
}

// "concepts" is a library object (what a stored version holds), or "builtin:NAME" for
// one shipped in the resources, which the version then keeps as an object.
bool readConcepts(const QJsonValue &value, ConceptLibrary *out, QStringList *errors)
{
    if (value.isUndefined() || value.isNull())
        return true;
    std::optional<ConceptLibrary> library;
    const QString builtInPrefix = QStringLiteral("builtin:");
    if (value.isString() && value.toString().startsWith(builtInPrefix))
        library = ConceptLibrary::builtIn(value.toString().mid(builtInPrefix.size()), errors);
    else if (value.isObject())
        library = ConceptLibrary::fromJson(value.toObject(), errors);
    else
        errors->append(QStringLiteral("\"concepts\" must be a concept library object or "
                                      "\"builtin:NAME\""));
    if (!library)
        return false;
    *out = std::move(*library);
    return true;
}

QString autoFailName(AutoFail a)
{
    switch (a) {
    case AutoFail::Evaluation:
        return QStringLiteral("evaluation");
    case AutoFail::Section:
        return QStringLiteral("section");
    case AutoFail::None:
        break;
    }
    return {};
}

} // namespace

double Scale::maximum() const
{
    switch (type) {
    case Type::YesNo:
        return 1;
    case Type::OneToFive:
        return 5;
    case Type::Points:
        return points;
    }
    return 1;
}

double Scale::normalised(double value) const
{
    const double span = maximum() - minimum();
    if (span <= 0)
        return 0;
    return std::clamp((value - minimum()) / span, 0.0, 1.0);
}

bool Scale::isFail(double value) const
{
    return normalised(value) < 0.5;
}

QString Scale::name() const
{
    switch (type) {
    case Type::YesNo:
        return QStringLiteral("yes_no");
    case Type::OneToFive:
        return QStringLiteral("scale_1_5");
    case Type::Points:
        return QStringLiteral("points");
    }
    return {};
}

std::optional<Scorecard> Scorecard::fromJson(const QByteArray &json, QStringList *errors)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(QStringLiteral("not a JSON object: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat) {
        errors->append(QStringLiteral("\"format\" must be \"%1\"").arg(kFormat));
        return std::nullopt;
    }
    if (o.value(QStringLiteral("format_version")).toInt() > kFormatVersion) {
        errors->append(QStringLiteral("format_version %1 is newer than this version reads (%2)")
                           .arg(o.value(QStringLiteral("format_version")).toInt())
                           .arg(kFormatVersion));
        return std::nullopt;
    }
    Scorecard card;
    card.key = o.value(QStringLiteral("key")).toString();
    card.name = o.value(QStringLiteral("name")).toString();
    card.description = o.value(QStringLiteral("description")).toString();
    card.passMark = o.value(QStringLiteral("pass_mark")).toDouble(80);
    const QString weak = o.value(QStringLiteral("weak_verdicts")).toString(QStringLiteral("count"));
    if (weak != QLatin1String("count") && weak != QLatin1String("exclude")) {
        errors->append(QStringLiteral("\"weak_verdicts\" must be \"count\" or \"exclude\""));
        return std::nullopt;
    }
    card.weakVerdicts = weak == QLatin1String("exclude") ? WeakVerdicts::Exclude : WeakVerdicts::Count;
    if (!readConcepts(o.value(QStringLiteral("concepts")), &card.concepts, errors))
        return std::nullopt;
    for (const QJsonValue &sv : o.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject so = sv.toObject();
        ScorecardSection section;
        section.id = so.value(QStringLiteral("id")).toString();
        section.name = so.value(QStringLiteral("name")).toString();
        for (const QJsonValue &cv : so.value(QStringLiteral("criteria")).toArray()) {
            const QJsonObject co = cv.toObject();
            Criterion c;
            c.id = co.value(QStringLiteral("id")).toString();
            c.name = co.value(QStringLiteral("name")).toString();
            c.purpose = co.value(QStringLiteral("purpose")).toString();
            c.weight = co.value(QStringLiteral("weight")).toDouble(1);
            const auto scale = scaleFromJson(co.value(QStringLiteral("scale")).toObject());
            if (!scale) {
                errors->append(QStringLiteral("criterion \"%1\": unknown scale type").arg(c.id));
                return std::nullopt;
            }
            c.scale = *scale;
            const QString autoFail = co.value(QStringLiteral("auto_fail")).toString();
            c.autoFail = autoFail == QLatin1String("evaluation") ? AutoFail::Evaluation
                         : autoFail == QLatin1String("section")  ? AutoFail::Section
                                                                 : AutoFail::None;
            c.outcome = co.value(QStringLiteral("outcome")).toString();
            c.na = co.value(QStringLiteral("na")).toObject();
            c.detector = co.value(QStringLiteral("detector")).toObject();
            section.criteria.push_back(c);
        }
        card.sections.push_back(section);
    }
    const QStringList problems = card.validate();
    if (!problems.isEmpty()) {
        errors->append(problems);
        return std::nullopt;
    }
    return card;
}

QByteArray Scorecard::toJson() const
{
    QJsonArray sectionArray;
    for (const ScorecardSection &s : sections) {
        QJsonArray criteriaArray;
        for (const Criterion &c : s.criteria) {
            QJsonObject scale{{QStringLiteral("type"), c.scale.name()}};
            if (c.scale.type == Scale::Type::Points)
                scale.insert(QStringLiteral("max"), c.scale.points);
            QJsonObject co{{QStringLiteral("id"), c.id},
                           {QStringLiteral("name"), c.name},
                           {QStringLiteral("purpose"), c.purpose},
                           {QStringLiteral("weight"), c.weight},
                           {QStringLiteral("scale"), scale},
                           {QStringLiteral("outcome"), c.outcome}};
            if (c.autoFail != AutoFail::None)
                co.insert(QStringLiteral("auto_fail"), autoFailName(c.autoFail));
            if (!c.na.isEmpty())
                co.insert(QStringLiteral("na"), c.na);
            co.insert(QStringLiteral("detector"), c.detector);
            criteriaArray.append(co);
        }
        sectionArray.append(QJsonObject{{QStringLiteral("id"), s.id},
                                        {QStringLiteral("name"), s.name},
                                        {QStringLiteral("criteria"), criteriaArray}});
    }
    QJsonObject o{{QStringLiteral("format"), kFormat},
                        {QStringLiteral("format_version"), kFormatVersion},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("description"), description},
                        {QStringLiteral("pass_mark"), passMark},
                        {QStringLiteral("weak_verdicts"),
                         weakVerdicts == WeakVerdicts::Exclude ? QStringLiteral("exclude")
                                                               : QStringLiteral("count")},
                        {QStringLiteral("sections"), sectionArray}};
    if (!concepts.isEmpty())
        o.insert(QStringLiteral("concepts"), concepts.toJson());
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QStringList Scorecard::validate() const
{
    QStringList problems;
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    static const QStringList outcomes = {QStringLiteral("csat"), QStringLiteral("fcr"),
                                         QStringLiteral("aht"), QStringLiteral("compliance")};
    if (name.trimmed().isEmpty())
        problems << QStringLiteral("The scorecard needs a name.");
    if (passMark < 0 || passMark > 100)
        problems << QStringLiteral("The pass mark must be between 0 and 100.");
    QSet<QString> ids;
    double totalWeight = 0;
    for (const ScorecardSection &s : sections) {
        if (s.criteria.empty())
            problems << QStringLiteral("Section \"%1\" has no criteria.").arg(s.name);
        for (const Criterion &c : s.criteria) {
            if (!idPattern.match(c.id).hasMatch())
                problems << QStringLiteral("Criterion id \"%1\" must be lower-case letters, "
                                           "digits and underscores.")
                                .arg(c.id);
            if (ids.contains(c.id))
                problems << QStringLiteral("Criterion id \"%1\" is used twice.").arg(c.id);
            ids.insert(c.id);
            if (!(c.weight > 0))
                problems << QStringLiteral("Criterion \"%1\" needs a weight above 0.").arg(c.id);
            totalWeight += c.weight;
            if (c.scale.type == Scale::Type::Points && c.scale.points < 1)
                problems << QStringLiteral("Criterion \"%1\": a points scale needs a maximum "
                                           "of at least 1.")
                                .arg(c.id);
            if (!c.outcome.isEmpty() && !outcomes.contains(c.outcome))
                problems << QStringLiteral("Criterion \"%1\": outcome must be one of %2.")
                                .arg(c.id, outcomes.join(QStringLiteral(", ")));
        }
    }
    if (!concepts.isEmpty())
        problems << concepts.validate();
    if (ids.isEmpty())
        problems << QStringLiteral("The scorecard has no criteria.");
    else if (!(totalWeight > 0))
        problems << QStringLiteral("The weights add up to 0.");
    return problems;
}

const Criterion *Scorecard::criterion(const QString &id) const
{
    for (const ScorecardSection &s : sections)
        for (const Criterion &c : s.criteria)
            if (c.id == id)
                return &c;
    return nullptr;
}

QString Scorecard::sectionOf(const QString &criterionId) const
{
    for (const ScorecardSection &s : sections)
        for (const Criterion &c : s.criteria)
            if (c.id == criterionId)
                return s.id;
    return {};
}

std::vector<const Criterion *> Scorecard::criteria() const
{
    std::vector<const Criterion *> out;
    for (const ScorecardSection &s : sections)
        for (const Criterion &c : s.criteria)
            out.push_back(&c);
    return out;
}

CountedCriterion Scorecard::counted(const QString &criterionId) const
{
    for (size_t i = 0; i < sections.size(); ++i) {
        for (const Criterion &c : sections[i].criteria) {
            if (c.id != criterionId)
                continue;
            size_t first = 0;
            while (sections[first].id != sections[i].id)
                ++first;
            return {&c, int(first)};
        }
    }
    return {};
}

ScoreTotals Scorecard::totals(const std::vector<CriterionResult> &results) const
{
    std::vector<CountedCriterion> counted;
    counted.reserve(results.size());
    for (const CriterionResult &r : results)
        counted.push_back(this->counted(r.criterionId));
    return totals(results, counted);
}

ScoreTotals Scorecard::totals(const std::vector<CriterionResult> &results,
                              const std::vector<CountedCriterion> &counted) const
{
    ScoreTotals t;
    QVarLengthArray<char, 16> zeroed(qsizetype(sections.size()));
    std::fill(zeroed.begin(), zeroed.end(), char(0));
    bool anyZeroed = false;
    for (size_t k = 0; k < results.size(); ++k) {
        const CriterionResult &r = results[k];
        const Criterion *c = counted[k].criterion;
        // A weak verdict is a question for a person, not grounds to zero the evaluation.
        if (!c || r.na || !r.value || !c->scale.isFail(*r.value) ||
            r.confidence != Confidence::Clear)
            continue;
        if (c->autoFail == AutoFail::Evaluation) {
            t.autoFailed = true;
        } else if (c->autoFail == AutoFail::Section) {
            zeroed[counted[k].section] = 1;
            anyZeroed = true;
        }
    }
    double weighted = 0;
    double weights = 0;
    for (size_t k = 0; k < results.size(); ++k) {
        const CriterionResult &r = results[k];
        const Criterion *c = counted[k].criterion;
        if (!c || r.na || !r.value)
            continue;
        if (weakVerdicts == WeakVerdicts::Exclude && r.confidence != Confidence::Clear)
            continue;
        const bool isZeroed = zeroed[counted[k].section] != 0;
        weighted += c->weight * (isZeroed ? 0.0 : c->scale.normalised(*r.value));
        weights += c->weight;
    }
    for (size_t i = 0; anyZeroed && i < sections.size(); ++i) {
        size_t first = 0;
        while (sections[first].id != sections[i].id)
            ++first;
        if (zeroed[qsizetype(first)])
            t.autoFailedSections << sections[i].id;
    }
    if (weights > 0)
        t.total = t.autoFailed ? 0.0 : 100.0 * weighted / weights;
    t.passed = t.total && !t.autoFailed && *t.total >= passMark;
    return t;
}

} // namespace qaw
