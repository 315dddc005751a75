#include "CliSupport.h"

#include "stats/AgreementReport.h"
#include "stats/AgreementReportJson.h"
#include "stats/RatingCsvReader.h"

#include <QFile>
#include <QJsonArray>

namespace qaw::cli {
namespace {

QString formatNumber(double v)
{
    return QString::number(v, 'f', 3);
}

QString cell(const StatValue &v, const QString &suffix = QString())
{
    return v.isDefined() ? formatNumber(*v.value) + suffix
                         : QStringLiteral("undefined: %1").arg(v.undefinedReason);
}

QString interval(const ConfidenceInterval &ci)
{
    // A value without an interval says why (e.g. too few items to resample), in words.
    if (!ci.isDefined())
        return ci.undefinedReason.contains(QStringLiteral("turned off"))
                   ? QString()
                   : QStringLiteral("  (no interval: %1)").arg(ci.undefinedReason);
    return QStringLiteral("  [%1, %2]").arg(formatNumber(*ci.lower), formatNumber(*ci.upper));
}

void printLine(const QString &name, const StatValue &v, const ConfidenceInterval *ci = nullptr,
               const QString &suffix = QString())
{
    QString text = QStringLiteral("  %1 %2").arg(name, -44).arg(cell(v, suffix));
    if (ci && v.isDefined())
        text += interval(*ci);
    printOut(text);
}

//! \a labels: the declared category labels when they are label-coded 1..k, else empty.
void printText(const AgreementReport &r, const RatingMatrix &m, const QString &file,
               const QStringList &labels)
{
    const QString first = m.raterNames().value(0);
    const QString second = m.raterNames().value(1);
    printOut(QStringLiteral("Agreement for %1: %2 item(s), %3 raters (%4)")
                 .arg(file)
                 .arg(r.items)
                 .arg(r.raters)
                 .arg(m.raterNames().join(QStringLiteral(", "))));
    QStringList scale;
    for (double c : r.scale) {
        // Label categories are coded 1..k in the order declared; show the label beside it.
        const int code = int(c);
        const bool labelled = code == c && code >= 1 && code <= labels.size();
        scale.append(labelled ? QStringLiteral("%1 = %2").arg(labels.at(code - 1)).arg(c)
                              : QString::number(c));
    }
    printOut(QStringLiteral("Categories: %1").arg(scale.join(QStringLiteral(", "))));
    printOut(QStringLiteral("Items used: %1 rated by %2 and %3, %4 by every rater, %5 by two "
                            "or more")
                 .arg(r.pairedItems)
                 .arg(first, second)
                 .arg(r.completeItems)
                 .arg(r.pairableItems));
    if (r.bootstrap.resamples > 0)
        printOut(QStringLiteral("Intervals: %1% percentile bootstrap over items, %2 resamples, "
                                "seed %3")
                     .arg(r.bootstrap.level * 100.0)
                     .arg(r.bootstrap.resamples)
                     .arg(r.bootstrap.seed));
    printOut(QString());
    printOut(QStringLiteral("Two raters: %1 vs %2 (items where either is missing left out)")
                 .arg(first, second));
    printLine(QStringLiteral("Cohen's kappa, unweighted"), r.cohenUnweighted, &r.cohenUnweightedCi);
    printLine(QStringLiteral("Cohen's kappa, linear weights"), r.cohenLinear, &r.cohenLinearCi);
    printLine(QStringLiteral("Cohen's kappa, quadratic weights"), r.cohenQuadratic,
              &r.cohenQuadraticCi);
    printLine(QStringLiteral("Pearson r"), r.pearsonR);
    printLine(QStringLiteral("Spearman rho (average ranks for ties)"), r.spearmanRho);
    printLine(QStringLiteral("Mean absolute error"), r.meanAbsoluteError);
    printLine(QStringLiteral("Root mean squared error"), r.rootMeanSquaredError);
    printLine(QStringLiteral("Mean signed bias (%1 minus %2)").arg(first, second),
              r.meanSignedBias);
    const QString percent = QStringLiteral(" %");
    printLine(QStringLiteral("Percent agreement, pairwise exact"), r.percentExact, nullptr,
              percent);
    printLine(QStringLiteral("Percent agreement, pairwise within 1"), r.percentWithin1, nullptr,
              percent);
    printLine(QStringLiteral("Percent agreement, pairwise within 2"), r.percentWithin2, nullptr,
              percent);
    printOut(QString());
    printOut(QStringLiteral("All raters"));
    printLine(QStringLiteral("Fleiss' kappa (complete items)"), r.fleissKappa, &r.fleissKappaCi);
    printLine(QStringLiteral("Randolph's free-marginal kappa"), r.randolphKappa,
              &r.randolphKappaCi);
    printLine(QStringLiteral("Krippendorff's alpha, nominal"), r.alphaNominal, &r.alphaNominalCi);
    printLine(QStringLiteral("Krippendorff's alpha, ordinal"), r.alphaOrdinal, &r.alphaOrdinalCi);
    printLine(QStringLiteral("Krippendorff's alpha, interval"), r.alphaInterval,
              &r.alphaIntervalCi);
    printLine(QStringLiteral("Krippendorff's alpha, ratio"), r.alphaRatio, &r.alphaRatioCi);
    for (size_t i = 0; i < kAllIccForms.size(); ++i)
        printLine(iccFormName(kAllIccForms[i]) + QStringLiteral(" (complete items)"), r.icc[i]);
    printLine(QStringLiteral("Percent agreement, all raters exact"), r.percentAllExact, nullptr,
              percent);
    printLine(QStringLiteral("Percent agreement, all raters within 1"), r.percentAllWithin1,
              nullptr, percent);
    printLine(QStringLiteral("Percent agreement, all raters within 2"), r.percentAllWithin2,
              nullptr, percent);
    printLine(QStringLiteral("Percent agreement, mean pairwise exact"), r.percentMeanPairwiseExact,
              nullptr, percent);
}

int runAgreement(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption categories(
        QStringLiteral("categories"),
        QStringLiteral("The declared scale, comma-separated (e.g. 1,2,3,4,5 or no,yes). "
                       "Unused points still count; labels are coded 1, 2, ... in order."),
        QStringLiteral("LIST"));
    const QCommandLineOption format =
        formatOption(QStringLiteral("json|text"), QStringLiteral("text"));
    const QCommandLineOption resamples(
        QStringLiteral("resamples"),
        QStringLiteral("Bootstrap resamples for the confidence intervals (default 1000; 0: "
                       "none)."),
        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Bootstrap random seed (default 20110101)."),
                                  QStringLiteral("S"), QStringLiteral("20110101"));
    parser.addOptions({categories, format, resamples, seed});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("CSV: a header of rater names, one row per "
                                                "item, an empty cell for a missing rating."));
    int exitCode = Ok;
    if (!parseArguments(parser, args,
                        QStringLiteral("Agreement statistics for a ratings CSV (items as rows, "
                                       "raters as columns); two-rater statistics compare the "
                                       "first two columns."),
                        &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("qaw agreement: exactly one FILE.csv is required"));
        return Usage;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("json") && fmt != QLatin1String("text")) {
        printErr(QStringLiteral("qaw agreement: --format takes json or text, not \"%1\"").arg(fmt));
        return Usage;
    }
    AgreementOptions options;
    bool okResamples = false;
    bool okSeed = false;
    options.bootstrap.resamples = parser.value(resamples).toInt(&okResamples);
    options.bootstrap.seed = parser.value(seed).toULongLong(&okSeed);
    if (!okResamples || options.bootstrap.resamples < 0 || !okSeed) {
        printErr(QStringLiteral("qaw agreement: --resamples and --seed take non-negative whole "
                                "numbers"));
        return Usage;
    }
    QStringList labels;
    if (parser.isSet(categories)) {
        labels = parser.value(categories).split(QLatin1Char(','));
        for (QString &label : labels)
            label = label.trimmed();
        if (labels.contains(QString()) || labels.removeDuplicates() > 0) {
            printErr(QStringLiteral("qaw agreement: --categories needs distinct, non-empty "
                                    "comma-separated categories"));
            return Usage;
        }
    }

    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(QStringLiteral("qaw agreement: cannot read %1: %2").arg(path, file.errorString()));
        return Failure;
    }
    const RatingCsv csv = readRatingCsv(QString::fromUtf8(file.readAll()), labels);
    if (!csv.ok()) {
        printErr(QStringLiteral("qaw agreement: %1: %2").arg(path, csv.error));
        return Failure;
    }
    options.categories = csv.categories;
    const AgreementReport report = computeAgreement(csv.matrix, options);
    if (fmt == QLatin1String("json")) {
        QJsonObject json = agreementReportToJson(report);
        json.insert(QStringLiteral("file"), path);
        json.insert(QStringLiteral("rater_names"),
                    QJsonArray::fromStringList(csv.matrix.raterNames()));
        json.insert(QStringLiteral("two_rater_columns"),
                    QJsonArray::fromStringList(csv.matrix.raterNames().mid(0, 2)));
        if (!labels.isEmpty())
            json.insert(QStringLiteral("category_labels"), QJsonArray::fromStringList(labels));
        printJson(json);
    } else {
        printText(report, csv.matrix, path, csv.labelCoded ? labels : QStringList());
    }
    return Ok;
}

const CommandRegistration registration("agreement",
                                       "agreement statistics for a ratings CSV (kappa, alpha, "
                                       "ICC, ...)",
                                       runAgreement);

} // namespace
} // namespace qaw::cli
