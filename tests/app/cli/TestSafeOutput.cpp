// Exports that cannot half-happen, CSV cells that cannot run as formulas, backups and
// checks: through the qaw binary, as a scheduled job would use them.
#include "import/CsvParser.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSafeOutput : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_ws;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run qaw(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("QAW_QAW_EXE"), args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // The header and the records, read by the importer's own RFC 4180 parser.
    static QList<QStringList> parseCsv(const QString &text)
    {
        QByteArray bytes = text.toUtf8();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        qaw::CsvParser parser(&buffer, ',');
        QList<QStringList> rows;
        QString error;
        if (!parser.readHeader(&error))
            return rows;
        rows << parser.header();
        qaw::CsvRow row;
        while (parser.next(row))
            rows << row.fields;
        return rows;
    }

    static QString read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // No cell may start like a formula; returns the cells containing \a needle.
    static QStringList checkCells(const QString &csv, const QString &needle)
    {
        QStringList found;
        for (const QStringList &row : parseCsv(csv))
            for (const QString &cell : row) {
                if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()) &&
                    !qaw::CsvWriter::isPlainNumber(cell))
                    return {QStringLiteral("FORMULA: ") + cell};
                if (cell.contains(needle))
                    found << cell;
            }
        return found;
    }

private slots:
    void initTestCase()
    {
        m_ws = path("w.qaw");
        QCOMPARE(qaw({QStringLiteral("demo"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--interactions"), QStringLiteral("40")}).exitCode, 0);
    }

    void exportToAFullDiskFails()
    {
        const Run r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                           QStringLiteral("--workspace"), m_ws, QStringLiteral("--out"),
                           QStringLiteral("/dev/full")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("/dev/full")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("No space left")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("exported")));
    }

    void exportIntoAReadOnlyFolderFails()
    {
        QString folder = path("ro");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        if (QFileInfo(folder).isWritable()) // root: permission bits do not stop it
            folder = QStringLiteral("/proc");
        const QString target = QDir(folder).filePath(QStringLiteral("e.csv"));
        Run r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                     QStringLiteral("--workspace"), m_ws, QStringLiteral("--out"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(target), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(target));
        r = qaw({QStringLiteral("rejects"), QStringLiteral("--workspace"), m_ws,
                 QStringLiteral("--out"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(target), qPrintable(r.err));
        QFile::setPermissions(path("ro"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void noCellStartsLikeAFormula()
    {
        // A reviewer's comment and a rejected raw line, both crafted as formulas.
        Run r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                     QStringLiteral("--workspace"), m_ws, QStringLiteral("--out"), path("e0.csv")});
        QCOMPARE(r.exitCode, 0);
        const QList<QStringList> rows = parseCsv(read(path("e0.csv")));
        QVERIFY(rows.size() > 1);
        const QString interaction = rows.at(1).at(1); // external_id
        const QString criterion = rows.at(1).at(7);
        QFile humans(path("humans.csv"));
        QVERIFY(humans.open(QIODevice::WriteOnly));
        humans.write(QStringLiteral("interaction_id,reviewer,criterion_id,value,comment\n"
                                    "%1,Robin,%2,1,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"\n")
                         .arg(interaction, criterion)
                         .toUtf8());
        humans.close();
        r = qaw({QStringLiteral("humans"), QStringLiteral("import"), path("humans.csv"),
                 QStringLiteral("--workspace"), m_ws});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

        QFile jsonl(path("bad.jsonl"));
        QVERIFY(jsonl.open(QIODevice::WriteOnly));
        jsonl.write("+cmd|' /C calc'!A0\n@SUM(1+1)*cmd\n");
        jsonl.close();
        r = qaw({QStringLiteral("import"), path("bad.jsonl"), QStringLiteral("--workspace"), m_ws,
                 QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));

        r = qaw({QStringLiteral("export"), QStringLiteral("evaluations"),
                 QStringLiteral("--workspace"), m_ws, QStringLiteral("--out"), path("e.csv")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(checkCells(read(path("e.csv")), QStringLiteral("HYPERLINK")),
                 QStringList{QStringLiteral("'=HYPERLINK(\"http://evil.example/\",\"click\")")});
        r = qaw({QStringLiteral("rejects"), QStringLiteral("--workspace"), m_ws,
                 QStringLiteral("--out"), path("r.csv")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(checkCells(read(path("r.csv")), QStringLiteral("cmd")),
                 (QStringList{QStringLiteral("'+cmd|' /C calc'!A0"),
                              QStringLiteral("'@SUM(1+1)*cmd")}));
    }

    void backupThenCheck()
    {
        const QString copy = path("copy.qaw");
        Run r = qaw({QStringLiteral("backup"), QStringLiteral("--workspace"), m_ws,
                     QStringLiteral("--out"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = qaw({QStringLiteral("check"), QStringLiteral("--workspace"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.startsWith(QLatin1String("ok")));
        r = qaw({QStringLiteral("info"), QStringLiteral("--workspace"), copy});
        const Run original = qaw({QStringLiteral("info"), QStringLiteral("--workspace"), m_ws});
        QCOMPARE(r.out.section(QLatin1Char('\n'), 1), original.out.section(QLatin1Char('\n'), 1));
        r = qaw({QStringLiteral("backup"), QStringLiteral("--workspace"), m_ws,
                 QStringLiteral("--out"), QStringLiteral("/dev/full")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("/dev/full")));
    }
};

QTEST_GUILESS_MAIN(TestSafeOutput)
#include "TestSafeOutput.moc"
