#pragma once

#include "coaching/FlagRule.h"

#include <optional>
#include <vector>

namespace qaw {

class Workspace;

//! The flag rules of a workspace (table flag_rules, params as JSON). Every change is
//! written to the audit log.
class FlagRuleStore
{
public:
    explicit FlagRuleStore(Workspace &workspace);

    std::vector<FlagRule> all() const;
    std::vector<FlagRule> enabled() const;
    std::optional<FlagRule> find(qint64 id) const;

    //! Inserts a new rule (id < 0) or updates an existing one. Returns the id, or -1
    //! with \a error set (validation problems or a database error).
    qint64 save(const FlagRule &rule, const QString &user, QString *error);
    //! Deletes a rule that has made no coaching item; a rule with items is disabled
    //! instead, so the items keep their explanation.
    bool remove(qint64 id, const QString &user, QString *error);

    //! Installs FlagRule::defaults() when the workspace has no rule at all. Returns the
    //! number of rules installed.
    int installDefaultsIfNone(QString *error = nullptr);

private:
    std::vector<FlagRule> load(bool enabledOnly, qint64 id) const;
    Workspace &m_workspace;
};

} // namespace qaw
