#include "CalibrationFixture.h"

#include "itemmodels/InteractionTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <random>

using namespace qaw;
using namespace qaw::testing;

//! The Interactions table reads a page by keyset (from a neighbouring page), from the end
//! (reversed order) or by OFFSET; whichever it uses, every row must be the row a single
//! unpaged ORDER BY puts there, with ties and NULL sort keys too.
class TestInteractionPaging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameRowsWhateverTheAccessOrder_data();
    void sameRowsWhateverTheAccessOrder();

private:
    std::vector<qint64> reference(const QString &orderBy, const InteractionFilter &filter) const;
    CalibrationFixture m_f;
};

void TestInteractionPaging::initTestCase()
{
    QVERIFY(m_f.open());
    QVERIFY(m_f.addInteractions(1400));
    std::mt19937 rng(7);
    QSqlQuery q(m_f.ws.database());
    q.prepare(QStringLiteral("UPDATE interactions SET auto_total = ?, queue = ?, duration_ms = ? WHERE id = ?"));
    for (qint64 id : m_f.ids) {
        // Few distinct totals (many ties) and one in eight NULL.
        q.addBindValue(rng() % 8 == 0 ? QVariant() : QVariant(double(rng() % 20) * 5.0));
        q.addBindValue(rng() % 2 ? QStringLiteral("billing") : QStringLiteral("orders"));
        q.addBindValue(rng() % 5 == 0 ? QVariant() : QVariant(qint64(rng() % 100) * 1000));
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
    q.prepare(QStringLiteral("SELECT i.id FROM interactions i JOIN agents a ON a.id = i.agent_id") +
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
                               << QStringLiteral("i.queue ASC, i.id ASC") << QString() << false;
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
    auto fresh = [&] {
        auto model = std::make_unique<InteractionTableModel>();
        model->setWorkspace(&m_f.ws);
        model->sort(column, Qt::SortOrder(order));
        model->setFilter(filter);
        return model;
    };
    const int n = int(expected.size());
    {
        auto model = fresh();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), n);
        for (int row = 0; row < n; ++row) // scrolling down: keyset from the previous page
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
    }
    {
        auto model = fresh();
        for (int row = n - 1; row >= 0; --row) // from the end, then scrolling up
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
    }
    {
        auto model = fresh();
        std::mt19937 rng(11);
        for (int k = 0; k < 300; ++k) { // jumps
            const int row = int(rng() % unsigned(n));
            QCOMPARE(model->interactionId(row), expected[size_t(row)]);
        }
    }
}

QTEST_GUILESS_MAIN(TestInteractionPaging)
#include "TestInteractionPaging.moc"
