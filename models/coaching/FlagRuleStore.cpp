#include "coaching/FlagRuleStore.h"

#include "storage/Workspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw {
namespace {

QString toJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString summary(const FlagRule &r)
{
    return QStringLiteral("%1 %2 %3 severity=%4 calibrated_only=%5 enabled=%6")
        .arg(r.name, FlagRule::kindName(r.kind), toJson(r.params))
        .arg(r.severity)
        .arg(r.calibratedOnly ? 1 : 0)
        .arg(r.enabled ? 1 : 0);
}

} // namespace

FlagRuleStore::FlagRuleStore(Workspace &workspace) : m_workspace(workspace) {}

std::vector<FlagRule> FlagRuleStore::load(bool enabledOnly, qint64 id) const
{
    std::vector<FlagRule> out;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT id, name, kind, params, severity, calibrated_only, enabled "
                             "FROM flag_rules WHERE (? = 0 OR enabled = 1) AND (? < 0 OR id = ?) "
                             "ORDER BY id"));
    q.addBindValue(enabledOnly ? 1 : 0);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec())
        return out;
    while (q.next()) {
        FlagRule r;
        // A kind this version does not know (written by a newer one) is skipped, never
        // guessed at.
        if (!FlagRule::kindFromName(q.value(2).toString(), &r.kind))
            continue;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.params = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        r.severity = q.value(4).toInt();
        r.calibratedOnly = q.value(5).toBool();
        r.enabled = q.value(6).toBool();
        out.push_back(r);
    }
    return out;
}

std::vector<FlagRule> FlagRuleStore::all() const
{
    return load(false, -1);
}

std::vector<FlagRule> FlagRuleStore::enabled() const
{
    return load(true, -1);
}

std::optional<FlagRule> FlagRuleStore::find(qint64 id) const
{
    auto found = load(false, id);
    if (found.empty() || id < 0)
        return std::nullopt;
    return found.front();
}

qint64 FlagRuleStore::save(const FlagRule &rule, const QString &user, QString *error)
{
    const QStringList problems = rule.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char(' '));
        return -1;
    }
    QSqlQuery q(m_workspace.database());
    std::optional<FlagRule> old;
    if (rule.id >= 0) {
        old = find(rule.id);
        if (!old) {
            *error = QStringLiteral("Flag rule %1 does not exist.").arg(rule.id);
            return -1;
        }
        q.prepare(QStringLiteral("UPDATE flag_rules SET name = ?, kind = ?, params = ?, "
                                 "severity = ?, calibrated_only = ?, enabled = ? WHERE id = ?"));
    } else {
        q.prepare(QStringLiteral("INSERT INTO flag_rules(name, kind, params, severity, "
                                 "calibrated_only, enabled) VALUES(?, ?, ?, ?, ?, ?)"));
    }
    q.addBindValue(rule.name);
    q.addBindValue(FlagRule::kindName(rule.kind));
    q.addBindValue(toJson(rule.params));
    q.addBindValue(rule.severity);
    q.addBindValue(rule.calibratedOnly ? 1 : 0);
    q.addBindValue(rule.enabled ? 1 : 0);
    if (rule.id >= 0)
        q.addBindValue(rule.id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    const qint64 id = rule.id >= 0 ? rule.id : q.lastInsertId().toLongLong();
    FlagRule saved = rule;
    saved.id = id;
    m_workspace.audit(user, QStringLiteral("flag_rule"), id, QStringLiteral("definition"),
                      old ? summary(*old) : QString(), summary(saved));
    return id;
}

bool FlagRuleStore::remove(qint64 id, const QString &user, QString *error)
{
    const std::optional<FlagRule> old = find(id);
    if (!old) {
        *error = QStringLiteral("Flag rule %1 does not exist.").arg(id);
        return false;
    }
    QSqlQuery used(m_workspace.database());
    used.prepare(QStringLiteral("SELECT count(*) FROM coaching_items WHERE rule_id = ?"));
    used.addBindValue(id);
    if (used.exec() && used.next() && used.value(0).toLongLong() > 0) {
        FlagRule disabled = *old;
        disabled.enabled = false;
        return save(disabled, user, error) >= 0;
    }
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("DELETE FROM flag_rules WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    m_workspace.audit(user, QStringLiteral("flag_rule"), id, QStringLiteral("deleted"),
                      summary(*old), QString());
    return true;
}

int FlagRuleStore::installDefaultsIfNone(QString *error)
{
    QSqlQuery q(m_workspace.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM flag_rules")) || !q.next())
        return 0;
    if (q.value(0).toLongLong() > 0)
        return 0;
    int installed = 0;
    QString ignored;
    for (const FlagRule &r : FlagRule::defaults())
        if (save(r, QStringLiteral("qa-workbench"), error ? error : &ignored) >= 0)
            ++installed;
    return installed;
}

} // namespace qaw
