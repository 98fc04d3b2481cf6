#pragma once
// Test fixture: a RecordingService with its own store (SQLCipher with a fixed test key and the
// real migrations), a StreamHub with quick retries, and a clock the test moves (retention and
// schedules; packets carry real time). Recordings go to <root>/primary (and <root>/mirror).

#include <QDateTime>
#include <QDir>
#include <memory>

#include "common/clock.h"
#include "engine/schema.h"
#include "engine/settings_repository.h"
#include "media/stream_hub.h"
#include "recording/recording_repository.h"
#include "recording/recording_service.h"
#include "store/database.h"
#include "store/migrations.h"

namespace vigil::test {

class RecorderRig {
public:
    static QByteArray key() {
        return QByteArray::fromHex("8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677");
    }

    explicit RecorderRig(QString root, qint64 segmentMs = 3000, const core::Clock* clock = nullptr)
        : m_root(std::move(root)), m_clock(QDateTime::currentMSecsSinceEpoch()), m_segmentMs(segmentMs),
          m_usedClock(clock ? clock : &m_clock) {}
    ~RecorderRig() { stop(); }

    bool start(QString* error = nullptr) {
        QDir().mkpath(m_root);
        auto db = core::store::Database::open(m_root + QStringLiteral("/vigil.db"), key());
        if (!db) {
            if (error) {
                *error = db.error().message;
            }
            return false;
        }
        m_db = std::move(db.value());
        if (auto migrated = core::store::Migrator::migrate(*m_db, server::serverMigrations()); !migrated) {
            if (error) {
                *error = migrated.error().message;
            }
            return false;
        }
        m_settings = std::make_unique<server::SettingsRepository>(*m_db);
        server::StreamHub::Options hubOptions;
        hubOptions.backoffInitialMs = 200;
        hubOptions.backoffMaxMs = 1000;
        hubOptions.reader.connectTimeoutMs = 5000;
        hubOptions.reader.readTimeoutMs = 5000;
        m_hub = std::make_unique<server::StreamHub>(hubOptions);
        server::RecordingService::Options options;
        options.defaultPrimaryPath = primary();
        options.segmentUs = m_segmentMs * 1000;
        options.freeBytes = [](const QString& path) { return freeBytes(path); };
        m_service = std::make_unique<server::RecordingService>(*m_db, *m_settings, *m_usedClock, *m_hub, options);
        if (auto started = m_service->start(); !started) {
            if (error) {
                *error = started.error().message;
            }
            return false;
        }
        return true;
    }

    void stop() {
        if (m_hub) {
            m_hub->closeAll();
        }
        m_service.reset();
        m_hub.reset();
        m_settings.reset();
        m_db.reset();
    }

    QString primary() const { return m_root + QStringLiteral("/primary"); }
    QString mirror() const { return m_root + QStringLiteral("/mirror"); }
    server::RecordingService& service() { return *m_service; }
    server::StreamHub& hub() { return *m_hub; }
    core::store::Database& db() { return *m_db; }
    core::ManualClock& clock() { return m_clock; }
    server::RecordingRepository repository() { return server::RecordingRepository(*m_db, *m_settings); }

    // Every row of a stream, both locations, by start.
    QList<server::SegmentRow> rows(const QString& channel, const QString& stream = QStringLiteral("main")) {
        auto rows = repository().segments(channel, stream, 0, std::numeric_limits<qint64>::max());
        return rows ? rows.value() : QList<server::SegmentRow>();
    }
    QList<server::SegmentRow> closedRows(const QString& channel, const QString& location = QStringLiteral("primary")) {
        QList<server::SegmentRow> closed;
        for (const auto& row : rows(channel)) {
            if (row.state != QLatin1String("open") && row.location == location) {
                closed.append(row);
            }
        }
        return closed;
    }

    // What the tests pretend a disk has free (default: plenty); see freeBytes.
    static inline std::function<qint64(const QString&)> freeBytes = [](const QString&) -> qint64 { return 1LL << 40; };

private:
    QString m_root;
    core::ManualClock m_clock;
    qint64 m_segmentMs;
    const core::Clock* m_usedClock;
    std::unique_ptr<core::store::Database> m_db;
    std::unique_ptr<server::SettingsRepository> m_settings;
    std::unique_ptr<server::StreamHub> m_hub;
    std::unique_ptr<server::RecordingService> m_service;
};

}  // namespace vigil::test
