#include "audit/audit_schema.h"

namespace vigil::server {

core::store::Migration auditMigration() {
    return {12, QStringLiteral("security audit runs and attestations"), QStringLiteral(R"sql(
-- Finished security audits (WIZ-1, WIZ-4), newest kept for the report and for drift. The results are
-- the run's JSON (server/api/security.yaml AuditRun): they are read whole, never searched by field.
CREATE TABLE audit_runs (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- the job id that made it
    started_ms   INTEGER NOT NULL CHECK (started_ms >= 0),  -- UTC ms
    finished_ms  INTEGER NOT NULL CHECK (finished_ms >= started_ms),  -- UTC ms
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),  -- the level audited
    user_name    TEXT NOT NULL DEFAULT '',  -- who started it; '' for the schedule
    met          INTEGER NOT NULL CHECK (met IN (0, 1)),  -- 1: every item of the level met
    results_json TEXT NOT NULL  -- the AuditRun as JSON, results included
);
CREATE INDEX audit_runs_by_time ON audit_runs (finished_ms);

-- What people confirmed that no software can see (SEC-3.2 host side, SEC-3.4, SEC-3.5, SEC-4.4):
-- the latest attestation per catalogue item; the security log keeps each one given or withdrawn.
CREATE TABLE audit_attestations (
    item_id   TEXT PRIMARY KEY NOT NULL CHECK (length(item_id) > 0),  -- server/audit/audit_catalogue.cpp
    user_name TEXT NOT NULL CHECK (length(user_name) > 0),  -- who confirmed it
    time_ms   INTEGER NOT NULL CHECK (time_ms >= 0),  -- UTC ms when it was confirmed
    comment   TEXT NOT NULL CHECK (length(comment) > 0)  -- what was confirmed and how
);
)sql")};
}

}  // namespace vigil::server
