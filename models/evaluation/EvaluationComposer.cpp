#include "evaluation/EvaluationComposer.h"

#include <QTimeZone>

#include <map>
#include <random>

namespace qaw {
namespace {

const QString kPass = QStringLiteral("pass");
const QString kFail = QStringLiteral("fail");
const QString kNa = QStringLiteral("na");

//! The utterances of each criterion and label.
class Pool
{
public:
    explicit Pool(const std::vector<LabelledUtterance> &utterances)
    {
        for (const LabelledUtterance &u : utterances)
            m_lines[{u.criterion, u.label}].push_back(&u);
    }
    bool has(const QString &criterion, bool label) const
    {
        const auto it = m_lines.find({criterion, label});
        return it != m_lines.end() && !it->second.empty();
    }
    const QString &pick(const QString &criterion, bool label, std::mt19937_64 &rng) const
    {
        const auto &lines = m_lines.at({criterion, label});
        return lines[size_t(rng() % lines.size())]->text;
    }

private:
    std::map<std::pair<QString, bool>, std::vector<const LabelledUtterance *>> m_lines;
};

//! Builds one interaction turn by turn, timed as a call or a chat.
class Script
{
public:
    Script(bool voice, std::mt19937_64 &rng) : m_voice(voice), m_rng(rng)
    {
        m_in.channel = voice ? QStringLiteral("voice") : QStringLiteral("chat");
        m_in.startedAt = QDateTime(QDate(2026, 9, 1), QTime(9, 0), QTimeZone::utc())
                             .addSecs(qint64(rng() % (86400 * 60)));
    }
    //! A turn after an ordinary pause, or after \a silenceMs of silence (voice).
    void say(Speaker speaker, const QString &text, qint64 silenceMs = -1)
    {
        Turn t;
        t.speaker = speaker;
        t.text = text;
        if (m_voice) {
            t.startMs = m_clock + (silenceMs >= 0 ? silenceMs : qint64(300 + m_rng() % 1200));
            t.endMs = t.startMs + 400 + 330 * qint64(text.count(QLatin1Char(' ')) + 1);
            m_clock = t.endMs;
        } else {
            m_clock += qint64(8000 + m_rng() % 50000);
            t.atMs = m_in.startedAt.toMSecsSinceEpoch() + m_clock;
        }
        m_in.turns.push_back(t);
    }
    Interaction &interaction() { return m_in; }
    qint64 clock() const { return m_clock; }

private:
    bool m_voice;
    std::mt19937_64 &m_rng;
    Interaction m_in;
    qint64 m_clock = 0;
};

bool chance(std::mt19937_64 &rng, double p)
{
    return double(rng() >> 11) * (1.0 / 9007199254740992.0) < p;
}

qint64 between(std::mt19937_64 &rng, qint64 low, qint64 high)
{
    return low + qint64(rng() % quint64(high - low + 1));
}

const QString &neutralReply(std::mt19937_64 &rng)
{
    static const QStringList replies = {QStringLiteral("Sure."), QStringLiteral("Okay."),
                                        QStringLiteral("Right."), QStringLiteral("Yes.")};
    return replies[qsizetype(rng() % quint64(replies.size()))];
}

void swapSpeakers(Interaction *in)
{
    for (Turn &t : in->turns)
        t.speaker = t.speaker == Speaker::Agent      ? Speaker::Customer
                    : t.speaker == Speaker::Customer ? Speaker::Agent
                                                     : t.speaker;
}

//! The middle of a call: holds, pauses, a line about tone. Fills the verdicts it decides.
void composeMiddle(const Pool &pool, Script &s, bool voice, bool empathic, std::mt19937_64 &rng,
                   QMap<QString, QString> *expected)
{
    const Speaker agent = Speaker::Agent;
    expected->insert(QStringLiteral("hold_etiquette"), kNa);
    expected->insert(QStringLiteral("dead_air"), voice ? kPass : kNa);
    if (voice && chance(rng, 0.4)) {
        const bool asked = chance(rng, 0.75);
        const bool thanked = chance(rng, 0.75);
        s.say(agent, pool.pick(QStringLiteral("hold_ask"), asked, rng));
        s.say(Speaker::Customer, neutralReply(rng));
        s.say(agent, pool.pick(QStringLiteral("hold_thanks"), thanked, rng), between(rng, 30000, 90000));
        expected->insert(QStringLiteral("hold_etiquette"), asked && thanked ? kPass : kFail);
    }
    if (voice && chance(rng, 0.2)) {
        s.say(agent, pool.pick(QStringLiteral("hold_thanks"), false, rng)); // a plain statement
        s.say(agent, pool.pick(QStringLiteral("hold_thanks"), false, rng), between(rng, 12000, 26000));
        expected->insert(QStringLiteral("dead_air"), kFail);
    } else if (voice && chance(rng, 0.15)) {
        s.say(agent, pool.pick(QStringLiteral("hold_ask"), true, rng));
        s.say(agent, pool.pick(QStringLiteral("hold_thanks"), false, rng), between(rng, 12000, 26000));
    }
    const bool breach = chance(rng, 0.12);
    if (breach)
        s.say(agent, pool.pick(QStringLiteral("tone"), true, rng));
    else if (empathic && chance(rng, 0.3)) // its negative words may carry empathy
        s.say(agent, pool.pick(QStringLiteral("tone"), false, rng));
    expected->insert(QStringLiteral("professional_tone"), breach ? kFail : kPass);
}

LabelledInteraction composeOne(const Pool &pool, int index, std::mt19937_64 &rng)
{
    const bool voice = chance(rng, 0.6);
    Script s(voice, rng);
    QMap<QString, QString> expected;
    const Speaker agent = Speaker::Agent;
    const Speaker customer = Speaker::Customer;

    const bool greeted = chance(rng, 0.8);
    s.say(agent, pool.pick(QStringLiteral("greeting"), greeted, rng));
    expected.insert(QStringLiteral("greeting"), greeted ? kPass : kFail);
    const bool aboutAccount = chance(rng, 0.9);
    s.say(customer, pool.pick(QStringLiteral("account_context"), aboutAccount, rng));
    const bool empathic = chance(rng, 0.65);
    s.say(agent, pool.pick(QStringLiteral("empathy"), empathic, rng));
    expected.insert(QStringLiteral("empathy"), empathic ? kPass : kFail);
    if (aboutAccount) {
        const bool verified = chance(rng, 0.75);
        s.say(agent, pool.pick(QStringLiteral("verification"), verified, rng));
        s.say(customer, neutralReply(rng));
        expected.insert(QStringLiteral("verification"), verified ? kPass : kFail);
    } else {
        expected.insert(QStringLiteral("verification"), kNa);
    }
    composeMiddle(pool, s, voice, empathic, rng, &expected);
    const bool resolved = chance(rng, 0.7);
    s.say(customer, pool.pick(QStringLiteral("resolution"), resolved, rng));
    if (chance(rng, 0.5))
        s.interaction().resolved = resolved;
    expected.insert(QStringLiteral("resolution"), resolved ? kPass : kFail);
    const bool closed = chance(rng, 0.8);
    s.say(agent, pool.pick(QStringLiteral("closing"), closed, rng));
    expected.insert(QStringLiteral("closing"), closed ? kPass : kFail);

    LabelledInteraction li;
    li.stored.id = index + 1;
    li.stored.interaction = std::move(s.interaction());
    Interaction &in = li.stored.interaction;
    in.source = QStringLiteral("composed");
    in.externalId = QStringLiteral("composed-%1").arg(index + 1, 6, 10, QLatin1Char('0'));
    in.agentId = QStringLiteral("agent-%1").arg(index % 20);
    in.durationMs = s.clock();
    if (voice && chance(rng, 0.03))
        swapSpeakers(&in);
    li.expected = expected;
    li.source = QStringLiteral("composed");
    return li;
}

} // namespace

std::vector<LabelledInteraction> composeInteractions(const std::vector<LabelledUtterance> &pool,
                                                     int count, quint64 seed)
{
    const Pool lines(pool);
    for (const QString &c : utteranceCriteria())
        if (!lines.has(c, true) || !lines.has(c, false))
            return {}; // every criterion needs examples of both labels
    std::mt19937_64 rng(seed);
    std::vector<LabelledInteraction> out;
    out.reserve(size_t(std::max(0, count)));
    for (int i = 0; i < count; ++i)
        out.push_back(composeOne(lines, i, rng));
    return out;
}

} // namespace qaw
