#pragma once

#include <QString>

namespace qaw {

class Workspace;

//! What a new workspace starts with: the default scorecard ("Customer Support Core"),
//! active at version 1.
bool installDefaultContent(Workspace &workspace, QString *error);

//! The default scorecard definition as shipped in resources/.
QByteArray defaultScorecardJson();

//! Makes the scorecard this release ships the active version of the workspace's scorecard
//! of the same key: a workspace made by an earlier release keeps the scorecard it was made
//! with until asked. Saved as a new version (earlier versions and their evaluations stay),
//! and activated. Returns the new version's number, 0 when the active version already is
//! the shipped one, or -1 with \a error set.
int adoptShippedScorecard(Workspace &workspace, const QString &user, QString *error);

} // namespace qaw
