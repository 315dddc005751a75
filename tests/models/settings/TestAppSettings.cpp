#include "settings/AppSettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace qaw;

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void recentListKeepsOrderAndLimit()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            AppSettings s(ini);
            for (int i = 0; i < AppSettings::kMaxRecent + 3; ++i)
                s.addRecentWorkspace(QStringLiteral("/w/%1.qaw").arg(i));
            s.addRecentWorkspace(QStringLiteral("/w/5.qaw"));
            s.setLastWorkspace(QStringLiteral("/w/5.qaw"));
            s.setReviewerName(QStringLiteral("Priya"));
            s.setCurrentWorkspaceTab(2);
            s.sync();
        }
        AppSettings s(ini);
        const QStringList recent = s.recentWorkspaces();
        QCOMPARE(recent.size(), AppSettings::kMaxRecent);
        QCOMPARE(recent.first(), QStringLiteral("/w/5.qaw"));
        QCOMPARE(recent.count(QStringLiteral("/w/5.qaw")), 1);
        QVERIFY(!recent.contains(QStringLiteral("/w/0.qaw")));
        QCOMPARE(s.lastWorkspace(), QStringLiteral("/w/5.qaw"));
        QCOMPARE(s.reviewerName(), QStringLiteral("Priya"));
        QCOMPARE(s.currentWorkspaceTab(), 2);
        s.removeRecentWorkspace(QStringLiteral("/w/5.qaw"));
        QVERIFY(!s.recentWorkspaces().contains(QStringLiteral("/w/5.qaw")));
    }

    void reviewerDefaultsToTheUser()
    {
        QTemporaryDir dir;
        AppSettings s(dir.filePath(QStringLiteral("empty.ini")));
        QVERIFY(!s.reviewerName().isEmpty());
        QCOMPARE(s.currentWorkspaceTab(), 0);
        QVERIFY(s.windowGeometry().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
