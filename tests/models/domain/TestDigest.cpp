#include "domain/Digest.h"

#include <QTest>

using namespace qaw;

// Test vectors from FIPS 180-2 (appendices A and B) and the empty message.
class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void knownVectors_data()
    {
        QTest::addColumn<bool>("sha256");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("sha1 abc") << false << QByteArray("abc")
                                  << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
        QTest::newRow("sha1 empty") << false << QByteArray()
                                    << QByteArray("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        QTest::newRow("sha256 abc")
            << true << QByteArray("abc")
            << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("sha256 two blocks")
            << true << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
    void knownVectors()
    {
        QFETCH(bool, sha256);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expected);
        const auto algorithm = sha256 ? Digest::Algorithm::Sha256 : Digest::Algorithm::Sha1;
        QCOMPARE(Digest::hex(algorithm, message), expected);
    }

    // A file is hashed in pieces; the pieces must not change the digest, and the object
    // starts over after a result.
    void incrementalEqualsOneShotAndRestarts()
    {
        QByteArray data;
        for (int i = 0; i < 100000; ++i)
            data.append(char('a' + i % 26));
        Digest digest(Digest::Algorithm::Sha256);
        for (qsizetype at = 0; at < data.size(); at += 4093)
            digest.addData(QByteArrayView(data).sliced(at, qMin<qsizetype>(4093, data.size() - at)));
        QCOMPARE(digest.resultHex(), Digest::hex(Digest::Algorithm::Sha256, data));
        digest.addData("abc");
        QCOMPARE(digest.resultHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_GUILESS_MAIN(TestDigest)
#include "TestDigest.moc"
