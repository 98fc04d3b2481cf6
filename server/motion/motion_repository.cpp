#include "motion/motion_repository.h"

#include "accounts/statement_runner.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;

namespace {

const QString kSelect =
    QStringLiteral("SELECT channel_id, enabled, sensitivity, regions, updated_ms FROM motion_settings");

Result<QList<MotionSettings>> query(core::store::Database& db, const QString& sql, const BindFunction& bind) {
    QList<MotionSettings> found;
    std::optional<Error> failed;
    const Status status = forEachRow(db, sql, bind, [&found, &failed](const core::store::Statement& row) {
        MotionSettings settings;
        settings.channelId = row.text(0);
        settings.enabled = row.int64(1) != 0;
        settings.sensitivity = static_cast<int>(row.int64(2));
        settings.updatedMs = row.int64(4);
        auto regions = core::model::MotionRegions::fromText(row.text(3));
        if (regions) {
            settings.regions = regions.value();
            found.append(settings);
        } else if (!failed) {
            failed = Error::make(QStringLiteral("store_corrupt"),
                                 QStringLiteral("The stored motion regions of channel \"%1\" cannot be read (%2). "
                                                "Set them again.")
                                     .arg(settings.channelId, regions.error().message));
        }
    });
    if (!status) {
        return status.error();
    }
    if (failed) {
        return *failed;
    }
    return found;
}

}  // namespace

Result<MotionSettings> MotionRepository::find(const QString& channelId) const {
    auto found = query(m_db, kSelect + QStringLiteral(" WHERE channel_id = ?1"),
                       [&channelId](core::store::Statement& s) { s.bind(1, channelId); });
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        MotionSettings defaults;
        defaults.channelId = channelId;
        return defaults;
    }
    return found->first();
}

Result<QList<MotionSettings>> MotionRepository::enabled() const {
    return query(m_db, kSelect + QStringLiteral(" WHERE enabled = 1 ORDER BY channel_id"), {});
}

Status MotionRepository::save(const MotionSettings& settings) {
    // INSERT OR REPLACE: SQLCipher 3.4 is SQLite 3.15, without UPSERT.
    return runStatement(m_db,
                        QStringLiteral("INSERT OR REPLACE INTO motion_settings (channel_id, enabled, sensitivity, "
                                       "regions, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5)"),
                        [&settings](core::store::Statement& s) {
                            s.bind(1, settings.channelId)
                                .bind(2, settings.enabled ? 1 : 0)
                                .bind(3, settings.sensitivity)
                                .bind(4, settings.regions.toText())
                                .bind(5, settings.updatedMs);
                        });
}

}  // namespace vigil::server
