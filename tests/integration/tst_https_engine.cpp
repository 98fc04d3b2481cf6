// The engine's HTTPS API as a client sees it (issue 2, SEC-2.1, SEC-2.3, SRV-1): a real Engine on
// 127.0.0.1, reached with Qt's network stack trusting only the engine's own CA. Covers the system
// routes and their JSON, errors (404, 405), security headers, the certificate chain, TLS versions,
// plain HTTP getting nothing, the event WebSocket, and restarting or stopping the access gateway alone.

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

#include "engine/engine.h"
#include "support/test_engine.h"
#include "http/https_service.h"
#include "model/system_model.h"
#include "security/certificate_authority.h"
#include "system/health_monitor.h"

using namespace vigil;
using vigil::core::model::HealthSnapshot;
using vigil::core::model::PushMessage;
using vigil::core::model::ServiceStatus;
using vigil::core::model::SystemInfo;
using vigil::core::security::CertificateAuthority;
using vigil::server::Engine;
using vigil::server::EngineOptions;
using vigil::server::ServiceState;

namespace {

constexpr int kNetworkTimeoutMs = 10000;
const QString kGateway = QStringLiteral("access-gateway");
const QString kSystem = QStringLiteral("system-management");

EngineOptions optionsFor(const QString& root) { return test::engineOptions(root); }

struct Reply {
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers;  // lower-case names
};

// The parts of server/api/openapi.yaml the test compares with the code. A line reader, not a YAML
// parser: it relies on the file's two-space indentation, which the validator-checked file keeps.
struct OpenApi {
    QMap<QString, QString> operations;            // "GET /api/v1/..." -> x-vigil-permission
    QMap<QString, QStringList> schemaProperties;  // schema -> property names
    QMap<QString, QStringList> schemaRequired;    // schema -> required names
};

OpenApi readOpenApi(const QString& path) {
    QFile file(path);
    OpenApi api;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return api;
    }
    static const QRegularExpression pathLine(QStringLiteral("^  (/\\S+):$"));
    static const QRegularExpression methodLine(
        QStringLiteral("^    (get|put|post|delete|patch|head|options):$"));
    static const QRegularExpression permissionLine(QStringLiteral("^      x-vigil-permission: (\\S+)$"));
    static const QRegularExpression schemaLine(QStringLiteral("^    (\\w+):$"));
    static const QRegularExpression propertyLine(QStringLiteral("^        (\\w+):"));
    QString section, currentPath, operation, schema, requiredText;
    bool inProperties = false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.startsWith(QLatin1Char(' ')) && line.endsWith(QLatin1Char(':'))) {
            section = line.chopped(1);
        } else if (line == QStringLiteral("  schemas:")) {
            section = QStringLiteral("schemas");
        }
        if (section == QStringLiteral("paths")) {
            if (auto m = pathLine.match(line); m.hasMatch()) {
                currentPath = m.captured(1);
            } else if (auto m2 = methodLine.match(line); m2.hasMatch()) {
                operation = m2.captured(1).toUpper() + QLatin1Char(' ') + currentPath;
                api.operations.insert(operation, QString());
            } else if (auto m3 = permissionLine.match(line); m3.hasMatch()) {
                api.operations[operation] = m3.captured(1);
            }
        } else if (section == QStringLiteral("schemas")) {
            if (auto m = schemaLine.match(line); m.hasMatch()) {
                schema = m.captured(1);
                inProperties = false;
            } else if (line.startsWith(QStringLiteral("      required: ["))) {
                requiredText = line.mid(line.indexOf(QLatin1Char('[')) + 1);
            } else if (!requiredText.isEmpty()) {
                requiredText += line;
            } else if (line == QStringLiteral("      properties:")) {
                inProperties = true;
            } else if (inProperties) {
                if (auto m2 = propertyLine.match(line); m2.hasMatch()) {
                    api.schemaProperties[schema].append(m2.captured(1));
                } else if (!line.startsWith(QStringLiteral("        "))) {
                    inProperties = false;
                }
            }
            if (requiredText.contains(QLatin1Char(']'))) {
                for (const QString& name :
                     requiredText.section(QLatin1Char(']'), 0, 0).split(QLatin1Char(','))) {
                    api.schemaRequired[schema].append(name.trimmed());
                }
                requiredText.clear();
            }
        }
    }
    return api;
}

QStringList sorted(QStringList names) {
    names.sort();
    return names;
}

}  // namespace

class TestHttpsEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QNetworkAccessManager m_network;

    QSslConfiguration trustingOnlyTheEngine(QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater) const {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({m_engine->authority().certificate});
        configuration.setProtocol(protocol);
        return configuration;
    }

    quint16 port() const { return m_engine->https()->port(); }

    Reply fetch(const QString& path, const QByteArray& verb = "GET") {
        QUrl url = m_engine->baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setSslConfiguration(trustingOnlyTheEngine());
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(kNetworkTimeoutMs)) {
            qWarning() << "no answer from" << url;
        }
        Reply result;
        result.error = reply->error();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        for (const auto& [name, value] : reply->rawHeaderPairs()) {
            result.headers.insert(name.toLower(), value);
        }
        return result;
    }

    // Every JSON answer, success or error, carries the same headers.
    static bool hasApiHeaders(const Reply& reply, bool json = true) {
        const bool typeOk = !json || reply.headers.value("content-type").startsWith("application/json");
        return typeOk && reply.headers.value("cache-control") == "no-store" &&
               reply.headers.value("strict-transport-security").startsWith("max-age=") &&
               reply.headers.value("x-content-type-options") == "nosniff";
    }

    // Starts a TLS connection limited to `protocol` and waits for it without blocking: the engine
    // answers on this same thread, so the event loop must keep turning (no waitForEncrypted()).
    bool encrypt(QSslSocket& socket, QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater) {
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.setSslConfiguration(trustingOnlyTheEngine(protocol));
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port());
        QDeadlineTimer deadline(kNetworkTimeoutMs);
        while (encrypted.isEmpty() && socket.state() != QAbstractSocket::UnconnectedState &&
               !deadline.hasExpired()) {
            QTest::qWait(10);
        }
        return !encrypted.isEmpty();
    }

    bool handshakeWith(QSsl::SslProtocol protocol, QSsl::SslProtocol* negotiated) {
        QSslSocket socket;
        const bool ok = encrypt(socket, protocol);
        *negotiated = socket.sessionProtocol();
        return ok;
    }

    // Every text message must be a well-formed PushMessage; bad ones are kept as type "invalid".
    void collect(QWebSocket& socket, QList<PushMessage>* into) {
        connect(&socket, &QWebSocket::textMessageReceived, this, [into](const QString& text) {
            auto message = PushMessage::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
            into->append(message.ok() ? message.value() : PushMessage{QStringLiteral("invalid"), {}});
        });
    }

    void openWebSocket(QWebSocket& socket) {
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.setSslConfiguration(trustingOnlyTheEngine());
        QUrl url = m_engine->baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QString::fromLatin1(server::HttpsService::kEventsPath));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(url);
        QVERIFY2(connected.wait(kNetworkTimeoutMs), qPrintable(socket.errorString()));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_engine = std::make_unique<Engine>(optionsFor(m_dir.path()));
        const core::Status started = m_engine->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(m_engine->https());
        QVERIFY(port() > 0);
    }

    void infoDescribesTheServer() {
        const Reply reply = fetch(QStringLiteral("/api/v1/system/info"));
        QCOMPARE(reply.error, QNetworkReply::NoError);
        QCOMPARE(reply.status, 200);
        QVERIFY2(hasApiHeaders(reply), reply.headers.value("content-type"));
        const auto info = SystemInfo::fromJson(reply.json);
        QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error().message));
        QCOMPARE(info->product, QStringLiteral("Vigil"));
        QCOMPARE(info->version, QStringLiteral(VIGIL_VERSION));
        QVERIFY(!info->serverId.isEmpty());
        QCOMPARE(info->serverId, m_engine->serverId());
        QCOMPARE(info->serverName, m_engine->serverName());
        QCOMPARE(info->role, QStringLiteral("main"));
        QCOMPARE(info->startedMs, m_engine->startedAt().toMSecsSinceEpoch());
        QVERIFY(info->uptimeMs >= 0);
        QVERIFY(qAbs(info->nowMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
        QCOMPARE(info->caFingerprint, CertificateAuthority::fingerprint(m_engine->authority().certificate));
    }

    void healthHasHostFigures() {
        const Reply reply = fetch(QStringLiteral("/api/v1/system/health"));
        QCOMPARE(reply.status, 200);
        QVERIFY(hasApiHeaders(reply));
        const auto health = HealthSnapshot::fromJson(reply.json);
        QVERIFY2(health.ok(), health.ok() ? "" : qPrintable(health.error().message));
        QVERIFY(health->cpuCores > 0);
        QVERIFY(health->cpuPercent >= 0 && health->cpuPercent <= 100);
        QVERIFY(health->memoryTotalBytes > 0);
        QVERIFY(health->memoryUsedBytes > 0 && health->memoryUsedBytes <= health->memoryTotalBytes);
        QVERIFY(health->sampledMs > 0);
        QVERIFY(!health->disks.isEmpty());
        QCOMPARE(health->disks.first().path, m_engine->dataDir());
        QVERIFY(health->disks.first().totalBytes > 0);
        QVERIFY(health->disks.first().freeBytes <= health->disks.first().totalBytes);
    }

    void servicesListBothRunning() {
        const Reply reply = fetch(QStringLiteral("/api/v1/system/services"));
        QCOMPARE(reply.status, 200);
        QVERIFY(hasApiHeaders(reply));
        QMap<QString, ServiceStatus> byId;
        for (const QJsonValue& value : reply.json.value(QStringLiteral("services")).toArray()) {
            auto status = ServiceStatus::fromJson(value.toObject());
            QVERIFY(status.ok());
            byId.insert(status->id, status.value());
        }
        QVERIFY(byId.contains(kGateway));
        QVERIFY(byId.contains(kSystem));
        QCOMPARE(byId[kGateway].state, QStringLiteral("running"));
        QCOMPARE(byId[kGateway].name, QStringLiteral("Access gateway"));
        QCOMPARE(byId[kGateway].port, int(port()));
        QCOMPARE(byId[kSystem].state, QStringLiteral("running"));
        QCOMPARE(byId[kSystem].name, QStringLiteral("System management"));
        QCOMPARE(byId[kSystem].port, 0);
    }

    void caPemIsThePlatformAuthority() {
        const Reply reply = fetch(QStringLiteral("/api/v1/system/ca.pem"));
        QCOMPARE(reply.status, 200);
        QVERIFY(hasApiHeaders(reply, false));
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/x-pem-file"));
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(reply.body, QSsl::Pem);
        QCOMPARE(certificates.size(), 1);
        QCOMPARE(certificates.first(), m_engine->authority().certificate);
    }

    void unknownPathIs404Json() {
        const Reply reply = fetch(QStringLiteral("/api/v1/no/such/thing"));
        QCOMPARE(reply.status, 404);
        QVERIFY(hasApiHeaders(reply));
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(fetch(QStringLiteral("/")).status, 404);
    }

    void wrongMethodIs405WithAllow() {
        for (const QByteArray& verb : {QByteArray("POST"), QByteArray("DELETE"), QByteArray("PUT")}) {
            const Reply reply = fetch(QStringLiteral("/api/v1/system/info"), verb);
            QCOMPARE(reply.status, 405);
            QVERIFY(hasApiHeaders(reply));
            QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
                     QStringLiteral("method_not_allowed"));
            QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
            QCOMPARE(reply.headers.value("allow"), QByteArray("GET"));
        }
        QCOMPARE(fetch(QString::fromLatin1(server::HttpsService::kEventsPath), "POST").status, 405);
    }

    void eventsPathWithoutUpgradeIsAnError() {
        const Reply reply = fetch(QString::fromLatin1(server::HttpsService::kEventsPath));
        QCOMPARE(reply.status, 400);
        QVERIFY(hasApiHeaders(reply));
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("websocket_required"));
    }

    void webSocketElsewhereIsRefused() {
        QWebSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.setSslConfiguration(trustingOnlyTheEngine());
        QUrl url = m_engine->baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/api/v1/system/info"));
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!disconnected.isEmpty(), kNetworkTimeoutMs);
        QVERIFY(connected.isEmpty());
        QCOMPARE(m_engine->https()->hub().clientCount(), 0);
    }

    void certificateVerifiesAgainstTheAuthority() {
        QSslSocket socket;
        QVERIFY2(encrypt(socket), qPrintable(socket.errorString()));
        QVERIFY(socket.sslHandshakeErrors().isEmpty());
        const QSslCertificate presented = socket.peerCertificate();
        const QSslCertificate authority = m_engine->authority().certificate;
        QCOMPARE(presented, m_engine->serverCertificate().certificate);
        QVERIFY(CertificateAuthority::isSignedBy(presented, authority));
        // The CA travels with the server certificate so a client can pin it on first contact.
        QVERIFY(socket.peerCertificateChain().contains(authority));
        QVERIFY(presented.subjectAlternativeNames()
                    .values(QSsl::IpAddressEntry)
                    .contains(QStringLiteral("127.0.0.1")));
    }

    void tls12And13ClientsSucceed() {
        QSsl::SslProtocol negotiated = QSsl::UnknownProtocol;
        QVERIFY(handshakeWith(QSsl::TlsV1_2, &negotiated));
        QCOMPARE(negotiated, QSsl::TlsV1_2);
        QVERIFY(handshakeWith(QSsl::TlsV1_3, &negotiated));
        QCOMPARE(negotiated, QSsl::TlsV1_3);
    }

    void tls10And11AreRefused() {
        // Qt marks TLS 1.0/1.1 deprecated and Debian's OpenSSL refuses them client-side at its default
        // security level, so we ask the openssl CLI at level 0, which offers them: then only the server
        // can say no. sslscan in tests/daemon checks the same from outside.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            QSKIP("openssl command not installed");
        }
        auto tryVersion = [&](const QString& flag) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(openssl, {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                    QStringLiteral("127.0.0.1:%1").arg(port()), flag,
                                    QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")});
            process.closeWriteChannel();
            // The engine runs on this thread: keep its event loop turning while the CLI talks to it.
            QDeadlineTimer deadline(kNetworkTimeoutMs);
            while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
                QTest::qWait(20);
            }
            return std::pair{process.exitCode(), QString::fromLocal8Bit(process.readAll())};
        };
        const auto [okCode, okOutput] = tryVersion(QStringLiteral("-tls1_2"));
        QVERIFY2(okCode == 0 && okOutput.contains(QStringLiteral("TLSv1.2")), qPrintable(okOutput));
        for (const QString& flag : {QStringLiteral("-tls1_1"), QStringLiteral("-tls1")}) {
            const auto [code, output] = tryVersion(flag);
            QVERIFY2(code != 0, qPrintable(output));
            // The server itself says no: TLS alert 70, protocol_version.
            QVERIFY2(output.contains(QStringLiteral("alert protocol version")), qPrintable(output));
        }
    }

    void plainHttpGetsNoAnswer() {
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port());
        QVERIFY(socket.waitForConnected(kNetworkTimeoutMs));
        socket.write("GET /api/v1/system/info HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, kNetworkTimeoutMs);
        received += socket.readAll();
        QVERIFY2(!received.startsWith("HTTP/"), received.constData());
        QVERIFY(!received.contains("HTTP/1.1 200"));
        QVERIFY(!received.contains("serverId"));
    }

    void webSocketGreetsThenPushesHealth() {
        m_engine->health()->setIntervalMs(100);
        QWebSocket socket;
        QList<PushMessage> messages;
        collect(socket, &messages);
        openWebSocket(socket);
        QTRY_VERIFY_WITH_TIMEOUT(messages.size() >= 2, kNetworkTimeoutMs);
        for (const PushMessage& message : std::as_const(messages)) {
            QVERIFY(message.type != QStringLiteral("invalid"));
        }
        QCOMPARE(messages.first().type, QStringLiteral("system.hello"));
        const auto hello = SystemInfo::fromJson(messages.first().data);
        QVERIFY(hello.ok());
        QCOMPARE(hello->serverId, m_engine->serverId());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.cbegin(), messages.cend(),
                                             [](const PushMessage& m) { return m.type == "system.health"; }),
                                 kNetworkTimeoutMs);
        for (const PushMessage& message : std::as_const(messages)) {
            if (message.type == QStringLiteral("system.health")) {
                const auto health = HealthSnapshot::fromJson(message.data);
                QVERIFY2(health.ok(), health.ok() ? "" : qPrintable(health.error().message));
                QVERIFY(health->cpuCores > 0);
            }
        }
        QCOMPARE(m_engine->https()->hub().clientCount(), 1);
        socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->https()->hub().clientCount(), 0, kNetworkTimeoutMs);
        m_engine->health()->setIntervalMs(server::HealthMonitor::kDefaultIntervalMs);
    }

    void restartingTheGatewayLeavesTheRestRunning() {
        QWebSocket socket;
        QList<PushMessage> messages;
        collect(socket, &messages);
        openWebSocket(socket);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->https()->hub().clientCount(), 1, kNetworkTimeoutMs);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        QSignalSpy changes(m_engine.get(), &Engine::serviceStateChanged);

        server::Service* gateway = m_engine->service(kGateway);
        QVERIFY(gateway);
        QVERIFY(gateway->restart().ok());
        QCOMPARE(gateway->state(), ServiceState::Running);
        QCOMPARE(m_engine->service(kSystem)->state(), ServiceState::Running);
        for (const auto& change : std::as_const(changes)) {
            QCOMPARE(change.at(0).toString(), kGateway);  // nothing else moved
        }
        QCOMPARE(m_engine->https()->hub().clientCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() == 1, kNetworkTimeoutMs);

        const Reply reply = fetch(QStringLiteral("/api/v1/system/info"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("serverId")).toString(), m_engine->serverId());
    }

    void stoppingTheGatewayClosesThePort() {
        server::Service* gateway = m_engine->service(kGateway);
        const quint16 oldPort = port();
        gateway->stop();
        QCOMPARE(gateway->state(), ServiceState::Stopped);
        QCOMPARE(port(), quint16(0));
        QCOMPARE(m_engine->service(kSystem)->state(), ServiceState::Running);
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), oldPort);
        QVERIFY(!socket.waitForConnected(kNetworkTimeoutMs));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);

        QVERIFY(gateway->start().ok());
        QCOMPARE(fetch(QStringLiteral("/api/v1/system/info")).status, 200);
    }

    void identityAndAuthoritySurviveAnEngineRestart() {
        const QString serverId = m_engine->serverId();
        const QSslCertificate authority = m_engine->authority().certificate;
        m_engine.reset();
        m_engine = std::make_unique<Engine>(optionsFor(m_dir.path()));
        QVERIFY(m_engine->start().ok());
        QCOMPARE(m_engine->authority().certificate, authority);
        const Reply reply = fetch(QStringLiteral("/api/v1/system/info"));
        QCOMPARE(reply.error, QNetworkReply::NoError);
        QCOMPARE(reply.json.value(QStringLiteral("serverId")).toString(), serverId);
    }

    void openApiDescribesTheRoutesAndShapes() {
        const QString source =
            qEnvironmentVariable("VIGIL_TEST_SOURCE_DIR", QStringLiteral(VIGIL_SOURCE_DIR));
        const OpenApi api = readOpenApi(source + QStringLiteral("/server/api/openapi.yaml"));
        QVERIFY2(!api.operations.isEmpty(), "server/api/openapi.yaml is missing or has no paths");

        QMap<QString, QString> routes;
        const QMetaEnum methods = QMetaEnum::fromType<QHttpServerRequest::Method>();
        for (const auto& route : m_engine->https()->routes()) {
            const QString method = QString::fromLatin1(methods.valueToKey(int(route.method))).toUpper();
            routes.insert(method + QLatin1Char(' ') + route.path, route.permission);
        }
        QCOMPARE(api.operations, routes);

        HealthSnapshot health;
        health.disks = {{}};
        const Reply notFound = fetch(QStringLiteral("/api/v1/none"));
        const QMap<QString, QStringList> shapes = {
            {QStringLiteral("SystemInfo"), SystemInfo{}.toJson().keys()},
            {QStringLiteral("HealthSnapshot"), health.toJson().keys()},
            {QStringLiteral("DiskUsage"), health.toJson().value("disks").toArray().first().toObject().keys()},
            {QStringLiteral("ServiceStatus"), ServiceStatus{}.toJson().keys()},
            {QStringLiteral("ServiceList"), fetch(QStringLiteral("/api/v1/system/services")).json.keys()},
            {QStringLiteral("PushMessage"), PushMessage{}.toJson().keys()},
            {QStringLiteral("Error"), notFound.json.keys()},
        };
        QCOMPARE(sorted(api.schemaProperties.keys()), sorted(shapes.keys()));
        for (auto it = shapes.cbegin(); it != shapes.cend(); ++it) {
            QVERIFY2(sorted(api.schemaProperties.value(it.key())) == sorted(it.value()),
                     qPrintable(it.key()));
            // Every field is always sent, so the document must mark every one required.
            QVERIFY2(sorted(api.schemaRequired.value(it.key())) == sorted(it.value()), qPrintable(it.key()));
        }
    }

    void cleanupTestCase() { m_engine.reset(); }
};

QTEST_GUILESS_MAIN(TestHttpsEngine)
#include "tst_https_engine.moc"
