#pragma once

#include "import/VendorFormats.h"

namespace qaw::vendor {

//! One Genesys Cloud speech & text analytics transcript (one communication) -> one record.
//! Mapping rules are in docs/import-formats.md.
ParsedRecord parseGenesysFile(const VendorFile &file);

//! external/customer -> customer, internal/agent -> agent, bot flows -> bot, anything
//! else named (acd, ivr, workflow...) -> system; nullopt when empty.
std::optional<Speaker> speakerFromGenesysPurpose(const QString &purpose);

} // namespace qaw::vendor
