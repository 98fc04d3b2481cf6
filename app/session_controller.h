#pragma once
// SessionController: who is signed in to the current site, and the screens around it (CLI-1, CLI-2,
// SEC-1.9). QML binds to it as `workstation.session`.
//
// States:
//   offline   no site is ready yet (starting, connecting, waiting for trust)
//   checking  asking the site whether it is initialised
//   setup     the site is new: only initialisation is possible (SetupPage)
//   login     the site is initialised and nobody is signed in (LoginPage)
//   active    signed in
//   locked    signed in, the screen is locked until the same user's password is given again
//
// The token lives in the ApiClient's memory only; passwords pass through on their way to a request and
// are never kept. Unlocking signs the same user in again and ends the old session: the API has no
// "check my password" call, and a fresh login also recovers a session that expired while locked; the
// server's lockout (SEC-1.7) applies to the lock screen like to any login.

#include <QObject>
#include <QStringList>
#include <QVariantList>

#include "client/api_client.h"

namespace vigil::app {

class IdleWatcher;

class SessionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString messageKind READ messageKind NOTIFY messageChanged)
    Q_PROPERTY(QString passwordRules READ passwordRules NOTIFY stateChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(QString roleId READ roleId NOTIFY userChanged)
    Q_PROPERTY(QString roleName READ roleName NOTIFY userChanged)
    Q_PROPERTY(QString userInitial READ userInitial NOTIFY userChanged)
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY userChanged)
    Q_PROPERTY(bool mustChangePassword READ mustChangePassword NOTIFY userChanged)
    Q_PROPERTY(qint64 autoLockMs READ autoLockMs NOTIFY autoLockChanged)
    Q_PROPERTY(QString autoLockText READ autoLockText NOTIFY autoLockChanged)
    Q_PROPERTY(QString passwordMessage READ passwordMessage NOTIFY passwordMessageChanged)

public:
    static constexpr int kQuestionCount = 3;

    explicit SessionController(core::client::ApiClient* client, QObject* parent = nullptr);

    QString state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QString messageKind() const { return m_messageKind; }
    QString passwordRules() const;
    QString userName() const { return m_user.userName; }
    QString roleId() const { return m_user.roleId; }
    QString roleName() const;
    QString userInitial() const;
    QStringList permissions() const { return m_permissions; }
    bool mustChangePassword() const { return m_mustChangePassword; }
    qint64 autoLockMs() const { return m_autoLockMs; }
    QString autoLockText() const;
    QString passwordMessage() const { return m_passwordMessage; }
    bool isSignedIn() const {
        return m_state == QLatin1String("active") || m_state == QLatin1String("locked");
    }

    Q_INVOKABLE bool hasPermission(const QString& permission) const;

    // The site is reachable: find out whether it needs initialisation.
    void checkSetup();
    // The site changed or went away: forget the session without telling anyone.
    void reset();

    // questions: [{question, answer}] × kQuestionCount.
    Q_INVOKABLE void setup(const QString& userName, const QString& password, const QString& confirmation,
                           const QString& email, const QVariantList& questions);
    Q_INVOKABLE void login(const QString& userName, const QString& password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void changePassword(const QString& currentPassword, const QString& newPassword,
                                    const QString& confirmation);
    Q_INVOKABLE void clearPasswordMessage();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void unlock(const QString& password);
    // The idle auto-lock in force (CLI-2; 0: off): from every login answer, and from the Security
    // settings page when this workstation changed it.
    void applyAutoLock(qint64 autoLockMs);

signals:
    void stateChanged();
    void busyChanged();
    void messageChanged();
    void userChanged();
    void autoLockChanged();
    void passwordMessageChanged();
    void passwordChanged();  // the change went through: the dialog can close
    void setupCompleted(const QString& userName);
    void loggedIn();   // a new token is in use (login, or unlock): fetch and listen again
    void loggedOut();  // no token any more

private:
    void setState(const QString& state);
    void setBusy(bool busy);
    void setMessage(const QString& text, const QString& kind = QStringLiteral("error"));
    void setPasswordMessage(const QString& text);
    void startSession(const core::model::LoginResponse& response);
    void endSession(const QString& reason);
    QString validateSetup(const QString& userName, const QString& password, const QString& confirmation,
                          const QString& email, const QVariantList& questions) const;

    core::client::ApiClient* m_client;
    IdleWatcher* m_idle;
    QString m_state = QStringLiteral("offline");
    bool m_busy = false;
    QString m_message;
    QString m_messageKind;
    QString m_passwordRules;
    core::model::User m_user;
    QStringList m_permissions;
    bool m_mustChangePassword = false;
    qint64 m_autoLockMs = 0;
    QString m_passwordMessage;
    int m_generation = 0;  // bumped at every reset: answers for an older session are dropped
};

}  // namespace vigil::app
