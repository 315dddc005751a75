#include "import/TranscriptText.h"

#include <QRegularExpression>

namespace qaw {

std::optional<Speaker> speakerFromLabel(const QString &label)
{
    const QString l = label.trimmed().toLower();
    if (const std::optional<Speaker> s = speakerFromName(l))
        return s;
    static const QStringList agents = {QStringLiteral("rep"), QStringLiteral("representative"),
                                       QStringLiteral("advisor"), QStringLiteral("adviser"),
                                       QStringLiteral("support"), QStringLiteral("operator"),
                                       QStringLiteral("staff"), QStringLiteral("employee")};
    static const QStringList customers = {QStringLiteral("caller"), QStringLiteral("client"),
                                          QStringLiteral("user"), QStringLiteral("end user"),
                                          QStringLiteral("enduser"), QStringLiteral("visitor"),
                                          QStringLiteral("requester"), QStringLiteral("contact")};
    static const QStringList bots = {QStringLiteral("virtual agent"), QStringLiteral("chatbot"),
                                     QStringLiteral("ivr"), QStringLiteral("assistant")};
    if (agents.contains(l))
        return Speaker::Agent;
    if (customers.contains(l))
        return Speaker::Customer;
    if (bots.contains(l))
        return Speaker::Bot;
    if (l == QLatin1String("automated") || l == QLatin1String("event"))
        return Speaker::System;
    return std::nullopt;
}

std::optional<qint64> parseClock(const QString &text)
{
    static const QRegularExpression clock(
        QStringLiteral("^(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?$"));
    const QRegularExpressionMatch m = clock.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 h = m.captured(1).toLongLong();
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    if (s >= 60 || (m.hasCaptured(1) && min >= 60))
        return std::nullopt;
    QString frac = m.captured(4);
    while (!frac.isEmpty() && frac.size() < 3)
        frac += QLatin1Char('0');
    return ((h * 60 + min) * 60 + s) * 1000 + frac.toLongLong();
}

std::optional<std::vector<Turn>> parseTranscriptText(const QString &text, QString *error)
{
    // [time] Label: text   or   time Label: text   or   Label: text
    static const QRegularExpression line(QStringLiteral(
        "^\\s*(?:\\[?(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)\\]?\\s+)?"
        "([A-Za-z][A-Za-z ]{0,20}?)\\s*:\\s?(.*)$"));
    std::vector<Turn> turns;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
        const QRegularExpressionMatch m = line.match(l);
        std::optional<Speaker> speaker;
        if (m.hasMatch())
            speaker = speakerFromLabel(m.captured(2));
        if (speaker) {
            Turn t;
            t.speaker = *speaker;
            t.text = m.captured(3).trimmed();
            if (m.hasCaptured(1))
                t.startMs = parseClock(m.captured(1)).value_or(-1);
            turns.push_back(std::move(t));
        } else if (!turns.empty() && !l.trimmed().isEmpty()) {
            turns.back().text += QLatin1Char('\n') + l.trimmed();
        } else if (!l.trimmed().isEmpty()) {
            *error = QStringLiteral("transcript line '%1' has no speaker label (expected "
                                    "'Agent: ...' or 'Customer: ...')")
                         .arg(l.left(80));
            return std::nullopt;
        }
    }
    if (turns.empty()) {
        *error = QStringLiteral("the transcript is empty");
        return std::nullopt;
    }
    return turns;
}

} // namespace qaw
