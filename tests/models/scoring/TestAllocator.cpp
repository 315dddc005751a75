// The programs run on jemalloc's malloc (models/CMakeLists.txt): the scoring engine frees
// on its writing thread what the reading and scoring threads allocated, which glibc's
// malloc serialises. A build that silently lost the library would still pass every other
// test, only slower.
#include <QByteArray>
#include <QTest>

#include <dlfcn.h>

class TestAllocator : public QObject
{
    Q_OBJECT

private slots:
    void mallocIsJemalloc()
    {
        void *symbol = dlsym(RTLD_DEFAULT, "malloc");
        QVERIFY(symbol);
        Dl_info info{};
        QVERIFY(dladdr(symbol, &info) != 0);
        QVERIFY2(QByteArray(info.dli_fname).contains("jemalloc"), info.dli_fname);
        // jemalloc's own interface answers, so it is the one in charge.
        QVERIFY(dlsym(RTLD_DEFAULT, "mallctl"));
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "TestAllocator.moc"
