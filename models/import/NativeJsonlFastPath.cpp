#include "import/NativeJsonlFastPath.h"

#include "import/CommonUtcTime.h"
#include "import/JsonStringToken.h"
#include "import/NativeJsonlSource.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

// Why a second parser: QJsonDocument builds a whole CBOR tree per line and the checks then
// look every key up in it; on the demo data that was three quarters of the reading thread
// (docs/import-benchmark.md). This one reads the line once, front to back. It stays correct
// by refusing ("not handled") whatever it is not sure to read exactly as QJsonDocument plus
// interactionFromNativeJson() would, so the slow path keeps every reject and its reason.

namespace qaw {
namespace {

using StringToken = JsonStringToken;

// Nesting allowed inside "attributes", far below QJsonDocument's limit (1024): the
// attributes, parsed on their own, must never pass where the whole line would nest too deep.
constexpr int kMaxAttributeDepth = 32;
// Digits of a millisecond count: up to 15 they are exact in a double and below the slow
// path's 9e15 limit, so both paths read the same number.
constexpr int kMaxCountDigits = 15;

// One bit per key, to refuse a key seen twice (QJsonDocument would keep the last one).
constexpr unsigned kId = 1u << 0, kChannel = 1u << 1, kStartedAt = 1u << 2, kDuration = 1u << 3,
                   kAgent = 1u << 4, kCustomer = 1u << 5, kQueue = 1u << 6, kLanguage = 1u << 7,
                   kCsat = 1u << 8, kResolved = 1u << 9, kTags = 1u << 10, kAttributes = 1u << 11,
                   kTurns = 1u << 12;
constexpr unsigned kSpeaker = 1u << 0, kText = 1u << 1, kStartMs = 1u << 2, kEndMs = 1u << 3,
                   kAt = 1u << 4;
constexpr unsigned kRequiredTop = kId | kChannel | kStartedAt | kAgent | kTurns;

unsigned topKey(const StringToken &k)
{
    switch (k.size) {
    case 2:
        return k.is("id") ? kId : 0;
    case 4:
        return k.is("csat") ? kCsat : k.is("tags") ? kTags : 0;
    case 5:
        return k.is("agent") ? kAgent : k.is("queue") ? kQueue : k.is("turns") ? kTurns : 0;
    case 7:
        return k.is("channel") ? kChannel : 0;
    case 8:
        return k.is("customer")   ? kCustomer
               : k.is("language") ? kLanguage
               : k.is("resolved") ? kResolved
                                  : 0;
    case 10:
        return k.is("started_at") ? kStartedAt : k.is("attributes") ? kAttributes : 0;
    case 11:
        return k.is("duration_ms") ? kDuration : 0;
    default:
        return 0;
    }
}

unsigned turnKey(const StringToken &k)
{
    switch (k.size) {
    case 2:
        return k.is("at") ? kAt : 0;
    case 4:
        return k.is("text") ? kText : 0;
    case 6:
        return k.is("end_ms") ? kEndMs : 0;
    case 7:
        return k.is("speaker") ? kSpeaker : 0;
    case 8:
        return k.is("start_ms") ? kStartMs : 0;
    default:
        return 0;
    }
}

// Reads one line front to back. Every method returns false to give the line up.
class FastReader
{
public:
    explicit FastReader(const QByteArray &line)
        : m_p(line.constData()), m_end(line.constData() + line.size())
    {
    }

    bool interaction(Interaction &in)
    {
        unsigned seen = 0;
        const bool ok = object([&](const StringToken &key) {
            const unsigned k = topKey(key);
            if (k == 0 || (seen & k) != 0)
                return false;
            seen |= k;
            return member(k, in);
        });
        skipSpace();
        return ok && m_p == m_end && (seen & kRequiredTop) == kRequiredTop;
    }

private:
    bool member(unsigned key, Interaction &in)
    {
        switch (key) {
        case kId:
            return requiredString(&in.externalId);
        case kChannel:
            return channel(&in.channel);
        case kStartedAt:
            return startedAt(&in.startedAt);
        case kDuration:
            return optionalCount(&in.durationMs);
        case kAgent:
            return agent(in);
        case kCustomer:
            return null() || customer(&in.customerId);
        case kQueue:
            return optionalString(&in.queue);
        case kLanguage:
            return optionalString(&in.language);
        case kCsat:
            return csat(&in.csat);
        case kResolved:
            return resolved(&in.resolved);
        case kTags:
            return null() || array([&in, this] {
                       StringToken t;
                       if (!string(&t))
                           return false;
                       in.tags << t.decode();
                       return true;
                   });
        case kAttributes:
            return null() || attributes(&in.attributes);
        case kTurns:
            return turns(&in.turns);
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\t' || *m_p == '\r'))
            ++m_p;
    }
    bool take(char c)
    {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool literal(const char *word, qsizetype n)
    {
        skipSpace();
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }
    bool null() { return literal("null", 4); }

    template <typename Member> bool object(Member &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        do {
            StringToken key;
            if (!string(&key) || !take(':') || !member(key))
                return false;
        } while (take(','));
        return take('}');
    }
    template <typename Element> bool array(Element &&element)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (take(','));
        return take(']');
    }

    bool string(StringToken *t)
    {
        if (!take('"'))
            return false;
        const char *after = StringToken::scan(m_p, m_end, t);
        if (after == nullptr)
            return false;
        m_p = after;
        return true;
    }
    bool requiredString(QString *out)
    {
        StringToken t;
        if (!string(&t))
            return false;
        *out = t.decode();
        return !out->trimmed().isEmpty();
    }
    bool optionalString(QString *out)
    {
        if (null())
            return true;
        StringToken t;
        if (!string(&t))
            return false;
        *out = t.decode();
        return true;
    }
    bool count(qint64 *out)
    {
        skipSpace();
        const char *start = m_p;
        qint64 value = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9' && m_p - start <= kMaxCountDigits)
            value = value * 10 + (*m_p++ - '0');
        const qsizetype n = m_p - start;
        if (n == 0 || n > kMaxCountDigits || (n > 1 && *start == '0'))
            return false;
        *out = value; // what follows ('.', 'e', ...) is refused by the caller's next token
        return true;
    }
    bool optionalCount(qint64 *out) { return null() || count(out); }

    bool channel(QString *out)
    {
        StringToken t;
        if (!string(&t))
            return false;
        if (t.is("voice"))
            *out = QStringLiteral("voice");
        else if (t.is("chat"))
            *out = QStringLiteral("chat");
        else if (t.is("email"))
            *out = QStringLiteral("email");
        else if (t.is("sms"))
            *out = QStringLiteral("sms");
        else if (t.is("social"))
            *out = QStringLiteral("social");
        else {
            const QString text = t.decode();
            if (text.trimmed().isEmpty())
                return false;
            *out = text.trimmed().toLower();
            return knownChannels().contains(*out);
        }
        return true;
    }
    // A time string: the common form read here, any other through parseIsoTime().
    bool time(const StringToken &t, qint64 *ms)
    {
        if (t.plain()) {
            if (const std::optional<qint64> v = parseCommonUtcTime(t.bytes())) {
                *ms = *v;
                return true;
            }
        }
        const std::optional<QDateTime> parsed = parseIsoTime(t.decode());
        if (!parsed)
            return false;
        *ms = parsed->toMSecsSinceEpoch();
        return true;
    }
    bool startedAt(QDateTime *out)
    {
        StringToken t;
        qint64 ms = 0;
        // An empty or blank time fails parseIsoTime(), as the required field does.
        if (!string(&t) || !time(t, &ms))
            return false;
        *out = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        return true;
    }
    bool customer(QString *id)
    {
        bool seen = false;
        return object([&](const StringToken &k) {
            if (!k.is("id") || seen)
                return false;
            seen = true;
            return optionalString(id);
        });
    }
    bool agent(Interaction &in)
    {
        unsigned seen = 0;
        const bool ok = object([&](const StringToken &k) {
            const unsigned bit = k.is("id") ? 1u : k.is("name") ? 2u : k.is("team") ? 4u : 0u;
            if (bit == 0 || (seen & bit) != 0)
                return false;
            seen |= bit;
            return bit == 1 ? requiredString(&in.agentId)
                            : optionalString(bit == 2 ? &in.agentName : &in.team);
        });
        return ok && (seen & 1u) != 0;
    }
    bool csat(std::optional<int> *out)
    {
        if (null())
            return true;
        qint64 v = 0;
        if (!count(&v) || v < 1 || v > 5)
            return false;
        *out = int(v);
        return true;
    }
    bool resolved(std::optional<bool> *out)
    {
        if (null())
            return true;
        if (literal("true", 4))
            *out = true;
        else if (literal("false", 5))
            *out = false;
        else
            return false;
        return true;
    }
    // The object's extent, found by matching brackets outside strings, is handed to
    // QJsonDocument, so attributes of any shape come out exactly as the slow path has them.
    bool attributes(QJsonObject *out)
    {
        skipSpace();
        if (m_p == m_end || *m_p != '{')
            return false;
        const char *begin = m_p;
        int depth = 0;
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '"') {
                while (m_p < m_end && *m_p != '"')
                    m_p += *m_p == '\\' ? 2 : 1;
                if (m_p >= m_end)
                    return false;
                ++m_p;
            } else if (c == '{' || c == '[') {
                if (++depth > kMaxAttributeDepth)
                    return false;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                break;
            }
        }
        if (depth != 0)
            return false;
        const QByteArray span = QByteArray::fromRawData(begin, m_p - begin);
        if (span == "{}")
            return true;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(span, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return false;
        *out = doc.object();
        return true;
    }
    bool turns(std::vector<Turn> *out)
    {
        out->reserve(16);
        return array([this, out] {
            Turn turn;
            if (!this->turn(turn))
                return false;
            out->push_back(std::move(turn));
            return true;
        });
    }
    bool turn(Turn &turn)
    {
        unsigned seen = 0;
        const bool ok = object([&](const StringToken &key) {
            const unsigned k = turnKey(key);
            if (k == 0 || (seen & k) != 0)
                return false;
            seen |= k;
            switch (k) {
            case kSpeaker:
                return speaker(&turn.speaker);
            case kText: {
                StringToken t;
                if (!string(&t))
                    return false;
                turn.text = t.decode();
                return true;
            }
            case kStartMs:
                return optionalCount(&turn.startMs);
            case kEndMs:
                return optionalCount(&turn.endMs);
            case kAt: {
                if (null())
                    return true;
                StringToken t;
                return string(&t) && (t.size == 0 || time(t, &turn.atMs));
            }
            }
            return false;
        });
        return ok && (seen & (kSpeaker | kText)) == (kSpeaker | kText) &&
               !(turn.startMs >= 0 && turn.endMs >= 0 && turn.endMs < turn.startMs);
    }
    bool speaker(Speaker *out)
    {
        StringToken t;
        if (!string(&t))
            return false;
        if (t.is("agent"))
            *out = Speaker::Agent;
        else if (t.is("customer"))
            *out = Speaker::Customer;
        else if (t.is("system"))
            *out = Speaker::System;
        else if (t.is("bot"))
            *out = Speaker::Bot;
        else {
            const QString text = t.decode();
            const std::optional<Speaker> s = speakerFromName(text);
            if (text.trimmed().isEmpty() || !s)
                return false;
            *out = *s;
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

std::optional<Interaction> parseNativeJsonLineFast(const QByteArray &line)
{
    std::optional<Interaction> in(std::in_place);
    in->source = nativeJsonlSource();
    if (!FastReader(line).interaction(*in))
        return std::nullopt;
    return in;
}

} // namespace qaw
