#include "recording/recording_schema.h"

namespace vigil::server {

core::store::Migration recordingMigration() {
    return {6, QStringLiteral("recording: storage, channel settings, segment index, gaps"), QStringLiteral(R"sql(
-- Where recordings go (SEC-2.9): one primary location, and optionally a mirror that receives a copy
-- of every finished segment (and takes the recording when the primary cannot be written). Each has
-- its own retention: segments are deleted oldest first when older than max_age_days, when the
-- location holds more than max_bytes of recordings, or when the disk has less than min_free_bytes.
CREATE TABLE storage_locations (
    role           TEXT PRIMARY KEY NOT NULL CHECK (role IN ('primary', 'mirror')),
    path           TEXT NOT NULL CHECK (length(path) > 0),  -- absolute folder on this server
    min_free_bytes INTEGER NOT NULL DEFAULT 0 CHECK (min_free_bytes >= 0),  -- keep the disk this free
    max_bytes      INTEGER NOT NULL DEFAULT 0 CHECK (max_bytes >= 0),  -- 0: no quota
    max_age_days   INTEGER NOT NULL DEFAULT 0 CHECK (max_age_days >= 0),  -- 0: no age limit
    updated_ms     INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms of the last change
);

-- How each channel records. A channel without a row records as recording.default_mode (settings
-- table) says. The schedule is a weekly list of "<ISO day 1-7>:<start minute>-<end minute>" ranges
-- separated by commas, in the server's local time (a working week is local); empty unless mode is
-- 'schedule'.
CREATE TABLE recording_channels (
    channel_id   TEXT PRIMARY KEY NOT NULL CHECK (length(channel_id) > 0),
    mode         TEXT NOT NULL CHECK (mode IN ('off', 'continuous', 'schedule')),
    streams      TEXT NOT NULL DEFAULT 'main' CHECK (streams IN ('main', 'sub', 'main+sub')),
    schedule     TEXT NOT NULL DEFAULT '',
    max_age_days INTEGER NOT NULL DEFAULT 0 CHECK (max_age_days >= 0),  -- 0: the location's limit
    updated_ms   INTEGER NOT NULL CHECK (updated_ms >= 0)  -- UTC ms of the last change
);

-- One row per segment file (MPEG-TS, about a minute of one stream). The file lives at
-- <location path>/<path>; its name carries start_ms, which is also the time of the file's time 0,
-- so a file found without its row is indexed again from the file alone. A row is written when the
-- file is created (state 'open') and completed when it is closed; after a crash, open rows are
-- repaired from their files ('repaired').
CREATE TABLE recording_segments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    location    TEXT NOT NULL CHECK (location IN ('primary', 'mirror')),
    path        TEXT NOT NULL CHECK (length(path) > 0),  -- relative: <channel>/<stream>/<date>/<time>.ts
    channel_id  TEXT NOT NULL CHECK (length(channel_id) > 0),
    stream      TEXT NOT NULL CHECK (stream IN ('main', 'sub')),
    start_ms    INTEGER NOT NULL CHECK (start_ms >= 0),  -- UTC ms of the first packet (floored)
    end_ms      INTEGER NOT NULL CHECK (end_ms >= start_ms),  -- UTC ms just after the last packet
    size_bytes  INTEGER NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
    state       TEXT NOT NULL CHECK (state IN ('open', 'complete', 'repaired')),
    -- Video keyframes for fast seeks: "<µs after start_ms>:<byte offset>" separated by spaces.
    keyframes   TEXT NOT NULL DEFAULT '',
    UNIQUE (location, path)
);
CREATE INDEX recording_segments_by_stream ON recording_segments (channel_id, stream, start_ms);
CREATE INDEX recording_segments_by_location ON recording_segments (location, start_ms);

-- Times a stream should have been recorded but was not, with why when known (the camera failed,
-- the storage could not keep up, the server stopped unexpectedly). The timeline shows them.
CREATE TABLE recording_gaps (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT NOT NULL CHECK (length(channel_id) > 0),
    stream     TEXT NOT NULL CHECK (stream IN ('main', 'sub')),
    start_ms   INTEGER NOT NULL CHECK (start_ms >= 0),  -- UTC ms
    end_ms     INTEGER NOT NULL CHECK (end_ms >= start_ms),  -- UTC ms
    reason     TEXT NOT NULL DEFAULT ''  -- for people
);
CREATE INDEX recording_gaps_by_stream ON recording_gaps (channel_id, stream, start_ms);
)sql")};
}

}  // namespace vigil::server
