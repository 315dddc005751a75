#include "io/OutputFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestOutputFile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void writesAndReplacesWhole()
    {
        const QString path = m_dir.filePath(QStringLiteral("a.csv"));
        QString error;
        QVERIFY2(writeFileAtomically(path, "old\n", &error), qPrintable(error));
        OutputFile file(path);
        QVERIFY(file.open());
        QVERIFY(file.write("new\n"));
        QCOMPARE(read(path), QByteArray("old\n")); // nothing shows before the commit
        QVERIFY(file.commit());
        QCOMPARE(read(path), QByteArray("new\n"));
    }

    void uncommittedLeavesTheOldFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("b.csv"));
        QString error;
        QVERIFY(writeFileAtomically(path, "kept\n", &error));
        {
            OutputFile file(path);
            QVERIFY(file.open());
            QVERIFY(file.write("half"));
        } // destroyed without commit, as when an export fails half-way
        QCOMPARE(read(path), QByteArray("kept\n"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 2); // a.csv, b.csv: no temp
    }

    void fullDeviceFailsNamingTheFile()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        OutputFile file(QStringLiteral("/dev/full"));
        QVERIFY(file.open());
        const QByteArray chunk(64 * 1024, 'x'); // more than QFile buffers
        const bool written = file.write(chunk) && file.commit();
        QVERIFY(!written);
        QVERIFY2(file.errorString().startsWith(QLatin1String("cannot write /dev/full: ")),
                 qPrintable(file.errorString()));
        QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists());
        QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile()); // still the device
    }

    void readOnlyFolderFailsCleanly()
    {
        QString folder = m_dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        // Root ignores permission bits; /proc refuses new files even to root.
        if (QFileInfo(folder).isWritable())
            folder = QStringLiteral("/proc");
        const QString path = QDir(folder).filePath(QStringLiteral("export.csv"));
        QString error;
        QVERIFY(!writeFileAtomically(path, "x\n", &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(path)), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("ro")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "TestOutputFile.moc"
