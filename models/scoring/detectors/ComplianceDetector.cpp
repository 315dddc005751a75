#include "scoring/PhraseLexicon.h"
#include "scoring/ScoringContext.h"
#include "scoring/detectors/DetectorFactory.h"
#include "scoring/detectors/TextSearch.h"
#include "scoring/detectors/TurnFilter.h"

#include <QJsonArray>

namespace qaw {
namespace {

bool luhnValid(const QString &digits)
{
    int sum = 0;
    bool doubleIt = false;
    for (int i = int(digits.size()) - 1; i >= 0; --i) {
        int d = digits[i].digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

struct CardSpan
{
    int start;
    int end;
};

// Runs of digits, allowing single spaces or dashes between groups, that hold 13-19
// digits and pass the Luhn check; and the [CARD] token imports put in place of one.
std::vector<CardSpan> cardNumbers(const QString &text)
{
    std::vector<CardSpan> out;
    static const QString token = QStringLiteral("[CARD]");
    // Most turns have no '[' at all: a character search is much cheaper than a string one.
    if (text.contains(QLatin1Char('[')))
        for (qsizetype at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1))
            out.push_back({int(at), int(at + token.size())});
    // A card number has at least 13 digits: most turns have far fewer in all, and
    // counting them is cheaper than walking the runs.
    const QChar *chars = text.constData();
    const int n = int(text.size());
    int digitCount = 0;
    for (int k = 0; k < n; ++k)
        digitCount += chars[k].isDigit() ? 1 : 0;
    if (digitCount < 13)
        return out;
    int i = 0;
    while (i < n) {
        if (!chars[i].isDigit()) {
            ++i;
            continue;
        }
        const int start = i;
        int end = i;
        QString digits;
        while (i < n) {
            if (text[i].isDigit()) {
                digits.append(text[i]);
                end = ++i;
            } else if ((text[i] == QLatin1Char(' ') || text[i] == QLatin1Char('-')) &&
                       i + 1 < n && text[i + 1].isDigit()) {
                ++i;
            } else {
                break;
            }
        }
        if (digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits))
            out.push_back({start, end});
    }
    return out;
}

//! Compliance checks. "no_card_read_back": a full card number (Luhn-valid, 13-19 digits)
//! or the [CARD] redaction token in the selected speaker's turns (the agent's by
//! default) is a fail. "required_disclosure": one of the phrases must be said.
class ComplianceDetector : public Detector
{
public:
    bool cardCheck = true;
    TurnFilter filter;
    PhraseSet disclosure;
    QStringList disclosureTexts;
    SearchItems disclosureItems;
    QString noCardReadBack; //!< the passing rationale, the same for every interaction

    DetectorOutcome evaluate(const ScoringContext &context) const override
    {
        std::vector<int> turns;
        if (auto notApplicable = selectSearchTurns(context, filter, &turns))
            return *notApplicable;
        if (cardCheck) {
            std::vector<EvidenceSpan> evidence;
            for (int turn : turns)
                for (const CardSpan &c : cardNumbers(context.turns()[size_t(turn)].text))
                    evidence.push_back(context.span(turn, c.start, c.end));
            if (evidence.empty())
                return DetectorOutcome::pass(noCardReadBack);
            const QString why = QStringLiteral("A full card number was read back in turn %1.")
                                    .arg(evidence.front().turn + 1);
            return DetectorOutcome::fail(why, std::move(evidence));
        }
        std::vector<TextHit> hits;
        for (int turn : turns) {
            if (const auto m = disclosure.first(context.tokens(turn))) {
                hits.push_back({m->phrase, turn, m->charStart, m->charEnd});
                break;
            }
        }
        return searchVerdict(context, SearchMode::Any, disclosureItems, hits);
    }
};

} // namespace

std::unique_ptr<Detector> makeComplianceDetector(const QJsonObject &config, DetectorBuild &build)
{
    auto d = std::make_unique<ComplianceDetector>();
    const QString check = config.value(QStringLiteral("check")).toString();
    QJsonObject filterConfig = config;
    if (!filterConfig.contains(QStringLiteral("speaker")))
        filterConfig.insert(QStringLiteral("speaker"), QStringLiteral("agent"));
    d->filter = TurnFilter::fromJson(filterConfig, build);
    d->noCardReadBack = QStringLiteral("No card number read back in %1.").arg(d->filter.describe());
    if (check == QLatin1String("no_card_read_back")) {
        d->cardCheck = true;
    } else if (check == QLatin1String("required_disclosure")) {
        d->cardCheck = false;
        for (const QJsonValue &v : config.value(QStringLiteral("phrases")).toArray())
            d->disclosureTexts << v.toString();
        if (d->disclosureTexts.isEmpty()) {
            build.error(QStringLiteral("required_disclosure needs \"phrases\""));
            return nullptr;
        }
        d->disclosure = PhraseSet(d->disclosureTexts, build.lexicon,
                                  config.value(QStringLiteral("max_inserted_words")).toInt(2),
                                  true);
        d->disclosureItems = SearchItems(d->disclosureTexts, d->filter.describe());
    } else {
        build.error(QStringLiteral("compliance check must be no_card_read_back or "
                                   "required_disclosure"));
        return nullptr;
    }
    return d;
}

} // namespace qaw
