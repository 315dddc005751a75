#pragma once

#include "import/VendorFormats.h"

namespace qaw::vendor {

//! One Amazon Transcribe Call Analytics output file -> one record (a voice call).
//! Mapping rules are in docs/import-formats.md.
ParsedRecord parseTranscribeFile(const VendorFile &file);

} // namespace qaw::vendor
