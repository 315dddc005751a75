#include "models/coaching/CoachingFixture.h"

#include "Prompts.h"
#include "coaching/CoachingItemPanel.h"
#include "coaching/CoachingQueuePanel.h"
#include "coaching/CorrectScoreDialog.h"
#include "coaching/EffectivenessPanel.h"
#include "coaching/FlagRuleDialog.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/CalibratedCriteria.h"
#include "coaching/Flagger.h"
#include "coaching/MeetingPrepPanel.h"
#include "coaching/RecordSessionDialog.h"
#include "itemmodels/CoachingQueueModel.h"
#include "views/CoachingView.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;

namespace {

//! Answers the view's questions: a file name to save to, and records the errors shown.
class TestPrompts : public Prompts
{
public:
    QString nextSaveName;
    QStringList errors;
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return nextSaveName;
    }
    void error(QWidget *, const QString &, const QString &text) override { errors << text; }
    void information(QWidget *, const QString &, const QString &) override {}
};

} // namespace

class TestCoachingView : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 anna = -1;
    TestPrompts prompts;

    template <typename T> static T *child(QWidget *w, const char *name)
    {
        T *found = w->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        const qint64 team = f->team(QStringLiteral("Billing"));
        anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), team);
        const qint64 ben = f->agent(QStringLiteral("b1"), QStringLiteral("Ben"), team);
        for (int k = 0; k < 4; ++k) {
            f->score(f->interaction(anna, team, f->at(QDate(2026, 3, 2 + k)),
                                    QStringLiteral("Whatever. Account number?")),
                     {{"verification", 0}, {"empathy", 0}},
                     {{"empathy", EvidenceSpan{0, 0, 8, -1}}});
            f->score(f->interaction(ben, team, f->at(QDate(2026, 3, 2 + k))), {});
        }
        // The default rules file interaction items on calibrated criteria only.
        QVERIFY(f->ws.setSetting(QLatin1String(kCalibratedCriteriaSetting),
                                 QStringLiteral("[\"verification\",\"empathy\"]")));
        QVERIFY(Flagger(f->ws).run().ok);
        prompts.errors.clear();
    }

    void everyInputHasAnObjectName()
    {
        CoachingView view;
        view.setWorkspace(&f->ws);
        QCOMPARE(view.objectName(), QStringLiteral("coachingView"));
        const auto widgets = view.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool input = qobject_cast<QPushButton *>(w) || qobject_cast<QComboBox *>(w) ||
                               qobject_cast<QDateEdit *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
                               qobject_cast<QTableView *>(w) ||
                               (qobject_cast<QLineEdit *>(w) &&
                                !qobject_cast<QAbstractSpinBox *>(w->parentWidget()) &&
                                !qobject_cast<QComboBox *>(w->parentWidget()));
            if (input)
                QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        }
    }

    void queueShowsItemsAndWorkflowButtonsWork()
    {
        CoachingView view;
        view.setPrompts(&prompts);
        view.setWorkspace(&f->ws);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *table = child<QTableView>(&view, "coachingQueueTable");
        QVERIFY(table);
        const qint64 items = f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items"));
        QVERIFY(items >= 4);
        QCOMPARE(table->model()->rowCount(), int(items));
        // The first row is selected and shown, with the evidence highlighted.
        auto *transcript = child<QTextBrowser>(&view, "coachingTranscript");
        QVERIFY(transcript->toHtml().contains(QStringLiteral("Whatever")));
        QVERIFY(transcript->toHtml().contains(QStringLiteral("#ffe08a")));
        auto *rule = child<QLabel>(&view, "coachingItemRule");
        QVERIFY(rule->text().contains(QStringLiteral("Why it fired")));

        const qint64 first = view.queue()->model()->itemId(0);
        QTest::mouseClick(child<QPushButton>(&view, "coachingAdvance"), Qt::LeftButton);
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items WHERE id = ? AND "
                                          "status = 'in_review'"),
                           {first}),
                 1);
        QCOMPARE(f->scalar(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'coaching_item' "
                                    "AND entity_id = ? AND new_value = 'in_review'"),
                     {first}),
                 1);

        // Bulk: select everything, dismiss with a reason.
        table->selectAll();
        child<QLineEdit>(&view, "coachingDismissReason")
            ->setText(QStringLiteral("covered in team huddle"));
        QTest::mouseClick(child<QPushButton>(&view, "coachingDismiss"), Qt::LeftButton);
        QCOMPARE(f->scalar(QStringLiteral(
                     "SELECT count(*) FROM coaching_items WHERE status = 'dismissed'")),
                 items);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(prompts.errors.isEmpty());

        auto *status = child<QComboBox>(&view, "queueFilterStatus");
        status->setCurrentIndex(status->findData(QStringLiteral("dismissed")));
        emit status->activated(status->currentIndex());
        QCOMPARE(table->model()->rowCount(), int(items));
    }

    void queueGroupedByAgentWithTheAgentsPatterns()
    {
        // Few calls here: a pattern rule that compares three verdicts a side.
        QVERIFY(f->addPatternRule(3));
        QVERIFY(Flagger(f->ws).run().patternsOpened > 0);
        CoachingView view;
        view.setPrompts(&prompts);
        view.setWorkspace(&f->ws);
        view.resize(1500, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *agents = child<QTreeWidget>(&view, "coachingAgents");
        QVERIFY(agents);
        // "All agents", then Anna (the only agent with open items).
        QCOMPARE(agents->topLevelItemCount(), 2);
        QTreeWidgetItem *annaRow = agents->topLevelItem(1);
        QCOMPARE(annaRow->text(0), QStringLiteral("Anna"));
        QVERIFY(annaRow->text(1).toInt() >= 1); // patterns
        QCOMPARE(annaRow->text(2).toInt(), 4);  // one item per flagged interaction
        agents->setCurrentItem(annaRow);
        auto *detail = child<QStackedWidget>(&view, "coachingDetail");
        QCOMPARE(detail->currentWidget()->objectName(), QStringLiteral("coachingAgentPage"));
        auto *patterns = child<QTextBrowser>(&view, "agentPagePatterns");
        // The empathy criterion's name in the default scorecard.
        QVERIFY2(patterns->toPlainText().contains(QStringLiteral("Acknowledges the customer")),
                 qPrintable(patterns->toPlainText()));
        QVERIFY(child<QLabel>(&view, "agentPageTitle")->text().startsWith(QStringLiteral("Anna")));
        // The table holds Anna's items, pattern items first.
        auto *table = child<QTableView>(&view, "coachingQueueTable");
        QCOMPARE(table->model()->rowCount(),
                 int(f->scalar(QStringLiteral("SELECT count(*) FROM coaching_items"))));
        QVERIFY(table->model()->index(0, 0).data(CoachingQueueModel::IsPatternRole).toBool());
        // Choosing an item shows its detail; the agent's row brings the page back.
        table->selectRow(1);
        QCOMPARE(detail->currentWidget()->objectName(), QStringLiteral("coachingItemPanel"));
        QSignalSpy prepare(view.findChild<CoachingQueuePanel *>(), &CoachingQueuePanel::prepareMeeting);
        agents->setCurrentItem(agents->topLevelItem(0));
        agents->setCurrentItem(annaRow);
        QCOMPARE(detail->currentWidget()->objectName(), QStringLiteral("coachingAgentPage"));
        QTest::mouseClick(child<QPushButton>(&view, "agentPagePrepareMeeting"), Qt::LeftButton);
        QCOMPARE(prepare.count(), 1);
        QCOMPARE(prepare.first().first().toLongLong(), anna);
    }

    void runFlagRulesWorksOnAWorkerAndReloads()
    {
        CoachingView view;
        view.setPrompts(&prompts);
        view.setWorkspace(&f->ws);
        auto *panel = view.findChild<CoachingQueuePanel *>();
        auto *table = child<QTableView>(&view, "coachingQueueTable");
        const int before = table->model()->rowCount();
        // A new breach while the view is open: the run files it without blocking the view.
        f->score(f->interaction(anna, f->scalar(QStringLiteral("SELECT team_id FROM agents "
                                                                 "WHERE id = ?"),
                                                  {anna}),
                                f->at(QDate(2026, 3, 6))),
                 {{"verification", 0}});
        auto *run = child<QPushButton>(&view, "queueRunFlagger");
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(!run->isEnabled());
        QTRY_VERIFY(!panel->isFlagging() && run->isEnabled());
        QCOMPARE(table->model()->rowCount(), before + 1);
        QVERIFY(prompts.errors.isEmpty());
    }

    void overdueHighlighted()
    {
        f->exec(QStringLiteral("UPDATE coaching_items SET due_date = '2020-01-01' WHERE id = "
                               "(SELECT min(id) FROM coaching_items)"),
                {});
        CoachingView view;
        view.setWorkspace(&f->ws);
        CoachingQueueModel *model = view.queue()->model();
        QCOMPARE(model->overdueCount(), 1);
        QVERIFY(child<QLabel>(&view, "queueSummary")->text().contains(QStringLiteral("1 overdue")));
    }

    void packetExportsAndSessionRecords()
    {
        CoachingView view;
        view.setPrompts(&prompts);
        view.setWorkspace(&f->ws);
        view.meeting()->showAgent(anna);
        auto *preview = child<QTextBrowser>(&view, "meetingPreview");
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Coaching meeting: Anna")));
        prompts.nextSaveName = f->dir.filePath(QStringLiteral("anna.pdf"));
        QTest::mouseClick(child<QPushButton>(&view, "meetingExportPdf"), Qt::LeftButton);
        QVERIFY(QFileInfo(prompts.nextSaveName).size() > 1000);
        QVERIFY(prompts.errors.isEmpty());

        RecordSessionDialog dialog(f->ws, anna);
        dialog.accept(); // nothing ticked: refused, stays open
        QCOMPARE(dialog.recordedId(), -1);
        QVERIFY(!child<QLabel>(&dialog, "sessionError")->text().isEmpty());
        dialog.focusList()->item(0)->setCheckState(Qt::Checked);
        child<QDateEdit>(&dialog, "sessionDate")->setDate(QDate(2026, 3, 4));
        child<QDateEdit>(&dialog, "sessionFollowUp")->setDate(QDate(2026, 4, 4));
        dialog.accept();
        QVERIFY(dialog.recordedId() > 0);
        view.effectiveness()->refresh();
        QCOMPARE(view.effectiveness()->table()->topLevelItemCount(), 1);
        QVERIFY(
            child<QLabel>(&view, "effectOverview")->text().contains(QStringLiteral("1 sessions")));
    }

    void flagRuleEditorSavesAndRefusesBadJson()
    {
        FlagRuleDialog dialog(f->ws);
        const int before = dialog.ruleList()->count();
        QVERIFY(before >= 3);
        // The weekly budget is saved as it changes (the fixture sets 1000).
        auto *budget = child<QSpinBox>(&dialog, "flagRuleWeeklyBudget");
        QCOMPARE(budget->value(), 50); // shown within its range
        budget->setValue(4);
        QCOMPARE(f->ws.setting(QLatin1String(kWeeklyBudgetSetting)), QStringLiteral("4"));
        auto *horizon = child<QSpinBox>(&dialog, "flagRuleHorizon");
        QCOMPARE(horizon->value(), kDefaultHorizonWeeks);
        horizon->setValue(0);
        QCOMPARE(f->ws.setting(QLatin1String(kHorizonWeeksSetting)), QStringLiteral("0"));
        QTest::mouseClick(child<QPushButton>(&dialog, "flagRuleNew"), Qt::LeftButton);
        child<QLineEdit>(&dialog, "flagRuleName")->setText(QStringLiteral("Empathy missing"));
        auto *kind = child<QComboBox>(&dialog, "flagRuleKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("criterion_failed")));
        emit kind->activated(kind->currentIndex());
        child<QPlainTextEdit>(&dialog, "flagRuleParams")->setPlainText(QStringLiteral("{not json"));
        QTest::mouseClick(child<QPushButton>(&dialog, "flagRuleSave"), Qt::LeftButton);
        QVERIFY(dialog.lastError().contains(QStringLiteral("JSON")));
        child<QPlainTextEdit>(&dialog, "flagRuleParams")
            ->setPlainText(QStringLiteral("{\"criterion\":\"empathy\"}"));
        QTest::mouseClick(child<QPushButton>(&dialog, "flagRuleSave"), Qt::LeftButton);
        QVERIFY2(dialog.lastError().isEmpty(), qPrintable(dialog.lastError()));
        QCOMPARE(dialog.ruleList()->count(), before + 1);
        const auto rules = FlagRuleStore(f->ws).all();
        QCOMPARE(rules.back().name, QStringLiteral("Empathy missing"));
        QCOMPARE(rules.back().criterion(), QStringLiteral("empathy"));
    }

    void correctScoreDialogReturnsTheChanges()
    {
        const auto evaluation = EvaluationStore(f->ws).currentAutomated(
            f->scalar(QStringLiteral("SELECT min(interaction_id) FROM coaching_items")));
        QVERIFY(evaluation);
        CorrectScoreDialog dialog(*evaluation, CriterionScales(f->ws));
        QVERIFY(dialog.corrections().empty());
        dialog.valueBox(QStringLiteral("empathy"))->setValue(1);
        const auto fixes = dialog.corrections();
        QCOMPARE(fixes.size(), size_t(1));
        QCOMPARE(fixes[0].criterionId, QStringLiteral("empathy"));
        QCOMPARE(*fixes[0].value, 1.0);
        dialog.valueBox(QStringLiteral("greeting"))
            ->setValue(dialog.valueBox(QStringLiteral("greeting"))->minimum());
        const auto both = dialog.corrections();
        QCOMPARE(both.size(), size_t(2));
        // In scorecard order: greeting comes before empathy.
        QCOMPARE(both[0].criterionId, QStringLiteral("greeting"));
        QVERIFY(both[0].na);
    }
};

QTEST_MAIN(TestCoachingView)
#include "TestCoachingView.moc"
