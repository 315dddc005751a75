#pragma once

#include "WorkspaceView.h"
#include "analytics/TrendsSnapshot.h"
#include "storage/InteractionFilter.h"

#include <QFutureWatcher>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QDateEdit;
class QLabel;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace qaw {

class ChartInteraction;
class DriversPanel;
class Prompts;

//! Trends: how automated quality moves over time, for whom, on which criteria, and how
//! it goes with CSAT, repeat contacts and handle time. Filters are the Interactions
//! view's (dates, team, agent, channel, queue); queries run on a worker thread with
//! their own connection, and a burst of filter changes makes one refresh.
class TrendsView : public WorkspaceView
{
    Q_OBJECT
public:
    enum Chart { Quality, Criteria, Histogram, HeatMap, AutoVsHuman, Scatter, ChartCount };

    explicit TrendsView(QWidget *parent = nullptr);
    ~TrendsView() override;
    void setWorkspace(Workspace *workspace) override;
    void refresh() override;
    //! Where file names for exports come from (the main window's, or tests').
    void setPrompts(Prompts *prompts) { m_prompts = prompts; }

    QCustomPlot *chart(Chart chart) const { return m_plots[chart]; }
    ChartInteraction *interaction(Chart chart) const { return m_interactions[chart]; }
    QTableWidget *driversTable() const;
    //! The numbers currently drawn.
    const TrendsSnapshot &snapshot() const { return m_snapshot; }
    bool isBusy() const;
    //! The filter the widgets describe (the first series).
    InteractionFilter currentFilter() const;

signals:
    //! A point, bar, cell or table row was clicked: show these interactions.
    void drillDown(const qaw::InteractionFilter &filter);
    //! New numbers were drawn.
    void refreshed();

private:
    QWidget *createFilterBar();
    QCustomPlot *createPlot(Chart chart, const char *objectName);
    void loadFilterChoices();
    void reloadAgents();
    void scheduleRefresh();
    void startQuery();
    void onQueryFinished();
    void draw();
    void drawCriteriaChart();
    TrendsRequest buildRequest() const;
    QString seriesLabel(const InteractionFilter &filter) const;
    void pinSeries();
    void exportChart(const QString &kind);
    Chart currentChart() const;
    QString currentCsv() const;

    Workspace *m_workspace = nullptr;
    Prompts *m_prompts = nullptr;
    std::unique_ptr<Prompts> m_ownPrompts;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_queue = nullptr;
    QComboBox *m_bucket = nullptr;
    QComboBox *m_criterion = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    DriversPanel *m_driversPanel = nullptr;
    QCustomPlot *m_plots[ChartCount] = {};
    ChartInteraction *m_interactions[ChartCount] = {};
    QTimer *m_refreshTimer = nullptr;
    QFutureWatcher<TrendsSnapshot> m_watcher;
    bool m_queryAgain = false;
    bool m_queryRunning = false;
    bool m_loadingChoices = false;
    std::vector<SeriesSpec> m_pinned;
    TrendsSnapshot m_snapshot;
};

} // namespace qaw
