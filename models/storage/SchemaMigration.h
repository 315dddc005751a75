#pragma once

#include <cstddef>

// Shared by the files that hold the schema's migrations (Schema.cpp, SchemaDomain.cpp).
namespace qaw::schema {

//! One schema version's statements, run in order in one transaction.
struct Migration
{
    const char *const *statements;
    size_t count;
};

template <size_t N> Migration migrationOf(const char *const (&statements)[N])
{
    return Migration{statements, N};
}

//! Version 1: the whole domain of DESIGN.md (SchemaDomain.cpp).
Migration domainSchema();

} // namespace qaw::schema
