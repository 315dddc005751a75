#include "CoachingFixture.h"

#include "coaching/CoachingItemStore.h"
#include "coaching/FlagRuleStore.h"
#include "coaching/Flagger.h"
#include "itemmodels/CoachingQueueModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace qaw;
using qaw::test::CoachingFixture;
using qaw::test::obj;

class TestCoachingQueueModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<CoachingFixture> owner;
    CoachingFixture *f = nullptr;
    qint64 billing = -1, orders = -1, anna = -1, ben = -1, lowRule = -1, empathyRule = -1;

    qint64 addRule(const QString &name, FlagRuleKind kind, const QJsonObject &params, int severity)
    {
        FlagRule r;
        r.name = name;
        r.kind = kind;
        r.params = params;
        r.severity = severity;
        QString error;
        return FlagRuleStore(f->ws).save(r, QStringLiteral("lead"), &error);
    }

private slots:
    void init()
    {
        owner = std::make_unique<CoachingFixture>();
        f = owner.get();
        QVERIFY(f->init());
        billing = f->team(QStringLiteral("Billing"));
        orders = f->team(QStringLiteral("Orders"));
        anna = f->agent(QStringLiteral("a1"), QStringLiteral("Anna"), billing);
        ben = f->agent(QStringLiteral("b1"), QStringLiteral("Ben"), orders);
        lowRule = addRule(QStringLiteral("Low total"), FlagRuleKind::TotalBelow,
                          obj({{"threshold", 96}}), 1);
        empathyRule = addRule(QStringLiteral("Empathy"), FlagRuleKind::CriterionFailed,
                              obj({{"criterion", QStringLiteral("empathy")}}), 3);
        // Anna: two calls failing empathy (both rules fire: one item each, reasons merged
        // under the more severe rule) and two failing closing (low total only); Ben: one
        // failing greeting.
        for (int k = 0; k < 2; ++k)
            f->score(f->interaction(anna, billing, f->at(QDate(2026, 3, 2 + k))), {{"empathy", 0}});
        for (int k = 0; k < 2; ++k)
            f->score(f->interaction(anna, billing, f->at(QDate(2026, 3, 4 + k))), {{"closing", 0}});
        f->score(f->interaction(ben, orders, f->at(QDate(2026, 3, 3))), {{"greeting", 0}});
        Flagger flagger(f->ws);
        flagger.setNow(f->at(QDate(2026, 3, 10)).toMSecsSinceEpoch());
        QVERIFY(flagger.run().ok);
    }

    void showsFiltersAndSorts()
    {
        CoachingQueueModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&f->ws);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(CoachingQueueModel::ColumnCount));
        // Default order: priority, highest first: the severity-3 empathy items lead.
        QCOMPARE(model.data(model.index(0, CoachingQueueModel::Rule)).toString(),
                 QStringLiteral("Empathy"));
        QCOMPARE(model.data(model.index(4, CoachingQueueModel::Rule)).toString(),
                 QStringLiteral("Low total"));

        CoachingQueueFilter filter;
        filter.agentId = ben;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, CoachingQueueModel::Agent)).toString(),
                 QStringLiteral("Ben"));
        filter = {};
        filter.teamId = billing;
        filter.ruleId = empathyRule;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 2);

        model.sort(CoachingQueueModel::Agent, Qt::DescendingOrder);
        filter = {};
        model.setFilter(filter);
        QCOMPARE(model.data(model.index(0, CoachingQueueModel::Agent)).toString(),
                 QStringLiteral("Ben"));
        model.sort(CoachingQueueModel::Agent, Qt::AscendingOrder);
        QCOMPARE(model.data(model.index(0, CoachingQueueModel::Agent)).toString(),
                 QStringLiteral("Anna"));
    }

    void statusOwnerAndAgeFilters()
    {
        CoachingQueueModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&f->ws);
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        const qint64 first = model.itemId(0);
        QVERIFY(store.dismiss(first, QStringLiteral("not a problem"), &error));
        QVERIFY(store.setOwner(model.itemId(1), QStringLiteral("Priya"), &error));
        model.reload();
        QCOMPARE(model.rowCount(), 4); // open items only by default
        CoachingQueueFilter filter;
        filter.status = QStringLiteral("dismissed");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.itemId(0), first);
        QCOMPARE(model.data(model.index(0, 0), CoachingQueueModel::StatusRole).toString(),
                 QStringLiteral("dismissed"));
        filter.status.clear();
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 5);
        filter.owner = QStringLiteral("Priya");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        filter.owner = QStringLiteral("-");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 4);
        // Age: the items were flagged on 10 March (the Flagger's clock); "today" is the 20th.
        filter = {};
        model.setToday(QDate(2026, 3, 20));
        filter.minAgeDays = 7;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 4);
        filter.minAgeDays = 11;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        filter.minAgeDays = -1;
        filter.maxAgeDays = 9;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        filter.maxAgeDays = 10;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.data(model.index(0, CoachingQueueModel::Age)).toString(),
                 QStringLiteral("10 d"));
    }

    void overdueFlaggedByRole()
    {
        CoachingQueueModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(QDate(2026, 4, 10));
        model.setWorkspace(&f->ws);
        CoachingItemStore store(f->ws, QStringLiteral("sam"));
        QString error;
        const qint64 late = model.itemId(2);
        const qint64 onTime = model.itemId(3);
        QVERIFY(store.setDueDate(late, QDate(2026, 4, 9), &error));
        QVERIFY(store.setDueDate(onTime, QDate(2026, 4, 10), &error));
        model.reload();
        QCOMPARE(model.data(model.index(model.rowOfItem(late), 0), CoachingQueueModel::OverdueRole)
                     .toBool(),
                 true);
        QCOMPARE(
            model.data(model.index(model.rowOfItem(onTime), 0), CoachingQueueModel::OverdueRole)
                .toBool(),
            false);
        QVERIFY(model.data(model.index(model.rowOfItem(late), 0), Qt::BackgroundRole).isValid());
        QCOMPARE(model.overdueCount(), 1);
        // A closed item is never overdue.
        QVERIFY(store.dismiss(late, QStringLiteral("handled"), &error));
        CoachingQueueFilter all;
        all.status.clear();
        model.setFilter(all);
        QCOMPARE(model.overdueCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCoachingQueueModel)
#include "TestCoachingQueueModel.moc"
