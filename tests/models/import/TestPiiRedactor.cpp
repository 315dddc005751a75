#include "import/PiiRedactor.h"

#include <QTest>

using namespace qaw;

class TestPiiRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsByDefault_data();
    void redactsByDefault();
    void optionalKinds();
    void luhn_data();
    void luhn();
    void parsesKinds();
};

void TestPiiRedactor::redactsByDefault_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    // Card numbers from the networks' published test sets (Luhn-valid by construction).
    QTest::newRow("visa spaced") << QStringLiteral("card 4111 1111 1111 1111 ok")
                                 << QStringLiteral("card [CARD] ok") << 1;
    QTest::newRow("mastercard dashed") << QStringLiteral("5555-5555-5555-4444")
                                       << QStringLiteral("[CARD]") << 1;
    QTest::newRow("amex 15 digits") << QStringLiteral("it is 378282246310005.")
                                    << QStringLiteral("it is [CARD].") << 1;
    QTest::newRow("luhn invalid kept") << QStringLiteral("order 4111 1111 1111 1112")
                                       << QStringLiteral("order 4111 1111 1111 1112") << 0;
    QTest::newRow("12 digits kept") << QStringLiteral("ref 411111111111")
                                    << QStringLiteral("ref 411111111111") << 0;
    QTest::newRow("ssn") << QStringLiteral("SSN 123-45-6789 thanks")
                         << QStringLiteral("SSN [SSN] thanks") << 1;
    QTest::newRow("ssn spaced") << QStringLiteral("it's 123 45 6789")
                                << QStringLiteral("it's [SSN]") << 1;
    QTest::newRow("never-issued ssn kept") << QStringLiteral("000-12-3456 and 666-12-3456")
                                           << QStringLiteral("000-12-3456 and 666-12-3456") << 0;
    QTest::newRow("two cards") << QStringLiteral("4111111111111111 or 5555555555554444")
                               << QStringLiteral("[CARD] or [CARD]") << 2;
    QTest::newRow("email not by default") << QStringLiteral("mail a.b@example.com")
                                          << QStringLiteral("mail a.b@example.com") << 0;
}

void TestPiiRedactor::redactsByDefault()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(int, count);
    const PiiRedactor redactor(RedactionKind::Cards | RedactionKind::Ssn);
    QCOMPARE(redactor.redact(text), count);
    QCOMPARE(text, expected);
}

void TestPiiRedactor::optionalKinds()
{
    const PiiRedactor all(RedactionKind::Cards | RedactionKind::Ssn | RedactionKind::Email |
                          RedactionKind::Phone);
    QString text = QStringLiteral("Write to jane.doe@example.co.uk or call (555) 123-4567 or "
                                  "+44 20 7946 0958; card 4111 1111 1111 1111.");
    QCOMPARE(all.redact(text), 4);
    QCOMPARE(text, QStringLiteral("Write to [EMAIL] or call [PHONE] or [PHONE]; card [CARD]."));
    const PiiRedactor none(RedactionKind::None);
    QString kept = QStringLiteral("4111 1111 1111 1111");
    QCOMPARE(none.redact(kept), 0);
    QCOMPARE(kept, QStringLiteral("4111 1111 1111 1111"));
}

void TestPiiRedactor::luhn_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("79927398713") << QStringLiteral("79927398713") << true; // the classic example
    QTest::newRow("79927398710") << QStringLiteral("79927398710") << false;
    QTest::newRow("discover") << QStringLiteral("6011111111111117") << true;
    QTest::newRow("off by one") << QStringLiteral("6011111111111118") << false;
}

void TestPiiRedactor::luhn()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(luhnValid(digits), valid);
}

void TestPiiRedactor::parsesKinds()
{
    RedactionKinds kinds;
    QString error;
    QVERIFY(parseRedactionKinds(QStringLiteral("cards,ssn,email,phone"), &kinds, &error));
    QCOMPARE(kinds, RedactionKind::Cards | RedactionKind::Ssn | RedactionKind::Email |
                        RedactionKind::Phone);
    QVERIFY(parseRedactionKinds(QStringLiteral("none"), &kinds, &error));
    QCOMPARE(kinds, RedactionKinds(RedactionKind::None));
    QVERIFY(!parseRedactionKinds(QStringLiteral("cards,iban"), &kinds, &error));
    QVERIFY(error.contains(QStringLiteral("iban")));
}

QTEST_GUILESS_MAIN(TestPiiRedactor)
#include "TestPiiRedactor.moc"
