#pragma once

#include <QString>

#include <functional>

namespace qaw {

class Workspace;

struct DemoOptions
{
    int interactions = 20000;
    quint64 seed = 42;
    //! Every turn's text different from every other's (a reference number added), as in
    //! real transcripts: for benchmarks, so that nothing depends on texts repeating.
    bool uniqueTurns = false;
};

//! Fills an open, empty workspace with the demo data set. \a progress gets the number
//! of interactions written so far and may return false to cancel; a cancelled run keeps
//! what was committed, whole.
bool buildDemoWorkspace(Workspace &workspace, const DemoOptions &options, QString *error,
                        const std::function<bool(int)> &progress = {});

//! Writes the demo data set as native JSON Lines, for import tests and benchmarks.
bool writeDemoJsonl(const QString &path, const DemoOptions &options, QString *error);

} // namespace qaw
