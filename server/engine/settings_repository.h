#pragma once
// SettingsRepository: typed access to the settings table of the server database.

#include "common/result.h"

#include <QString>

#include <optional>

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class SettingsRepository {
public:
    explicit SettingsRepository(core::store::Database& db) : m_db(db) {}

    core::Result<std::optional<QString>> value(const QString& key) const;
    core::Status setValue(const QString& key, const QString& value);

    // Convenience for integer settings; a stored value that is not a number is an error that names the key.
    core::Result<std::optional<qint64>> integer(const QString& key) const;

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
