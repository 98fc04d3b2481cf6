#pragma once
// LicenceService: the "licensing" service (LIC-1, docs/design/licensing.md). Holds the trial made at
// the first start and the activated licence, verifies the licence again whenever it is read, enforces
// channel capacity for the devices service, judges expiry by the latest time seen (clock rollback
// gains nothing and is reported), raises expiry alarms, and activates online (VendorClient) or
// offline (request file out, activation file in), including the upgrade from Express to Pro.
//
// Expiry never stops anything that runs: cameras keep recording and streaming. An expired or
// invalid licence refuses new channels, and alarms are raised 14, 7, 3 and 1 days before expiry and
// at it (licence_log, the engine log, a "licence.alarm" push, and alarmRaised() for the event service).
//
// Threads: the engine's, like every service.

#include <QHostAddress>
#include <QTimer>
#include <functional>
#include <memory>

#include "common/clock.h"
#include "engine/service.h"
#include "license/licence_document.h"
#include "license/licence_repository.h"
#include "license/licence_request.h"
#include "license/licence_verifier.h"
#include "license/machine_fingerprint.h"
#include "license/trial_seal.h"
#include "license/vendor_client.h"
#include "model/licence_model.h"

namespace vigil::core::store {
class Database;
}

namespace vigil::server {

class SettingsRepository;

class LicenceService : public Service {
    Q_OBJECT
public:
    static constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
    static constexpr qint64 kTrialMs = 30 * kDayMs;
    static constexpr int kTrialChannels = 16;
    static constexpr int kWarningDays = 14;
    // A clock may step back a little (NTP corrections, a VM resumed); more than this is a rollback.
    static constexpr qint64 kRollbackToleranceMs = 60LL * 60 * 1000;
    static constexpr qint64 kSeenStepMs = 60 * 1000;  // the high-water mark is written at most this often
    static constexpr auto kDefaultVendorUrl = "https://activation.vigil-vms.example";

    struct Options {
        QString platformId;
        QString platformName;  // the server's name, sent with requests so the vendor knows the site
        core::license::MachineFingerprint fingerprint;
        QString sealPath;  // the trial seal (trial_seal.h)
        core::license::VendorKeys vendorKeys = core::license::VendorKeys::builtIn();
    };
    struct Actor {
        QString userName;
        QHostAddress address;
    };
    // Who is told of licence changes that matter to security: the security log (setting_changed).
    using AuditSink = std::function<void(const Actor& actor, const QString& detail)>;
    using Reply = std::function<void(core::Result<core::model::LicenceStatus>)>;

    LicenceService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock, Options options,
                   QObject* parent = nullptr);
    ~LicenceService() override;

    void setChannelCounter(std::function<int()> counter) { m_channelsInUse = std::move(counter); }
    void setAuditSink(AuditSink sink) { m_audit = std::move(sink); }

    core::model::LicenceStatus status();
    // Whether `adding` more channels may be enabled with `inUse` enabled now; the refusal says how many
    // are licensed and how to get more ("licence_capacity") or why none may be added ("licence_inactive").
    core::Status allowChannels(int inUse, int adding);
    bool hasFeature(const QString& feature);

    // Offline: the request file for this platform; online: the same request sent to the vendor.
    core::Result<core::license::LicenceRequest> makeRequest(const core::model::ActivationInput& input);
    void activateOnline(const core::model::ActivationInput& input, const Actor& actor, Reply reply);
    // Imports an activation file (from the vendor, or from the online answer).
    core::Result<core::model::LicenceStatus> install(const QByteArray& activationFile, const Actor& actor);
    // Gives up this platform's Express licence for an upgrade; the deactivation file goes with the Pro request.
    core::Result<core::license::ExpressDeactivation> deactivateExpress(const Actor& actor);

    core::model::LicenceSettings settings() const;
    core::Status setSettings(const core::model::LicenceSettings& settings, const Actor& actor);
    core::Result<QList<LicenceLogEntry>> log(int limit) const { return m_repository.log(limit); }

signals:
    // An expiry alarm or a clock rollback: for the event service (issue 6) to raise as an alarm.
    void alarmRaised(const QString& kind, const QString& message);
    void changed();

protected:
    core::Status doStart() override;
    void doStop() override;

private:
    struct Evaluation {
        core::model::LicenceStatus status;
        std::optional<core::license::SignedLicence> licence;
    };
    core::Status loadOrCreate();
    qint64 observeClock();  // the rollback-safe "now" (max of the clock and the latest time seen)
    Evaluation evaluate(qint64 nowMs) const;
    void checkAlarms(const Evaluation& evaluation, qint64 nowMs);
    void note(const QString& kind, const QString& detail);
    void saveRow();

    core::store::Database& m_db;
    SettingsRepository& m_settings;
    const core::Clock& m_clock;
    Options m_options;
    LicenceRepository m_repository;
    TrialSeal m_seal;
    core::license::LicenceVerifier m_verifier;
    LicenceRow m_row;
    bool m_loaded = false;
    VendorClient* m_vendor = nullptr;
    QTimer m_tick;  // notices rollbacks and raises alarms when nobody asks
    std::function<int()> m_channelsInUse;
    AuditSink m_audit;
};

}  // namespace vigil::server
