#pragma once

#include <QString>

namespace qaw {

class Workspace;

//! What a new workspace starts with: the default scorecard ("Customer Support Core"),
//! active at version 1.
bool installDefaultContent(Workspace &workspace, QString *error);

//! The default scorecard definition as shipped in resources/.
QByteArray defaultScorecardJson();

} // namespace qaw
