#include "CliSupport.h"

#include "evaluation/AccuracyEvaluation.h"
#include "domain/InteractionJson.h"
#include "evaluation/EvaluationComposer.h"
#include "io/OutputFile.h"
#include "scoring/ScorecardScorer.h"
#include "storage/DefaultContent.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace qaw::cli {
namespace {

std::unique_ptr<ScorecardScorer> loadScorer(const QString &path)
{
    QByteArray json = defaultScorecardJson();
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("qaw evaluate: cannot read %1: %2").arg(path, file.errorString()));
            return nullptr;
        }
        json = file.readAll();
    }
    QStringList errors;
    const auto card = Scorecard::fromJson(json, &errors);
    auto scorer = card ? ScorecardScorer::compile(*card, &errors) : nullptr;
    if (!scorer)
        printErr(QStringLiteral("qaw evaluate: the scorecard cannot be used: %1")
                     .arg(errors.join(QStringLiteral("; "))));
    return scorer;
}

bool writeLabelled(const std::vector<LabelledInteraction> &interactions, const QString &path)
{
    OutputFile file(path);
    if (!file.open()) {
        printErr(QStringLiteral("qaw evaluate: %1").arg(file.errorString()));
        return false;
    }
    for (const LabelledInteraction &li : interactions) {
        QJsonObject o = interactionToJson(li.stored.interaction);
        QJsonObject expected;
        for (auto it = li.expected.begin(); it != li.expected.end(); ++it)
            expected.insert(it.key(), it.value());
        o.insert(QStringLiteral("expected"), expected);
        if (!file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n'))
            break;
    }
    if (!file.commit()) {
        printErr(QStringLiteral("qaw evaluate: %1").arg(file.errorString()));
        return false;
    }
    return true;
}

int runEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption scorecard(QStringLiteral("scorecard"),
                                       QStringLiteral("A scorecard file (default: the shipped "
                                                      "Customer Support Core)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption mistakes(QStringLiteral("mistakes"),
                                      QStringLiteral("List every item the scorecard got wrong."));
    const QCommandLineOption compose(QStringLiteral("compose"),
                                     QStringLiteral("Also put N whole calls and chats together "
                                                    "from the utterances and score those."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for --compose (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption dump(QStringLiteral("write-composed"),
                                  QStringLiteral("Write the composed interactions, with their "
                                                 "expected verdicts, as JSON Lines to FILE."),
                                  QStringLiteral("FILE"));
    parser.addOptions({scorecard, mistakes, compose, seed, dump,
                       formatOption(QStringLiteral("text|json"), QStringLiteral("text"))});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Labelled utterances (.tsv) or interactions "
                                                "(.jsonl); docs/scoring-evaluation.md."));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Measure a scorecard's verdicts against hand-labelled "
                                       "utterances and interactions."),
                        &exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("qaw evaluate: name at least one labelled file"));
        return Usage;
    }
    const auto scorer = loadScorer(parser.value(scorecard));
    if (!scorer)
        return Failure;
    std::vector<LabelledUtterance> utterances;
    std::vector<LabelledInteraction> interactions;
    for (const QString &path : parser.positionalArguments()) {
        QString error;
        if (path.endsWith(QLatin1String(".tsv"))) {
            const auto read = readLabelledUtterances(path, &error);
            if (read)
                utterances.insert(utterances.end(), read->begin(), read->end());
        } else {
            const auto read = readLabelledInteractions(path, &error);
            if (read)
                interactions.insert(interactions.end(), read->begin(), read->end());
        }
        if (!error.isEmpty()) {
            printErr(QStringLiteral("qaw evaluate: %1").arg(error));
            return Failure;
        }
    }
    const int composeCount = parser.value(compose).toInt();
    const std::vector<LabelledInteraction> composed =
        composeInteractions(utterances, composeCount, parser.value(seed).toULongLong());
    if (composeCount > 0 && composed.empty()) {
        printErr(QStringLiteral("qaw evaluate: --compose needs utterances of both labels for "
                                "every criterion"));
        return Failure;
    }
    if (parser.isSet(dump) && !writeLabelled(composed, parser.value(dump)))
        return Failure;
    const AccuracyReport u = evaluateUtterances(*scorer, utterances);
    const AccuracyReport i = evaluateInteractions(*scorer, interactions);
    const AccuracyReport c = evaluateInteractions(*scorer, composed);
    if (parser.value(QStringLiteral("format")) == QLatin1String("json")) {
        printJson(QJsonObject{{QStringLiteral("utterances"), accuracyToJson(u)},
                              {QStringLiteral("interactions"), accuracyToJson(i)},
                              {QStringLiteral("composed"), accuracyToJson(c)}});
        return Ok;
    }
    if (u.items > 0)
        printOut(formatAccuracy(u, QStringLiteral("Utterances")));
    if (i.items > 0)
        printOut(formatAccuracy(i, QStringLiteral("Interactions")));
    if (c.items > 0)
        printOut(formatAccuracy(c, QStringLiteral("Composed interactions")));
    if (parser.isSet(mistakes))
        for (const QString &line : u.mistakes + i.mistakes + c.mistakes)
            printOut(line);
    return Ok;
}

const CommandRegistration registration("evaluate",
                                       "measure a scorecard against hand-labelled data",
                                       runEvaluate);

} // namespace
} // namespace qaw::cli
