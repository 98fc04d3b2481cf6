#include "license/licence_schema.h"

namespace vigil::server {

core::store::Migration licenceMigration() {
    return {9, QStringLiteral("licence state and licence log"), QStringLiteral(R"sql(
-- What this platform is licensed for (LIC-1, docs/design/licensing.md). One row (id = 1), made at the
-- first start with the trial. The licence itself is kept as the vendor's signed activation file and
-- verified again at every start and every status read: nothing here is trusted on its own.
CREATE TABLE licence_state (
    id               INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    trial_started_ms INTEGER NOT NULL CHECK (trial_started_ms >= 0),  -- UTC ms the trial began
    trial_ends_ms    INTEGER NOT NULL CHECK (trial_ends_ms > trial_started_ms),  -- UTC ms it ends
    licence_file     TEXT NOT NULL DEFAULT '',  -- the activation file in force (signed JSON); '': none
    activated_ms     INTEGER NOT NULL DEFAULT 0 CHECK (activated_ms >= 0),  -- UTC ms of its import; 0: none
    seen_max_ms      INTEGER NOT NULL CHECK (seen_max_ms >= 0),  -- the latest clock reading seen: expiry is
                                                                  -- judged by it, so winding the clock back gains nothing
    rollback_ms      INTEGER NOT NULL DEFAULT 0 CHECK (rollback_ms >= 0),  -- clock reading when a rollback was
                                                                            -- last noticed; 0: none in this episode
    warned           TEXT NOT NULL DEFAULT ''  -- "<licence id or trial>:<days>": the last expiry alarm raised
);

-- What happened to the licence, newest last: trial, activations, deactivations, expiry alarms,
-- clock rollbacks, channels refused for capacity. Append only.
CREATE TABLE licence_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms (the clock as read, even when rolled back)
    kind    TEXT NOT NULL CHECK (kind IN ('trial_started', 'activated', 'deactivated', 'activation_failed',
                                          'expiry_warning', 'expired', 'clock_rollback', 'capacity_refused')),
    detail  TEXT NOT NULL DEFAULT ''  -- for people
);
CREATE INDEX licence_log_by_time ON licence_log (time_ms);
)sql")};
}

}  // namespace vigil::server
