#include "devices/devices_schema.h"

namespace vigil::server {

core::store::Migration devicesMigration() {
    return {4, QStringLiteral("devices, groups, channels"), QStringLiteral(R"sql(
-- The tree devices are organised in (docs/design/devices.md): organisations at the top, groups
-- below an organisation or below another group. The service keeps the tree acyclic and refuses to
-- delete a group that still holds groups or devices unless told what to do with them.
CREATE TABLE device_groups (
    id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID, never reused
    parent_id  TEXT REFERENCES device_groups (id),  -- NULL: a top-level entry
    kind       TEXT NOT NULL CHECK (kind IN ('organisation', 'group')),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),  -- shown to people
    name_key   TEXT NOT NULL,  -- name case-folded: siblings' names are unique whatever the case
    created_ms INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK (kind = 'group' OR parent_id IS NULL)  -- organisations are top-level only
);
CREATE UNIQUE INDEX device_groups_sibling_names ON device_groups (ifnull(parent_id, ''), name_key);

-- Cameras, encoders and recorders Vigil connects to, one row each. What a device is (manufacturer
-- to serial number) comes from the driver's last successful describe; its live state (online,
-- unauthorised, ...) is not stored: the devices service works it out after each start.
CREATE TABLE devices (
    id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID, never reused
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),  -- shown to people
    driver        TEXT NOT NULL CHECK (length(driver) > 0),  -- plugin id: "rtsp", "onvif", "virtual"
    address       TEXT NOT NULL CHECK (length(address) > 0),  -- RTSP URL, ONVIF device service URL or
                                                               -- virtual://name; never with credentials
    sub_address   TEXT NOT NULL DEFAULT '',  -- rtsp driver only: the sub stream's URL; '' for none
    address_key   TEXT NOT NULL UNIQUE,  -- driver and normalised address: one device per camera
    group_id      TEXT REFERENCES device_groups (id),  -- NULL: in no group
    enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),  -- 0: not connected, no streams
    manufacturer  TEXT NOT NULL DEFAULT '',
    model         TEXT NOT NULL DEFAULT '',
    firmware      TEXT NOT NULL DEFAULT '',
    serial_number TEXT NOT NULL DEFAULT '',
    hardware_id   TEXT NOT NULL DEFAULT '',
    described_ms  INTEGER NOT NULL DEFAULT 0 CHECK (described_ms >= 0),  -- UTC ms of the last
                                                                         -- successful describe; 0: never
    created_ms    INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    updated_ms    INTEGER NOT NULL CHECK (updated_ms >= created_ms)  -- UTC ms of the last change
);
CREATE INDEX devices_by_group ON devices (group_id);

-- What Vigil logs in to a device with. The camera needs the password itself, so it cannot be hashed:
-- it is encrypted at rest with the whole database (SQLCipher, key from the secret store;
-- docs/design/security.md), as the SMTP password is. A table of its own so that no query listing
-- devices can carry a password by accident; no API answer contains it ("passwordSet" only).
CREATE TABLE device_credentials (
    device_id TEXT PRIMARY KEY NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    user_name TEXT NOT NULL DEFAULT '',  -- '' for none
    password  TEXT NOT NULL DEFAULT ''   -- '' for none
);

-- The video channels of a device (a camera has one, an encoder or a recorder several). The id is
-- what media URLs (/api/v1/media/live/{channel}), role_channels and the recording index name; it
-- stays the same as long as the driver reports the same token, and is never reused. Tables of other
-- services name a channel by this id without a foreign key, so recordings outlive a removed device.
CREATE TABLE channels (
    id                TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),  -- UUID
    device_id         TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    token             TEXT NOT NULL CHECK (length(token) > 0),  -- the driver's id for the channel
    position          INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),  -- order within the device, from 0
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),  -- from the driver until renamed
    main_url          TEXT NOT NULL DEFAULT '',  -- main stream (RTSP/RTSPS), without credentials
    sub_url           TEXT NOT NULL DEFAULT '',  -- sub stream; '' for none
    snapshot_url      TEXT NOT NULL DEFAULT '',  -- '' for none
    main_profile_token TEXT NOT NULL DEFAULT '',  -- ONVIF media profile tokens; '' for other drivers
    sub_profile_token TEXT NOT NULL DEFAULT '',
    ptz               INTEGER NOT NULL DEFAULT 0 CHECK (ptz IN (0, 1)),  -- 1: pan/tilt/zoom offered
    audio             INTEGER NOT NULL DEFAULT 0 CHECK (audio IN (0, 1)),  -- 1: the stream carries audio
    enabled           INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),  -- 0: its streams stay closed
    created_ms        INTEGER NOT NULL CHECK (created_ms >= 0),  -- UTC ms
    updated_ms        INTEGER NOT NULL CHECK (updated_ms >= created_ms),  -- UTC ms of the last change
    UNIQUE (device_id, token)
);
)sql")};
}

}  // namespace vigil::server
