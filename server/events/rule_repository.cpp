#include "events/rule_repository.h"

#include <QJsonDocument>

#include "accounts/statement_runner.h"
#include "store/database.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, name, enabled, definition, created_ms, updated_ms FROM event_rules");

Result<EventRule> readRow(const core::store::Statement& row) {
    auto rule = EventRule::fromDefinition(QJsonDocument::fromJson(row.text(3).toUtf8()).object());
    if (!rule) {
        return Error::make(QStringLiteral("store_corrupt"),
                           QStringLiteral("The stored rule \"%1\" cannot be read (%2). Delete it and make it again.")
                               .arg(row.text(1), rule.error().message));
    }
    rule->id = row.text(0);
    rule->name = row.text(1);
    rule->enabled = row.int64(2) != 0;
    rule->createdMs = row.int64(4);
    rule->updatedMs = row.int64(5);
    return rule;
}

QString compact(const EventRule& rule) {
    return QString::fromUtf8(QJsonDocument(rule.definition()).toJson(QJsonDocument::Compact));
}

Result<QList<EventRule>> query(core::store::Database& db, const QString& sql, const BindFunction& bind) {
    QList<EventRule> rules;
    std::optional<Error> failed;
    const Status status = forEachRow(db, sql, bind, [&rules, &failed](const core::store::Statement& row) {
        auto rule = readRow(row);
        if (rule) {
            rules.append(rule.value());
        } else if (!failed) {
            failed = rule.error();
        }
    });
    if (!status) {
        return status.error();
    }
    if (failed) {
        return *failed;
    }
    return rules;
}

}  // namespace

Result<QList<EventRule>> RuleRepository::all() const {
    return query(m_db, kSelect + QStringLiteral(" ORDER BY name"), {});
}

Result<std::optional<EventRule>> RuleRepository::find(const QString& id) const {
    auto rules = query(m_db, kSelect + QStringLiteral(" WHERE id = ?1"), [&id](core::store::Statement& s) { s.bind(1, id); });
    if (!rules) {
        return rules.error();
    }
    return rules->isEmpty() ? std::nullopt : std::optional<EventRule>(rules->first());
}

Status RuleRepository::insert(const EventRule& rule) {
    return runStatement(m_db,
                        QStringLiteral("INSERT INTO event_rules (id, name, enabled, definition, created_ms, updated_ms) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                        [&rule](core::store::Statement& s) {
                            s.bind(1, rule.id)
                                .bind(2, rule.name)
                                .bind(3, rule.enabled ? 1 : 0)
                                .bind(4, compact(rule))
                                .bind(5, rule.createdMs)
                                .bind(6, rule.updatedMs);
                        });
}

Status RuleRepository::update(const EventRule& rule) {
    return runStatement(m_db,
                        QStringLiteral("UPDATE event_rules SET name = ?2, enabled = ?3, definition = ?4, updated_ms = ?5 "
                                       "WHERE id = ?1"),
                        [&rule](core::store::Statement& s) {
                            s.bind(1, rule.id)
                                .bind(2, rule.name)
                                .bind(3, rule.enabled ? 1 : 0)
                                .bind(4, compact(rule))
                                .bind(5, rule.updatedMs);
                        });
}

Status RuleRepository::remove(const QString& id) {
    if (Status removed = runStatement(m_db, QStringLiteral("DELETE FROM event_rules WHERE id = ?1"),
                                      [&id](core::store::Statement& s) { s.bind(1, id); });
        !removed) {
        return removed;
    }
    if (m_db.changes() == 0) {
        return Error::make(QStringLiteral("rule_not_found"),
                           QStringLiteral("There is no rule with the id \"%1\". Reload the list.").arg(id));
    }
    return {};
}

Result<bool> RuleRepository::nameTaken(const QString& name, const QString& exceptId) const {
    auto count = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM event_rules WHERE name = ?1 AND id <> ?2"),
                        [&](core::store::Statement& s) { s.bind(1, name).bind(2, exceptId); });
    if (!count) {
        return count.error();
    }
    return count.value() > 0;
}

}  // namespace vigil::server
