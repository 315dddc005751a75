#include "demo/DemoWorkspace.h"
#include "itemmodels/InteractionTableModel.h"
#include "storage/Workspace.h"
#include "storage/WorkspaceQueries.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestInteractionTableModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    Workspace m_ws;
    static constexpr int kCount = 1500;

    qint64 sqlCount(const QString &where)
    {
        QSqlQuery q(m_ws.database());
        q.exec(QStringLiteral("SELECT count(*) FROM interactions ") + where);
        q.next();
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_ws.open(m_dir.filePath(QStringLiteral("m.qaw")), Workspace::OpenMode::CreateIfMissing));
        QString error;
        DemoOptions options;
        options.interactions = kCount;
        QVERIFY2(buildDemoWorkspace(m_ws, options, &error), qPrintable(error));
    }

    void rowsPagesAndTester()
    {
        InteractionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&m_ws);
        QCOMPARE(model.rowCount(), kCount);
        QCOMPARE(model.columnCount(), int(InteractionTableModel::ColumnCount));
        // Newest first by default; every row resolves to a distinct id across pages.
        QSet<qint64> ids;
        for (int row = 0; row < kCount; row += 97)
            ids.insert(model.interactionId(row));
        QCOMPARE(ids.size(), (kCount + 96) / 97);
        const QString first = model.data(model.index(0, InteractionTableModel::Started)).toString();
        const QString last = model.data(model.index(kCount - 1, InteractionTableModel::Started)).toString();
        QVERIFY(first > last);
        QCOMPARE(model.rowOfInteraction(model.interactionId(700)), 700);
    }

    void sortsInTheDatabase()
    {
        InteractionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&m_ws);
        model.sort(InteractionTableModel::Agent, Qt::AscendingOrder);
        QString previous;
        for (int row = 0; row < kCount; row += 50) {
            const QString agent = model.data(model.index(row, InteractionTableModel::Agent)).toString();
            QVERIFY(previous <= agent);
            previous = agent;
        }
    }

    void filtersMatchSql()
    {
        InteractionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&m_ws);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        InteractionFilter f;
        f.channel = QStringLiteral("chat");
        model.setFilter(f);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(qint64(model.rowCount()), sqlCount(QStringLiteral("WHERE channel = 'chat'")));
        for (int row = 0; row < model.rowCount(); row += 37)
            QCOMPARE(model.data(model.index(row, InteractionTableModel::Channel)).toString(), QStringLiteral("chat"));
        model.setFilter(f); // the same filter again does not reload
        QCOMPARE(reset.count(), 1);

        const std::vector<NamedId> teams = queries::teams(m_ws);
        QVERIFY(!teams.empty());
        f = {};
        f.teamId = teams.front().id;
        f.from = QDate(2026, 6, 1);
        f.to = QDate(2026, 6, 30);
        model.setFilter(f);
        QCOMPARE(qint64(model.rowCount()),
                 sqlCount(QStringLiteral("WHERE team_id = %1 AND started_at >= 1780272000000 AND "
                                         "started_at < 1782864000000").arg(teams.front().id)));
        QVERIFY(model.rowCount() > 0);

        f = {};
        f.text = QStringLiteral("refund, card");
        model.setFilter(f);
        QCOMPARE(qint64(model.rowCount()),
                 sqlCount(QStringLiteral("WHERE id IN (SELECT rowid FROM transcript_fts WHERE "
                                         "transcript_fts MATCH 'refund card')")));
        QVERIFY(model.rowCount() > 0);
        // Quotes and FTS operators typed by a person are words, not syntax.
        f.text = QStringLiteral("\"NEAR( OR");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 0);
    }
};

QTEST_GUILESS_MAIN(TestInteractionTableModel)
#include "TestInteractionTableModel.moc"
