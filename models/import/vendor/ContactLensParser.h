#pragma once

#include "import/VendorFormats.h"

namespace qaw::vendor {

//! One Amazon Connect Contact Lens analysis file (voice or chat) -> one record.
//! Mapping rules are in docs/import-formats.md.
ParsedRecord parseContactLensFile(const VendorFile &file);

} // namespace qaw::vendor
