#pragma once
// The one reason a test may skip: a program it drives is not installed. The message has
// a fixed form, "missing tool: PROGRAM (Debian package PACKAGE)", because CTest reports
// only that skip as skipped and fails the test on any other (qaw_add_test in
// cmake/QawTesting.cmake); packaging/setup.sh installs every such package and fails on
// any skip at all.
#include <QStandardPaths>
#include <QTest>

//! Skips the current test function unless \a program (a string literal) is on PATH;
//! \a package (a string literal) is the Debian package that installs it.
#define QAW_SKIP_IF_MISSING(program, package)                                                      \
    do {                                                                                           \
        if (QStandardPaths::findExecutable(QStringLiteral(program)).isEmpty())                     \
            QSKIP("missing tool: " program " (Debian package " package ")");                       \
    } while (false)
