#pragma once
// RoleRepository: the roles, role_permissions and role_channels tables. A role is written as a whole
// (its permission and channel rows replaced) inside the caller's transaction.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/account_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class RoleRepository {
public:
    explicit RoleRepository(core::store::Database& db) : m_db(db) {}

    core::Result<QList<core::model::Role>> list() const;  // built-ins first, then by name
    core::Result<std::optional<core::model::Role>> find(const QString& id) const;
    core::Result<std::optional<core::model::Role>> findByName(const QString& name) const;

    core::Status insert(const core::model::Role& role, qint64 createdMs);
    core::Status update(const core::model::Role& role);
    core::Status remove(const QString& id);

private:
    core::Status fill(core::model::Role& role) const;  // permissions and channels
    core::Status writeMembers(const core::model::Role& role);
    core::Result<std::optional<core::model::Role>> findOne(const QString& where, const QString& value) const;

    core::store::Database& m_db;
};

}  // namespace vigil::server
