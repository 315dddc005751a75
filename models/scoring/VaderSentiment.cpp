#include "scoring/VaderSentiment.h"

#include <QFile>

#include <array>
#include <atomic>
#include <cmath>
#include <unordered_set>

namespace qaw {
namespace {

// Empirically derived constants from the VADER paper.
constexpr double kBoosterIncrement = 0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kNegationScalar = -0.74;
constexpr double kNormalisationAlpha = 15;

bool isPunctuation(QChar c)
{
    // The ASCII punctuation the reference implementation strips, as a table: this is
    // asked of the first and last character of every word.
    static const std::array<bool, 128> table = [] {
        std::array<bool, 128> t{};
        for (const char *p = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"; *p; ++p)
            t[size_t(*p)] = true;
        return t;
    }();
    const char16_t u = c.unicode();
    return u < 128 && table[u];
}

using WordSet = std::unordered_set<QString, text::FastStringHash>;
using WordValues = std::unordered_map<QString, double, text::FastStringHash>;

const WordSet &punctuationAffixes()
{
    static const WordSet all = {
        QStringLiteral("."),   QStringLiteral("!"),    QStringLiteral("?"),
        QStringLiteral(","),   QStringLiteral(";"),    QStringLiteral(":"),
        QStringLiteral("-"),   QStringLiteral("'"),    QStringLiteral("\""),
        QStringLiteral("!!"),  QStringLiteral("!!!"),  QStringLiteral("??"),
        QStringLiteral("???"), QStringLiteral("?!?"),  QStringLiteral("!?!"),
        QStringLiteral("?!?!"), QStringLiteral("!?!?")};
    return all;
}

const WordSet &negations()
{
    static const WordSet all = [] {
        WordSet s;
        for (const char *w :
             {"aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
              "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont",
              "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
              "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt",
              "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
              "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
              "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt",
              "won't", "wouldn't", "rarely", "seldom", "despite"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return all;
}

const WordValues &boosters()
{
    static const WordValues all = [] {
        WordValues h;
        for (const char *w :
             {"absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
              "deeply", "effing", "enormously", "entirely", "especially", "exceptionally",
              "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin",
              "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly",
              "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly",
              "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
              "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly",
              "very"})
            h[QString::fromLatin1(w)] = kBoosterIncrement;
        for (const char *w : {"almost", "barely", "hardly", "just enough", "kind of", "kinda",
                              "kindof", "kind-of", "less", "little", "marginally",
                              "occasionally", "partly", "scarcely", "slightly", "somewhat",
                              "sort of", "sorta", "sortof", "sort-of"})
            h[QString::fromLatin1(w)] = -kBoosterIncrement;
        return h;
    }();
    return all;
}

const WordValues &idioms()
{
    static const WordValues all = {
        {QStringLiteral("the shit"), 3},        {QStringLiteral("the bomb"), 3},
        {QStringLiteral("bad ass"), 1.5},       {QStringLiteral("yeah right"), -2},
        {QStringLiteral("cut the mustard"), 2}, {QStringLiteral("kiss of death"), -1.5},
        {QStringLiteral("hand to mouth"), -2}};
    return all;
}

// Python's str.isupper() as the reference port reads it: no lower-case ASCII letter and
// at least one upper-case one.
bool isUpper(const QString &word)
{
    bool upper = false;
    for (QChar c : word) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            return false;
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            upper = true;
    }
    return upper;
}

bool isNegation(const QString &word)
{
    return negations().count(word) > 0 || word.contains(QLatin1String("n't"));
}

double boosterScalar(const QString &word, const QString &lower, double valence,
                     bool capDifferential)
{
    const auto it = boosters().find(lower);
    if (it == boosters().end())
        return 0;
    double scalar = valence < 0 ? -it->second : it->second;
    if (capDifferential && isUpper(word))
        scalar += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    return scalar;
}

bool isSoOrThis(const QString &w)
{
    return w == QLatin1String("so") || w == QLatin1String("this");
}

double idiomAdjusted(double valence, const QStringList &w, int i)
{
    const QChar sp(QLatin1Char(' '));
    const QString oneZero = w[i - 1] + sp + w[i];
    const QString twoOneZero = w[i - 2] + sp + w[i - 1] + sp + w[i];
    const QString twoOne = w[i - 2] + sp + w[i - 1];
    const QString threeTwoOne = w[i - 3] + sp + w[i - 2] + sp + w[i - 1];
    const QString threeTwo = w[i - 3] + sp + w[i - 2];
    for (const QString &sequence : {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
        const auto it = idioms().find(sequence);
        if (it != idioms().end()) {
            valence = it->second;
            break;
        }
    }
    if (w.size() - 1 > i) {
        const auto it = idioms().find(w[i] + sp + w[i + 1]);
        if (it != idioms().end())
            valence = it->second;
    }
    if (w.size() - 1 > i + 1) {
        const auto it = idioms().find(w[i] + sp + w[i + 1] + sp + w[i + 2]);
        if (it != idioms().end())
            valence = it->second;
    }
    if (boosters().count(threeTwo) || boosters().count(twoOne))
        valence -= kBoosterIncrement;
    return valence;
}

struct Sentence;
bool negationAt(const Sentence &s, int i);
const QStringList &wordsOf(const Sentence &s);

double negationAdjusted(double valence, const Sentence &s, int distance, int i)
{
    const QStringList &w = wordsOf(s);
    if (distance == 0) {
        if (negationAt(s, i - 1))
            valence *= kNegationScalar;
    } else if (distance == 1) {
        if (w[i - 2] == QLatin1String("never") && isSoOrThis(w[i - 1]))
            valence *= 1.5;
        else if (negationAt(s, i - 2))
            valence *= kNegationScalar;
    } else {
        // As in the reference port, "so"/"this" right before the word also counts here.
        if ((w[i - 3] == QLatin1String("never") && isSoOrThis(w[i - 2])) || isSoOrThis(w[i - 1]))
            valence *= 1.25;
        else if (negationAt(s, i - 3))
            valence *= kNegationScalar;
    }
    return valence;
}

double punctuationEmphasis(const QString &text)
{
    const int exclamations = std::min<int>(4, int(text.count(QLatin1Char('!'))));
    const int questions = int(text.count(QLatin1Char('?')));
    double amplifier = exclamations * 0.292;
    if (questions > 1)
        amplifier += questions <= 3 ? questions * 0.18 : 0.96;
    return amplifier;
}

bool hasPunctuation(const QString &text, int from, int to)
{
    for (int i = from; i < to; ++i)
        if (isPunctuation(text[i]))
            return true;
    return false;
}

// QString::isLower() for the usual all-ASCII word, without the library call.
bool isLowerCase(const QString &word)
{
    for (QChar c : word) {
        const char16_t u = c.unicode();
        if (u >= 128)
            return word.isLower();
        if (u >= 'A' && u <= 'Z')
            return false;
    }
    return true;
}

// The tokens point into \a text (QString::fromRawData): no copy per word, so they must
// not outlive it.
QStringList splitOnSpace(const QString &text)
{
    QStringList out;
    out.reserve(text.size() / 5 + 1);
    int start = -1;
    for (int i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text[i].isSpace();
        if (space && start >= 0) {
            out.append(QString::fromRawData(text.constData() + start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return out;
}

} // namespace

namespace {
std::atomic<bool> g_memoEnabled{true};
constexpr size_t kMemoLimit = 50000;
//! Texts looked up before the memo judges whether it pays.
constexpr qint64 kMemoTrial = 5000;
} // namespace

void VaderSentiment::setMemoEnabled(bool enabled)
{
    g_memoEnabled.store(enabled);
}

double VaderSentiment::memoisedCompound(const QString &text) const
{
    if (!g_memoEnabled.load(std::memory_order_relaxed))
        return compound(text);
    struct Memo
    {
        const VaderSentiment *owner = nullptr;
        std::unordered_map<QString, double, text::FastStringHash> scores;
        qint64 hits = 0;
        qint64 misses = 0;
    };
    thread_local Memo memo;
    if (memo.owner != this || memo.scores.size() > kMemoLimit) {
        memo.scores.clear();
        memo.owner = this;
        memo.hits = memo.misses = 0;
    }
    // Real transcripts rarely repeat a turn word for word: when the memo has hardly
    // ever helped, keeping every text costs more than it saves.
    if (memo.misses > kMemoTrial && memo.hits * 10 < memo.misses)
        return compound(text);
    const auto it = memo.scores.find(text);
    if (it != memo.scores.end()) {
        ++memo.hits;
        return it->second;
    }
    ++memo.misses;
    const double score = compound(text);
    memo.scores.emplace(text, score);
    return score;
}

const VaderSentiment &VaderSentiment::shared()
{
    static const VaderSentiment instance = [] {
        QFile file(QStringLiteral(":/lexicons/vader_lexicon.txt"));
        return VaderSentiment(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }();
    return instance;
}

VaderSentiment::VaderSentiment(const QByteArray &lexiconText)
{
    for (const QByteArray &line : lexiconText.split('\n')) {
        const int tab = int(line.indexOf('\t'));
        if (tab <= 0)
            continue;
        const int tab2 = int(line.indexOf('\t', tab + 1));
        bool ok = false;
        const double valence = line.mid(tab + 1, tab2 < 0 ? -1 : tab2 - tab - 1).toDouble(&ok);
        if (ok)
            m_lexicon[QString::fromUtf8(line.left(tab))] = valence;
    }
}

// Whitespace-separated tokens of two or more characters; a token that is a word with one
// punctuation affix from the reference list loses the affix (emoticons and contractions
// stay as they are).
// Whitespace-separated tokens of two or more characters; a token that is a word with one
// punctuation affix from the reference list loses the affix (emoticons and contractions
// stay as they are). The reference checks the bare word against the text's words with
// all punctuation removed; the bare word is always one of them when it has two or more
// characters, so a length check is the same test.
QStringList VaderSentiment::words(const QString &text) const
{
    QStringList out;
    const QStringList tokens = splitOnSpace(text);
    out.reserve(tokens.size());
    // Affixes and bare words point into the text too (fromRawData): no copy per word.
    auto part = [](const QString &token, qsizetype from, qsizetype size) {
        return QString::fromRawData(token.constData() + from, size);
    };
    for (const QString &token : tokens) {
        const qsizetype size = token.size();
        if (size <= 1)
            continue;
        if (!isPunctuation(token.front()) && !isPunctuation(token.back())) {
            out.append(token); // the usual case: no affix to look at
            continue;
        }
        qsizetype lead = 0;
        while (lead < size && isPunctuation(token[lead]))
            ++lead;
        qsizetype trail = 0;
        while (trail < size - lead && isPunctuation(token[size - 1 - trail]))
            ++trail;
        if (lead > 0 && trail == 0 && size - lead > 1 &&
            punctuationAffixes().count(part(token, 0, lead)) &&
            !hasPunctuation(token, int(lead), int(size)))
            out.append(part(token, lead, size - lead));
        else if (trail > 0 && lead == 0 && size - trail > 1 &&
                 punctuationAffixes().count(part(token, size - trail, trail)) &&
                 !hasPunctuation(token, 0, int(size - trail)))
            out.append(part(token, 0, size - trail));
        else
            out.append(token);
    }
    return out;
}

namespace {

//! The words of one text with everything the rules ask about each word looked up once.
struct Sentence
{
    QStringList w;           //!< as written
    QStringList lw;          //!< lower-case
    std::vector<double> lex; //!< lexicon valence, NaN when not in the lexicon
    //! Asked only of the three words before a rated word, so looked up when first asked:
    //! -1 not yet known.
    mutable std::vector<qint8> negation;
};

bool negationAt(const Sentence &s, int i)
{
    qint8 &known = s.negation[size_t(i)];
    if (known < 0)
        known = isNegation(s.w[i]) ? 1 : 0;
    return known != 0;
}

const QStringList &wordsOf(const Sentence &s)
{
    return s.w;
}

bool inLexicon(const Sentence &s, int i)
{
    return !std::isnan(s.lex[size_t(i)]);
}

// Idioms and two-word boosters all start with one of these words, so the sequences
// around a word need building only when one of them is near.
bool nearIdiom(const QStringList &w, int i)
{
    static const QStringList starters = {QStringLiteral("the"),  QStringLiteral("bad"),
                                         QStringLiteral("yeah"), QStringLiteral("cut"),
                                         QStringLiteral("kiss"), QStringLiteral("hand"),
                                         QStringLiteral("just"), QStringLiteral("kind"),
                                         QStringLiteral("sort")};
    for (int k = std::max(0, i - 3); k <= i; ++k)
        if (starters.contains(w[k]))
            return true;
    return false;
}

double valenceAt(const Sentence &s, int i, bool capDifferential)
{
    const QStringList &w = s.w;
    double valence = s.lex[size_t(i)];
    if (capDifferential && isUpper(w[i]))
        valence += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    for (int distance = 0; distance < 3; ++distance) {
        const int before = i - distance - 1;
        if (i <= distance || inLexicon(s, before))
            continue;
        // Boosters further away count a little less.
        double scalar = boosterScalar(w[before], s.lw[before], valence, capDifferential);
        if (distance == 1 && scalar != 0)
            scalar *= 0.95;
        else if (distance == 2 && scalar != 0)
            scalar *= 0.9;
        valence += scalar;
        valence = negationAdjusted(valence, s, distance, i);
        if (distance == 2 && nearIdiom(w, i))
            valence = idiomAdjusted(valence, w, i);
    }
    // "least" is not in the lexicon, so the reference's lexicon check always holds.
    const QString least = QStringLiteral("least");
    if (i > 1 && s.lw[i - 1] == least) {
        const QString &previous = s.lw[i - 2];
        if (previous != QLatin1String("at") && previous != QLatin1String("very"))
            valence *= kNegationScalar;
    } else if (i > 0 && s.lw[i - 1] == least) {
        valence *= kNegationScalar;
    }
    return valence;
}

} // namespace

double VaderSentiment::compound(const QString &text) const
{
    Sentence s;
    s.w = words(text);
    const QStringList &w = s.w;
    if (w.isEmpty())
        return 0;
    int capitals = 0;
    for (const QString &word : w)
        if (isUpper(word))
            ++capitals;
    const int differential = int(w.size()) - capitals;
    const bool capDifferential = differential > 0 && differential < w.size();

    s.lw.reserve(w.size());
    s.lex.reserve(size_t(w.size()));
    bool anyRated = false;
    for (const QString &word : w) {
        s.lw.append(isLowerCase(word) ? word : word.toLower());
        const auto it = m_lexicon.find(s.lw.back());
        s.lex.push_back(it == m_lexicon.end() ? std::nan("") : it->second);
        anyRated = anyRated || it != m_lexicon.end();
    }
    // No rated word: every sentiment is 0, and so is the sum that emphasis would scale.
    if (!anyRated)
        return 0;
    s.negation.assign(size_t(w.size()), qint8(-1));
    std::vector<double> sentiments;
    sentiments.reserve(size_t(w.size()));
    for (int i = 0; i < w.size(); ++i) {
        const bool kindOf = i < w.size() - 1 && s.lw[i] == QLatin1String("kind") &&
                            s.lw[i + 1] == QLatin1String("of");
        if (!inLexicon(s, i) || kindOf || boosters().count(s.lw[i])) {
            sentiments.push_back(0);
            continue;
        }
        sentiments.push_back(valenceAt(s, i, capDifferential));
    }
    // "but" shifts the weight to what follows it.
    int but = int(w.indexOf(QStringLiteral("but")));
    if (but < 0)
        but = int(w.indexOf(QStringLiteral("BUT")));
    if (but >= 0) {
        for (int i = 0; i < int(sentiments.size()); ++i) {
            if (i < but)
                sentiments[size_t(i)] *= 0.5;
            else if (i > but)
                sentiments[size_t(i)] *= 1.5;
        }
    }

    double sum = 0;
    for (double s : sentiments)
        sum += s;
    const double emphasis = punctuationEmphasis(text);
    if (sum > 0)
        sum += emphasis;
    else if (sum < 0)
        sum -= emphasis;
    const double normalised = sum / std::sqrt(sum * sum + kNormalisationAlpha);
    return std::clamp(normalised, -1.0, 1.0);
}

} // namespace qaw
