#include "domain/ConceptLibrary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace qaw {
namespace {

const QString kFormat = QStringLiteral("qa-workbench-concepts");

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

bool isClassRef(const QString &token)
{
    return token.size() > 2 && token.startsWith(QLatin1Char('{')) &&
           token.endsWith(QLatin1Char('}'));
}

// Class members are plain words, or a whole other class.
QString memberProblem(const QString &member)
{
    if (member.trimmed().isEmpty())
        return QStringLiteral("an empty member");
    if (isClassRef(member.trimmed()))
        return {};
    static const QRegularExpression operators(QStringLiteral("[{}|*?$#^_]|\\.\\.\\."));
    if (member.contains(operators))
        return QStringLiteral("member \"%1\" uses pattern operators; members are plain words "
                              "or a whole {class}")
            .arg(member);
    return {};
}

QJsonArray jsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

std::optional<std::vector<ConceptPatternElement>> parseConceptPattern(const QString &pattern,
                                                                      QString *error)
{
    std::vector<ConceptPatternElement> out;
    const QStringList tokens = pattern.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool clauseStartNext = false;
    for (QString token : tokens) {
        ConceptPatternElement e;
        if (token == QLatin1String("^")) {
            clauseStartNext = true;
            continue;
        }
        if (token == QLatin1String("?")) {
            e.kind = ConceptPatternElement::Kind::Question;
            out.push_back(e);
            continue;
        }
        if (token == QLatin1String("$")) {
            if (out.empty()) {
                *error = QStringLiteral("\"$\" must follow an element");
                return std::nullopt;
            }
            e.kind = ConceptPatternElement::Kind::ClauseEnd;
            out.push_back(e);
            continue;
        }
        e.atClauseStart = clauseStartNext;
        clauseStartNext = false;
        if (token == QLatin1String("...")) {
            e.kind = ConceptPatternElement::Kind::LongGap;
            if (out.empty() || out.back().kind == ConceptPatternElement::Kind::LongGap) {
                *error = QStringLiteral("\"...\" must stand between two elements");
                return std::nullopt;
            }
            out.push_back(e);
            continue;
        }
        if (token.size() > 1 && token.endsWith(QLatin1Char('?'))) {
            e.optional = true;
            token.chop(1);
        }
        if (token == QLatin1String("*")) {
            e.kind = ConceptPatternElement::Kind::AnyWord;
        } else if (token == QLatin1String("#")) {
            e.kind = ConceptPatternElement::Kind::Number;
        } else if (isClassRef(token) && !token.contains(QLatin1Char('|'))) {
            e.kind = ConceptPatternElement::Kind::Class;
            e.className = token.mid(1, token.size() - 2);
        } else {
            // Alternatives are words, words joined by '_', or whole classes.
            e.words = token.split(QLatin1Char('|'), Qt::SkipEmptyParts);
            static const QRegularExpression bad(QStringLiteral("[{}*?#^$]"));
            bool valid = !e.words.isEmpty();
            for (QString &w : e.words) {
                if (isClassRef(w))
                    continue;
                valid = valid && !w.contains(bad);
                w.replace(QLatin1Char('_'), QLatin1Char(' '));
            }
            if (!valid) {
                *error = QStringLiteral("\"%1\" is not a word, a|b alternatives, a {class}, *, #, "
                                        "^, ? or ...")
                             .arg(token);
                return std::nullopt;
            }
        }
        out.push_back(e);
    }
    if (clauseStartNext || (!out.empty() && out.back().kind == ConceptPatternElement::Kind::LongGap)) {
        *error = QStringLiteral("\"^\" and \"...\" must stand before an element");
        return std::nullopt;
    }
    // The question mark is a condition on the whole match, not a word.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const ConceptPatternElement &e) {
                                 return e.kind == ConceptPatternElement::Kind::Question;
                             }),
              out.end());
    if (std::count(tokens.begin(), tokens.end(), QStringLiteral("?")) > 0)
        out.insert(out.begin(), ConceptPatternElement{ConceptPatternElement::Kind::Question, {}, {},
                                                      false, false});
    const bool anyConcrete = std::any_of(out.begin(), out.end(), [](const auto &e) {
        return !e.optional && (e.kind == ConceptPatternElement::Kind::Words ||
                               e.kind == ConceptPatternElement::Kind::Class);
    });
    if (!anyConcrete) {
        *error = QStringLiteral("a pattern needs at least one word or class that is not "
                                "optional");
        return std::nullopt;
    }
    for (const ConceptPatternElement &e : out) {
        if (e.kind == ConceptPatternElement::Kind::Question ||
            e.kind == ConceptPatternElement::Kind::ClauseEnd)
            continue;
        if (e.kind == ConceptPatternElement::Kind::Words || e.kind == ConceptPatternElement::Kind::Class)
            break;
        if (!e.optional || e.kind != ConceptPatternElement::Kind::Words) {
            *error = QStringLiteral("a pattern must begin with a word or a class");
            return std::nullopt;
        }
    }
    return out;
}

const ConceptDefinition *ConceptLibrary::concept(const QString &id) const
{
    const auto it = concepts.constFind(id);
    return it == concepts.constEnd() ? nullptr : &*it;
}

std::optional<ConceptLibrary> ConceptLibrary::fromJson(const QJsonObject &o, QStringList *errors)
{
    if (o.value(QStringLiteral("format")).toString() != kFormat) {
        errors->append(QStringLiteral("concepts: \"format\" must be \"%1\"").arg(kFormat));
        return std::nullopt;
    }
    if (o.value(QStringLiteral("format_version")).toInt() > kFormatVersion) {
        errors->append(QStringLiteral("concepts: format_version %1 is newer than this version "
                                      "reads (%2)")
                           .arg(o.value(QStringLiteral("format_version")).toInt())
                           .arg(kFormatVersion));
        return std::nullopt;
    }
    ConceptLibrary library;
    library.name = o.value(QStringLiteral("name")).toString();
    library.version = o.value(QStringLiteral("version")).toString();
    library.gap = o.value(QStringLiteral("gap")).toInt(2);
    library.agentSignature = o.value(QStringLiteral("agent_signature")).toString();
    const QJsonObject classes = o.value(QStringLiteral("classes")).toObject();
    for (auto it = classes.begin(); it != classes.end(); ++it)
        library.classes.insert(it.key(), stringList(it.value()));
    const QJsonObject concepts = o.value(QStringLiteral("concepts")).toObject();
    for (auto it = concepts.begin(); it != concepts.end(); ++it) {
        const QJsonObject co = it.value().toObject();
        ConceptDefinition c;
        c.id = it.key();
        c.description = co.value(QStringLiteral("description")).toString();
        c.clear = stringList(co.value(QStringLiteral("clear")));
        c.weak = stringList(co.value(QStringLiteral("weak")));
        c.exclude = stringList(co.value(QStringLiteral("exclude")));
        c.excludeInClause = stringList(co.value(QStringLiteral("exclude_in_clause")));
        c.negatable = co.value(QStringLiteral("negatable")).toBool(true);
        c.gap = co.value(QStringLiteral("gap")).toInt(-1);
        library.concepts.insert(c.id, c);
    }
    const QStringList problems = library.validate();
    if (!problems.isEmpty()) {
        errors->append(problems);
        return std::nullopt;
    }
    return library;
}

QJsonObject ConceptLibrary::toJson() const
{
    QJsonObject classObject;
    for (auto it = classes.begin(); it != classes.end(); ++it)
        classObject.insert(it.key(), jsonArray(it.value()));
    QJsonObject conceptObject;
    for (const ConceptDefinition &c : concepts) {
        QJsonObject co{{QStringLiteral("description"), c.description},
                       {QStringLiteral("clear"), jsonArray(c.clear)}};
        if (!c.weak.isEmpty())
            co.insert(QStringLiteral("weak"), jsonArray(c.weak));
        if (!c.exclude.isEmpty())
            co.insert(QStringLiteral("exclude"), jsonArray(c.exclude));
        if (!c.excludeInClause.isEmpty())
            co.insert(QStringLiteral("exclude_in_clause"), jsonArray(c.excludeInClause));
        if (!c.negatable)
            co.insert(QStringLiteral("negatable"), false);
        if (c.gap >= 0)
            co.insert(QStringLiteral("gap"), c.gap);
        conceptObject.insert(c.id, co);
    }
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("format_version"), kFormatVersion},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("gap"), gap},
                  {QStringLiteral("classes"), classObject},
                  {QStringLiteral("concepts"), conceptObject}};
    if (!agentSignature.isEmpty())
        o.insert(QStringLiteral("agent_signature"), agentSignature);
    return o;
}

QStringList ConceptLibrary::validate() const
{
    QStringList problems;
    if (gap < 0 || gap > 5)
        problems << QStringLiteral("concepts: gap must be 0 to 5 words");
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    for (auto it = classes.begin(); it != classes.end(); ++it) {
        if (!idPattern.match(it.key()).hasMatch())
            problems << QStringLiteral("class \"%1\": names are lower-case letters, digits and "
                                       "underscores")
                            .arg(it.key());
        if (it.value().isEmpty())
            problems << QStringLiteral("class \"%1\" has no members").arg(it.key());
        for (const QString &member : it.value()) {
            const QString problem = memberProblem(member);
            if (!problem.isEmpty())
                problems << QStringLiteral("class \"%1\": %2").arg(it.key(), problem);
            else if (isClassRef(member.trimmed()) &&
                     !classes.contains(member.trimmed().mid(1, member.trimmed().size() - 2)))
                problems << QStringLiteral("class \"%1\" includes the unknown class %2")
                                .arg(it.key(), member.trimmed());
        }
    }
    // A class that includes itself, directly or not, would never finish expanding.
    for (auto it = classes.begin(); it != classes.end(); ++it) {
        QStringList stack{it.key()};
        QSet<QString> seen;
        while (!stack.isEmpty()) {
            const QString name = stack.takeLast();
            for (const QString &member : classes.value(name)) {
                if (!isClassRef(member.trimmed()))
                    continue;
                const QString inner = member.trimmed().mid(1, member.trimmed().size() - 2);
                if (inner == it.key()) {
                    problems << QStringLiteral("class \"%1\" includes itself").arg(it.key());
                    stack.clear();
                    break;
                }
                if (!seen.contains(inner)) {
                    seen.insert(inner);
                    stack << inner;
                }
            }
        }
    }
    for (const ConceptDefinition &c : concepts) {
        if (!idPattern.match(c.id).hasMatch())
            problems << QStringLiteral("concept \"%1\": ids are lower-case letters, digits and "
                                       "underscores")
                            .arg(c.id);
        if (c.clear.isEmpty() && c.weak.isEmpty())
            problems << QStringLiteral("concept \"%1\" has no patterns").arg(c.id);
        if (c.gap > 5)
            problems << QStringLiteral("concept \"%1\": gap must be 0 to 5 words").arg(c.id);
        for (const QStringList *list : {&c.clear, &c.weak, &c.exclude, &c.excludeInClause}) {
            for (const QString &pattern : *list) {
                QString error;
                const auto elements = parseConceptPattern(pattern, &error);
                if (!elements) {
                    problems << QStringLiteral("concept \"%1\", pattern \"%2\": %3")
                                    .arg(c.id, pattern, error);
                    continue;
                }
                for (const ConceptPatternElement &e : *elements) {
                    QStringList used;
                    if (e.kind == ConceptPatternElement::Kind::Class)
                        used << e.className;
                    for (const QString &w : e.words)
                        if (isClassRef(w))
                            used << w.mid(1, w.size() - 2);
                    for (const QString &name : used)
                        if (!classes.contains(name))
                            problems << QStringLiteral("concept \"%1\", pattern \"%2\": unknown "
                                                       "class {%3}")
                                            .arg(c.id, pattern, name);
                }
            }
        }
    }
    if (!agentSignature.isEmpty() && !concepts.contains(agentSignature))
        problems << QStringLiteral("concepts: agent_signature names the unknown concept \"%1\"")
                        .arg(agentSignature);
    return problems;
}

std::optional<ConceptLibrary> ConceptLibrary::builtIn(const QString &name, QStringList *errors)
{
    QFile file(QStringLiteral(":/concepts/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("there is no built-in concept library \"%1\"").arg(name));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(QStringLiteral("the built-in concept library \"%1\" is not a JSON object: "
                                      "%2")
                           .arg(name, parseError.errorString()));
        return std::nullopt;
    }
    return fromJson(doc.object(), errors);
}

QStringList ConceptLibrary::expandedClass(const QString &name) const
{
    QStringList out;
    QSet<QString> seenMembers;
    QSet<QString> seenClasses{name};
    // Depth first, so that members keep the order they were written in.
    std::function<void(const QString &)> walk = [&](const QString &className) {
        for (const QString &raw : classes.value(className)) {
            const QString member = raw.trimmed();
            if (isClassRef(member)) {
                const QString inner = member.mid(1, member.size() - 2);
                if (!seenClasses.contains(inner)) {
                    seenClasses.insert(inner);
                    walk(inner);
                }
            } else if (!seenMembers.contains(member)) {
                seenMembers.insert(member);
                out << member;
            }
        }
    };
    walk(name);
    return out;
}

} // namespace qaw
