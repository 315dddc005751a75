#pragma once

#include "calibration/CalibrationSession.h"

#include <QString>

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! Calibration sessions in a workspace: their sample, reviewers and submissions.
class CalibrationStore
{
public:
    explicit CalibrationStore(Workspace &workspace);

    //! Stores \a session (items and reviewers too) in one transaction; returns its id or -1
    //! with \a error set. Needs a name, a scorecard version, an interaction and a reviewer.
    qint64 create(const CalibrationSession &session, QString *error);
    std::optional<CalibrationSession> load(qint64 sessionId) const;
    //! Every session, newest first.
    std::vector<CalibrationSession> list() const;

    //! Marks \a reviewer's evaluations of the session as submitted: from now on a blind
    //! session shows them the automated scores. Fails unless the reviewer belongs to the
    //! session and has an evaluation of every interaction in it. Audited.
    bool submit(qint64 sessionId, const QString &reviewer, QString *error);
    bool setStatus(qint64 sessionId, const QString &status, const QString &user, QString *error);

private:
    Workspace &m_workspace;
};

} // namespace qaw
