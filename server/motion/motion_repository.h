#pragma once
// MotionRepository: the motion_settings table (motion_schema.cpp). A channel without a row has the
// defaults (off, sensitivity 50, the whole picture).

#include <QList>

#include "common/result.h"
#include "motion/motion_settings.h"
#include "store/database.h"

namespace vigil::server {

class MotionRepository {
public:
    explicit MotionRepository(core::store::Database& db) : m_db(db) {}

    core::Result<MotionSettings> find(const QString& channelId) const;  // the defaults when none is stored
    core::Result<QList<MotionSettings>> enabled() const;
    core::Status save(const MotionSettings& settings);

private:
    core::store::Database& m_db;
};

}  // namespace vigil::server
