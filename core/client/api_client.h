#pragma once
// ApiClient: the one way a workstation (or a sub server, or a cascade parent) talks to a Vigil
// server: REST under /api/v1 and the event WebSocket, both over TLS trusted through the site's pinned
// platform CA only (SEC-2.3).
//
// First contact (probe): a TLS handshake that ignores certificate errors, used only to read the
// chain the server presents ({server, CA}); nothing is sent on that connection. The last certificate
// is the CA candidate; the server certificate must be signed by it. Unpinned site: trustRequired()
// and wait for acceptTrust()/rejectTrust(). Pinned and the same: ready(). Pinned and different:
// failed() and nothing else happens until the user forgets the site.
//
// Every real request and the WebSocket verify fully (chain to the pinned CA only, host name, TLS 1.2+).
// Lives on the thread that created it; callbacks run there.
//
// Sessions (docs/design/accounts.md): login answers a bearer token, which the caller hands back with
// setBearerToken(); it lives only in this object's memory. Every request and the WebSocket carry it.
// A 401 on a request made with the token means the session is gone (ended, expired, idle): the call
// fails and sessionRejected() says so once. A "session.ended" push says the same: sessionEnded().
// The client never keeps a password: request bodies are built, sent and dropped.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

#include "client/trust_store.h"
#include "common/result.h"
#include "model/account_model.h"
#include "model/permissions.h"
#include "model/system_model.h"

class QNetworkAccessManager;
class QNetworkReply;
class QSslSocket;
class QTimer;
class QWebSocket;

namespace vigil::core::client {

// The filters of GET /api/v1/security-log (and its .csv twin); zero or empty: no filter.
struct SecurityLogQuery {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString userName;
    QString kind;
    int limit = 0;
    int offset = 0;
};

struct SecurityLogPage {
    QList<model::LogEntry> entries;
    qint64 total = 0;  // entries matching the filters, of which `entries` is one page
};

// GET/PUT /api/v1/settings/address-filter (docs/design/accounts.md, SEC-2.5).
struct AddressFilterSettings {
    QString mode = QStringLiteral("off");  // off | allow | deny
    QStringList entries;                   // addresses, CIDR ranges, inclusive ranges
};

// GET/PUT /api/v1/settings/smtp. The server never sends the password back, only whether one is
// stored; a request without `password` keeps the stored one, so the client does not need to know it.
struct SmtpSettings {
    QString host;
    int port = 587;
    QString security = QStringLiteral("starttls");  // starttls | tls
    QString user;
    bool passwordSet = false;         // answers only
    std::optional<QString> password;  // requests only; empty optional: keep the stored one
    QString from;
    QString fromName;
    int timeoutMs = 0;  // 0: not sent, the server keeps its default
    QString caPem;      // extra CA certificates for a mail server with a private CA; empty: none
};

class ApiClient : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Probing, TrustRequired, Ready, Failed };
    Q_ENUM(State)

    template <typename T>
    using Callback = std::function<void(Result<T>)>;
    using StatusCallback = std::function<void(Status)>;

    static constexpr int kRequestTimeoutMs = 15000;
    static constexpr int kFirstReconnectDelayMs = 1000;
    static constexpr int kMaxReconnectDelayMs = 30000;

    // `trust` must outlive the client; several clients may share one store on the same thread.
    explicit ApiClient(TrustStore* trust, QObject* parent = nullptr);
    ~ApiClient() override;

    void setSite(const QString& host, quint16 port);  // resets the connection state
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString site() const { return TrustStore::siteKey(m_host, m_port); }
    QUrl baseUrl() const;

    // Adds "Authorization: Bearer <token>" to requests and the WebSocket; empty removes it.
    // A new session starts a new event cursor: what it may see is its own.
    void setBearerToken(const QString& token);
    bool hasBearerToken() const { return !m_token.isEmpty(); }
    // For media players that open their own connections (app/player): the token for their
    // Authorization header and the TLS configuration that trusts the site's pinned CA only.
    QString bearerToken() const { return m_token; }
    QSslConfiguration pinnedConfiguration() const;

    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }

    // Trust on first use: see the class comment.
    void probe();
    void acceptTrust();
    void rejectTrust();
    // For the embedded engine: the workstation made this CA itself, so no one needs to be asked.
    Status pinAuthority(const QSslCertificate& authority);
    // Removes the site's pin (after the admin confirmed a CA change) and returns to Idle.
    Status forgetSite();

    // The fingerprint/subject of the candidate waiting for a decision (TrustRequired only).
    QString candidateFingerprint() const;
    QString candidateSubject() const;
    QString pinnedFingerprint() const;

    void fetchInfo(Callback<model::SystemInfo> done);
    void fetchHealth(Callback<model::HealthSnapshot> done);
    void fetchServices(Callback<QList<model::ServiceStatus>> done);

    // Accounts (docs/design/accounts.md). Setup and login are public; the rest need the token.
    void fetchSetupStatus(Callback<model::SetupStatus> done);
    void setup(const model::SetupRequest& request, Callback<model::User> done);
    void login(const model::LoginRequest& request, Callback<model::LoginResponse> done);
    void logout(StatusCallback done);
    void fetchMe(Callback<model::MeResponse> done);
    // A wrong current password fails the call; it does not end the session.
    void changePassword(const model::PasswordChangeRequest& request, StatusCallback done);
    void fetchPermissions(Callback<QList<model::Permission>> done);

    void fetchUsers(Callback<QList<model::User>> done);
    void createUser(const model::UserInput& input, Callback<model::User> done);
    void updateUser(const QString& id, const model::UserInput& input, Callback<model::User> done);
    void deleteUser(const QString& id, StatusCallback done);

    void fetchRoles(Callback<QList<model::Role>> done);
    void createRole(const model::RoleInput& input, Callback<model::Role> done);
    void updateRole(const QString& id, const model::RoleInput& input, Callback<model::Role> done);
    void deleteRole(const QString& id, StatusCallback done);

    void fetchSessions(Callback<QList<model::Session>> done);
    void endSession(const QString& id, StatusCallback done);

    void searchSecurityLog(const SecurityLogQuery& query, Callback<SecurityLogPage> done);
    void downloadSecurityLogCsv(const SecurityLogQuery& query, Callback<QByteArray> done);

    void fetchSecuritySettings(Callback<model::SecuritySettings> done);
    void saveSecuritySettings(const model::SecuritySettings& settings,
                              Callback<model::SecuritySettings> done);

    void fetchAddressFilter(Callback<AddressFilterSettings> done);
    // `confirm`: the user accepted that the filter refuses the address this client comes from; without
    // it such a filter fails with would_lock_out_self.
    void saveAddressFilter(const AddressFilterSettings& filter, bool confirm,
                           Callback<AddressFilterSettings> done);

    void fetchSmtpSettings(Callback<SmtpSettings> done);
    void saveSmtpSettings(const SmtpSettings& settings, Callback<SmtpSettings> done);
    // Sends a message to the reserved e-mail; fails with the mail server's own error text.
    void testSmtp(StatusCallback done);

    // Opens wss://host:port/api/v1/events/ws and keeps it open (reconnecting with back-off) until
    // disconnectEvents() or setSite(). Every opening asks for ?since=<the newest event id seen>, so
    // after a drop the server first sends the events raised meanwhile (events.event, oldest first),
    // then events.resumed {since, lastId, complete}; complete = false means more were missed than
    // the server replays: whoever lists events searches again (EventCenterModel does).
    void connectEvents();
    void disconnectEvents();
    bool eventsConnected() const { return m_eventsConnected; }
    // The newest event id this client has seen on the socket (0 before the first events.resumed).
    qint64 lastEventId() const { return m_lastEventId; }

signals:
    void stateChanged(vigil::core::client::ApiClient::State state);
    void trustRequired(const QString& fingerprint, const QString& subject);
    void ready();
    void failed(const vigil::core::Error& error);
    void pushReceived(const vigil::core::model::PushMessage& message);
    void eventsConnectedChanged(bool connected);
    // The server no longer accepts the token (401), or ended the session ("session.ended" push).
    void sessionRejected(const vigil::core::Error& error);
    void sessionEnded(const QString& reason);

public:
    // --- request plumbing, for endpoint groups kept in their own files (client/*_api.cpp) ---------
    enum class Method { Get, Post, Put, Delete };
    // Public: no token. Session: the token; 401 means the session is gone. Credentials: the token,
    // and a 401 answers the credentials in the body (a wrong current password), not the session.
    enum class Auth { Public, Session, Credentials };
    struct Request {
        Request(Method httpMethod, QString urlPath, std::optional<QJsonObject> jsonBody = std::nullopt,
                Auth authentication = Auth::Session)
            : method(httpMethod), path(std::move(urlPath)), body(std::move(jsonBody)), auth(authentication) {}

        Method method;
        QString path;
        std::optional<QJsonObject> body;
        Auth auth;
        QUrlQuery query;
        QByteArray accept = "application/json";
    };

    // Sends with the pinned TLS configuration and the token; the whole body comes back, or the
    // server's {error, message} (or a network problem) as an Error. A 401 on a Session request
    // signals sessionRejected().
    void send(const Request& request, std::function<void(Result<QByteArray>)> done);
    void sendJson(const Request& request, std::function<void(Result<QJsonDocument>)> done);
    void sendStatus(const Request& request, StatusCallback done);
    // The same request, started and handed over as it is: for bodies too large to hold in memory
    // (downloads), read as they arrive. Null when not connected (notReadyError() says why); the
    // caller owns the reply and maps failures with replyError().
    QNetworkReply* startRequest(const Request& request);
    std::optional<Error> notReadyError() const;
    Error replyError(QNetworkReply* reply, const QList<QSslError>& sslErrors) const;

private:
    void setState(State state);
    void fail(Error error);
    void onProbeEncrypted();
    void onProbeFailed();
    void decideTrust(const QList<QSslCertificate>& chain);
    void get(const QString& path, std::function<void(Result<QJsonDocument>)> done);
    Error sslProblem(const QList<QSslError>& errors) const;
    void openEvents();
    void onEventsConnected();
    void onEventsDisconnected();
    void onEventsText(const QString& text);
    void noteEventId(const model::PushMessage& message);
    bool handleSessionEnded(const QJsonObject& message);
    void scheduleReconnect();
    void stopProbe();

    TrustStore* m_trust;
    QNetworkAccessManager* m_network;
    QWebSocket* m_socket;
    QTimer* m_reconnectTimer;
    QPointer<QSslSocket> m_probe;
    QString m_host;
    quint16 m_port = 0;
    QString m_token;
    State m_state = State::Idle;
    Error m_lastError;
    QSslCertificate m_candidate;
    bool m_eventsWanted = false;
    bool m_eventsConnected = false;
    int m_reconnectDelayMs = kFirstReconnectDelayMs;
    qint64 m_lastEventId = 0;  // the catch-up cursor; belongs to one site and session
    QList<QSslError> m_socketSslErrors;
};

}  // namespace vigil::core::client

Q_DECLARE_METATYPE(vigil::core::Error)
Q_DECLARE_METATYPE(vigil::core::model::PushMessage)
