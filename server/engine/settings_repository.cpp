#include "engine/settings_repository.h"

#include "store/database.h"

#include <QDateTime>

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;

Result<std::optional<QString>> SettingsRepository::value(const QString& key) const {
    auto statement = m_db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, key);
    auto row = statement->step();
    if (!row) {
        return row.error();
    }
    if (!row.value()) {
        return std::optional<QString>{};
    }
    return std::optional<QString>{statement->text(0)};
}

Status SettingsRepository::setValue(const QString& key, const QString& value) {
    // SQLite 3.15 has no UPSERT; REPLACE on the primary key does the same for this table.
    auto statement = m_db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3)"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, key).bind(2, value).bind(3, QDateTime::currentMSecsSinceEpoch());
    return statement->run();
}

Result<std::optional<qint64>> SettingsRepository::integer(const QString& key) const {
    auto text = value(key);
    if (!text) {
        return text.error();
    }
    if (!text.value()) {
        return std::optional<qint64>{};
    }
    bool ok = false;
    const qint64 number = text.value()->toLongLong(&ok);
    if (!ok) {
        return Error::make(QStringLiteral("setting_invalid"),
                           QStringLiteral("The setting %1 holds \"%2\", which is not a whole number. "
                                          "Set it again to a valid value.")
                               .arg(key, *text.value()));
    }
    return std::optional<qint64>{number};
}

}  // namespace vigil::server
