// The .desktop file, the AppStream metainfo, the workspace MIME type and the man pages:
// valid for the tools that read them on a desktop (each test skips only when its tool is
// missing), and agreeing with each other and with the programs.
#include "MissingTool.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAppId = QStringLiteral(QAW_APP_ID);
const QString kWorkspaceType = QStringLiteral("application/x-qa-workbench-workspace");

QString sourceFile(const QString &relative)
{
    return QStringLiteral(QAW_SOURCE_DIR "/") + relative;
}

QString builtFile(const QString &name)
{
    return QStringLiteral(QAW_PACKAGING_BUILD_DIR "/") + name;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct Run
{
    int exitCode = -1;
    QString output; //!< standard output and error together, as a person would read them
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit)
        r.exitCode = p.exitCode();
    r.output = QString::fromUtf8(p.readAll()).trimmed();
    return r;
}

//! The first capture of \a pattern in \a text.
QString capture(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).captured(1);
}

} // namespace

class TestPackagingFiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_mimeHome;

private slots:
    void initTestCase()
    {
        // The MIME database the tests below build goes first on the data path; Qt reads
        // the path once, at the first use of QMimeDatabase.
        QVERIFY(m_mimeHome.isValid());
        qputenv("XDG_DATA_DIRS",
                (m_mimeHome.path() + QStringLiteral(":/usr/local/share:/usr/share")).toUtf8());
        qputenv("XDG_DATA_HOME", m_mimeHome.filePath(QStringLiteral("none")).toUtf8());
    }

    void desktopFileIsValid()
    {
        QAW_SKIP_IF_MISSING("desktop-file-validate", "desktop-file-utils");
        const Run r = run(QStringLiteral("desktop-file-validate"),
                          {builtFile(kAppId + QStringLiteral(".desktop"))});
        QVERIFY2(r.exitCode == 0 && r.output.isEmpty(), qPrintable(r.output));
    }

    void metainfoIsValid()
    {
        QAW_SKIP_IF_MISSING("appstreamcli", "appstream");
        // --no-net: the screenshot's address is checked for its form, not fetched.
        const Run r =
            run(QStringLiteral("appstreamcli"),
                {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--strict"),
                 builtFile(kAppId + QStringLiteral(".metainfo.xml"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    }

    // The files name one another: the MIME type the .desktop file opens is the one the
    // MIME package defines and the metainfo provides; the metainfo's screenshot is the one
    // in the repository, at its size.
    void filesAgree()
    {
        const QString desktop = readText(builtFile(kAppId + QStringLiteral(".desktop")));
        const QString metainfo = readText(builtFile(kAppId + QStringLiteral(".metainfo.xml")));
        const QString mime = readText(
            sourceFile(QStringLiteral("packaging/") + kAppId + QStringLiteral(".mime.xml")));
        QCOMPARE(capture(desktop, QStringLiteral("^MimeType=(.*);$")), kWorkspaceType);
        QCOMPARE(capture(mime, QStringLiteral("<mime-type type=\"([^\"]+)\"")), kWorkspaceType);
        QCOMPARE(capture(metainfo, QStringLiteral("<mediatype>([^<]+)</mediatype>")),
                 kWorkspaceType);
        QCOMPARE(capture(metainfo, QStringLiteral("<launchable type=\"desktop-id\">([^<]+)<")),
                 kAppId + QStringLiteral(".desktop"));
        QCOMPARE(capture(desktop, QStringLiteral("^Exec=(.*)$")),
                 QStringLiteral("qa-workbench %f"));

        const QString image =
            capture(metainfo, QStringLiteral("<image [^>]*>[^<]*/(screenshots/[^<]+)</image>"));
        QVERIFY2(!image.isEmpty(), qPrintable(metainfo));
        const QSize size = QImageReader(sourceFile(QStringLiteral("packaging/") + image)).size();
        QVERIFY(size.isValid());
        QCOMPARE(capture(metainfo, QStringLiteral("<image [^>]*width=\"(\\d+)\"")).toInt(),
                 size.width());
        QCOMPARE(capture(metainfo, QStringLiteral("<image [^>]*height=\"(\\d+)\"")).toInt(),
                 size.height());
    }

    // A workspace, an SQLite file, is recognised as a workspace by a MIME database that
    // holds the package's type beside the system's: the name wins over SQLite's magic.
    void workspaceIsRecognised()
    {
        QAW_SKIP_IF_MISSING("update-mime-database", "shared-mime-info");
        const QString packages = m_mimeHome.filePath(QStringLiteral("mime/packages"));
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(
            sourceFile(QStringLiteral("packaging/") + kAppId + QStringLiteral(".mime.xml")),
            packages + QStringLiteral("/") + kAppId + QStringLiteral(".xml")));
        const Run r = run(QStringLiteral("update-mime-database"),
                          {m_mimeHome.filePath(QStringLiteral("mime"))});
        QVERIFY2(r.exitCode == 0 && r.output.isEmpty(), qPrintable(r.output));
        QVERIFY(readText(m_mimeHome.filePath(QStringLiteral("mime/globs2")))
                    .contains(kWorkspaceType + QStringLiteral(":*.qaw")));

        const QString workspace = m_mimeHome.filePath(QStringLiteral("team.qaw"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mime"));
            db.setDatabaseName(workspace);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("mime"));
        const QMimeType type = QMimeDatabase().mimeTypeForFile(workspace);
        QCOMPARE(type.name(), kWorkspaceType);
        QVERIFY(type.inherits(QStringLiteral("application/vnd.sqlite3")));
    }

    // Every command qaw lists has an entry in its man page.
    void manPageListsEveryCommand()
    {
        const Run help = run(qEnvironmentVariable("QAW_QAW_EXE"), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const QString page = readText(sourceFile(QStringLiteral("packaging/man/qaw.1")));
        QVERIFY(!page.isEmpty());
        const QRegularExpression command(QStringLiteral("^  ([a-z]+)  "),
                                         QRegularExpression::MultilineOption);
        int commands = 0;
        for (const QRegularExpressionMatch &m : command.globalMatch(help.output)) {
            ++commands;
            const QString entry = QStringLiteral("\n.TP\n.B ") + m.captured(1) + QLatin1Char(' ');
            const QString bare = QStringLiteral("\n.TP\n.B ") + m.captured(1) + QLatin1Char('\n');
            QVERIFY2(page.contains(entry) || page.contains(bare), qPrintable(m.captured(1)));
        }
        QVERIFY(commands >= 15);
    }

    void manPagesFormatCleanly_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("qaw") << QStringLiteral("qaw.1");
        QTest::newRow("qa-workbench") << QStringLiteral("qa-workbench.1");
    }

    void manPagesFormatCleanly()
    {
        QAW_SKIP_IF_MISSING("groff", "groff-base");
        QFETCH(QString, page);
        // -ww: every warning; -z: no output but the warnings.
        const Run r =
            run(QStringLiteral("groff"),
                {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"),
                 QStringLiteral("-Tutf8"), sourceFile(QStringLiteral("packaging/man/") + page)});
        QVERIFY2(r.exitCode == 0 && r.output.isEmpty(), qPrintable(r.output));
    }
};

QTEST_GUILESS_MAIN(TestPackagingFiles)
#include "TestPackagingFiles.moc"
