#include "engine/schema.h"

namespace vigil::server {

const std::vector<core::store::Migration>& serverMigrations() {
    static const std::vector<core::store::Migration> kMigrations = {
        {1, QStringLiteral("settings and TLS material"), QStringLiteral(R"sql(
-- Key/value settings of this server (ports, names, policies). Values are text; the code that owns a
-- key parses it. The key names are dotted: "https.port", "server.id".
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
    value      TEXT NOT NULL,
    updated_ms INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms of the last change
);

-- The platform's certificate authority and its current server certificate (SEC-2.3). Private keys
-- live only here, inside the encrypted database.
CREATE TABLE tls_material (
    name            TEXT PRIMARY KEY NOT NULL CHECK (name IN ('authority', 'server')),
    certificate_pem TEXT NOT NULL,
    key_pem         TEXT NOT NULL,
    created_ms      INTEGER NOT NULL CHECK (created_ms >= 0)  -- UTC ms when it was issued
);
)sql")},
    };
    return kMigrations;
}

}  // namespace vigil::server
