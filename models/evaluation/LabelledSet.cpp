#include "evaluation/LabelledSet.h"

#include "import/NativeJsonl.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace qaw {
namespace {

constexpr qint64 kHoldGapMs = 40000;

//! A short voice call, turn by turn: an ordinary pause between turns unless told.
class CallBuilder
{
public:
    CallBuilder()
    {
        m_call.id = 1;
        m_call.interaction.channel = QStringLiteral("voice");
        m_call.interaction.startedAt = QDateTime(QDate(2026, 9, 1), QTime(10, 0), QTimeZone::utc());
    }
    CallBuilder &say(Speaker speaker, const QString &text, qint64 gapMs = 600)
    {
        Turn t;
        t.speaker = speaker;
        t.text = text;
        t.startMs = m_clock + gapMs;
        t.endMs = t.startMs + 400 + 330 * qint64(text.count(QLatin1Char(' ')) + 1);
        m_clock = t.endMs;
        m_call.interaction.turns.push_back(t);
        return *this;
    }
    StoredInteraction done()
    {
        m_call.interaction.durationMs = m_clock;
        return m_call;
    }

private:
    StoredInteraction m_call;
    qint64 m_clock = 0;
};

} // namespace

QStringList utteranceCriteria()
{
    return {QStringLiteral("greeting"),    QStringLiteral("verification"),
            QStringLiteral("empathy"),     QStringLiteral("tone"),
            QStringLiteral("hold_ask"),    QStringLiteral("hold_thanks"),
            QStringLiteral("closing"),     QStringLiteral("resolution"),
            QStringLiteral("account_context")};
}

QString scorecardCriterionFor(const QString &c)
{
    if (c == QLatin1String("tone"))
        return QStringLiteral("professional_tone");
    if (c == QLatin1String("hold_ask") || c == QLatin1String("hold_thanks"))
        return QStringLiteral("hold_etiquette");
    if (c == QLatin1String("account_context"))
        return QStringLiteral("verification");
    return c;
}

QString expectedVerdict(const LabelledUtterance &u)
{
    const QString pass = QStringLiteral("pass");
    const QString fail = QStringLiteral("fail");
    if (u.criterion == QLatin1String("tone")) // 1 is a breach
        return u.label ? fail : pass;
    if (u.criterion == QLatin1String("account_context")) // 0: verification never applied
        return u.label ? fail : QStringLiteral("na");
    return u.label ? pass : fail;
}

StoredInteraction callAround(const LabelledUtterance &u)
{
    const Speaker agent = Speaker::Agent;
    const Speaker customer = Speaker::Customer;
    const QString &c = u.criterion;
    CallBuilder call;
    if (c == QLatin1String("greeting")) {
        call.say(agent, u.text).say(customer, QStringLiteral("Hi, I've got a question about my bill."));
    } else if (c == QLatin1String("verification")) {
        call.say(customer, QStringLiteral("Hi, I'm ringing about my account."))
            .say(agent, u.text)
            .say(customer, QStringLiteral("Okay."));
    } else if (c == QLatin1String("empathy")) {
        call.say(customer, QStringLiteral("My parcel still hasn't turned up.")).say(agent, u.text);
    } else if (c == QLatin1String("tone")) {
        call.say(customer, QStringLiteral("I've been waiting ages for this.")).say(agent, u.text);
    } else if (c == QLatin1String("hold_ask")) {
        call.say(customer, QStringLiteral("Can you check the status of my order?"))
            .say(agent, u.text)
            .say(agent, QStringLiteral("Thank you for holding."), kHoldGapMs)
            .say(customer, QStringLiteral("Okay."));
    } else if (c == QLatin1String("hold_thanks")) {
        call.say(customer, QStringLiteral("Can you check the status of my order?"))
            .say(agent, QStringLiteral("Can I put you on hold for a moment while I check?"))
            .say(customer, QStringLiteral("Sure."))
            .say(agent, u.text, kHoldGapMs)
            .say(customer, QStringLiteral("Okay."));
    } else if (c == QLatin1String("closing")) {
        call.say(customer, QStringLiteral("Can you update my address?"))
            .say(agent, QStringLiteral("That's been changed for you now."))
            .say(customer, QStringLiteral("Okay."))
            .say(agent, u.text);
    } else if (c == QLatin1String("resolution")) {
        call.say(agent, QStringLiteral("I've reset it on my side, can you try again now?"))
            .say(customer, u.text);
    } else { // account_context
        call.say(customer, u.text).say(agent, QStringLiteral("Okay.")).say(customer, QStringLiteral("Right."));
    }
    return call.done();
}

std::optional<std::vector<LabelledUtterance>> readLabelledUtterances(const QString &path,
                                                                     QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::vector<LabelledUtterance> out;
    const QStringList criteria = utteranceCriteria();
    int lineNo = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (++lineNo == 1 || line.isEmpty())
            continue; // the header
        const QStringList fields = line.split(QLatin1Char('\t'));
        const auto fail = [&](const QString &why) {
            *error = QStringLiteral("%1 line %2: %3").arg(path).arg(lineNo).arg(why);
            return std::nullopt;
        };
        if (fields.size() != 4)
            return fail(QStringLiteral("expected 4 tab-separated fields, found %1").arg(fields.size()));
        if (!criteria.contains(fields[0]))
            return fail(QStringLiteral("unknown criterion \"%1\"").arg(fields[0]));
        if (fields[1] != QLatin1String("0") && fields[1] != QLatin1String("1"))
            return fail(QStringLiteral("the label must be 0 or 1"));
        out.push_back({fields[0], fields[1] == QLatin1String("1"), fields[2], fields[3], path, lineNo});
    }
    return out;
}

std::optional<std::vector<LabelledInteraction>> readLabelledInteractions(const QString &path,
                                                                         QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::vector<LabelledInteraction> out;
    int lineNo = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
        QString why;
        std::optional<Interaction> interaction =
            o.isEmpty() ? std::nullopt : interactionFromNativeJson(o, &why);
        if (!interaction) {
            *error = QStringLiteral("%1 line %2: %3")
                         .arg(path)
                         .arg(lineNo)
                         .arg(o.isEmpty() ? parseError.errorString() : why);
            return std::nullopt;
        }
        LabelledInteraction li;
        li.stored.id = qint64(out.size()) + 1;
        li.stored.interaction = std::move(*interaction);
        li.source = path;
        const QJsonObject expected = o.value(QStringLiteral("expected")).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            li.expected.insert(it.key(), it.value().toString());
        out.push_back(std::move(li));
    }
    return out;
}

} // namespace qaw
