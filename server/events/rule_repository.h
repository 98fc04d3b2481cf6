#pragma once
// RuleRepository: the event_rules table (events_schema.cpp). A row's definition is the rule's JSON
// (event_rule.h), read back strictly: a row that no longer reads is reported, never guessed at.

#include <QList>
#include <optional>

#include "common/result.h"
#include "events/event_rule.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class RuleRepository {
public:
    explicit RuleRepository(core::store::Database& db) : m_db(db) {}

    core::Result<QList<EventRule>> all() const;  // by name
    core::Result<std::optional<EventRule>> find(const QString& id) const;
    core::Status insert(const EventRule& rule);
    core::Status update(const EventRule& rule);  // name, enabled, definition, updated_ms
    core::Status remove(const QString& id);      // rule_not_found when there is none
    core::Result<bool> nameTaken(const QString& name, const QString& exceptId) const;

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
