#pragma once

#include "domain/Scorecard.h"

#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

struct StoredScorecard
{
    qint64 scorecardId = -1;
    qint64 versionId = -1;
    int version = 0;
    Scorecard scorecard;
};

//! Scorecards and their versions in a workspace. Saving never overwrites: every saved
//! change is a new version, and evaluations keep the version they were made with.
class ScorecardRepository
{
public:
    explicit ScorecardRepository(Workspace &workspace);

    //! The active version of the workspace's scorecard (the first scorecard when
    //! \a key is empty).
    std::optional<StoredScorecard> active(const QString &key = {}) const;
    std::optional<StoredScorecard> version(qint64 versionId) const;

    //! Stores \a card as the next version of its scorecard (creating the scorecard when
    //! its key is new). Returns the new version's id, or -1 with \a error set.
    qint64 saveNewVersion(const Scorecard &card, const QString &user, const QString &note,
                          QString *error);
    bool activate(qint64 versionId, QString *error);

private:
    std::optional<StoredScorecard> load(const QString &where, const QVariant &value) const;
    Workspace &m_workspace;
};

} // namespace qaw
