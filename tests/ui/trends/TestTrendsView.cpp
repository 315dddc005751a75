// The Trends workspace on the hand-computable fixture: charts render offscreen with the
// expected series and points, clicking drills down to exactly the interactions behind
// the point, exports write files.
#include "models/analytics/AnalyticsFixture.h"

#include "Prompts.h"
#include "views/TrendsView.h"
#include "views/trends/ChartInteraction.h"

#include <QComboBox>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <qcustomplot.h>

#include <cmath>

using namespace qaw;

namespace {

class ScriptedPrompts : public Prompts
{
public:
    QString nextSave;
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return nextSave;
    }
    void error(QWidget *, const QString &, const QString &) override { ++errors; }
    int errors = 0;
};

using fixture::countWhere;

QCPGraph *graphNamed(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}

//! Clicks the plot where data point \a index of \a graph is drawn.
void clickPoint(QCustomPlot *plot, QCPGraph *graph, int index)
{
    const auto it = graph->data()->at(index);
    const QPoint pos(int(graph->keyAxis()->coordToPixel(it->key)),
                     int(graph->valueAxis()->coordToPixel(it->value)));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pos);
}

} // namespace

class TestTrendsView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("f.qaw")),
                          Workspace::OpenMode::CreateIfMissing));
        QVERIFY(fixture::build(m_ws));
    }

    void init()
    {
        m_view = std::make_unique<TrendsView>();
        m_view->setPrompts(&m_prompts);
        m_view->resize(1300, 800);
        m_view->show();
        m_view->setWorkspace(&m_ws);
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
    }

    void cleanup() { m_view.reset(); }

    void qualityChartHasTheWeeklySeries()
    {
        QCustomPlot *plot = m_view->chart(TrendsView::Quality);
        QCOMPARE(plot->objectName(), QStringLiteral("trendsQualityPlot"));
        QCPGraph *line = graphNamed(plot, QStringLiteral("Whole workspace"));
        QVERIFY(line);
        QCOMPARE(line->data()->size(), 3); // 3 weeks, the middle one empty
        QCOMPARE(line->data()->at(0)->value, 67.5);
        QVERIFY(std::isnan(line->data()->at(1)->value));
        const ChartInteraction::Point *p =
            m_view->interaction(TrendsView::Quality)->pointAt(line, 0);
        QVERIFY(p);
        QVERIFY(p->tooltip.contains(QStringLiteral("n = 4")));
    }

    void teamAddsAComparisonLine()
    {
        auto *team = m_view->findChild<QComboBox *>(QStringLiteral("trendsTeam"));
        QVERIFY(team);
        team->setCurrentIndex(team->findText(QStringLiteral("Blue")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
        QCustomPlot *plot = m_view->chart(TrendsView::Quality);
        QCPGraph *blue = graphNamed(plot, QStringLiteral("Blue"));
        QVERIFY(blue);
        QVERIFY(graphNamed(plot, QStringLiteral("Whole workspace")));
        QCOMPARE(blue->data()->at(2)->value, 52.5);
    }

    void clickingAPointDrillsDown()
    {
        QCustomPlot *plot = m_view->chart(TrendsView::Quality);
        QCPGraph *line = graphNamed(plot, QStringLiteral("Whole workspace"));
        QVERIFY(line);
        QSignalSpy spy(m_view.get(), &TrendsView::drillDown);
        clickPoint(plot, line, 2);
        QCOMPARE(spy.count(), 1);
        const auto filter = spy.at(0).at(0).value<InteractionFilter>();
        QCOMPARE(filter.from, QDate(2024, 1, 15));
        QCOMPARE(countWhere(m_ws, filter), qint64(4)); // the n behind the point
    }

    void criteriaAndHistogramDrillDown()
    {
        m_view->findChild<QTabWidget *>(QStringLiteral("trendsCharts"))->setCurrentIndex(1);
        auto *criterion = m_view->findChild<QComboBox *>(QStringLiteral("trendsCriterion"));
        criterion->setCurrentIndex(criterion->findData(QStringLiteral("greeting")));
        QCustomPlot *plot = m_view->chart(TrendsView::Criteria);
        QCOMPARE(plot->graphCount(), 1);
        QCPGraph *g = plot->graph(0);
        QCOMPARE(g->data()->at(0)->value, 75.0);
        QSignalSpy spy(m_view.get(), &TrendsView::drillDown);
        clickPoint(plot, g, 0);
        QCOMPARE(spy.count(), 1);
        // Clicking a pass rate shows the failures behind it: week 1 had one.
        QCOMPARE(countWhere(m_ws, spy.at(0).at(0).value<InteractionFilter>()), qint64(1));

        m_view->findChild<QTabWidget *>(QStringLiteral("trendsCharts"))->setCurrentIndex(2);
        QCustomPlot *histogram = m_view->chart(TrendsView::Histogram);
        auto *bars = qobject_cast<QCPBars *>(histogram->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), 10); // bins of 10 points, as the roll-ups keep them
        const auto bin = bars->data()->at(5); // 50-60: #7 (50) among them
        QVERIFY(bin->value >= 1.0);
        const QPoint pos(int(histogram->xAxis->coordToPixel(bin->key)),
                         int(histogram->yAxis->coordToPixel(bin->value / 2)));
        QTest::mouseClick(histogram, Qt::LeftButton, Qt::NoModifier, pos);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(countWhere(m_ws, spy.at(1).at(0).value<InteractionFilter>()), qint64(bin->value));
    }

    void heatMapAndDriversTable()
    {
        m_view->findChild<QTabWidget *>(QStringLiteral("trendsCharts"))->setCurrentIndex(3);
        QCustomPlot *heat = m_view->chart(TrendsView::HeatMap);
        auto *map = qobject_cast<QCPColorMap *>(heat->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 2);      // greeting, professional_tone
        QCOMPARE(map->data()->valueSize(), 3);    // Alice, Bob, Cara
        QCOMPARE(map->data()->cell(0, 0), 100.0); // Alice greeting 3 of 3
        QSignalSpy spy(m_view.get(), &TrendsView::drillDown);
        const QPoint cell(int(heat->xAxis->coordToPixel(1)), int(heat->yAxis->coordToPixel(1)));
        QTest::mouseClick(heat, Qt::LeftButton, Qt::NoModifier, cell);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(countWhere(m_ws, spy.at(0).at(0).value<InteractionFilter>()),
                 qint64(3)); // Bob tone

        QTableWidget *table = m_view->driversTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("5")); // greeting n pass
        QVERIFY(table->item(0, 7)->text().contains(QStringLiteral("too few")));
        QCOMPARE(m_view->chart(TrendsView::Scatter)->plottable(0)->interface1D()->dataCount(), 4);
    }

    //! A scatter point is the means over an agent-week's interactions with both a total
    //! and a CSAT: the click opens exactly those, not the week's others.
    void scatterPointOpensOnlyInteractionsWithCsat()
    {
        // Alice's first week: #1 (CSAT 5) and #2, whose CSAT is removed here.
        QVERIFY(fixture::exec(m_ws, QStringLiteral("UPDATE interactions SET csat = NULL WHERE id = 2")));
        m_view.reset();
        init();
        m_view->findChild<QTabWidget *>(QStringLiteral("trendsCharts"))->setCurrentIndex(5);
        QCustomPlot *plot = m_view->chart(TrendsView::Scatter);
        auto *curve = qobject_cast<QCPCurve *>(plot->plottable(0));
        QVERIFY(curve);
        const auto first = curve->data()->at(0); // agents in id order: Alice's week of 1 Jan
        QCOMPARE(first->key, 90.0);
        QSignalSpy spy(m_view.get(), &TrendsView::drillDown);
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier,
                          QPoint(int(plot->xAxis->coordToPixel(first->key)),
                                 int(plot->yAxis->coordToPixel(first->value))));
        QCOMPARE(spy.count(), 1);
        InteractionFilter f = spy.at(0).at(0).value<InteractionFilter>();
        QCOMPARE(countWhere(m_ws, f), qint64(1));
        f.withCsatOnly = false;
        QCOMPARE(countWhere(m_ws, f), qint64(2)); // what the click opened before the fix
        QVERIFY(fixture::exec(m_ws, QStringLiteral("UPDATE interactions SET csat = 4 WHERE id = 2")));
    }

    void exportsWriteFiles_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("file");
        QTest::newRow("png") << QStringLiteral("trendsExportPng") << QStringLiteral("q.png");
        QTest::newRow("pdf") << QStringLiteral("trendsExportPdf") << QStringLiteral("q.pdf");
        QTest::newRow("csv") << QStringLiteral("trendsExportCsv") << QStringLiteral("q.csv");
    }
    void exportsWriteFiles()
    {
        QFETCH(QString, button);
        QFETCH(QString, file);
        m_prompts.nextSave = m_dir.filePath(file);
        auto *b = m_view->findChild<QToolButton *>(button);
        QVERIFY(b);
        b->click();
        QCOMPARE(m_prompts.errors, 0);
        QVERIFY(QFileInfo(m_prompts.nextSave).size() > 100);
        if (file.endsWith(QLatin1String(".csv"))) {
            QFile f(m_prompts.nextSave);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("2024-01-01,4,67.5"));
        }
    }

private:
    QTemporaryDir m_dir;
    Workspace m_ws;
    ScriptedPrompts m_prompts;
    std::unique_ptr<TrendsView> m_view;
};

QTEST_MAIN(TestTrendsView)
#include "TestTrendsView.moc"
