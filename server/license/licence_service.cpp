#include "license/licence_service.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSslCertificate>

#include "engine/settings_repository.h"
#include "license/licence_logging.h"
#include "store/database.h"

namespace vigil::server {

using core::Error;
using core::Result;
using core::Status;
using core::license::Editions;
using core::license::ExpressDeactivation;
using core::license::Features;
using core::license::LicenceContext;
using core::license::LicenceRequest;
using core::license::SignedLicence;
using core::model::LicenceStatus;

namespace {
constexpr auto kSettingVendorUrl = "licence.vendor_url";
constexpr auto kSettingVendorCa = "licence.vendor_ca_pem";
constexpr int kAlarmDays[] = {14, 7, 3, 1};
constexpr int kTickMs = 60 * 1000;

QString day(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

// Whole days left, rounding up: a licence ending in 3 hours has 1 day left, not 0.
int daysUntil(qint64 nowMs, qint64 endMs) {
    if (endMs <= nowMs) {
        return 0;
    }
    return static_cast<int>((endMs - nowMs + LicenceService::kDayMs - 1) / LicenceService::kDayMs);
}
}  // namespace

LicenceService::LicenceService(core::store::Database& db, SettingsRepository& settings, const core::Clock& clock,
                               Options options, QObject* parent)
    : Service(QStringLiteral("licensing"), QStringLiteral("Licensing"), parent),
      m_db(db),
      m_settings(settings),
      m_clock(clock),
      m_options(std::move(options)),
      m_repository(db),
      m_seal(m_options.sealPath, m_options.fingerprint.displayId()),
      m_verifier(m_options.vendorKeys),
      m_vendor(new VendorClient(this)) {
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] { (void)status(); });
}

LicenceService::~LicenceService() = default;

Status LicenceService::doStart() {
    if (Status loaded = loadOrCreate(); !loaded) {
        return loaded;
    }
    // No alarms from here: the event service starts after this one and would drop them; the first
    // status read (the minute tick, any request) raises what is due.
    const LicenceStatus now = evaluate(observeClock()).status;
    qCInfo(lcLicence).noquote() << "licence:" << now.state << now.editionName << now.channels << "channels"
                                << (now.expiresMs ? QStringLiteral("until %1").arg(day(now.expiresMs)) : QString())
                                << "machine" << now.fingerprintId;
    m_tick.start();
    return {};
}

void LicenceService::doStop() {
    m_tick.stop();
}

Status LicenceService::loadOrCreate() {
    if (m_loaded) {
        return {};
    }
    auto row = m_repository.load();
    if (!row) {
        return row.error();
    }
    if (row.value()) {
        m_row = *row.value();
        m_loaded = true;
        return {};
    }
    // The first start: the trial begins now, unless this machine's data folder already had one.
    const qint64 now = m_clock.nowMs();
    const std::optional<TrialSealValues> sealed = m_seal.read();
    m_row = LicenceRow{};
    m_row.trialStartedMs = sealed ? sealed->trialStartedMs : std::max<qint64>(now, 1);
    m_row.trialEndsMs = m_row.trialStartedMs + kTrialMs;
    m_row.seenMaxMs = std::max({now, m_row.trialStartedMs, sealed ? sealed->seenMaxMs : 0});
    if (Status saved = m_repository.save(m_row); !saved) {
        return saved;
    }
    m_loaded = true;
    m_seal.write({m_row.trialStartedMs, m_row.seenMaxMs});
    note(QStringLiteral("trial_started"),
         sealed ? QStringLiteral("A new database on a machine whose trial began %1: the trial goes on from then, "
                                 "it does not start again.")
                      .arg(day(m_row.trialStartedMs))
                : QStringLiteral("Trial of %1 days for %2 channels, until %3.")
                      .arg(kTrialMs / kDayMs)
                      .arg(kTrialChannels)
                      .arg(day(m_row.trialEndsMs)));
    return {};
}

void LicenceService::note(const QString& kind, const QString& detail) {
    if (Status appended = m_repository.append(m_clock.nowMs(), kind, detail); !appended) {
        qCWarning(lcLicence).noquote() << "cannot write the licence log:" << appended.error().message;
    }
    qCInfo(lcLicence).noquote() << kind << "-" << detail;
}

void LicenceService::saveRow() {
    if (Status saved = m_repository.save(m_row); !saved) {
        qCWarning(lcLicence).noquote() << "cannot save the licence state:" << saved.error().message;
    }
}

qint64 LicenceService::observeClock() {
    const qint64 now = m_clock.nowMs();
    if (now + kRollbackToleranceMs < m_row.seenMaxMs) {
        if (m_row.rollbackMs == 0) {
            m_row.rollbackMs = std::max<qint64>(now, 1);
            saveRow();
            const QString message =
                QStringLiteral("The system clock reads %1, earlier than %2 which this server has already seen: the "
                               "clock was set back. Licence periods are counted from the later time; correct the "
                               "clock (NTP) to clear this warning.")
                    .arg(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate),
                         QDateTime::fromMSecsSinceEpoch(m_row.seenMaxMs, Qt::UTC).toString(Qt::ISODate));
            note(QStringLiteral("clock_rollback"), message);
            qCWarning(lcLicence).noquote() << message;
            emit alarmRaised(QStringLiteral("clock_rollback"), message);
        }
        return m_row.seenMaxMs;
    }
    bool dirty = false;
    if (m_row.rollbackMs != 0) {
        m_row.rollbackMs = 0;  // the clock is back where it was: the episode is over
        dirty = true;
    }
    if (now > m_row.seenMaxMs + kSeenStepMs || (now > m_row.seenMaxMs && dirty)) {
        m_row.seenMaxMs = now;
        dirty = true;
        m_seal.write({m_row.trialStartedMs, m_row.seenMaxMs});
    }
    if (dirty) {
        saveRow();
    }
    return std::max(now, m_row.seenMaxMs);
}

LicenceService::Evaluation LicenceService::evaluate(qint64 nowMs) const {
    Evaluation result;
    LicenceStatus& s = result.status;
    s.platformId = m_options.platformId;
    s.fingerprintId = m_options.fingerprint.displayId();
    s.trialStartedMs = m_row.trialStartedMs;
    s.trialEndsMs = m_row.trialEndsMs;
    s.clockRollback = m_row.rollbackMs != 0;
    s.clockSeenMaxMs = m_row.seenMaxMs;
    s.vendorUrl = settings().vendorUrl;
    if (m_row.licenceFile.isEmpty()) {
        s.edition = QLatin1String(Editions::kTrial);
        s.channels = kTrialChannels;
        s.features = Features::all();
        s.expiresMs = m_row.trialEndsMs;
        if (nowMs < m_row.trialEndsMs) {
            s.state = QLatin1String(LicenceStatus::kTrial);
        } else {
            s.state = QLatin1String(LicenceStatus::kExpired);
            s.problem = QStringLiteral("The trial ended on %1. Cameras keep recording, but no channel can be added "
                                       "until a licence is activated: enter an activation code on the Licence page.")
                            .arg(day(m_row.trialEndsMs));
        }
    } else {
        auto parsed = SignedLicence::parse(m_row.licenceFile.toUtf8());
        if (!parsed) {
            s.state = QLatin1String(LicenceStatus::kInvalid);
            s.edition = QLatin1String(Editions::kTrial);
            s.problem = parsed.error().message;
        } else {
            const core::license::LicenceDocument& doc = parsed->licence;
            s.edition = doc.edition;
            s.licensee = doc.licensee;
            s.channels = doc.channels;
            s.features = doc.effectiveFeatures();
            s.issuedMs = doc.issuedMs;
            s.expiresMs = doc.expiresMs;
            s.activationCodes = doc.activationCodes;
            s.upgradedFrom = doc.upgradedFrom;
            const Status verified =
                m_verifier.verify(parsed.value(), LicenceContext{m_options.platformId, m_options.fingerprint, nowMs});
            if (verified) {
                s.state = QLatin1String(LicenceStatus::kLicensed);
                result.licence = parsed.value();
            } else {
                s.state = verified.error().code == QLatin1String("licence_expired") ? QLatin1String(LicenceStatus::kExpired)
                                                                                    : QLatin1String(LicenceStatus::kInvalid);
                s.problem = verified.error().message + QStringLiteral(" Cameras keep recording; no channel can be added "
                                                                       "until this is put right.");
                if (s.state == QLatin1String(LicenceStatus::kExpired)) {
                    result.licence = parsed.value();  // still the licence to renew
                }
            }
        }
    }
    s.editionName = Editions::displayName(s.edition);
    s.daysLeft = s.expiresMs == 0 ? -1 : daysUntil(nowMs, s.expiresMs);
    s.expiring = s.expiresMs != 0 && s.daysLeft > 0 && s.daysLeft <= kWarningDays;
    s.channelsUsed = m_channelsInUse ? m_channelsInUse() : 0;
    return result;
}

void LicenceService::checkAlarms(const Evaluation& evaluation, qint64 nowMs) {
    const LicenceStatus& s = evaluation.status;
    if (s.expiresMs == 0 || s.state == QLatin1String(LicenceStatus::kInvalid)) {
        return;
    }
    int stage = -1;  // -1: nothing to say yet
    if (s.state == QLatin1String(LicenceStatus::kExpired)) {
        stage = 0;
    } else {
        for (int days : kAlarmDays) {
            if (s.daysLeft <= days) {
                stage = days;
            }
        }
    }
    if (stage < 0) {
        return;
    }
    const QString subject = evaluation.licence ? evaluation.licence->licence.licenceId : QStringLiteral("trial");
    const QString key = QStringLiteral("%1:%2").arg(subject, QString::number(stage));
    if (m_row.warned == key) {
        return;
    }
    m_row.warned = key;
    saveRow();
    const QString what = s.edition == QLatin1String(Editions::kTrial) ? QStringLiteral("The trial")
                                                                       : QStringLiteral("The %1 licence").arg(s.editionName);
    const QString kind = stage == 0 ? QStringLiteral("expired") : QStringLiteral("expiry_warning");
    const QString message =
        stage == 0 ? QStringLiteral("%1 expired on %2. Cameras keep recording, but no channel can be added until a "
                                    "licence is activated or renewed on the Licence page.")
                         .arg(what, day(s.expiresMs))
                   : QStringLiteral("%1 expires on %2 (%3 days left). Recording goes on after it, but no channel can be "
                                    "added then: renew or activate a licence on the Licence page before.")
                         .arg(what, day(s.expiresMs))
                         .arg(s.daysLeft);
    note(kind, message);
    qCWarning(lcLicence).noquote() << message;
    (void)nowMs;
    emit alarmRaised(kind, message);
}

LicenceStatus LicenceService::status() {
    if (!m_loaded) {
        LicenceStatus unavailable;
        unavailable.state = QLatin1String(LicenceStatus::kInvalid);
        unavailable.problem = QStringLiteral("The licensing service is not running; start it from the services list.");
        return unavailable;
    }
    const qint64 now = observeClock();
    Evaluation evaluation = evaluate(now);
    checkAlarms(evaluation, now);
    return evaluation.status;
}

Status LicenceService::allowChannels(int inUse, int adding) {
    const LicenceStatus s = status();
    if (s.state != QLatin1String(LicenceStatus::kTrial) && s.state != QLatin1String(LicenceStatus::kLicensed)) {
        return Error::make(QStringLiteral("licence_inactive"), s.problem);
    }
    if (adding <= 0 || inUse + adding <= s.channels) {
        return {};
    }
    const QString message =
        QStringLiteral("This platform is licensed for %1 channels (%2) and %3 are in use, so %4 more cannot be "
                       "added. Remove or disable channels, or get more: buy a capacity code from the vendor and "
                       "activate it on the Licence page (online, or offline with a request file).")
            .arg(s.channels)
            .arg(s.editionName)
            .arg(inUse)
            .arg(adding);
    note(QStringLiteral("capacity_refused"), message);
    return Error::make(QStringLiteral("licence_capacity"), message);
}

bool LicenceService::hasFeature(const QString& feature) {
    const LicenceStatus s = status();
    return (s.state == QLatin1String(LicenceStatus::kTrial) || s.state == QLatin1String(LicenceStatus::kLicensed)) &&
           s.features.contains(feature);
}

core::model::LicenceSettings LicenceService::settings() const {
    core::model::LicenceSettings result;
    auto url = m_settings.value(QLatin1String(kSettingVendorUrl));
    result.vendorUrl = url && url.value() ? *url.value() : QString::fromLatin1(kDefaultVendorUrl);
    auto ca = m_settings.value(QLatin1String(kSettingVendorCa));
    result.vendorCaPem = ca && ca.value() ? *ca.value() : QString();
    return result;
}

Status LicenceService::setSettings(const core::model::LicenceSettings& settings, const Actor& actor) {
    if (!settings.vendorCaPem.isEmpty() &&
        QSslCertificate::fromData(settings.vendorCaPem.toLatin1(), QSsl::Pem).isEmpty()) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("vendorCaPem holds no PEM certificate. Paste the vendor's CA certificate "
                                          "(-----BEGIN CERTIFICATE-----...), or leave it empty to use the system's CAs."));
    }
    if (Status saved = m_settings.setValue(QLatin1String(kSettingVendorUrl), settings.vendorUrl); !saved) {
        return saved;
    }
    if (Status saved = m_settings.setValue(QLatin1String(kSettingVendorCa), settings.vendorCaPem); !saved) {
        return saved;
    }
    if (m_audit) {
        m_audit(actor, QStringLiteral("licence vendor address set to %1").arg(settings.vendorUrl));
    }
    return {};
}

Result<LicenceRequest> LicenceService::makeRequest(const core::model::ActivationInput& input) {
    LicenceRequest request;
    request.platformId = m_options.platformId;
    request.platformName = m_options.platformName.left(core::license::LicenceLimits::kMaxTextLength);
    request.fingerprint = m_options.fingerprint;
    request.activationCode = core::license::normaliseActivationCode(input.activationCode);
    request.createdMs = std::max<qint64>(m_clock.nowMs(), 1);
    if (!core::license::isActivationCode(request.activationCode)) {
        return Error::make(QStringLiteral("bad_request"),
                           QStringLiteral("\"%1\" is not an activation code. Codes look like VGL-XXXXX-XXXXX-XXXXX-XXXXX: "
                                          "copy it from the vendor's message.")
                               .arg(input.activationCode.left(64)));
    }
    if (!input.expressCode.isEmpty()) {
        request.expressCode = core::license::normaliseActivationCode(input.expressCode);
        if (!core::license::isActivationCode(request.expressCode)) {
            return Error::make(QStringLiteral("bad_request"),
                               QStringLiteral("The Express activation code \"%1\" is not a code. Enter it as the "
                                              "vendor wrote it, or import the Express deactivation file instead.")
                                   .arg(input.expressCode.left(64)));
        }
    }
    if (!input.expressDeactivation.isEmpty()) {
        auto deactivation = ExpressDeactivation::fromJson(input.expressDeactivation);
        if (!deactivation) {
            return deactivation.error();
        }
        request.expressDeactivation = deactivation.value();
    }
    if (!m_row.licenceFile.isEmpty()) {
        auto current = SignedLicence::parse(m_row.licenceFile.toUtf8());
        if (current) {
            request.currentLicence = current.value();  // renewals and capacity codes extend it
        }
    }
    return request;
}

Result<LicenceStatus> LicenceService::install(const QByteArray& activationFile, const Actor& actor) {
    auto parsed = SignedLicence::parse(activationFile);
    const qint64 now = observeClock();
    Status verified = parsed ? m_verifier.verify(parsed.value(),
                                                 LicenceContext{m_options.platformId, m_options.fingerprint, now})
                             : Status(parsed.error());
    if (!verified) {
        note(QStringLiteral("activation_failed"), verified.error().message);
        return verified.error();
    }
    const core::license::LicenceDocument& doc = parsed->licence;
    m_row.licenceFile = QString::fromUtf8(parsed->toFile());
    m_row.activatedMs = std::max<qint64>(m_clock.nowMs(), 0);
    saveRow();
    const QString detail =
        QStringLiteral("%1 licence activated: %2 channels%3, %4, codes %5%6")
            .arg(Editions::displayName(doc.edition))
            .arg(doc.channels)
            .arg(doc.effectiveFeatures().isEmpty() ? QString() : QStringLiteral(", ") + doc.effectiveFeatures().join(u", "))
            .arg(doc.expiresMs ? QStringLiteral("until %1").arg(day(doc.expiresMs)) : QStringLiteral("no end date"))
            .arg(doc.activationCodes.join(u", "))
            .arg(doc.upgradedFrom.isEmpty() ? QString() : QStringLiteral(" (upgraded from Express %1)").arg(doc.upgradedFrom));
    note(QStringLiteral("activated"), detail);
    if (m_audit) {
        m_audit(actor, detail);
    }
    emit changed();
    return status();
}

void LicenceService::activateOnline(const core::model::ActivationInput& input, const Actor& actor, Reply reply) {
    auto request = makeRequest(input);
    if (!request) {
        reply(request.error());
        return;
    }
    const core::model::LicenceSettings vendor = settings();
    m_vendor->activate(QUrl(vendor.vendorUrl), vendor.vendorCaPem.toLatin1(), request->toFile(),
                       [this, actor, reply = std::move(reply)](Result<QByteArray> answer) {
                           if (!answer) {
                               note(QStringLiteral("activation_failed"), answer.error().message);
                               reply(answer.error());
                               return;
                           }
                           reply(install(answer.value(), actor));
                       });
}

Result<ExpressDeactivation> LicenceService::deactivateExpress(const Actor& actor) {
    const qint64 now = observeClock();
    const Evaluation evaluation = evaluate(now);
    if (!evaluation.licence || evaluation.licence->licence.edition != QLatin1String(Editions::kExpress)) {
        return Error::make(QStringLiteral("licence_not_express"),
                           QStringLiteral("This platform has no valid Express licence to deactivate (it runs as %1). "
                                          "Deactivation files are made by Express platforms that upgrade to Pro.")
                               .arg(evaluation.status.editionName));
    }
    ExpressDeactivation deactivation;
    deactivation.licence = *evaluation.licence;
    deactivation.platformId = m_options.platformId;
    deactivation.fingerprint = m_options.fingerprint;
    deactivation.deactivatedMs = std::max<qint64>(m_clock.nowMs(), 1);
    m_row.licenceFile.clear();
    m_row.activatedMs = 0;
    saveRow();
    const QString detail = QStringLiteral("Express licence %1 deactivated for an upgrade; the deactivation file goes "
                                          "with the Pro activation.")
                               .arg(deactivation.licence.licence.activationCodes.value(0));
    note(QStringLiteral("deactivated"), detail);
    if (m_audit) {
        m_audit(actor, detail);
    }
    emit changed();
    return deactivation;
}

}  // namespace vigil::server
