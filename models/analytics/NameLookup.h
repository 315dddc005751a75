#pragma once

#include <QString>

namespace qaw {

class Workspace;

//! What a person types for a team or agent on the command line: a team by name; an
//! agent by external id or by name (case-insensitive). -1 when nothing matches, -2 when
//! a name matches more than one agent.
qint64 findTeam(const Workspace &ws, const QString &text);
qint64 findAgent(const Workspace &ws, const QString &text);

} // namespace qaw
