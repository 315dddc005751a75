#pragma once

#include "import/ColumnMapping.h"

#include <QStringList>

#include <optional>

namespace qaw {

class Workspace;

//! Named CSV column mappings kept in the workspace (table mapping_profiles), so that the
//! same export can be imported again without correcting the mapping each time.
bool saveMappingProfile(Workspace &workspace, const QString &name, const ColumnMapping &mapping,
                        QString *error);
std::optional<ColumnMapping> loadMappingProfile(Workspace &workspace, const QString &name,
                                                QString *error);
QStringList mappingProfileNames(Workspace &workspace);
bool deleteMappingProfile(Workspace &workspace, const QString &name);

} // namespace qaw
