#include "CliSupport.h"

#include "scoring/ConceptMatcher.h"
#include "scoring/ScorecardScorer.h"
#include "storage/DefaultContent.h"

#include <QFile>

namespace qaw::cli {
namespace {

//! Which concepts the shipped (or a given) scorecard finds in each text, and by which
//! pattern: what a person tuning a concept library needs to see.
int runConcepts(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption scorecard(QStringLiteral("scorecard"),
                                       QStringLiteral("A scorecard file (default: the shipped "
                                                      "Customer Support Core)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption only(QStringLiteral("concept"),
                                  QStringLiteral("Show this concept only."), QStringLiteral("ID"));
    parser.addOptions({scorecard, only});
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("Texts to look in."));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Show the concepts a scorecard finds in texts."), &exitCode))
        return exitCode;
    QByteArray json = defaultScorecardJson();
    if (parser.isSet(scorecard)) {
        QFile file(parser.value(scorecard));
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("qaw concepts: cannot read %1").arg(file.fileName()));
            return Failure;
        }
        json = file.readAll();
    }
    QStringList errors;
    const auto card = Scorecard::fromJson(json, &errors);
    const auto scorer = card ? ScorecardScorer::compile(*card, &errors) : nullptr;
    if (!scorer || !scorer->concepts()) {
        printErr(QStringLiteral("qaw concepts: no concepts to use: %1").arg(errors.join(QLatin1Char(' '))));
        return Failure;
    }
    const ConceptMatcher &concepts = *scorer->concepts();
    for (const QString &text : parser.positionalArguments()) {
        printOut(text);
        const TokenisedText tokens = scorer->lexicon().tokenise(text);
        for (int c = 0; c < concepts.size(); ++c) {
            if (parser.isSet(only) && concepts.id(c) != parser.value(only))
                continue;
            const ConceptMatch m = concepts.find(tokens, c);
            if (!m.found())
                continue;
            printOut(QStringLiteral("  %1 %2: \"%3\" by \"%4\"")
                         .arg(m.strength == ConceptMatch::Clear ? QStringLiteral("clear")
                                                                : QStringLiteral("weak "),
                              concepts.id(c), text.mid(m.charStart, m.charEnd - m.charStart),
                              concepts.patternText(c, m.pattern)));
        }
    }
    return Ok;
}

const CommandRegistration registration("concepts", "show the concepts found in texts",
                                       runConcepts);

} // namespace
} // namespace qaw::cli
