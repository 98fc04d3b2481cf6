#include "security_settings_model.h"

#include <QRegularExpression>

#include "app_logging.h"
#include "model/permissions.h"
#include "session_controller.h"

namespace vigil::app {

using core::Result;
using core::model::SecuritySettings;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

// Reads the page's fields as whole numbers in the page's units and checks each against the range
// SecuritySettings::validate() enforces (so the server's rule is the one shown), collecting one
// message per field for the page to show under it.
class FormCheck {
public:
    explicit FormCheck(const QVariantMap& form) : m_form(form) {}

    // `low` 0 reads as "never" for the settings where 0 turns the feature off.
    qint64 number(const char* key, qint64 low, qint64 high) {
        bool ok = false;
        const qint64 value = m_form.value(QLatin1String(key)).toString().trimmed().toLongLong(&ok);
        if (ok && value >= low && value <= high) {
            return value;
        }
        const QString from = low == 0 ? SecuritySettingsModel::tr("0 (never)") : QString::number(low);
        m_errors.insert(QLatin1String(key), SecuritySettingsModel::tr("Use %1 to %2.").arg(from).arg(high));
        return low;
    }
    bool failed(const char* key) const { return m_errors.contains(QLatin1String(key)); }
    QVariantMap errors() const { return m_errors; }

private:
    const QVariantMap& m_form;
    QVariantMap m_errors;
};

// The largest whole number of minutes within `ms`.
qint64 minutesIn(qint64 ms) {
    return ms / kMinuteMs;
}

// Which page field a server refusal is about: FieldReader names the field as `field "x"`, and the SMTP
// checks name it in words. The first field whose marker the message holds; empty: none.
QString fieldOf(const QString& message, std::initializer_list<std::pair<const char*, const char*>> markers) {
    for (const auto& [marker, key] : markers) {
        if (message.contains(QLatin1String(marker))) {
            return QLatin1String(key);
        }
    }
    return {};
}

QString securityFieldOf(const QString& message) {
    return fieldOf(message, {{"\"lockout.attempts\"", "lockoutAttempts"},
                             {"\"lockout.windowMs\"", "lockoutWindowMinutes"},
                             {"\"lockout.lockMs\"", "lockoutLockMinutes"},
                             {"\"sessions.idleTimeoutMs\"", "idleTimeoutMinutes"},
                             {"\"sessions.absoluteTimeoutMs\"", "absoluteTimeoutMinutes"},
                             {"\"sessions.maxPlatform\"", "maxPlatform"},
                             {"\"sessions.maxPerUser\"", "maxPerUser"},
                             {"\"passwords.expiryDays\"", "expiryDays"},
                             {"\"workstation.autoLockMs\"", "autoLockMinutes"}});
}

QString smtpFieldOf(const QString& message) {
    return fieldOf(message, {{"\"host\"", "host"},
                             {"SMTP server \"", "host"},
                             {"\"port\"", "port"},
                             {"SMTP port", "port"},
                             {"\"security\"", "security"},
                             {"user name", "user"},
                             {"\"from\"", "from"},
                             {"sender", "from"},
                             {"\"caPem\"", "caPem"}});
}

// A refusal as the page shows it: next to its field when one is named, else under the section.
QVariantMap errorsFor(const QString& field, const QString& message) {
    return field.isEmpty() ? QVariantMap() : QVariantMap{{field, message}};
}

}  // namespace

SecuritySettingsModel::SecuritySettingsModel(core::client::ApiClient* client, SessionController* session,
                                             QObject* parent)
    : QObject(parent), m_client(client), m_session(session) {
    connect(m_session, &SessionController::userChanged, this, &SecuritySettingsModel::smtpChanged);
}

QVariantList SecuritySettingsModel::filterModes() const {
    return {QVariantMap{{QStringLiteral("id"), QStringLiteral("off")},
                        {QStringLiteral("name"), tr("Off: every address")}},
            QVariantMap{{QStringLiteral("id"), QStringLiteral("allow")},
                        {QStringLiteral("name"), tr("Allow list: only these addresses")}},
            QVariantMap{{QStringLiteral("id"), QStringLiteral("deny")},
                        {QStringLiteral("name"), tr("Deny list: all but these addresses")}}};
}

QVariantList SecuritySettingsModel::smtpSecurities() const {
    return {QVariantMap{{QStringLiteral("id"), QStringLiteral("starttls")},
                        {QStringLiteral("name"), tr("STARTTLS (usually port 587)")}},
            QVariantMap{{QStringLiteral("id"), QStringLiteral("tls")},
                        {QStringLiteral("name"), tr("TLS (usually port 465)")}}};
}

bool SecuritySettingsModel::canEditSmtp() const {
    return m_session->hasPermission(QString::fromLatin1(core::model::Permissions::kSystemSettings));
}

void SecuritySettingsModel::begin() {
    if (m_busy++ == 0) {
        emit busyChanged();
    }
}

void SecuritySettingsModel::end() {
    if (--m_busy == 0) {
        emit busyChanged();
    }
}

void SecuritySettingsModel::setSecurityMessage(const QString& text, const QString& kind) {
    m_securityMessage = text;
    m_securityMessageKind = kind;
    emit securityMessageChanged();
}

void SecuritySettingsModel::setFilterMessage(const QString& text, const QString& kind) {
    m_filterMessage = text;
    m_filterMessageKind = kind;
    emit filterMessageChanged();
}

void SecuritySettingsModel::setSmtpMessage(const QString& text, const QString& kind) {
    m_smtpMessage = text;
    m_smtpMessageKind = kind;
    emit smtpMessageChanged();
}

void SecuritySettingsModel::setSecurityErrors(const QVariantMap& errors) {
    if (m_securityErrors != errors) {
        m_securityErrors = errors;
        emit securityErrorsChanged();
    }
}

void SecuritySettingsModel::setSmtpErrors(const QVariantMap& errors) {
    if (m_smtpErrors != errors) {
        m_smtpErrors = errors;
        emit smtpErrorsChanged();
    }
}

void SecuritySettingsModel::load() {
    setSecurityMessage({});
    setFilterMessage({});
    setSmtpMessage({});
    setSecurityErrors({});
    setSmtpErrors({});
    begin();
    m_client->fetchSecuritySettings([this](Result<core::model::SecuritySettings> settings) {
        end();
        if (!settings) {
            setSecurityMessage(settings.error().message);
            return;
        }
        m_security = std::move(settings).value();
        emit securityChanged();
    });
    begin();
    m_client->fetchAddressFilter([this](Result<core::client::AddressFilterSettings> filter) {
        end();
        if (!filter) {
            setFilterMessage(filter.error().message);
            return;
        }
        m_filter = std::move(filter).value();
        emit filterChanged();
    });
    // Without system_settings the server refuses the route: asking would only produce an error.
    if (!canEditSmtp()) {
        return;
    }
    begin();
    m_client->fetchSmtpSettings([this](Result<core::client::SmtpSettings> smtp) {
        end();
        if (!smtp) {
            setSmtpMessage(smtp.error().message);
            return;
        }
        m_smtp = std::move(smtp).value();
        emit smtpChanged();
    });
}

void SecuritySettingsModel::saveSecurity(const QVariantMap& form) {
    FormCheck check(form);
    const qint64 attempts = check.number("lockoutAttempts", 1, SecuritySettings::kMaxAttempts);
    const qint64 window = check.number("lockoutWindowMinutes", 1, minutesIn(SecuritySettings::kMaxWindowMs));
    const qint64 lock = check.number("lockoutLockMinutes", 1, minutesIn(SecuritySettings::kMaxLockMs));
    const qint64 idle = check.number("idleTimeoutMinutes", 1, minutesIn(SecuritySettings::kMaxIdleTimeoutMs));
    // A session cannot outlive its own idle timeout's floor: the absolute end comes no sooner.
    const qint64 absolute =
        check.number("absoluteTimeoutMinutes", check.failed("idleTimeoutMinutes") ? 1 : idle,
                     minutesIn(SecuritySettings::kMaxAbsoluteTimeoutMs));
    const qint64 platform = check.number("maxPlatform", 1, SecuritySettings::kMaxSessions);
    const qint64 perUser = check.number(
        "maxPerUser", 1, check.failed("maxPlatform") ? SecuritySettings::kMaxSessions : platform);
    const qint64 expiry = check.number("expiryDays", 0, SecuritySettings::kMaxExpiryDays);
    const qint64 autoLock = check.number("autoLockMinutes", 0, minutesIn(SecuritySettings::kMaxAutoLockMs));
    setSecurityErrors(check.errors());
    if (!check.errors().isEmpty()) {
        setSecurityMessage(tr("Some values are out of range; see the fields marked in red."));
        return;
    }
    SecuritySettings settings = m_security;
    settings.lockout.attempts = static_cast<int>(attempts);
    settings.lockout.windowMs = window * kMinuteMs;
    settings.lockout.lockMs = lock * kMinuteMs;
    settings.sessions.idleTimeoutMs = idle * kMinuteMs;
    settings.sessions.absoluteTimeoutMs = absolute * kMinuteMs;
    settings.sessions.maxPlatform = static_cast<int>(platform);
    settings.sessions.maxPerUser = static_cast<int>(perUser);
    settings.passwords.expiryDays = static_cast<int>(expiry);
    settings.workstation.autoLockMs = autoLock * kMinuteMs;
    settings.reset.enabled = form.value(QStringLiteral("resetEnabled")).toBool();
    setSecurityMessage({});
    begin();
    m_client->saveSecuritySettings(settings, [this](Result<SecuritySettings> stored) {
        end();
        if (!stored) {
            // The server checks again (another client may have sent other numbers): its refusal goes
            // next to the field it names.
            const QString field = securityFieldOf(stored.error().message);
            setSecurityErrors(errorsFor(field, stored.error().message));
            setSecurityMessage(field.isEmpty() ? stored.error().message : QString());
            return;
        }
        m_security = std::move(stored).value();
        // Logged from the server's answer (the settings in force), so the UI test checks what was stored.
        qCInfo(lcApp).noquote() << "security settings: stored, lockout after" << m_security.lockout.attempts
                                << "attempts, auto-lock" << m_security.workstation.autoLockMs << "ms";
        emit securityChanged();
        m_session->applyAutoLock(m_security.workstation.autoLockMs);
        setSecurityMessage(tr("Saved. New sign-ins and sessions follow these settings."),
                           QStringLiteral("info"));
    });
}

void SecuritySettingsModel::saveFilter(const QVariantMap& form) {
    core::client::AddressFilterSettings filter;
    filter.mode = form.value(QStringLiteral("mode")).toString();
    const QStringList lines = form.value(QStringLiteral("entries"))
                                  .toString()
                                  .split(QRegularExpression(QStringLiteral("[\\r\\n]+")));
    for (const QString& line : lines) {
        const QString entry = line.trimmed();
        if (!entry.isEmpty()) {
            filter.entries.append(entry);
        }
    }
    m_pendingFilter = filter;
    sendFilter(false);
}

void SecuritySettingsModel::confirmFilter() {
    sendFilter(true);
}

void SecuritySettingsModel::sendFilter(bool confirm) {
    setFilterMessage({});
    begin();
    m_client->saveAddressFilter(
        m_pendingFilter, confirm, [this](Result<core::client::AddressFilterSettings> stored) {
            end();
            if (!stored) {
                if (stored.error().code == QLatin1String("would_lock_out_self")) {
                    emit filterNeedsConfirmation(stored.error().message);
                    return;
                }
                setFilterMessage(stored.error().message);
                return;
            }
            m_filter = std::move(stored).value();
            qCInfo(lcApp).noquote() << "address filter: stored, mode" << m_filter.mode << "with"
                                    << m_filter.entries.size() << "entries";
            emit filterChanged();
            setFilterMessage(tr("Saved. The filter applies to new connections and requests at once."),
                             QStringLiteral("info"));
        });
}

void SecuritySettingsModel::saveSmtp(const QVariantMap& form) {
    core::client::SmtpSettings smtp = m_smtp;
    FormCheck check(form);
    smtp.port = static_cast<int>(check.number("port", 1, 65535));
    smtp.host = form.value(QStringLiteral("host")).toString().trimmed();
    smtp.security = form.value(QStringLiteral("security")).toString();
    smtp.user = form.value(QStringLiteral("user")).toString().trimmed();
    smtp.from = form.value(QStringLiteral("from")).toString().trimmed();
    smtp.caPem = form.value(QStringLiteral("caPem")).toString().trimmed();
    QVariantMap errors = check.errors();
    if (smtp.host.isEmpty()) {
        errors.insert(QStringLiteral("host"), tr("Enter the mail server's name, such as smtp.example.com."));
    }
    if (smtp.from.isEmpty()) {
        errors.insert(QStringLiteral("from"), tr("Enter the address the e-mails come from."));
    }
    setSmtpErrors(errors);
    if (!errors.isEmpty()) {
        setSmtpMessage({});
        return;
    }
    const QString password = form.value(QStringLiteral("password")).toString();
    // The page never had the stored password to show: an empty field keeps it, unless the user asked
    // to remove it; the server takes "" as "no password".
    if (form.value(QStringLiteral("clearPassword")).toBool()) {
        smtp.password = QString();
    } else {
        smtp.password = password.isEmpty() ? std::nullopt : std::optional<QString>(password);
    }
    setSmtpMessage({});
    begin();
    m_client->saveSmtpSettings(smtp, [this](Result<core::client::SmtpSettings> stored) {
        end();
        if (!stored) {
            const QString field = smtpFieldOf(stored.error().message);
            setSmtpErrors(errorsFor(field, stored.error().message));
            setSmtpMessage(field.isEmpty() ? stored.error().message : QString());
            return;
        }
        m_smtp = std::move(stored).value();
        qCInfo(lcApp).noquote() << "smtp settings: stored, host" << m_smtp.host << "port" << m_smtp.port
                                << (m_smtp.passwordSet ? "with a password" : "without a password");
        emit smtpChanged();
        emit smtpSaved();
        setSmtpMessage(tr("Saved. Send a test e-mail to check the settings."), QStringLiteral("info"));
    });
}

void SecuritySettingsModel::testSmtp() {
    if (m_smtpTesting) {
        return;
    }
    m_smtpTesting = true;
    emit smtpTestingChanged();
    setSmtpMessage({});
    m_client->testSmtp([this](const core::Status& sent) {
        m_smtpTesting = false;
        emit smtpTestingChanged();
        if (!sent) {
            setSmtpMessage(sent.error().message);
            return;
        }
        setSmtpMessage(tr("The mail server accepted the test e-mail for the reserved address."),
                       QStringLiteral("info"));
    });
}

}  // namespace vigil::app
