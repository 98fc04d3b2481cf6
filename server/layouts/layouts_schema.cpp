#include "layouts/layouts_schema.h"

namespace vigil::server {

core::store::Migration layoutsMigration() {
    return {8, QStringLiteral("live view layouts"), QStringLiteral(R"sql(
-- Live view layouts (VID-1), saved per user: only their owner lists, reads, changes or deletes them.
-- The grid, tiles and tour are one JSON document (core/model/layout_model.h, LayoutInput without
-- the name): a layout is always read and written whole and never searched by its parts, and the
-- server checks the document with the same strict parser as a request before storing it.
CREATE TABLE layouts (
    id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID, never reused
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,  -- the owner
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),  -- shown to people
    name_key   TEXT NOT NULL,  -- name case-folded: one user's names are unique whatever the case
    document   TEXT NOT NULL CHECK (length(document) > 0),  -- {grid, cells?, tiles, tour} as JSON
    created_ms INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    updated_ms INTEGER NOT NULL CHECK (updated_ms >= created_ms),  -- UTC ms of the last change
    UNIQUE (user_id, name_key)
);
)sql")};
}

}  // namespace vigil::server
