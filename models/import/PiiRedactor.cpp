#include "import/PiiRedactor.h"

#include <QStringList>

namespace qaw {
namespace {

int digitCount(const QString &text)
{
    int n = 0;
    for (const QChar c : text)
        n += (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ? 1 : 0;
    return n;
}

bool acceptCard(const QString &candidate)
{
    const int digits = digitCount(candidate);
    return digits >= 13 && digits <= 19 && luhnValid(candidate);
}

// The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000; rejecting
// them keeps order numbers and dates that happen to look like an SSN.
bool acceptSsn(const QString &candidate)
{
    QString digits;
    for (const QChar c : candidate)
        if (c.isDigit())
            digits += c;
    const int area = digits.left(3).toInt();
    return area != 0 && area != 666 && area < 900 && digits.mid(3, 2) != QLatin1String("00") &&
           digits.right(4) != QLatin1String("0000");
}

bool acceptAny(const QString &)
{
    return true;
}

} // namespace

bool luhnValid(const QString &text)
{
    int sum = 0;
    int count = 0;
    for (int i = int(text.size()) - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            continue;
        int d = c.unicode() - '0';
        if (count % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        ++count;
    }
    return count > 0 && sum % 10 == 0;
}

bool parseRedactionKinds(const QString &text, RedactionKinds *kinds, QString *error)
{
    RedactionKinds result = RedactionKind::None;
    const QStringList words = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : words) {
        const QString w = raw.trimmed().toLower();
        if (w == QLatin1String("none"))
            continue;
        if (w == QLatin1String("cards") || w == QLatin1String("card"))
            result |= RedactionKind::Cards;
        else if (w == QLatin1String("ssn"))
            result |= RedactionKind::Ssn;
        else if (w == QLatin1String("email"))
            result |= RedactionKind::Email;
        else if (w == QLatin1String("phone"))
            result |= RedactionKind::Phone;
        else {
            *error = QStringLiteral("unknown redaction '%1' (use cards, ssn, email, phone or none)")
                         .arg(raw.trimmed());
            return false;
        }
    }
    if (words.contains(QStringLiteral("none")) && result != RedactionKind::None) {
        *error = QStringLiteral("'none' cannot be combined with other redactions");
        return false;
    }
    *kinds = result;
    return true;
}

QString redactionKindsText(RedactionKinds kinds)
{
    QStringList words;
    if (kinds & RedactionKind::Cards)
        words << QStringLiteral("cards");
    if (kinds & RedactionKind::Ssn)
        words << QStringLiteral("ssn");
    if (kinds & RedactionKind::Email)
        words << QStringLiteral("email");
    if (kinds & RedactionKind::Phone)
        words << QStringLiteral("phone");
    return words.isEmpty() ? QStringLiteral("none") : words.join(QLatin1Char(','));
}

PiiRedactor::PiiRedactor(RedactionKinds kinds)
    : m_kinds(kinds),
      m_card(QStringLiteral("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?!\\d)")),
      m_ssn(QStringLiteral("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])")),
      m_email(QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
      // International numbers start with +; national ones are North American (3-3-4).
      m_phone(QStringLiteral("(?<![\\w+])(?:\\+\\d{1,3}(?:[ .-]?\\d){6,12}|(?:\\(\\d{3}\\)|\\d{3})"
                             "[ .-]?\\d{3}[ .-]?\\d{4})(?!\\d)"))
{
    for (QRegularExpression *re : {&m_card, &m_ssn, &m_email, &m_phone})
        re->optimize();
}

int PiiRedactor::replaceMatches(QString &text, const QRegularExpression &re, const QString &token,
                                bool (*accept)(const QString &)) const
{
    QString out;
    qsizetype copied = 0;
    int replaced = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!accept(m.captured(0)))
            continue;
        out += QStringView(text).mid(copied, m.capturedStart(0) - copied);
        out += token;
        copied = m.capturedEnd(0);
        ++replaced;
    }
    if (replaced > 0) {
        out += QStringView(text).mid(copied);
        text = out;
    }
    return replaced;
}

int PiiRedactor::redact(QString &text) const
{
    if (m_kinds == RedactionKind::None)
        return 0;
    int replaced = 0;
    // Most turns hold no number long enough to be personal data: skip the expressions.
    const int digits = digitCount(text);
    if (digits >= 13 && (m_kinds & RedactionKind::Cards))
        replaced += replaceMatches(text, m_card, QStringLiteral("[CARD]"), acceptCard);
    if (digits >= 9 && (m_kinds & RedactionKind::Ssn))
        replaced += replaceMatches(text, m_ssn, QStringLiteral("[SSN]"), acceptSsn);
    if ((m_kinds & RedactionKind::Email) && text.contains(QLatin1Char('@')))
        replaced += replaceMatches(text, m_email, QStringLiteral("[EMAIL]"), acceptAny);
    if (digits >= 10 && (m_kinds & RedactionKind::Phone))
        replaced += replaceMatches(text, m_phone, QStringLiteral("[PHONE]"), acceptAny);
    return replaced;
}

} // namespace qaw
