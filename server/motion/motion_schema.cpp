#include "motion/motion_schema.h"

namespace vigil::server {

core::store::Migration motionMigration() {
    return {11, QStringLiteral("server-side motion detection settings"), QStringLiteral(R"sql(
-- Server-side motion detection per camera channel (server/motion): only for channels with a row here
-- and enabled = 1. Regions: the 16 x 12 grid of where motion counts, row by row from the top left,
-- '1' counts and '0' does not (192 characters).
CREATE TABLE motion_settings (
    channel_id  TEXT PRIMARY KEY NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    enabled     INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    sensitivity INTEGER NOT NULL DEFAULT 50 CHECK (sensitivity BETWEEN 1 AND 100),
    regions     TEXT NOT NULL CHECK (length(regions) = 192 AND regions NOT GLOB '*[^01]*'),
    updated_ms  INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms of the last change
);
)sql")};
}

}  // namespace vigil::server
