#include "CalibrationFixture.h"

#include "itemmodels/InteractionTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <random>

using namespace qaw;
using namespace qaw::testing;

//! The Interactions table reads a page by its ids (the worker's row order), by keyset
//! (from a neighbouring page), from the end (reversed order), by OFFSET, or segment by
//! segment (team order); whichever it uses, every row must be the row a single unpaged
//! ORDER BY puts there, with ties and NULL sort keys too, for every column and direction.
class TestInteractionPaging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameRowsWhateverTheAccessOrder_data();
    void sameRowsWhateverTheAccessOrder();
    void everyColumnAndDirection_data();
    void everyColumnAndDirection();
    void rowOfInteractionWithTheRowOrder();

private:
    std::vector<qint64> reference(const QString &orderBy, const InteractionFilter &filter) const;
    void checkAllAccessOrders(int column, Qt::SortOrder order, const InteractionFilter &filter,
                              const std::vector<qint64> &expected, bool rowOrder);
    CalibrationFixture m_f;
};

void TestInteractionPaging::initTestCase()
{
    QVERIFY(m_f.open());
    QVERIFY(m_f.addInteractions(1400));
    std::mt19937 rng(7);
    QSqlQuery q(m_f.ws.database());
    // Agents with equal names (ties of a.name) and teams, some interactions with none.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO teams(name) VALUES ('Alpha'), ('Zulu'), ('Mid')")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO agents(external_id, name) VALUES ('d1', 'Dup'), "
                                  "('d2', 'Dup'), ('z', 'Zed'), ('b', 'Bea')")));
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM agents")));
    std::vector<qint64> agents;
    while (q.next())
        agents.push_back(q.value(0).toLongLong());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM teams")));
    std::vector<QVariant> teams{QVariant()};
    while (q.next())
        teams.push_back(q.value(0));
    const QStringList channels{QStringLiteral("chat"), QStringLiteral("voice"), QStringLiteral("email")};
    q.prepare(QStringLiteral(
        "UPDATE interactions SET auto_total = ?, queue = ?, duration_ms = ?, agent_id = ?, "
        "team_id = ?, started_at = ?, channel = ?, csat = ?, resolved = ?, auto_failed = ?, "
        "turn_count = ?, external_id = ? WHERE id = ?"));
    for (qint64 id : m_f.ids) {
        // Few distinct values (many ties) and NULLs where the column allows them.
        q.addBindValue(rng() % 8 == 0 ? QVariant() : QVariant(double(rng() % 20) * 5.0));
        q.addBindValue(rng() % 2 ? QStringLiteral("billing") : QStringLiteral("orders"));
        q.addBindValue(rng() % 5 == 0 ? QVariant() : QVariant(qint64(rng() % 100) * 1000));
        q.addBindValue(agents[rng() % agents.size()]);
        q.addBindValue(teams[rng() % teams.size()]);
        q.addBindValue(qint64(1772355600000) + qint64(rng() % 50) * 60000);
        q.addBindValue(channels.at(int(rng() % 3)));
        q.addBindValue(rng() % 4 == 0 ? QVariant() : QVariant(int(rng() % 5) + 1));
        q.addBindValue(rng() % 3 == 0 ? QVariant() : QVariant(int(rng() % 2)));
        q.addBindValue(rng() % 3 == 0 ? QVariant() : QVariant(int(rng() % 2)));
        q.addBindValue(int(rng() % 7));
        q.addBindValue(QStringLiteral("x%1-%2").arg(rng() % 300).arg(id)); // unique per source
        q.addBindValue(id);
        QVERIFY(q.exec());
    }
}

std::vector<qint64> TestInteractionPaging::reference(const QString &orderBy,
                                                     const InteractionFilter &filter) const
{
    QVariantList values;
    const QString where = filter.whereClause(QStringLiteral("i"), &values);
    QSqlQuery q(m_f.ws.database());
    q.prepare(QStringLiteral("SELECT i.id FROM interactions i JOIN agents a ON a.id = i.agent_id "
                             "LEFT JOIN teams t ON t.id = i.team_id") +
              where + QStringLiteral(" ORDER BY ") + orderBy);
    for (const QVariant &v : values)
        q.addBindValue(v);
    std::vector<qint64> out;
    if (q.exec())
        while (q.next())
            out.push_back(q.value(0).toLongLong());
    return out;
}

void TestInteractionPaging::sameRowsWhateverTheAccessOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<QString>("queue");
    QTest::addColumn<bool>("scoreRange");
    QTest::newRow("started desc") << int(InteractionTableModel::Started) << int(Qt::DescendingOrder)
                                  << QStringLiteral("i.started_at DESC, i.id DESC") << QString() << false;
    QTest::newRow("total asc (NULLs, ties)") << int(InteractionTableModel::Total) << int(Qt::AscendingOrder)
                                             << QStringLiteral("i.auto_total ASC, i.id ASC") << QString() << false;
    QTest::newRow("total desc (NULLs, ties)") << int(InteractionTableModel::Total) << int(Qt::DescendingOrder)
                                              << QStringLiteral("i.auto_total DESC, i.id DESC") << QString() << false;
    QTest::newRow("duration desc, filtered") << int(InteractionTableModel::Duration) << int(Qt::DescendingOrder)
                                             << QStringLiteral("i.duration_ms DESC, i.id DESC")
                                             << QStringLiteral("billing") << false;
    QTest::newRow("queue asc") << int(InteractionTableModel::Queue) << int(Qt::AscendingOrder)
                               << QStringLiteral("i.queue ASC, i.started_at ASC, i.id ASC") << QString() << false;
    QTest::newRow("started desc, score 20-60") << int(InteractionTableModel::Started)
                                               << int(Qt::DescendingOrder)
                                               << QStringLiteral("i.started_at DESC, i.id DESC")
                                               << QString() << true;
    QTest::newRow("total asc, score 20-60") << int(InteractionTableModel::Total) << int(Qt::AscendingOrder)
                                            << QStringLiteral("i.auto_total ASC, i.id ASC") << QString()
                                            << true;
}

void TestInteractionPaging::sameRowsWhateverTheAccessOrder()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, orderBy);
    QFETCH(QString, queue);
    QFETCH(bool, scoreRange);
    InteractionFilter filter;
    filter.queue = queue;
    if (scoreRange) {
        filter.minTotal = 20;
        filter.maxTotal = 60;
    }
    const std::vector<qint64> expected = reference(orderBy, filter);
    QVERIFY(expected.size() > 2 * size_t(InteractionTableModel::kPageSize));
    checkAllAccessOrders(column, Qt::SortOrder(order), filter, expected, false);
    checkAllAccessOrders(column, Qt::SortOrder(order), filter, expected, true);
}

void TestInteractionPaging::checkAllAccessOrders(int column, Qt::SortOrder order,
                                                 const InteractionFilter &filter,
                                                 const std::vector<qint64> &expected, bool rowOrder)
{
    auto fresh = [&] {
        auto model = std::make_unique<InteractionTableModel>();
        model->setBackgroundRowOrder(rowOrder);
        model->setWorkspace(&m_f.ws);
        model->sort(column, order);
        model->setFilter(filter);
        return model;
    };
    const int n = int(expected.size());
    {
        auto model = fresh();
        // With the row order on, pages come from the ids the worker read; off, from SQL.
        QCOMPARE(model->waitForRowOrder(), rowOrder && !expected.empty());
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), n);
        for (int row = 0; row < n; ++row) // scrolling down: keyset from the previous page
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
    }
    {
        auto model = fresh();
        // With the row order on, pages come from the ids the worker read; off, from SQL.
        QCOMPARE(model->waitForRowOrder(), rowOrder && !expected.empty());
        for (int row = n - 1; row >= 0; --row) // from the end, then scrolling up
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
    }
    {
        auto model = fresh();
        // With the row order on, pages come from the ids the worker read; off, from SQL.
        QCOMPARE(model->waitForRowOrder(), rowOrder && !expected.empty());
        std::mt19937 rng(11);
        for (int k = 0; k < 300 && n > 0; ++k) { // jumps
            const int row = int(rng() % unsigned(n));
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
        }
    }
}

// The orders as documented in docs/calibration.md, written out here rather than taken
// from the model's code: key, then the tie-breakers, then the id, NULLs smallest.
void TestInteractionPaging::everyColumnAndDirection_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<int>("filtered"); // 0 none, 1 channel (index), 2 score range (selective)
    const QList<QPair<int, QString>> columns{
        {InteractionTableModel::Started, QStringLiteral("i.started_at %1, i.id %1")},
        {InteractionTableModel::ExternalId, QStringLiteral("i.external_id %1, i.id %1")},
        {InteractionTableModel::Channel, QStringLiteral("i.channel %1, i.started_at %1, i.id %1")},
        {InteractionTableModel::Agent, QStringLiteral("a.name %1, a.id %1, i.started_at %1, i.id %1")},
        {InteractionTableModel::Team, QStringLiteral("t.name %1, t.id %1, i.started_at %1, i.id %1")},
        {InteractionTableModel::Queue, QStringLiteral("i.queue %1, i.started_at %1, i.id %1")},
        {InteractionTableModel::Duration, QStringLiteral("i.duration_ms %1, i.id %1")},
        {InteractionTableModel::Csat, QStringLiteral("i.csat %1, i.id %1")},
        {InteractionTableModel::Resolved, QStringLiteral("i.resolved %1, i.id %1")},
        {InteractionTableModel::Total, QStringLiteral("i.auto_total %1, i.id %1")},
        {InteractionTableModel::AutoFailed, QStringLiteral("i.auto_failed %1, i.id %1")},
        {InteractionTableModel::Turns, QStringLiteral("i.turn_count %1, i.id %1")},
    };
    for (const auto &[column, keys] : columns)
        for (const int filtered : {0, 1, 2})
            for (const char *dir : {"ASC", "DESC"})
                QTest::addRow("column %d %s%s", column, dir,
                              filtered == 1 ? " voice" : filtered == 2 ? " score 20-60" : "")
                    << column << keys.arg(QLatin1String(dir)) << filtered;
}

void TestInteractionPaging::everyColumnAndDirection()
{
    QFETCH(int, column);
    QFETCH(QString, keys);
    QFETCH(int, filtered);
    InteractionFilter filter;
    if (filtered == 1)
        filter.channel = QStringLiteral("voice");
    if (filtered == 2) {
        filter.minTotal = 20;
        filter.maxTotal = 60;
    }
    const std::vector<qint64> expected = reference(keys, filter);
    QVERIFY(expected.size() > size_t(InteractionTableModel::kPageSize));
    const Qt::SortOrder order = keys.contains(QLatin1String("DESC")) ? Qt::DescendingOrder
                                                                    : Qt::AscendingOrder;
    checkAllAccessOrders(column, order, filter, expected, false);
    checkAllAccessOrders(column, order, filter, expected, true);
}

void TestInteractionPaging::rowOfInteractionWithTheRowOrder()
{
    InteractionTableModel model;
    model.setWorkspace(&m_f.ws);
    model.sort(InteractionTableModel::Agent, Qt::AscendingOrder);
    QVERIFY(model.waitForRowOrder());
    const std::vector<qint64> expected =
        reference(QStringLiteral("a.name, a.id, i.started_at, i.id"), InteractionFilter());
    for (int row : {0, 700, int(expected.size()) - 1})
        QCOMPARE(model.rowOfInteraction(expected[size_t(row)]), row);
    QCOMPARE(model.rowOfInteraction(-5), -1);
}

QTEST_GUILESS_MAIN(TestInteractionPaging)
#include "TestInteractionPaging.moc"
