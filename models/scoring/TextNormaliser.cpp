#include "scoring/TextNormaliser.h"

#include <QHash>
#include <QSet>

namespace qaw::text {
namespace {

#define S QStringLiteral

// Whole-word expansions: contractions, with or without the apostrophe.
const QHash<QString, QStringList> &expansions()
{
    static const QHash<QString, QStringList> all = {
        {S("i'm"), {S("i"), S("am")}},        {S("im"), {S("i"), S("am")}},
        {S("it's"), {S("it"), S("is")}},      {S("that's"), {S("that"), S("is")}},
        {S("thats"), {S("that"), S("is")}},   {S("there's"), {S("there"), S("is")}},
        {S("theres"), {S("there"), S("is")}}, {S("what's"), {S("what"), S("is")}},
        {S("whats"), {S("what"), S("is")}},   {S("here's"), {S("here"), S("is")}},
        {S("he's"), {S("he"), S("is")}},      {S("she's"), {S("she"), S("is")}},
        {S("let's"), {S("let"), S("us")}},    {S("lets"), {S("let"), S("us")}},
        {S("can't"), {S("can"), S("not")}},   {S("cant"), {S("can"), S("not")}},
        {S("cannot"), {S("can"), S("not")}},  {S("won't"), {S("will"), S("not")}},
        {S("wont"), {S("will"), S("not")}},   {S("dont"), {S("do"), S("not")}},
        {S("doesnt"), {S("does"), S("not")}}, {S("didnt"), {S("did"), S("not")}},
        {S("isnt"), {S("is"), S("not")}},     {S("youre"), {S("you"), S("are")}},
        {S("youll"), {S("you"), S("will")}},  {S("ive"), {S("i"), S("have")}},
        {S("thankyou"), {S("thank"), S("you")}},
        // Contractions typed without the apostrophe.
        {S("wouldnt"), {S("would"), S("not")}}, {S("couldnt"), {S("could"), S("not")}},
        {S("shouldnt"), {S("should"), S("not")}}, {S("wasnt"), {S("was"), S("not")}},
        {S("werent"), {S("were"), S("not")}}, {S("arent"), {S("are"), S("not")}},
        {S("havent"), {S("have"), S("not")}}, {S("hasnt"), {S("has"), S("not")}},
        {S("hadnt"), {S("had"), S("not")}},   {S("aint"), {S("is"), S("not")}},
        {S("theyre"), {S("they"), S("are")}}, {S("youve"), {S("you"), S("have")}},
        {S("weve"), {S("we"), S("have")}},    {S("whos"), {S("who"), S("is")}},
        {S("hows"), {S("how"), S("is")}},     {S("wheres"), {S("where"), S("is")}},
        // Chat shorthand.
        {S("ty"), {S("thank"), S("you")}},    {S("tysm"), {S("thank"), S("you"), S("so"), S("much")}},
        {S("np"), {S("no"), S("problem")}},   {S("wanna"), {S("want"), S("to")}},
        {S("gonna"), {S("going"), S("to")}},  {S("gotta"), {S("got"), S("to")}},
        {S("lemme"), {S("let"), S("me")}},    {S("gimme"), {S("give"), S("me")}},
        {S("brb"), {S("be"), S("right"), S("back")}},
        {S("idk"), {S("i"), S("do"), S("not"), S("know")}},
        {S("dunno"), {S("do"), S("not"), S("know")}},
        {S("tbh"), {S("to"), S("be"), S("honest")}},
        {S("shouldve"), {S("should"), S("have")}}, {S("couldve"), {S("could"), S("have")}},
        {S("wouldve"), {S("would"), S("have")}},   {S("mustve"), {S("must"), S("have")}},
        {S("youd"), {S("you"), S("would")}},       {S("theyd"), {S("they"), S("would")}},
    };
    return all;
}

// Words that mean the same thing in the phrases a QA scorecard looks for.
const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> all = {
        {S("hi"), S("hello")},         {S("hey"), S("hello")},
        {S("hiya"), S("hello")},       {S("thanks"), S("thank")},
        {S("could"), S("can")},        {S("may"), S("can")},
        {S("might"), S("can")},        {S("would"), S("can")},
        {S("assist"), S("help")},      {S("assistance"), S("help")},
        {S("minute"), S("moment")},    {S("second"), S("moment")},
        {S("sec"), S("moment")},       {S("tick"), S("moment")},
        {S("jiffy"), S("moment")},     {S("minutes"), S("moment")},
        {S("problem"), S("issue")},    {S("problems"), S("issue")},
        {S("resolved"), S("fixed")},   {S("solved"), S("fixed")},
        {S("sorted"), S("fixed")},     {S("resolves"), S("fixes")},
        {S("solves"), S("fixes")},     {S("sorts"), S("fixes")},
        {S("resolve"), S("fix")},      {S("solve"), S("fix")},
        {S("apology"), S("apologize")}, {S("apologies"), S("apologize")},
        {S("okay"), S("ok")},          {S("phoning"), S("calling")},
        {S("ringing"), S("calling")},  {S("phoned"), S("called")},
        {S("brief"), S("short")},      {S("quick"), S("short")},
        {S("entire"), S("whole")},      {S("1"), S("one")},
        {S("2"), S("two")},            {S("3"), S("three")},
        {S("4"), S("four")},           {S("5"), S("five")},
        // Chat shorthand and spoken variants.
        {S("u"), S("you")},            {S("ya"), S("you")},
        {S("ur"), S("your")},          {S("yr"), S("your")},
        {S("r"), S("are")},            {S("pls"), S("please")},
        {S("plse"), S("please")},
        {S("thx"), S("thank")},        {S("thnx"), S("thank")},
        {S("thanx"), S("thank")},      {S("tnx"), S("thank")},
        {S("ta"), S("thank")},         {S("cheers"), S("thank")},
        {S("b4"), S("before")},        {S("acct"), S("account")},
        {S("acc"), S("account")},      {S("addr"), S("address")},
        {S("pw"), S("password")},      {S("pwd"), S("password")},
        {S("passwd"), S("password")},  {S("mins"), S("moment")},
        {S("min"), S("moment")},       {S("secs"), S("moment")},
        {S("mo"), S("moment")},        {S("ticks"), S("moment")},
        {S("seconds"), S("moment")},   {S("moments"), S("moment")},
        {S("k"), S("ok")},             {S("kk"), S("ok")},
        {S("yep"), S("yes")},          {S("yup"), S("yes")},
        {S("yeah"), S("yes")},         {S("yea"), S("yes")},
        {S("nope"), S("no")},          {S("bday"), S("birthday")},
        {S("tmrw"), S("tomorrow")},    {S("2day"), S("today")},
        {S("coz"), S("because")},      {S("cos"), S("because")},
        {S("cuz"), S("because")},      {S("abt"), S("about")},
        {S("msg"), S("message")},      {S("info"), S("information")},
        {S("sry"), S("sorry")},        {S("soz"), S("sorry")},
        {S("gr8"), S("great")},        {S("l8r"), S("later")},
        {S("urself"), S("yourself")},  {S("shld"), S("should")},
        {S("shud"), S("should")},      {S("plz"), S("please")},
    };
    return all;
}

#undef S

bool endsWith(const QString &w, const char *suffix)
{
    return w.endsWith(QLatin1String(suffix));
}

bool isVowel(QChar c)
{
    return QStringLiteral("aeiouy").contains(c);
}

QString undouble(QString w)
{
    // "stopped" -> "stopp" -> "stop"; but keep "ll"/"ss" ("called" -> "call").
    const int n = int(w.size());
    if (n >= 3 && w[n - 1] == w[n - 2] && !isVowel(w[n - 1]) && w[n - 1] != QLatin1Char('l') &&
        w[n - 1] != QLatin1Char('s'))
        w.chop(1);
    return w;
}

} // namespace

bool isFiller(const QString &w)
{
    static const QSet<QString> fillers = {
        QStringLiteral("um"), QStringLiteral("umm"), QStringLiteral("ummm"), QStringLiteral("uh"),
        QStringLiteral("uhh"), QStringLiteral("uhm"), QStringLiteral("erm"), QStringLiteral("er"),
        QStringLiteral("err"), QStringLiteral("ah"), QStringLiteral("ahh"), QStringLiteral("hmm"),
        QStringLiteral("hm"), QStringLiteral("mm"), QStringLiteral("mmm"), QStringLiteral("eh")};
    return fillers.contains(w);
}

QString stem(const QString &lowerWord)
{
    QString w = lowerWord;
    // British and American spelling meet: apologise -> apologize.
    if (w.size() >= 6) {
        for (const char *ending : {"ise", "ised", "ises", "ising", "isation"}) {
            if (endsWith(w, ending)) {
                const int at = int(w.size() - qstrlen(ending)) + 1;
                w[at] = QLatin1Char('z');
                break;
            }
        }
    }
    const int n = int(w.size());
    if (n > 4 && (endsWith(w, "ies") || endsWith(w, "ied"))) {
        w.chop(3);
        w += QLatin1Char('y');
    } else if (n > 4 && endsWith(w, "ing")) {
        w = undouble(w.left(n - 3));
    } else if (n > 3 && endsWith(w, "ed") && !endsWith(w, "eed")) {
        w = undouble(w.left(n - 2));
    } else if (n > 4 && (endsWith(w, "sses") || endsWith(w, "xes") || endsWith(w, "ches") ||
                         endsWith(w, "shes") || endsWith(w, "zes"))) {
        w.chop(2);
    } else if (n > 5 && endsWith(w, "ly")) {
        w.chop(2);
    } else if (n > 3 && endsWith(w, "s") && !endsWith(w, "ss") && !endsWith(w, "us") &&
               !endsWith(w, "is")) {
        w.chop(1);
    }
    if (w.size() > 3 && w.endsWith(QLatin1Char('e')))
        w.chop(1);
    return w;
}

QStringList normalisedWords(const QString &word)
{
    QString w = word.toLower();
    w.replace(QChar(0x2019), QLatin1Char('\''));
    while (w.startsWith(QLatin1Char('\'')))
        w.remove(0, 1);
    while (w.endsWith(QLatin1Char('\'')))
        w.chop(1);
    if (w.isEmpty())
        return {};

    QStringList parts;
    const auto expanded = expansions().constFind(w);
    if (expanded != expansions().constEnd()) {
        parts = *expanded;
    } else if (w.endsWith(QLatin1String("n't"))) {
        parts = QStringList{w.left(w.size() - 3), QStringLiteral("not")};
    } else if (w.endsWith(QLatin1String("'re"))) {
        parts = QStringList{w.left(w.size() - 3), QStringLiteral("are")};
    } else if (w.endsWith(QLatin1String("'ve"))) {
        parts = QStringList{w.left(w.size() - 3), QStringLiteral("have")};
    } else if (w.endsWith(QLatin1String("'ll"))) {
        parts = QStringList{w.left(w.size() - 3), QStringLiteral("will")};
    } else if (w.endsWith(QLatin1String("'d"))) {
        parts = QStringList{w.left(w.size() - 2), QStringLiteral("would")};
    } else if (w.endsWith(QLatin1String("'s"))) {
        parts = QStringList{w.left(w.size() - 2)};
    } else {
        parts = QStringList{w};
    }
    QStringList out;
    for (QString part : parts) {
        part.remove(QLatin1Char('\''));
        if (part.isEmpty())
            continue;
        part = synonyms().value(part, part);
        QString stemmed = stem(part);
        // Stemming must never make a negation of another word ("note" -> "not").
        if (stemmed != part && (stemmed == QLatin1String("not") || stemmed == QLatin1String("no")))
            stemmed = part;
        out.append(stemmed);
    }
    return out;
}

} // namespace qaw::text
