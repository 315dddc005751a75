#include "CalibrationFixture.h"

#include "calibration/HumanEvaluationStore.h"
#include "itemmodels/SideBySideModel.h"
#include "views/CalibrationAgreementPanel.h"
#include "views/CalibrationView.h"
#include "views/HumanEvaluationForm.h"
#include "views/NewCalibrationSessionDialog.h"
#include "views/WhatIfTuningPanel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace qaw;
using namespace qaw::testing;

class TestCalibrationView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void formFitsEachScale();
    void fillingTheFormUpdatesSideBySide();
    void blindSessionHidesAutomatedInTheTable();
    void agreementTableAndCsvExport();
    void newSessionDialog();
    void whatIfPanelRuns();

private:
    qint64 makeSession(bool blind);
    int rowOf(qint64 interaction, const QString &criterion) const;
    std::unique_ptr<CalibrationFixture> m_f;
    std::unique_ptr<CalibrationView> m_view;
};

void TestCalibrationView::init()
{
    m_f = std::make_unique<CalibrationFixture>();
    QVERIFY(m_f->open());
    QVERIFY(m_f->addInteractions(4, QStringLiteral("thank you for calling")));
    for (qint64 id : m_f->ids)
        QVERIFY(m_f->addAutomated(id, {{QStringLiteral("greeting"), 1.0},
                                       {QStringLiteral("professional_tone"), 4.0}},
                                  {{0, 0, 21, -1}}) > 0);
    m_view = std::make_unique<CalibrationView>();
    m_view->setReviewerName(QStringLiteral("alice"));
    m_view->setWorkspace(&m_f->ws);
    m_view->resize(1400, 900);
    m_view->show();
    new QAbstractItemModelTester(m_view->sideBySideModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_view.get());
}

void TestCalibrationView::cleanup()
{
    m_view.reset();
    m_f.reset();
}

qint64 TestCalibrationView::makeSession(bool blind)
{
    QString error;
    SampleRequest request;
    request.method = SamplingMethod::HandPicked;
    request.ids = m_f->ids;
    const qint64 id = m_view->createSession(QStringLiteral("GUI session"), request,
                                            {QStringLiteral("alice"), QStringLiteral("bob")}, blind, &error);
    if (id < 0)
        qWarning("%s", qPrintable(error));
    return id;
}

int TestCalibrationView::rowOf(qint64 interaction, const QString &criterion) const
{
    const SideBySideModel *model = m_view->sideBySideModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->line(row)->interactionId == interaction && model->line(row)->criterionId == criterion)
            return row;
    return -1;
}

void TestCalibrationView::formFitsEachScale()
{
    HumanEvaluationForm form;
    form.setWorkspace(&m_f->ws);
    form.setReviewer(QStringLiteral("alice"));
    form.setInteraction(m_f->ids[0]);
    auto *greeting = form.findChild<QComboBox *>(QStringLiteral("humanScore_greeting"));
    auto *tone = form.findChild<QComboBox *>(QStringLiteral("humanScore_professional_tone"));
    QVERIFY(greeting && tone);
    QCOMPARE(greeting->count(), 3); // not scored, yes, no
    QCOMPARE(tone->count(), 6);     // not scored, 1..5
    QVERIFY(form.findChild<QCheckBox *>(QStringLiteral("humanNa_greeting")));
    QVERIFY(form.findChild<QLineEdit *>(QStringLiteral("humanComment_greeting")));
    // The total follows the inputs: tone 4 of 1-5 alone is 75.
    tone->setCurrentIndex(tone->findData(4.0));
    QVERIFY(form.totalText().contains(QLatin1String("75.0")));
    greeting->setCurrentIndex(greeting->findData(1.0));
    // (5 * 1 + 10 * 0.75) / 15 = 83.3
    QVERIFY2(form.totalText().contains(QLatin1String("83.3")), qPrintable(form.totalText()));
    form.findChild<QCheckBox *>(QStringLiteral("humanNa_professional_tone"))->setChecked(true);
    QVERIFY(form.totalText().contains(QLatin1String("100.0")));
}

void TestCalibrationView::fillingTheFormUpdatesSideBySide()
{
    const qint64 session = makeSession(false);
    QVERIFY(session > 0);
    QCOMPARE(m_view->currentSession(), session);
    const int row = rowOf(m_f->ids[1], QStringLiteral("greeting"));
    QVERIFY(row >= 0);
    const int alice = SideBySideModel::FirstReviewerColumn;
    QVERIFY(m_view->sideBySideModel()->index(row, alice).data().toString().isEmpty());
    QCOMPARE(m_view->sideBySideModel()->index(row, SideBySideModel::AutomatedColumn).data().toString(),
             QStringLiteral("yes"));
    QVERIFY(m_view->sideBySideModel()
                ->index(row, SideBySideModel::AutomatedColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("thank you for calling")));

    m_view->sideBySideTable()->selectRow(row);
    HumanEvaluationForm *form = m_view->evaluationForm();
    QTRY_COMPARE(form->interactionId(), m_f->ids[1]);
    QVERIFY(form->isEnabled());
    auto *greeting = form->findChild<QComboBox *>(QStringLiteral("humanScore_greeting"));
    greeting->setCurrentIndex(greeting->findData(0.0));
    auto *comment = form->findChild<QLineEdit *>(QStringLiteral("humanComment_greeting"));
    QTest::keyClicks(comment, QStringLiteral("no greeting at all"));
    QVERIFY(form->totalText().contains(QLatin1String("0.0")));
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("saveHumanEvaluation")), Qt::LeftButton);

    // The side-by-side shows alice's "no" beside the automated "yes", as a disagreement.
    const int after = rowOf(m_f->ids[1], QStringLiteral("greeting"));
    QTRY_COMPARE(m_view->sideBySideModel()->index(after, alice).data().toString(), QStringLiteral("no"));
    QVERIFY(m_view->sideBySideModel()->index(after, alice).data(SideBySideModel::DisagreementRole).toBool());
    QCOMPARE(m_view->sideBySideModel()->index(after, alice).data(Qt::ToolTipRole).toString(),
             QStringLiteral("no greeting at all"));
    QCOMPARE(m_view->sideBySideModel()->index(after, m_view->sideBySideModel()->spreadColumn()).data().toString(),
             QStringLiteral("1"));
    // The form stays on the interaction and reloads what was saved.
    QCOMPARE(m_view->evaluationForm()->interactionId(), m_f->ids[1]);

    auto *only = m_view->findChild<QCheckBox *>(QStringLiteral("onlyDisagreements"));
    QVERIFY(only);
    only->setChecked(true);
    QCOMPARE(m_view->sideBySideModel()->rowCount(), 2); // the greeting line and the total
    for (int r = 0; r < m_view->sideBySideModel()->rowCount(); ++r)
        QCOMPARE(m_view->sideBySideModel()->line(r)->interactionId, m_f->ids[1]);
    only->setChecked(false);
    QVERIFY(m_view->sideBySideModel()->rowCount() > 2);

    const auto saved = HumanEvaluationStore(m_f->ws).find(m_f->ids[1], QStringLiteral("alice"), session);
    QVERIFY(saved);
    QCOMPARE(*saved->criterion(QStringLiteral("greeting"))->value, 0.0);

    // Setting it back to "not scored" clears the stored value.
    greeting = m_view->evaluationForm()->findChild<QComboBox *>(QStringLiteral("humanScore_greeting"));
    QCOMPARE(greeting->currentData().toDouble(), 0.0); // reloaded from the store
    greeting->setCurrentIndex(0);
    QVERIFY(m_view->evaluationForm()->save());
    const auto cleared = HumanEvaluationStore(m_f->ws).find(m_f->ids[1], QStringLiteral("alice"), session);
    QVERIFY(!cleared->criterion(QStringLiteral("greeting"))->value);
}

void TestCalibrationView::blindSessionHidesAutomatedInTheTable()
{
    const qint64 session = makeSession(true);
    QVERIFY(session > 0);
    const int row = rowOf(m_f->ids[0], QStringLiteral("greeting"));
    QCOMPARE(m_view->sideBySideModel()->index(row, SideBySideModel::AutomatedColumn).data().toString(),
             QStringLiteral("hidden"));
    QVERIFY(!m_view->sideBySideModel()
                 ->index(row, SideBySideModel::AutomatedColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("thank you")));
    // A facilitator (not a reviewer) sees it and cannot score in the session.
    m_view->setReviewerName(QStringLiteral("carol"));
    QCOMPARE(m_view->sideBySideModel()->index(row, SideBySideModel::AutomatedColumn).data().toString(),
             QStringLiteral("yes"));
    QVERIFY(!m_view->evaluationForm()->isEnabled());
}

void TestCalibrationView::agreementTableAndCsvExport()
{
    const qint64 session = makeSession(false);
    QVERIFY(session > 0);
    HumanEvaluationStore humans(m_f->ws);
    for (qint64 id : m_f->ids)
        for (const QString &reviewer : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            Evaluation e = m_f->evaluation(id, {{QStringLiteral("greeting"), 1.0}});
            e.evaluator = reviewer;
            e.calibrationSessionId = session;
            QString error;
            QVERIFY(humans.save(e, m_f->card.scorecard, &error) > 0);
        }
    m_view->refresh();
    // The report (bootstrap intervals) is computed on a worker thread: refresh() returns
    // at once with the busy indicator shown, and the report appears when it is done.
    QVERIFY(m_view->reportPending());
    QVERIFY(m_view->agreementPanel()->isBusy());
    QSignalSpy shown(m_view.get(), &CalibrationView::reportShown);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->reportPending(), 60000);
    QVERIFY(shown.count() >= 1);
    QVERIFY(!m_view->agreementPanel()->isBusy());
    QTreeWidget *tree = m_view->agreementPanel()->tree();
    QCOMPARE(tree->objectName(), QStringLiteral("agreementTable"));
    QVERIFY(tree->topLevelItemCount() >= 2);
    QTreeWidgetItem *greeting = tree->topLevelItem(0);
    QCOMPARE(greeting->data(0, Qt::UserRole).toString(), QStringLiteral("greeting"));
    QCOMPARE(greeting->text(3), QStringLiteral("not calibrated")); // 4 items < 30
    QCOMPARE(greeting->child(0)->text(0), QStringLiteral("automated vs alice"));
    bool sawPercent = false;
    for (int i = 0; i < greeting->child(0)->childCount(); ++i)
        if (greeting->child(0)->child(i)->data(0, Qt::UserRole).toString() == QLatin1String("percent_exact")) {
            QCOMPARE(greeting->child(0)->child(i)->text(1), QStringLiteral("100.000"));
            sawPercent = true;
        }
    QVERIFY(sawPercent);
    const QString path = m_f->dir.filePath(QStringLiteral("export.csv"));
    QString error;
    QVERIFY2(m_view->agreementPanel()->exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("session,criterion"));
    QVERIFY(csv.contains("alice vs bob"));
    const QString pdf = m_f->dir.filePath(QStringLiteral("export.pdf"));
    QVERIFY2(m_view->agreementPanel()->exportPdf(pdf, &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QCOMPARE(pdfFile.read(5), QByteArray("%PDF-"));
}

void TestCalibrationView::newSessionDialog()
{
    NewCalibrationSessionDialog dialog(QStringLiteral("alice"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("sessionName"));
    auto *method = dialog.findChild<QComboBox *>(QStringLiteral("sessionSampling"));
    auto *reviewers = dialog.findChild<QLineEdit *>(QStringLiteral("sessionReviewers"));
    auto *ids = dialog.findChild<QLineEdit *>(QStringLiteral("sessionIds"));
    auto *blind = dialog.findChild<QCheckBox *>(QStringLiteral("sessionBlind"));
    QVERIFY(name && method && reviewers && ids && blind);
    QVERIFY(dialog.problem().isEmpty());
    reviewers->clear();
    QVERIFY(!dialog.problem().isEmpty());
    QTest::keyClicks(reviewers, QStringLiteral("alice, bob ,alice"));
    QCOMPARE(dialog.reviewers(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    method->setCurrentIndex(method->findData(int(SamplingMethod::HandPicked)));
    QVERIFY(ids->isEnabled());
    QVERIFY(!dialog.problem().isEmpty());
    QTest::keyClicks(ids, QStringLiteral("3, 1"));
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.request().ids, (std::vector<qint64>{3, 1}));
    blind->setChecked(false);
    QVERIFY(!dialog.blind());
}

void TestCalibrationView::whatIfPanelRuns()
{
    QVERIFY(makeSession(false) > 0);
    WhatIfTuningPanel *panel = m_view->whatIfPanel();
    QVERIFY(panel->criterionBox()->count() > 0);
    panel->criterionBox()->setCurrentIndex(panel->criterionBox()->findData(QStringLiteral("greeting")));
    QVERIFY(panel->editor()->toPlainText().contains(QLatin1String("\"greeting\"")));
    // No human ratings yet: nothing to compare, but the run itself works with a scorer.
    panel->setRescorer([](const Scorecard &, const QString &id, qint64, QString *) {
        CriterionResult r;
        r.criterionId = id;
        r.value = 1.0;
        return std::optional<CriterionResult>(r);
    });
    QVERIFY(panel->run());
    QVERIFY(panel->summary()->text().contains(QLatin1String("Nothing has been saved")));
    panel->editor()->setPlainText(QStringLiteral("{not json"));
    QVERIFY(!panel->run());
    QVERIFY(panel->summary()->text().contains(QLatin1String("Cannot try")));
}

QTEST_MAIN(TestCalibrationView)
#include "TestCalibrationView.moc"
