#include "views/EvaluationPanel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace qaw;

class TestEvaluationPanel : public QObject
{
    Q_OBJECT

    static Evaluation evaluation()
    {
        Evaluation e;
        e.total = 75;
        CriterionResult greeting;
        greeting.criterionId = QStringLiteral("greeting");
        greeting.value = 1;
        greeting.rationale = QStringLiteral("Found \"thanks for calling\".");
        greeting.evidence = {{0, 4, 22, 500}, {2, 0, 5, -1}};
        CriterionResult hold;
        hold.criterionId = QStringLiteral("hold_etiquette");
        hold.na = true;
        hold.rationale = QStringLiteral("N/A: There was no hold.");
        e.criteria = {greeting, hold};
        return e;
    }

private slots:
    void showsCriteriaAndEvidence()
    {
        EvaluationPanel panel;
        Scorecard card;
        Criterion c;
        c.id = QStringLiteral("greeting");
        c.name = QStringLiteral("Greeting and introduction");
        card.sections.push_back({QStringLiteral("opening"), QStringLiteral("Opening"), {c}});
        panel.setEvaluation(evaluation(), card);
        QTreeWidget *tree = panel.findChild<QTreeWidget *>(QStringLiteral("evaluationCriteria"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Greeting and introduction"));
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("Yes"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Turn 1 at 0:00"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("hold_etiquette"));
        QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("N/A"));
        QVERIFY(tree->topLevelItem(1)->text(2).contains(QLatin1String("no hold")));
    }

    void clickingEmitsEvidence()
    {
        EvaluationPanel panel;
        panel.setEvaluation(evaluation());
        QSignalSpy spy(&panel, &EvaluationPanel::evidenceClicked);
        QTreeWidget *tree = panel.criteriaTree();
        emit tree->itemClicked(tree->topLevelItem(0), 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 0);
        QCOMPARE(spy.at(0).at(1).toInt(), 4);
        QCOMPARE(spy.at(0).at(2).toInt(), 22);
        emit tree->itemClicked(tree->topLevelItem(0)->child(1), 0);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toInt(), 2);
        // A criterion without evidence emits nothing.
        emit tree->itemClicked(tree->topLevelItem(1), 0);
        QCOMPARE(spy.count(), 2);
    }

    // A verdict on weak evidence is marked for review; a person's never is.
    void marksVerdictsThatNeedReview()
    {
        Evaluation e = evaluation();
        e.criteria[0].confidence = Confidence::Weak;
        EvaluationPanel panel;
        panel.setEvaluation(e);
        QTreeWidget *tree = panel.criteriaTree();
        QVERIFY(tree->topLevelItem(0)->text(0).contains(QLatin1String("needs review")));
        QVERIFY(!tree->topLevelItem(1)->text(0).contains(QLatin1String("needs review"))); // N/A
        auto *summary = panel.findChild<QLabel *>(QStringLiteral("evaluationSummary"));
        QVERIFY(summary->text().contains(QLatin1String("1 verdict(s) need review")));
        e.kind = EvaluatorKind::Human;
        e.evaluator = QStringLiteral("Robin");
        panel.setEvaluation(e);
        QVERIFY(!tree->topLevelItem(0)->text(0).contains(QLatin1String("needs review")));
    }

    void clearShowsNothing()
    {
        EvaluationPanel panel;
        panel.setEvaluation(evaluation());
        panel.clear();
        QCOMPARE(panel.criteriaTree()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestEvaluationPanel)
#include "TestEvaluationPanel.moc"
