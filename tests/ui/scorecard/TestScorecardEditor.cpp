#include "dialogs/ConceptLibraryEditor.h"
#include "dialogs/ScorecardEditor.h"

#include "storage/ScorecardRepository.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace qaw;

class TestScorecardEditor : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    Workspace m_ws;

    static QTreeWidgetItem *criterionItem(QTreeWidget *tree, const QString &name)
    {
        for (int s = 0; s < tree->topLevelItemCount(); ++s)
            for (int c = 0; c < tree->topLevelItem(s)->childCount(); ++c)
                if (tree->topLevelItem(s)->child(c)->text(0) == name)
                    return tree->topLevelItem(s)->child(c);
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("e.qaw")), Workspace::OpenMode::CreateIfMissing));
    }

    void editsValidatesPreviewsAndSavesANewVersion()
    {
        const auto stored = ScorecardRepository(m_ws).active();
        QVERIFY(stored.has_value());
        ScorecardEditor editor(m_ws, stored->scorecard, stored->version);
        editor.show();
        QTreeWidget *tree = editor.tree();
        QCOMPARE(tree->topLevelItemCount(), int(stored->scorecard.sections.size()));

        // Preview scores the selected interaction with the unsaved edits.
        StoredInteraction interaction;
        interaction.interaction.externalId = QStringLiteral("c-42");
        int calls = 0;
        editor.setPreview([&calls](const Scorecard &card, const StoredInteraction &) {
            ++calls;
            Evaluation e;
            e.total = card.passMark; // echoes the edited pass mark, so edits are visible
            return e;
        }, interaction);
        auto *preview = editor.findChild<QTextBrowser *>(QStringLiteral("scorecardPreview"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("c-42")));
        auto *passMark = editor.findChild<QDoubleSpinBox *>(QStringLiteral("scorecardPassMark"));
        const int before = calls;
        passMark->setValue(65);
        QVERIFY(calls > before);
        QVERIFY(preview->toPlainText().contains(QStringLiteral("65.0")));

        // Editing a criterion's weight changes the edited scorecard only.
        QTreeWidgetItem *greeting = criterionItem(tree, QStringLiteral("Greeting and introduction"));
        QVERIFY(greeting);
        tree->setCurrentItem(greeting);
        auto *weight = editor.findChild<QDoubleSpinBox *>(QStringLiteral("criterionWeight"));
        QCOMPARE(weight->value(), 5.0);
        weight->setValue(12);
        QCOMPARE(editor.editedScorecard().criterion(QStringLiteral("greeting"))->weight, 12.0);
        QCOMPARE(greeting->text(1), QStringLiteral("12"));

        // Broken detector JSON keeps the last valid settings and says so.
        auto *detector = editor.findChild<QPlainTextEdit *>(QStringLiteral("criterionDetector"));
        const QJsonObject validDetector = editor.editedScorecard().criterion(QStringLiteral("greeting"))->detector;
        detector->setPlainText(QStringLiteral("{ not json"));
        QVERIFY(!editor.findChild<QLabel *>(QStringLiteral("jsonError"))->text().isEmpty());
        QCOMPARE(editor.editedScorecard().criterion(QStringLiteral("greeting"))->detector, validDetector);

        // A duplicated id is a validation message and disables Save.
        auto *id = editor.findChild<QLineEdit *>(QStringLiteral("criterionId"));
        id->setText(QStringLiteral("empathy"));
        auto *save = editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(!save->isEnabled());
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("validationMessages"))->text().contains(QStringLiteral("used twice")));
        id->setText(QStringLiteral("greeting"));
        QVERIFY(save->isEnabled());

        // Adding a criterion to a section.
        const size_t count = editor.editedScorecard().criteria().size();
        tree->setCurrentItem(tree->topLevelItem(0));
        QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("addCriterionButton")), Qt::LeftButton);
        QCOMPARE(editor.editedScorecard().criteria().size(), count + 1);
        QCOMPARE(editor.editedScorecard().sections[0].criteria.size(), size_t(2));

        QString error;
        const qint64 version = editor.saveNewVersion(QStringLiteral("tester"), QStringLiteral("test"), true, &error);
        QVERIFY2(version > 0, qPrintable(error));
        const auto active = ScorecardRepository(m_ws).active();
        QCOMPARE(active->version, 2);
        QCOMPARE(active->scorecard.passMark, 65.0);
        QCOMPARE(active->scorecard.criterion(QStringLiteral("greeting"))->weight, 12.0);
        QCOMPARE(ScorecardRepository(m_ws).version(stored->versionId)->scorecard.passMark, stored->scorecard.passMark);
    }

    // Phrases, window and speaker are edited in a form; the JSON tab and the scorecard
    // follow, and the live preview sees the new phrase at once.
    void editsDetectorSettingsInAForm()
    {
        const auto stored = ScorecardRepository(m_ws).active();
        QVERIFY(stored.has_value());
        ScorecardEditor editor(m_ws, stored->scorecard, stored->version);
        editor.show();
        QJsonObject previewed;
        StoredInteraction interaction;
        editor.setPreview([&previewed](const Scorecard &card, const StoredInteraction &) {
            previewed = card.criterion(QStringLiteral("greeting"))->detector;
            return Evaluation{};
        }, interaction);
        editor.tree()->setCurrentItem(
            criterionItem(editor.tree(), QStringLiteral("Greeting and introduction")));

        auto *concepts = editor.findChild<QPlainTextEdit *>(QStringLiteral("detectorField_concepts"));
        QVERIFY(concepts);
        QVERIFY(concepts->toPlainText().contains(QStringLiteral("greeting")));
        concepts->setPlainText(concepts->toPlainText() + QStringLiteral("\n  closing \n\n"));
        const QJsonObject edited = editor.editedScorecard().criterion(QStringLiteral("greeting"))->detector;
        const QJsonArray list = edited.value(QLatin1String("concepts")).toArray();
        QCOMPARE(list.last().toString(), QStringLiteral("closing")); // trimmed, blank lines dropped
        QCOMPARE(previewed, edited);
        auto *json = editor.findChild<QPlainTextEdit *>(QStringLiteral("criterionDetector"));
        QVERIFY(json->toPlainText().contains(QStringLiteral("closing")));

        auto *firstTurns = editor.findChild<QDoubleSpinBox *>(QStringLiteral("detectorField_window_first_turns"));
        QVERIFY(firstTurns);
        firstTurns->setValue(4);
        QCOMPARE(editor.editedScorecard().criterion(QStringLiteral("greeting"))->detector
                     .value(QLatin1String("window")).toObject().value(QLatin1String("first_turns")).toInt(),
                 4);
        auto *speaker = editor.findChild<QComboBox *>(QStringLiteral("detectorField_speaker"));
        QVERIFY(speaker);
        speaker->setCurrentText(QStringLiteral("any"));
        QCOMPARE(editor.editedScorecard().criterion(QStringLiteral("greeting"))->detector
                     .value(QLatin1String("speaker")).toString(),
                 QStringLiteral("any"));

        // An edit in the JSON tab shows in the form when it comes back.
        auto *tabs = editor.findChild<QTabWidget *>(QStringLiteral("detectorTabs"));
        tabs->setCurrentIndex(1);
        json->setPlainText(QStringLiteral("{\"type\": \"phrases\", \"mode\": \"none\", \"phrases\": [\"x\"]}"));
        tabs->setCurrentIndex(0);
        auto *mode = editor.findChild<QComboBox *>(QStringLiteral("detectorField_mode"));
        QVERIFY(mode);
        QCOMPARE(mode->currentText(), QStringLiteral("none"));
        QVERIFY(!editor.findChild<QDoubleSpinBox *>(QStringLiteral("detectorField_window_first_turns")));
    }

    // A centre's own wording taught to the concept library in the Concepts tab: the
    // sentence tester finds it at once, the scorecard (and its live preview) gets it, and
    // a broken pattern blocks saving with the reason.
    void teachesTheConceptLibraryANewPhrasing()
    {
        const auto stored = ScorecardRepository(m_ws).active();
        QVERIFY(stored.has_value());
        ScorecardEditor editor(m_ws, stored->scorecard, stored->version);
        editor.show();
        ConceptLibrary previewed;
        StoredInteraction interaction;
        editor.setPreview([&previewed](const Scorecard &card, const StoredInteraction &) {
            previewed = card.concepts;
            return Evaluation{};
        }, interaction);
        auto *library = editor.findChild<ConceptLibraryEditor *>(QStringLiteral("conceptLibraryEditor"));
        QVERIFY(library);
        auto *result = library->findChild<QTextBrowser *>(QStringLiteral("conceptTryResult"));
        library->tryText(QStringLiteral("bung me your booking ref"));
        QVERIFY(!result->toPlainText().contains(QLatin1String("identity_request")));

        auto *tree = library->findChild<QTreeWidget *>(QStringLiteral("conceptTree"));
        const auto found = tree->findItems(QStringLiteral("identity_request"),
                                           Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        tree->setCurrentItem(found.front());
        auto *clear = library->findChild<QPlainTextEdit *>(QStringLiteral("conceptClear"));
        QVERIFY(clear->toPlainText().contains(QLatin1String("{identity_item}")));
        const QString pattern = QStringLiteral("bung me your {identity_item}");
        clear->setPlainText(clear->toPlainText() + QStringLiteral("\n") + pattern + QStringLiteral("\n"));
        library->tryText(QStringLiteral("bung me your booking ref"));
        QVERIFY2(result->toPlainText().contains(QLatin1String("identity_request (clear)")),
                 qPrintable(result->toPlainText()));
        QVERIFY(editor.editedScorecard().concepts.concept(QStringLiteral("identity_request"))
                    ->clear.contains(pattern));
        QVERIFY(previewed.concept(QStringLiteral("identity_request"))->clear.contains(pattern));

        const auto concept = tree->findItems(QStringLiteral("greeting"), Qt::MatchExactly | Qt::MatchRecursive);
        tree->setCurrentItem(concept.front());
        clear->setPlainText(clear->toPlainText() + QStringLiteral("\n{no_such_class} hello"));
        QVERIFY(editor.problems().join(QLatin1Char(' ')).contains(QLatin1String("no_such_class")));
        QVERIFY(!editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    }
};

QTEST_MAIN(TestScorecardEditor)
#include "TestScorecardEditor.moc"
