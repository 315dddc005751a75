#pragma once

#include "import/VendorFormats.h"

namespace qaw::vendor {

//! Zendesk Support API v2 responses (tickets, a single ticket, audits, satisfaction
//! ratings, ticket metrics) joined by ticket id: one record per ticket, plus a rejected
//! record for each audit, rating or metric whose ticket is not among the files.
std::vector<ParsedRecord> parseZendeskFiles(const std::vector<VendorFile> &files);

} // namespace qaw::vendor
