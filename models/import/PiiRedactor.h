#pragma once

#include <QFlags>
#include <QRegularExpression>
#include <QString>

namespace qaw {

enum class RedactionKind { None = 0, Cards = 1, Ssn = 2, Email = 4, Phone = 8 };
Q_DECLARE_FLAGS(RedactionKinds, RedactionKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(RedactionKinds)

//! Parses "cards,ssn,email,phone" or "none"; returns false on an unknown word.
bool parseRedactionKinds(const QString &text, RedactionKinds *kinds, QString *error);
QString redactionKindsText(RedactionKinds kinds);

//! Replaces personal data in transcript text with typed tokens before it is stored:
//! [CARD] for Luhn-valid payment card numbers of 13-19 digits (spaces or dashes allowed
//! between digits), [SSN] for US social security numbers written 123-45-6789 or
//! 123 45 6789 (with the SSA's never-issued ranges excluded), [EMAIL] and [PHONE].
class PiiRedactor
{
public:
    explicit PiiRedactor(RedactionKinds kinds);

    //! Redacts \a text in place and returns how many items were replaced.
    int redact(QString &text) const;

    RedactionKinds kinds() const { return m_kinds; }

private:
    int replaceMatches(QString &text, const QRegularExpression &re, const QString &token,
                       bool (*accept)(const QString &)) const;

    RedactionKinds m_kinds;
    QRegularExpression m_card;
    QRegularExpression m_ssn;
    QRegularExpression m_email;
    QRegularExpression m_phone;
};

//! The Luhn checksum over the digits of \a digits (other characters ignored).
bool luhnValid(const QString &digits);

} // namespace qaw
