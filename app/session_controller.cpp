#include "session_controller.h"

#include <QRegularExpression>
#include <QVariantMap>

#include "app_logging.h"
#include "idle_watcher.h"
#include "model/permissions.h"
#include "security/password_policy.h"

namespace vigil::app {

using core::Error;
using core::Result;
using core::model::LoginResponse;
using core::security::PasswordPolicy;

namespace {

const QString kOffline = QStringLiteral("offline");
const QString kChecking = QStringLiteral("checking");
const QString kSetup = QStringLiteral("setup");
const QString kLogin = QStringLiteral("login");
const QString kActive = QStringLiteral("active");
const QString kLocked = QStringLiteral("locked");

// Good enough to catch a typo; the mail server is the real judge.
bool looksLikeEmail(const QString& text) {
    static const QRegularExpression kPattern(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
    return kPattern.match(text).hasMatch();
}

// The server's session.ended reasons (server/api/openapi.yaml), said for the person at the screen.
QString endedText(const QString& reason) {
    if (reason == QLatin1String("ended")) {
        return QObject::tr("An administrator ended your session. Sign in again to continue.");
    }
    if (reason == QLatin1String("expired")) {
        return QObject::tr("Your session expired. Sign in again to continue.");
    }
    if (reason == QLatin1String("user_disabled")) {
        return QObject::tr("Your account was disabled by an administrator, so your session ended.");
    }
    if (reason == QLatin1String("user_deleted")) {
        return QObject::tr("Your account was deleted by an administrator, so your session ended.");
    }
    if (reason == QLatin1String("password_changed")) {
        return QObject::tr(
            "Your password was changed from another session, so this one ended. Sign in with "
            "the new password.");
    }
    if (reason == QLatin1String("logout")) {
        return QObject::tr("This session was signed out elsewhere. Sign in again to continue.");
    }
    return reason.isEmpty() ? QObject::tr("The server ended your session. Sign in again.")
                            : QObject::tr("The server ended your session (%1). Sign in again.").arg(reason);
}

}  // namespace

SessionController::SessionController(core::client::ApiClient* client, QObject* parent)
    : QObject(parent), m_client(client), m_idle(new IdleWatcher(this)) {
    connect(m_idle, &IdleWatcher::idle, this, [this] {
        qCInfo(lcApp).noquote() << "session: locked after" << m_autoLockMs << "ms without input";
        lock();
    });
    connect(m_client, &core::client::ApiClient::sessionRejected, this, [this](const Error& error) {
        endSession(tr("The server no longer accepts this session (%1). Sign in again.").arg(error.message));
    });
    connect(m_client, &core::client::ApiClient::sessionEnded, this,
            [this](const QString& reason) { endSession(endedText(reason)); });
}

QString SessionController::passwordRules() const {
    return m_passwordRules.isEmpty() ? PasswordPolicy::rulesSummary() : m_passwordRules;
}

QString SessionController::roleName() const {
    if (const core::model::Role* role = core::model::Permissions::builtinRole(m_user.roleId)) {
        return role->name;
    }
    return m_user.roleId.isEmpty() ? QString() : tr("Custom role");
}

QString SessionController::userInitial() const {
    return m_user.userName.isEmpty() ? QString() : m_user.userName.left(1).toUpper();
}

QString SessionController::autoLockText() const {
    if (m_autoLockMs <= 0) {
        return tr("Automatic lock is off");
    }
    const qint64 minutes = std::max<qint64>(1, m_autoLockMs / 60000);
    return tr("Locks after %n minute(s) without input", nullptr, static_cast<int>(minutes));
}

bool SessionController::hasPermission(const QString& permission) const {
    return isSignedIn() && m_permissions.contains(permission);
}

void SessionController::setState(const QString& state) {
    if (m_state == state) {
        return;
    }
    qCInfo(lcApp).noquote() << "session:" << state;
    m_state = state;
    emit stateChanged();
}

void SessionController::setBusy(bool busy) {
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

void SessionController::setMessage(const QString& text, const QString& kind) {
    m_message = text;
    m_messageKind = text.isEmpty() ? QString() : kind;
    emit messageChanged();
}

void SessionController::setPasswordMessage(const QString& text) {
    m_passwordMessage = text;
    emit passwordMessageChanged();
}

void SessionController::clearPasswordMessage() {
    setPasswordMessage({});
}

// --- site ------------------------------------------------------------------------------------------

void SessionController::reset() {
    ++m_generation;
    m_idle->stop();
    const bool wasSignedIn = isSignedIn();
    m_client->setBearerToken({});
    m_user = {};
    m_permissions.clear();
    m_mustChangePassword = false;
    setBusy(false);
    setMessage({});
    setState(kOffline);
    emit userChanged();
    if (wasSignedIn) {
        emit loggedOut();
    }
}

void SessionController::checkSetup() {
    reset();
    setState(kChecking);
    const int generation = m_generation;
    m_client->fetchSetupStatus([this, generation](Result<core::model::SetupStatus> status) {
        if (generation != m_generation) {
            return;
        }
        if (!status) {
            setState(kLogin);
            setMessage(tr("Cannot ask the server whether it is set up: %1").arg(status.error().message));
            return;
        }
        m_passwordRules = status->passwordRules;
        setState(status->initialised ? kLogin : kSetup);
    });
}

// --- setup -----------------------------------------------------------------------------------------

QString SessionController::validateSetup(const QString& userName, const QString& password,
                                         const QString& confirmation, const QString& email,
                                         const QVariantList& questions) const {
    if (userName.trimmed().isEmpty()) {
        return tr("Enter a user name for the administrator.");
    }
    const core::Status policy = PasswordPolicy::enforce(password, userName.trimmed());
    if (!policy) {
        return policy.error().message;
    }
    if (password != confirmation) {
        return tr("The two passwords differ. Type the same password in both fields.");
    }
    if (!looksLikeEmail(email.trimmed())) {
        return tr("Enter the e-mail address reserved for password reset, like admin@example.com.");
    }
    if (questions.size() != kQuestionCount) {
        return tr("Give %1 security questions with their answers.").arg(kQuestionCount);
    }
    QStringList seen;
    for (const QVariant& item : questions) {
        const QVariantMap entry = item.toMap();
        const QString question = entry.value(QStringLiteral("question")).toString().trimmed();
        if (question.isEmpty() || entry.value(QStringLiteral("answer")).toString().trimmed().isEmpty()) {
            return tr("Each of the %1 security questions needs a question and an answer.")
                .arg(kQuestionCount);
        }
        if (seen.contains(question, Qt::CaseInsensitive)) {
            return tr("Ask %1 different security questions.").arg(kQuestionCount);
        }
        seen.append(question);
    }
    return {};
}

void SessionController::setup(const QString& userName, const QString& password, const QString& confirmation,
                              const QString& email, const QVariantList& questions) {
    if (m_state != kSetup || m_busy) {
        return;
    }
    const QString problem = validateSetup(userName, password, confirmation, email, questions);
    if (!problem.isEmpty()) {
        setMessage(problem);
        return;
    }
    core::model::SetupRequest request;
    request.userName = userName.trimmed();
    request.password = password;
    request.email = email.trimmed();
    for (const QVariant& item : questions) {
        const QVariantMap entry = item.toMap();
        request.questions.append({entry.value(QStringLiteral("question")).toString().trimmed(),
                                  entry.value(QStringLiteral("answer")).toString().trimmed()});
    }
    setBusy(true);
    setMessage({});
    const int generation = m_generation;
    m_client->setup(request, [this, generation](Result<core::model::User> user) {
        if (generation != m_generation) {
            return;
        }
        setBusy(false);
        if (!user) {
            if (user.error().code == QLatin1String("already_initialised")) {
                setState(kLogin);
            }
            setMessage(user.error().message);
            return;
        }
        qCInfo(lcApp).noquote() << "session: site initialised with administrator" << user->userName;
        setState(kLogin);
        setMessage(
            tr("The site is ready. Sign in as %1 with the password you just chose.").arg(user->userName),
            QStringLiteral("info"));
        emit setupCompleted(user->userName);
    });
}

// --- login and logout ------------------------------------------------------------------------------

void SessionController::login(const QString& userName, const QString& password) {
    if (m_state != kLogin || m_busy) {
        return;
    }
    if (userName.trimmed().isEmpty() || password.isEmpty()) {
        setMessage(tr("Enter your user name and password."));
        return;
    }
    core::model::LoginRequest request;
    request.userName = userName.trimmed();
    request.password = password;
    setBusy(true);
    setMessage({});
    const int generation = m_generation;
    m_client->login(request, [this, generation](Result<LoginResponse> response) {
        if (generation != m_generation) {
            return;
        }
        setBusy(false);
        if (!response) {
            // The server's own words: it decides how much a failed or locked login may reveal.
            setMessage(response.error().message);
            return;
        }
        startSession(response.value());
    });
}

void SessionController::startSession(const LoginResponse& response) {
    m_client->setBearerToken(response.token);
    m_user = response.user;
    m_permissions = response.permissions;
    m_mustChangePassword = response.mustChangePassword;
    qCInfo(lcApp).noquote() << "session: signed in as" << m_user.userName << "with"
                            << m_permissions.join(',');
    setMessage({});
    setState(kActive);
    emit userChanged();
    emit loggedIn();
    // The login answer carries the setting for every user, not only those who may read it (CLI-2).
    applyAutoLock(response.autoLockMs);
}

void SessionController::applyAutoLock(qint64 autoLockMs) {
    m_autoLockMs = std::max<qint64>(0, autoLockMs);
    if (m_state == kActive && m_autoLockMs > 0) {
        m_idle->start(m_autoLockMs);
    } else {
        m_idle->stop();
    }
    qCInfo(lcApp).noquote() << "session: auto-lock"
                            << (m_autoLockMs > 0 ? QString::number(m_autoLockMs) + " ms"
                                                 : QStringLiteral("off"));
    emit autoLockChanged();
}

void SessionController::logout() {
    if (!isSignedIn()) {
        return;
    }
    // The answer does not matter: the token is forgotten here either way.
    m_client->logout([](const core::Status& done) {
        if (!done) {
            qCInfo(lcApp).noquote() << "session: logout answer:" << done.error().message;
        }
    });
    endSession({});
    setMessage(tr("You signed out."), QStringLiteral("info"));
}

void SessionController::endSession(const QString& reason) {
    if (!isSignedIn()) {
        return;
    }
    if (!reason.isEmpty()) {
        qCInfo(lcApp).noquote() << "session: ended:" << reason;
    }
    ++m_generation;
    m_idle->stop();
    m_client->setBearerToken({});
    m_client->disconnectEvents();
    m_permissions.clear();
    m_mustChangePassword = false;
    setBusy(false);
    setPasswordMessage({});
    // The user name stays for the login form; the rest of the user goes.
    const QString userName = m_user.userName;
    m_user = {};
    m_user.userName = userName;
    setMessage(reason, QStringLiteral("warning"));
    setState(kLogin);
    emit userChanged();
    emit loggedOut();
}

// --- password --------------------------------------------------------------------------------------

void SessionController::changePassword(const QString& currentPassword, const QString& newPassword,
                                       const QString& confirmation) {
    if (!isSignedIn() || m_busy) {
        return;
    }
    if (currentPassword.isEmpty()) {
        setPasswordMessage(tr("Enter your current password."));
        return;
    }
    const core::Status policy = PasswordPolicy::enforce(newPassword, m_user.userName);
    if (!policy) {
        setPasswordMessage(policy.error().message);
        return;
    }
    if (newPassword != confirmation) {
        setPasswordMessage(tr("The two new passwords differ. Type the same password in both fields."));
        return;
    }
    if (newPassword == currentPassword) {
        setPasswordMessage(tr("The new password is the current one. Choose a different password."));
        return;
    }
    setBusy(true);
    setPasswordMessage({});
    const int generation = m_generation;
    m_client->changePassword({currentPassword, newPassword}, [this, generation](const core::Status& done) {
        if (generation != m_generation) {
            return;
        }
        setBusy(false);
        if (!done) {
            setPasswordMessage(done.error().message);
            return;
        }
        qCInfo(lcApp).noquote() << "session: password changed for" << m_user.userName;
        m_mustChangePassword = false;
        emit userChanged();
        emit passwordChanged();
    });
}

// --- lock ------------------------------------------------------------------------------------------

void SessionController::lock() {
    if (m_state != kActive) {
        return;
    }
    m_idle->stop();
    setMessage({});
    setState(kLocked);
}

void SessionController::unlock(const QString& password) {
    if (m_state != kLocked || m_busy) {
        return;
    }
    if (password.isEmpty()) {
        setMessage(tr("Enter the password of %1 to unlock.").arg(m_user.userName));
        return;
    }
    core::model::LoginRequest request;
    request.userName = m_user.userName;
    request.password = password;
    setBusy(true);
    setMessage({});
    const int generation = m_generation;
    m_client->login(request, [this, generation](Result<LoginResponse> response) {
        if (generation != m_generation) {
            return;
        }
        setBusy(false);
        if (!response) {
            setMessage(response.error().message);
            return;
        }
        // End the session that was locked (its request leaves with the old token), then go on with
        // the new one.
        m_client->logout([](const core::Status&) {});
        qCInfo(lcApp).noquote() << "session: unlocked by" << response->user.userName;
        startSession(response.value());
    });
}

}  // namespace vigil::app
