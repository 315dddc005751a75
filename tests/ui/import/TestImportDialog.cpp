#include "MainWindow.h"
#include "Prompts.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/ImportHistoryDialog.h"

#include "demo/DemoWorkspace.h"
#include "import/ImportBatches.h"
#include "storage/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

namespace {

class ScriptedPrompts : public Prompts
{
public:
    QString nextFile;
    bool answer = false;
    QStringList messages;
    QString openFileName(QWidget *, const QString &, const QString &) override { return nextFile; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return nextFile; }
    void error(QWidget *, const QString &, const QString &text) override { messages << QStringLiteral("error: ") + text; }
    void information(QWidget *, const QString &, const QString &text) override { messages << text; }
    bool question(QWidget *, const QString &, const QString &text) override
    {
        messages << text;
        return answer;
    }
};

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void detectsPreviewsAndMapsCsv()
    {
        Workspace ws;
        QVERIFY(ws.open(m_dir.filePath(QStringLiteral("a.qaw")), Workspace::OpenMode::CreateIfMissing));
        const QString csv = m_dir.filePath(QStringLiteral("chats.csv"));
        writeFile(csv, "Conversation ID;Agent ID;Agent Name;Started;Speaker;Message\n"
                       "k1;a7;Lena Novak;2026-03-02T10:00:00Z;agent;Hello, how can I help?\n"
                       "k1;a7;Lena Novak;2026-03-02T10:00:00Z;customer;\"My order; it is late\"\n");
        ScriptedPrompts prompts;
        ImportDialog dialog(ws, prompts);
        dialog.setFiles({csv});
        auto *detected = dialog.findChild<QLabel *>(QStringLiteral("importDetectedFormat"));
        QVERIFY2(detected->text().startsWith(QStringLiteral("csv")), qPrintable(detected->text()));
        QVERIFY(dialog.findChild<QGroupBox *>(QStringLiteral("csvMappingBox"))->isEnabled());
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("importPreview"));
        // "Started" and the channel cannot be guessed: the problems say so, nothing imports yet.
        auto *problems = dialog.findChild<QLabel *>(QStringLiteral("mappingProblems"));
        QVERIFY2(problems->text().contains(QStringLiteral("started_at")), qPrintable(problems->text()));
        QCOMPARE(preview->rowCount(), 0);
        auto *agentName = dialog.findChild<QComboBox *>(QStringLiteral("mapping_agent_name"));
        QVERIFY(agentName);
        QCOMPARE(agentName->currentData().toString(), QStringLiteral("Agent Name"));
        // The user corrects the mapping: the preview follows.
        auto *started = dialog.findChild<QComboBox *>(QStringLiteral("mapping_started_at"));
        started->setCurrentIndex(started->findData(QStringLiteral("Started")));
        auto *channel = dialog.findChild<QComboBox *>(QStringLiteral("mappingDefaultChannel"));
        channel->setCurrentIndex(channel->findData(QStringLiteral("chat")));
        QVERIFY2(problems->text().contains(QStringLiteral("complete")), qPrintable(problems->text()));
        QCOMPARE(preview->rowCount(), 1);
        QCOMPARE(preview->item(0, 1)->text(), QStringLiteral("k1"));
        QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("chat"));
        QCOMPARE(preview->item(0, 4)->text(), QStringLiteral("2"));
        QVERIFY(dialog.options().mappingJson.contains(QStringLiteral("Started")));
        // Redaction choices reach the options.
        dialog.findChild<QCheckBox *>(QStringLiteral("redactEmail"))->setChecked(true);
        QVERIFY(dialog.options().redact.testFlag(RedactionKind::Email));
        QVERIFY(dialog.options().redact.testFlag(RedactionKind::Cards));
    }

    void importsThroughTheWindowAndShowsRejects()
    {
        const QString path = m_dir.filePath(QStringLiteral("b.qaw"));
        {
            Workspace ws;
            QVERIFY(ws.open(path, Workspace::OpenMode::CreateIfMissing));
        }
        const QString jsonl = m_dir.filePath(QStringLiteral("demo.jsonl"));
        DemoOptions options;
        options.interactions = 50;
        QString error;
        QVERIFY(writeDemoJsonl(jsonl, options, &error));
        QFile f(jsonl);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"id\": \"broken\", \"channel\": \"voice\"\n");
        f.close();

        auto prompts = std::make_unique<ScriptedPrompts>();
        ScriptedPrompts *p = prompts.get();
        MainWindow window(std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("s.ini"))), std::move(prompts));
        QVERIFY(window.openWorkspace(path));
        ImportOptions importOptions;
        QVERIFY2(window.importFiles({jsonl}, importOptions), qPrintable(p->messages.join(QLatin1Char('|'))));
        QCOMPARE(window.workspace()->counts().interactions, qint64(50));
        QCOMPARE(window.workspace()->counts().rejectedRecords, qint64(1));
        QVERIFY(!p->messages.isEmpty());
        QVERIFY2(p->messages.last().contains(QStringLiteral("50 imported")), qPrintable(p->messages.last()));
        QVERIFY(p->messages.last().contains(QStringLiteral("1 rejected")));
        // Importing the same file again adds nothing.
        QVERIFY2(window.importFiles({jsonl}, importOptions), qPrintable(p->messages.join(QLatin1Char('|'))));
        QCOMPARE(window.workspace()->counts().interactions, qint64(50));
        QVERIFY(p->messages.last().contains(QStringLiteral("50 unchanged")));

        ImportHistoryDialog history(*window.workspace(), *p);
        auto *batches = history.findChild<QTableWidget *>(QStringLiteral("importBatchTable"));
        QCOMPARE(batches->rowCount(), 2);
        auto *rejects = history.findChild<QTableWidget *>(QStringLiteral("rejectTable"));
        QCOMPARE(rejects->rowCount(), 1);
        QCOMPARE(rejects->item(0, 0)->text(), QStringLiteral("51"));
        QVERIFY(!rejects->item(0, 1)->text().isEmpty());
    }
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
