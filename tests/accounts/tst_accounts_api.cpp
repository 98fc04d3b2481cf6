// The accounts API against a real engine on 127.0.0.1 (issue 3, docs/design/accounts.md): first-run
// initialisation, login/logout/me, permission checks, users and roles with last-administrator and
// built-in protection, session limits, idle and absolute timeouts, ending a session (its WebSocket is
// told and closed), lockout of account and address and its end, identical refusals, the security
// log and its CSV export, strict bodies, and hashes upgraded at login. Time is a ManualClock.

#include <QJsonArray>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

#include "accounts/accounts_service.h"
#include "accounts/user_repository.h"
#include "api_session.h"
#include "engine/engine.h"
#include "http/https_service.h"
#include "support/test_engine.h"

using namespace vigil;
using core::security::Argon2Parameters;
using core::security::PasswordHasher;
using test::ApiReply;
using test::ApiSession;
using test::setupBody;

namespace {

constexpr qint64 kStartMs = 1'750'000'000'000;
constexpr qint64 kMinuteMs = 60 * 1000;
const QString kAdmin = QStringLiteral("chief");
const QString kAdminPassword = QStringLiteral("Harbour#Light9");
const QString kViewerPassword = QStringLiteral("Kestrel!Wing7");
// Cheap parameters keep the suite quick; tst_brute_force runs the real ones.
const Argon2Parameters kFastHashing{64, 1, 1};
const Argon2Parameters kUpgradedHashing{128, 2, 1};

}  // namespace

class TestAccountsApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    core::ManualClock m_clock{kStartMs};
    std::unique_ptr<server::Engine> m_engine;
    std::unique_ptr<ApiSession> m_admin;

    void startEngine(Argon2Parameters hashing) {
        server::EngineOptions options = test::engineOptions(m_dir.path());
        options.clock = &m_clock;
        options.passwordHashing = hashing;
        m_admin.reset();
        m_engine = std::make_unique<server::Engine>(options);
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        m_admin = std::make_unique<ApiSession>(*m_engine);
    }

    std::unique_ptr<ApiSession> session() { return std::make_unique<ApiSession>(*m_engine); }

    void adminLogin() {
        const ApiReply reply = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    }

    QString createUser(const QString& name, const QString& role, const QString& password = kViewerPassword) {
        const ApiReply reply = m_admin->post(
            "/api/v1/users", QJsonObject{{"userName", name}, {"roleId", role}, {"password", password}});
        if (reply.status != 201) {
            qWarning() << describe(reply);
        }
        return reply.json.value("id").toString();
    }

    void putSettings(const std::function<void(core::model::SecuritySettings&)>& change) {
        core::model::SecuritySettings settings = m_engine->accounts()->securitySettings();
        change(settings);
        const ApiReply reply = m_admin->put("/api/v1/settings/security", settings.toJson());
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    }

    int logCount(const QString& query) {
        const ApiReply reply = m_admin->get("/api/v1/security-log?" + query);
        return reply.status == 200 ? reply.json.value("total").toInt() : -1;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        startEngine(kFastHashing);
    }

    void beforeSetupOnlyPublicRoutesAnswer() {
        ApiReply reply = m_admin->get("/api/v1/setup");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("initialised").toBool(), false);
        QVERIFY(!reply.json.value("passwordRules").toString().isEmpty());
        QCOMPARE(m_admin->get("/api/v1/system/info").status, 200);
        // The first-run screen and the daemon checks read these before anyone exists.
        QCOMPARE(m_admin->get("/api/v1/system/health").status, 200);
        QCOMPARE(m_admin->get("/api/v1/system/services").status, 200);
        reply = m_admin->get("/api/v1/users");
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("not_initialised"));
        reply = m_admin->login(kAdmin, kAdminPassword);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("not_initialised"));
    }

    void setupEnforcesThePolicyWithReasons() {
        ApiReply reply = m_admin->post("/api/v1/setup", setupBody(kAdmin, "abc12"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), QStringLiteral("password_policy"));
        QVERIFY2(reply.message().contains("8"), qPrintable(reply.message()));  // too short, and says how long
        reply = m_admin->post("/api/v1/setup", setupBody(kAdmin, kAdmin));     // the user name itself
        QCOMPARE(reply.error(), QStringLiteral("password_policy"));
        QJsonObject extra = setupBody(kAdmin, kAdminPassword);
        extra.insert("role", "god");
        reply = m_admin->post("/api/v1/setup", extra);
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("\"role\""));
        QCOMPARE(m_admin->get("/api/v1/setup").json.value("initialised").toBool(), false);
    }

    void setupHappensOnce() {
        ApiReply reply = m_admin->post("/api/v1/setup", setupBody(kAdmin, kAdminPassword));
        QVERIFY2(reply.status == 201, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("user").toObject().value("userName").toString(), kAdmin);
        QCOMPARE(reply.json.value("user").toObject().value("roleId").toString(),
                 QStringLiteral("administrator"));
        reply = m_admin->post("/api/v1/setup", setupBody(kAdmin, kAdminPassword));
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("already_initialised"));
        QCOMPARE(m_admin->get("/api/v1/setup").json.value("initialised").toBool(), true);
        QCOMPARE(logCount("kind=setup"), -1);  // no session yet
    }

    void afterSetupRoutesNeedASession() {
        ApiReply reply = m_admin->get("/api/v1/system/health");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("unauthenticated"));
        QVERIFY(reply.headers.value("www-authenticate").startsWith("Bearer"));
        QCOMPARE(m_admin->get("/api/v1/system/info").status, 200);
        QCOMPARE(m_admin->get("/api/v1/system/ca.pem").status, 200);
        m_admin->setToken(QStringLiteral("A").repeated(43));
        reply = m_admin->get("/api/v1/auth/me");
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.headers.value("www-authenticate").contains("invalid_token"));
        m_admin->setToken({});
    }

    void loginMeLogout() {
        ApiReply reply = m_admin->login(kAdmin, kAdminPassword);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("token").toString().size(), 43);
        QCOMPARE(reply.json.value("expiresMs").toInteger(), kStartMs + 12 * 60 * kMinuteMs);
        QCOMPARE(reply.json.value("idleTimeoutMs").toInteger(), 30 * kMinuteMs);
        QVERIFY(reply.json.value("permissions").toArray().contains("user_admin"));
        auto me = core::model::MeResponse::fromJson(m_admin->get("/api/v1/auth/me").json);
        QVERIFY(me.ok());
        QCOMPARE(me->user.userName, kAdmin);
        QVERIFY(me->session.current);
        QCOMPARE(me->session.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(m_admin->get("/api/v1/system/health").status, 200);
        QCOMPARE(m_admin->post("/api/v1/auth/logout").status, 204);
        QCOMPARE(m_admin->get("/api/v1/auth/me").status, 401);
        adminLogin();
        QVERIFY(logCount("kind=login") >= 2);
        QCOMPARE(logCount("kind=logout"), 1);
        QCOMPARE(logCount("kind=setup"), 1);
    }

    void requestBodiesAreStrict() {
        ApiReply reply = m_admin->call("POST", "/api/v1/users", {}, "not json");
        QCOMPARE(reply.status, 400);
        reply = m_admin->call("POST", "/api/v1/users", {}, "{\"userName\":\"x\"}", "text/plain");
        QCOMPARE(reply.status, 415);
        reply = m_admin->call("POST", "/api/v1/users", {}, "[1,2]");
        QCOMPARE(reply.status, 400);
        reply = m_admin->call("POST", "/api/v1/users", {}, QByteArray(70 * 1024, ' ') + "{}");
        QCOMPARE(reply.status, 413);
        reply =
            m_admin->post("/api/v1/users",
                          QJsonObject{{"userName", "eve"}, {"password", kViewerPassword}, {"isRoot", true}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("\"isRoot\""));
        QCOMPARE(m_admin->get("/api/v1/users/none/extra").status, 404);
    }

    void viewerCannotListUsers() {
        QVERIFY(!createUser("vera", "viewer").isEmpty());
        auto vera = session();
        QCOMPARE(vera->login("vera", kViewerPassword).status, 200);
        ApiReply reply = vera->get("/api/v1/users");
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("forbidden"));
        QVERIFY(reply.message().contains("user_admin"));
        QCOMPARE(vera->get("/api/v1/security-log").status, 403);
        QCOMPARE(vera->get("/api/v1/permissions").status, 200);
        QCOMPARE(vera->get("/api/v1/auth/me").status, 200);
        // A new user without a role gets the least: live_viewer.
        reply =
            m_admin->post("/api/v1/users", QJsonObject{{"userName", "leo"}, {"password", kViewerPassword}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json.value("roleId").toString(), QStringLiteral("live_viewer"));
        reply =
            m_admin->post("/api/v1/users", QJsonObject{{"userName", "LEO"}, {"password", kViewerPassword}});
        QCOMPARE(reply.error(), QStringLiteral("user_exists"));
        reply = m_admin->post("/api/v1/users", QJsonObject{{"userName", "weak"}, {"password", "aaa"}});
        QCOMPARE(reply.error(), QStringLiteral("password_policy"));
    }

    // CLI-2: the idle auto-lock is for every workstation, so it comes with every login and /me, also
    // to an operator who may not read the security settings.
    void autoLockReachesEveryUser() {
        QVERIFY(!createUser("otto", "operator").isEmpty());
        auto otto = session();
        ApiReply reply = otto->login("otto", kViewerPassword);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("autoLockMs").toInteger(), 0);
        QCOMPARE(otto->get("/api/v1/settings/security").status, 403);
        putSettings(
            [](core::model::SecuritySettings& settings) { settings.workstation.autoLockMs = 5 * kMinuteMs; });
        auto me = core::model::MeResponse::fromJson(otto->get("/api/v1/auth/me").json);
        QVERIFY(me.ok());
        QCOMPARE(me->autoLockMs, 5 * kMinuteMs);
        reply = otto->login("otto", kViewerPassword);
        QCOMPARE(reply.status, 200);
        auto login = core::model::LoginResponse::fromJson(reply.json);
        QVERIFY(login.ok());
        QCOMPARE(login->autoLockMs, 5 * kMinuteMs);
        putSettings([](core::model::SecuritySettings& settings) { settings.workstation.autoLockMs = 0; });
        QCOMPARE(otto->get("/api/v1/auth/me").json.value("autoLockMs").toInteger(), 0);
    }

    void lastAdministratorIsProtected() {
        const QString adminId =
            m_admin->get("/api/v1/auth/me").json.value("user").toObject().value("id").toString();
        ApiReply reply = m_admin->del("/api/v1/users/" + adminId);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("last_administrator"));
        QCOMPARE(m_admin->put("/api/v1/users/" + adminId, QJsonObject{{"enabled", false}}).error(),
                 QStringLiteral("last_administrator"));
        QCOMPARE(m_admin->put("/api/v1/users/" + adminId, QJsonObject{{"roleId", "viewer"}}).error(),
                 QStringLiteral("last_administrator"));
        const QString second = createUser("deputy", "administrator");
        reply = m_admin->put("/api/v1/users/" + second,
                             QJsonObject{{"roleId", "operator"}, {"memo", "night shift"}});
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        QCOMPARE(reply.json.value("memo").toString(), QStringLiteral("night shift"));
        QCOMPARE(m_admin->del("/api/v1/users/" + second).status, 204);
        QCOMPARE(m_admin->get("/api/v1/users/" + second).status, 404);
        QVERIFY(logCount("kind=user_deleted") >= 1);
    }

    void builtinRolesAreImmutable() {
        ApiReply reply =
            m_admin->put("/api/v1/roles/administrator", QJsonObject{{"name", "Boss"},
                                                                    {"permissions", QJsonArray{}},
                                                                    {"allChannels", true},
                                                                    {"channels", QJsonArray{}}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), QStringLiteral("role_builtin"));
        QCOMPARE(m_admin->del("/api/v1/roles/viewer").error(), QStringLiteral("role_builtin"));
        reply = m_admin->post("/api/v1/roles", QJsonObject{{"name", "Gate"},
                                                           {"permissions", QJsonArray{"live", "ptz"}},
                                                           {"allChannels", false},
                                                           {"channels", QJsonArray{"cam-1"}}});
        QVERIFY2(reply.status == 201, qPrintable(describe(reply)));
        const QString id = reply.json.value("id").toString();
        QCOMPARE(reply.json.value("builtin").toBool(), false);
        reply = m_admin->post("/api/v1/roles", QJsonObject{{"name", "Bad"},
                                                           {"permissions", QJsonArray{"root"}},
                                                           {"allChannels", true},
                                                           {"channels", QJsonArray{}}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.message().contains("root"));
        reply = m_admin->put("/api/v1/roles/" + id, QJsonObject{{"name", "Gate"},
                                                                {"permissions", QJsonArray{"live"}},
                                                                {"allChannels", true},
                                                                {"channels", QJsonArray{}}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("permissions").toArray(), QJsonArray{"live"});
        const QString holder = createUser("gina", id);
        QCOMPARE(m_admin->del("/api/v1/roles/" + id).error(), QStringLiteral("role_in_use"));
        QCOMPARE(m_admin->del("/api/v1/users/" + holder).status, 204);
        QCOMPARE(m_admin->del("/api/v1/roles/" + id).status, 204);
        QCOMPARE(m_admin->get("/api/v1/roles").json.value("roles").toArray().size(), 5);
    }

    void sessionLimitsPerUserAndPlatform() {
        putSettings([](auto& s) { s.sessions.maxPerUser = 2; });
        QVERIFY(!createUser("sam", "viewer").isEmpty());
        auto a = session(), b = session(), c = session();
        QCOMPARE(a->login("sam", kViewerPassword).status, 200);
        QCOMPARE(b->login("sam", kViewerPassword).status, 200);
        ApiReply reply = c->login("sam", kViewerPassword);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.error(), QStringLiteral("session_limit"));
        QVERIFY2(reply.message().contains("already has 2 sessions"), qPrintable(reply.message()));

        // The platform: room for exactly one more session, whoever it is.
        const int open = int(m_admin->get("/api/v1/sessions").json.value("sessions").toArray().size());
        putSettings([open](auto& s) {
            s.sessions.maxPerUser = open + 1;
            s.sessions.maxPlatform = open + 1;
        });
        QCOMPARE(c->login("leo", kViewerPassword).status, 200);
        reply = session()->login("leo", kViewerPassword);
        QCOMPARE(reply.status, 429);
        QVERIFY2(reply.message().contains(QString("limit of %1 sessions").arg(open + 1)),
                 qPrintable(reply.message()));
        QCOMPARE(a->post("/api/v1/auth/logout").status, 204);
        QCOMPARE(session()->login("leo", kViewerPassword).status, 200);
        QVERIFY(logCount("kind=login_failed") >= 2);
        putSettings([](auto& s) { s = core::model::SecuritySettings{}; });
    }

    void idleAndAbsoluteTimeouts() {
        auto sam = session();
        QCOMPARE(sam->login("sam", kViewerPassword).status, 200);
        m_clock.advance(29 * kMinuteMs);
        QCOMPARE(sam->get("/api/v1/auth/me").status, 200);  // seen: the idle time starts again
        m_clock.advance(29 * kMinuteMs);
        QCOMPARE(sam->get("/api/v1/auth/me").status, 200);
        m_clock.advance(31 * kMinuteMs);
        QCOMPARE(sam->get("/api/v1/auth/me").status, 401);
        adminLogin();  // the admin's session idled out too
        QVERIFY(logCount("kind=session_expired") >= 1);

        QCOMPARE(sam->login("sam", kViewerPassword).status, 200);
        for (int i = 0; i < 12 * 60 / 20 - 1; ++i) {  // active every 20 min for almost 12 h
            m_clock.advance(20 * kMinuteMs);
            QCOMPARE(sam->get("/api/v1/auth/me").status, 200);
        }
        m_clock.advance(20 * kMinuteMs);
        QCOMPARE(sam->get("/api/v1/auth/me").status, 401);  // 12 h absolute
        adminLogin();
    }

    void endingASessionTellsItsWebSocket() {
        auto sam = session();
        QCOMPARE(sam->login("sam", kViewerPassword).status, 200);
        const QString samToken = sam->token();
        QWebSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.setSslConfiguration(sam->tls());
        QUrl url = m_engine->baseUrl();
        url.setScheme("wss");
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        url.setQuery("token=" + samToken);
        QStringList messages;
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&](const QString& text) { messages << text; });
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        QVERIFY2(connected.wait(10000), qPrintable(socket.errorString()));

        QString sessionId;
        for (const QJsonValue& value : m_admin->get("/api/v1/sessions").json.value("sessions").toArray()) {
            if (value.toObject().value("userName").toString() == "sam") {
                sessionId = value.toObject().value("id").toString();
            }
            QVERIFY(!value.toObject().contains("token"));
        }
        QVERIFY(!sessionId.isEmpty());
        QVERIFY(sessionId != samToken);
        QCOMPARE(m_admin->del("/api/v1/sessions/" + sessionId).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 10000);
        QVERIFY2(std::any_of(messages.cbegin(), messages.cend(),
                             [](const QString& m) {
                                 return m.contains("\"session.ended\"") && m.contains("\"ended\"");
                             }),
                 qPrintable(messages.join('\n')));
        QCOMPARE(sam->get("/api/v1/auth/me").status, 401);
        QCOMPARE(m_admin->del("/api/v1/sessions/" + sessionId).status, 404);
        const QString own =
            m_admin->get("/api/v1/auth/me").json.value("session").toObject().value("id").toString();
        QCOMPARE(m_admin->del("/api/v1/sessions/" + own).error(), QStringLiteral("own_session"));
    }

    void webSocketNeedsAToken() {
        QWebSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.setSslConfiguration(m_admin->tls());
        QUrl url = m_engine->baseUrl();
        url.setScheme("wss");
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), 10000);
        QVERIFY(connected.isEmpty());
    }

    void ownPasswordChange() {
        QVERIFY(!createUser("pat", "viewer").isEmpty());
        auto pat = session();
        QCOMPARE(pat->login("pat", kViewerPassword).status, 200);
        ApiReply reply = pat->post("/api/v1/auth/password", QJsonObject{{"currentPassword", "Wrong#Pass1"},
                                                                        {"newPassword", "Fresh$Start4"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("wrong_password"));
        reply = pat->post("/api/v1/auth/password",
                          QJsonObject{{"currentPassword", kViewerPassword}, {"newPassword", "short"}});
        QCOMPARE(reply.error(), QStringLiteral("password_policy"));
        reply = pat->post("/api/v1/auth/password",
                          QJsonObject{{"currentPassword", kViewerPassword}, {"newPassword", "Fresh$Start4"}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(session()->login("pat", kViewerPassword).status, 401);
        QCOMPARE(session()->login("pat", "Fresh$Start4").status, 200);
        QVERIFY(logCount("kind=password_changed") >= 1);
    }

    void passwordExpiryForcesAChange() {
        putSettings([](auto& s) { s.passwords.expiryDays = 1; });
        m_clock.advance(25 * 60 * kMinuteMs);
        adminLogin();
        auto pat = session();
        ApiReply reply = pat->login("pat", "Fresh$Start4");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value("mustChangePassword").toBool(), true);
        QCOMPARE(pat->get("/api/v1/auth/me").status, 200);
        QCOMPARE(
            pat->get("/api/v1/auth/me").json.value("user").toObject().value("mustChangePassword").toBool(),
            true);
        reply = pat->post("/api/v1/auth/password",
                          QJsonObject{{"currentPassword", "Fresh$Start4"}, {"newPassword", "Second$Wind5"}});
        QCOMPARE(reply.status, 204);
        QCOMPARE(
            pat->get("/api/v1/auth/me").json.value("user").toObject().value("mustChangePassword").toBool(),
            false);
        // The administrator's password expired too: only own-account routes answer until it changes.
        QCOMPARE(m_admin->get("/api/v1/auth/me")
                     .json.value("user")
                     .toObject()
                     .value("mustChangePassword")
                     .toBool(),
                 true);
        QCOMPARE(m_admin->get("/api/v1/users").error(), QStringLiteral("password_change_required"));
        const QString interim = QStringLiteral("Lantern#Tide6");
        QCOMPARE(m_admin
                     ->post("/api/v1/auth/password",
                            QJsonObject{{"currentPassword", kAdminPassword}, {"newPassword", interim}})
                     .status,
                 204);
        QCOMPARE(m_admin
                     ->post("/api/v1/auth/password",
                            QJsonObject{{"currentPassword", interim}, {"newPassword", kAdminPassword}})
                     .status,
                 204);
        QCOMPARE(m_admin->get("/api/v1/users").status, 200);
        putSettings([](auto& s) { s.passwords.expiryDays = 0; });
    }

    void unknownUserAnswersLikeAWrongPassword() {
        const ApiReply wrong = session()->login("sam", "Not$Right42");
        const ApiReply unknown = session()->login("nobody-here", "Not$Right42");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.body, wrong.body);
        QCOMPARE(logCount("kind=login_failed&user=nobody-here"), 1);
    }

    void lockoutOfAccountAndAddressThenUnlock() {
        m_clock.advance(6 * kMinuteMs);  // earlier failures from this address leave the 5-minute window
        adminLogin();
        const int locksBefore = logCount("kind=lockout");
        auto attacker = session();
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(attacker->login("leo", QString("Guess#%1x").arg(i)).status, 401);
        }
        QCOMPARE(logCount("kind=lockout"), locksBefore);
        // The 5th failure within 5 minutes locks the account and the address.
        QCOMPARE(attacker->login("leo", "Guess#9x").status, 401);
        QCOMPARE(logCount("kind=lockout"), locksBefore + 2);
        const ApiReply lockedWrong = attacker->login("leo", "Still#Wrong1");
        const ApiReply lockedRight = attacker->login("leo", kViewerPassword);
        QCOMPARE(lockedRight.status, 401);
        QCOMPARE(lockedRight.body, lockedWrong.body);
        // The address is locked too: another account from here is refused, right password or not.
        QCOMPARE(session()->login("vera", kViewerPassword).status, 401);
        // From another loopback address the account stays locked, other accounts are fine.
        const ApiReply other = m_admin->postFrom(
            QHostAddress("127.0.0.2"), "/api/v1/auth/login",
            QJsonObject{{"userName", "vera"}, {"password", kViewerPassword}, {"clientKind", "web"}});
        QVERIFY2(other.status == 200, qPrintable(describe(other)));
        const ApiReply leoElsewhere = m_admin->postFrom(
            QHostAddress("127.0.0.2"), "/api/v1/auth/login",
            QJsonObject{{"userName", "leo"}, {"password", kViewerPassword}, {"clientKind", "web"}});
        QCOMPARE(leoElsewhere.status, 401);

        m_clock.advance(31 * kMinuteMs);
        QCOMPARE(attacker->login("leo", kViewerPassword).status, 200);
        adminLogin();
        QVERIFY(logCount("kind=login_failed&user=leo") >= 8);
    }

    void securityLogCannotBeWrittenAndExportsCsv() {
        for (const QByteArray verb : {"POST", "PUT", "DELETE"}) {
            QCOMPARE(m_admin->call(verb, "/api/v1/security-log").status, 405);
            QCOMPARE(m_admin->call(verb, "/api/v1/security-log.csv").status, 405);
        }
        for (const server::Route& route : m_engine->https()->routes()) {
            if (route.path.contains("security-log")) {
                QCOMPARE(route.method, QHttpServerRequest::Method::Get);
            }
        }
        QCOMPARE(session()->login("=HYPERLINK(\"http://x\",\"y\")", "Not$Right42").status, 401);
        ApiReply csv = m_admin->get("/api/v1/security-log.csv?kind=login_failed");
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
        QVERIFY(csv.body.startsWith("id,timeMs,timeUtc,kind,userName,address,target,detail\r\n"));
        QVERIFY2(csv.body.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), csv.body.constData());
        const int rows = int(csv.body.count("\r\n")) - 1;
        QCOMPARE(rows, logCount("kind=login_failed"));
        ApiReply page = m_admin->get("/api/v1/security-log?limit=2&offset=1");
        QCOMPARE(page.json.value("entries").toArray().size(), 2);
        QVERIFY(page.json.value("total").toInt() > 2);
        QCOMPARE(m_admin->get("/api/v1/security-log?limit=0").status, 400);
        QCOMPARE(m_admin->get("/api/v1/security-log?kind=nope").status, 400);
        QCOMPARE(m_admin->get("/api/v1/security-log?sort=x").status, 400);
        const qint64 now = m_clock.nowMs();
        QCOMPARE(logCount(QString("fromMs=%1").arg(now + 1)), 0);
        QVERIFY(logCount(QString("toMs=%1").arg(now + 1)) > 0);
        QVERIFY(logCount("kind=role_created") == 1 && logCount("kind=setting_changed") >= 4);
    }

    void hashesUpgradeAtLogin() {
        const auto hashOf = [this](const QString& name) {
            server::UserRepository users(m_engine->database());
            auto found = users.findByName(name);
            return found && found.value() ? found.value()->passwordHash : QString();
        };
        QCOMPARE(PasswordHasher::parseParameters(hashOf("vera")).value(), kFastHashing);
        startEngine(kUpgradedHashing);  // same data folder, new parameters
        auto vera = session();
        QCOMPARE(vera->login("vera", kViewerPassword).status, 200);
        QCOMPARE(PasswordHasher::parseParameters(hashOf("vera")).value(), kUpgradedHashing);
        QCOMPARE(session()->login("vera", kViewerPassword).status, 200);  // the new hash verifies
        QCOMPARE(PasswordHasher::parseParameters(hashOf("sam")).value(),
                 kFastHashing);  // untouched until login
    }

    void cleanupTestCase() {
        m_admin.reset();
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestAccountsApi)
#include "tst_accounts_api.moc"
