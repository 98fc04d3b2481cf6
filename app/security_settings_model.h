#pragma once
// SecuritySettingsModel: the Security settings page (issue 3: SEC-1.3, SEC-1.7, SEC-1.9, SEC-2.5).
// QML binds to it as `workstation.securitySettings`. Three independent sections, each saved on its own
// because each is its own route with its own permission and its own kind of refusal:
//   sign-in protection   PUT /api/v1/settings/security        (400 names the value out of range)
//   address filter       PUT /api/v1/settings/address-filter  (400 names bad entries; 409 when the
//                        filter would refuse this workstation, answered by confirmFilter())
//   e-mail (SMTP)        PUT /api/v1/settings/smtp and POST .../smtp/test
// Durations are shown in minutes, as people set them; the API carries milliseconds. The SMTP password
// is write-only: the model never holds the stored one, only whether one is set.

#include <QObject>
#include <QVariantMap>

#include "client/api_client.h"
#include "model/account_model.h"

namespace vigil::app {

class SessionController;

class SecuritySettingsModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Sign-in protection
    Q_PROPERTY(int lockoutAttempts READ lockoutAttempts NOTIFY securityChanged)
    Q_PROPERTY(int lockoutWindowMinutes READ lockoutWindowMinutes NOTIFY securityChanged)
    Q_PROPERTY(int lockoutLockMinutes READ lockoutLockMinutes NOTIFY securityChanged)
    Q_PROPERTY(int idleTimeoutMinutes READ idleTimeoutMinutes NOTIFY securityChanged)
    Q_PROPERTY(int absoluteTimeoutMinutes READ absoluteTimeoutMinutes NOTIFY securityChanged)
    Q_PROPERTY(int maxPlatform READ maxPlatform NOTIFY securityChanged)
    Q_PROPERTY(int maxPerUser READ maxPerUser NOTIFY securityChanged)
    Q_PROPERTY(int expiryDays READ expiryDays NOTIFY securityChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes NOTIFY securityChanged)
    Q_PROPERTY(bool resetEnabled READ resetEnabled NOTIFY securityChanged)
    Q_PROPERTY(QString securityMessage READ securityMessage NOTIFY securityMessageChanged)
    Q_PROPERTY(QString securityMessageKind READ securityMessageKind NOTIFY securityMessageChanged)
    // {form key: what is wrong with it}, shown under the field; empty when all is well.
    Q_PROPERTY(QVariantMap securityErrors READ securityErrors NOTIFY securityErrorsChanged)
    // Address filter
    Q_PROPERTY(QString filterMode READ filterMode NOTIFY filterChanged)
    Q_PROPERTY(QString filterEntries READ filterEntries NOTIFY filterChanged)
    Q_PROPERTY(QVariantList filterModes READ filterModes CONSTANT)
    Q_PROPERTY(QString filterMessage READ filterMessage NOTIFY filterMessageChanged)
    Q_PROPERTY(QString filterMessageKind READ filterMessageKind NOTIFY filterMessageChanged)
    // E-mail (SMTP)
    Q_PROPERTY(bool canEditSmtp READ canEditSmtp NOTIFY smtpChanged)
    Q_PROPERTY(QString smtpHost READ smtpHost NOTIFY smtpChanged)
    Q_PROPERTY(int smtpPort READ smtpPort NOTIFY smtpChanged)
    Q_PROPERTY(QString smtpSecurity READ smtpSecurity NOTIFY smtpChanged)
    Q_PROPERTY(QVariantList smtpSecurities READ smtpSecurities CONSTANT)
    Q_PROPERTY(QString smtpUser READ smtpUser NOTIFY smtpChanged)
    Q_PROPERTY(bool smtpPasswordSet READ smtpPasswordSet NOTIFY smtpChanged)
    Q_PROPERTY(QString smtpFrom READ smtpFrom NOTIFY smtpChanged)
    Q_PROPERTY(QString smtpCaPem READ smtpCaPem NOTIFY smtpChanged)
    Q_PROPERTY(bool smtpTesting READ smtpTesting NOTIFY smtpTestingChanged)
    Q_PROPERTY(QString smtpMessage READ smtpMessage NOTIFY smtpMessageChanged)
    Q_PROPERTY(QString smtpMessageKind READ smtpMessageKind NOTIFY smtpMessageChanged)
    Q_PROPERTY(QVariantMap smtpErrors READ smtpErrors NOTIFY smtpErrorsChanged)

public:
    SecuritySettingsModel(core::client::ApiClient* client, SessionController* session,
                          QObject* parent = nullptr);

    bool busy() const { return m_busy > 0; }
    int lockoutAttempts() const { return m_security.lockout.attempts; }
    int lockoutWindowMinutes() const { return minutes(m_security.lockout.windowMs); }
    int lockoutLockMinutes() const { return minutes(m_security.lockout.lockMs); }
    int idleTimeoutMinutes() const { return minutes(m_security.sessions.idleTimeoutMs); }
    int absoluteTimeoutMinutes() const { return minutes(m_security.sessions.absoluteTimeoutMs); }
    int maxPlatform() const { return m_security.sessions.maxPlatform; }
    int maxPerUser() const { return m_security.sessions.maxPerUser; }
    int expiryDays() const { return m_security.passwords.expiryDays; }
    int autoLockMinutes() const { return minutes(m_security.workstation.autoLockMs); }
    bool resetEnabled() const { return m_security.reset.enabled; }
    QString securityMessage() const { return m_securityMessage; }
    QString securityMessageKind() const { return m_securityMessageKind; }
    QVariantMap securityErrors() const { return m_securityErrors; }

    QString filterMode() const { return m_filter.mode; }
    QString filterEntries() const { return m_filter.entries.join(QLatin1Char('\n')); }
    QVariantList filterModes() const;
    QString filterMessage() const { return m_filterMessage; }
    QString filterMessageKind() const { return m_filterMessageKind; }

    bool canEditSmtp() const;
    QString smtpHost() const { return m_smtp.host; }
    int smtpPort() const { return m_smtp.port; }
    QString smtpSecurity() const { return m_smtp.security; }
    QVariantList smtpSecurities() const;
    QString smtpUser() const { return m_smtp.user; }
    bool smtpPasswordSet() const { return m_smtp.passwordSet; }
    QString smtpFrom() const { return m_smtp.from; }
    QString smtpCaPem() const { return m_smtp.caPem; }
    bool smtpTesting() const { return m_smtpTesting; }
    QString smtpMessage() const { return m_smtpMessage; }
    QString smtpMessageKind() const { return m_smtpMessageKind; }
    QVariantMap smtpErrors() const { return m_smtpErrors; }

    // Reads all three sections again (the SMTP one only with the system_settings permission).
    Q_INVOKABLE void load();
    // form: the page's field texts {lockoutAttempts, lockoutWindowMinutes, ..., resetEnabled (bool)}.
    Q_INVOKABLE void saveSecurity(const QVariantMap& form);
    // form: {mode, entries (one per line)}.
    Q_INVOKABLE void saveFilter(const QVariantMap& form);
    // Sends the filter that was refused with would_lock_out_self again, confirmed.
    Q_INVOKABLE void confirmFilter();
    // form: {host, port, security, user, password (empty: keep), clearPassword (bool), from, caPem}.
    Q_INVOKABLE void saveSmtp(const QVariantMap& form);
    Q_INVOKABLE void testSmtp();

signals:
    void busyChanged();
    void securityChanged();
    void securityMessageChanged();
    void filterChanged();
    void filterMessageChanged();
    void smtpChanged();
    void smtpTestingChanged();
    void smtpMessageChanged();
    void securityErrorsChanged();
    void smtpErrorsChanged();
    // The server refused the filter because it would cut this workstation off; `message` says why.
    void filterNeedsConfirmation(const QString& message);
    // The SMTP settings were stored: the page clears the password field.
    void smtpSaved();

private:
    static int minutes(qint64 ms) { return static_cast<int>(ms / 60000); }
    void begin();
    void end();
    void setSecurityMessage(const QString& text, const QString& kind = QStringLiteral("error"));
    void setFilterMessage(const QString& text, const QString& kind = QStringLiteral("error"));
    void setSmtpMessage(const QString& text, const QString& kind = QStringLiteral("error"));
    void setSecurityErrors(const QVariantMap& errors);
    void setSmtpErrors(const QVariantMap& errors);
    void sendFilter(bool confirm);

    core::client::ApiClient* m_client;
    SessionController* m_session;
    int m_busy = 0;  // requests in flight
    core::model::SecuritySettings m_security;
    core::client::AddressFilterSettings m_filter;
    core::client::AddressFilterSettings m_pendingFilter;  // refused with would_lock_out_self
    core::client::SmtpSettings m_smtp;
    bool m_smtpTesting = false;
    QString m_securityMessage;
    QString m_securityMessageKind;
    QString m_filterMessage;
    QString m_filterMessageKind;
    QString m_smtpMessage;
    QString m_smtpMessageKind;
    QVariantMap m_securityErrors;
    QVariantMap m_smtpErrors;
};

}  // namespace vigil::app
