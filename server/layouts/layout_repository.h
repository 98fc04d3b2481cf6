#pragma once
// LayoutRepository: the layouts table (layouts_schema.cpp). Every call is scoped to one owner, so a
// query for another user's layout finds nothing rather than something to refuse. Rules (unique names,
// how many a user may keep) are the routes'; this holds the SQL and the document's round trip.

#include <QList>
#include <optional>

#include "common/result.h"
#include "model/layout_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class LayoutRepository {
public:
    explicit LayoutRepository(core::store::Database& db) : m_db(db) {}

    core::Result<QList<core::model::Layout>> list(const QString& userId) const;  // by name
    core::Result<std::optional<core::model::Layout>> find(const QString& userId, const QString& id) const;
    // The id of the owner's layout called `name` whatever the case, if any.
    core::Result<std::optional<QString>> named(const QString& userId, const QString& name) const;
    core::Result<qint64> count(const QString& userId) const;

    core::Status insert(const QString& userId, const core::model::Layout& layout);
    core::Status update(const QString& userId, const core::model::Layout& layout);  // all but createdMs
    // False when the owner has no such layout.
    core::Result<bool> remove(const QString& userId, const QString& id);

    static QString nameKey(const QString& name) { return name.toCaseFolded(); }

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
