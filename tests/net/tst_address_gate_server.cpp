// AddressGateServer (SEC-2.5): the address filter applied before any other work on a connection.
// A refused peer is closed before the TLS handshake, without a byte from us; an admitted one gets
// TLS and reaches the listener's user, including a Qt 6.4 QHttpServer bound to the gate.

#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <memory>

#include "http/address_gate_server.h"
#include "security/certificate_authority.h"

using vigil::core::net::AddressFilter;
using vigil::core::security::CertificateAuthority;
using vigil::core::security::CertificateSubject;
using vigil::core::security::CertifiedKey;
using vigil::server::AddressGateServer;

namespace {

constexpr int kWaitMs = 10000;

}  // namespace

class TestAddressGateServer : public QObject {
    Q_OBJECT

private:
    CertifiedKey m_authority;
    CertifiedKey m_server;

    QSslConfiguration serverConfiguration() const {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_server.certificate);
        configuration.setPrivateKey(m_server.key);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        return configuration;
    }

    QSslConfiguration clientConfiguration() const {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({m_authority.certificate});
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        return configuration;
    }

    std::unique_ptr<AddressGateServer> listeningGate() {
        auto gate = std::make_unique<AddressGateServer>();
        gate->setSslConfiguration(serverConfiguration());
        if (!gate->listen(QHostAddress::LocalHost, 0)) {
            qFatal("cannot listen on 127.0.0.1: %s", qPrintable(gate->errorString()));
        }
        return gate;
    }

private slots:
    void initTestCase() {
        auto authority =
            CertificateAuthority::createAuthority(CertificateSubject{QStringLiteral("Gate test CA")});
        QVERIFY(authority.ok());
        m_authority = authority.value();
        auto server = CertificateAuthority::issueServerCertificate(
            m_authority, CertificateSubject{QStringLiteral("localhost")}, {QStringLiteral("localhost")},
            {QHostAddress(QHostAddress::LocalHost)});
        QVERIFY(server.ok());
        m_server = server.value();
    }

    // A refused client gets its connection closed and not one byte: no ServerHello, no certificate.
    void refusedPeerIsClosedWithoutAByte() {
        auto gate = listeningGate();
        QList<QHostAddress> judged;
        gate->setAdmission([&judged](const QHostAddress& peer) {
            judged.append(peer);
            return false;
        });
        QSignalSpy refused(gate.get(), &AddressGateServer::connectionRefused);
        QSignalSpy handshakes(gate.get(), &QSslServer::startedEncryptionHandshake);
        QSignalSpy pending(gate.get(), &QTcpServer::pendingConnectionAvailable);

        QTcpSocket client;
        QSignalSpy closed(&client, &QTcpSocket::disconnected);
        client.connectToHost(QHostAddress::LocalHost, gate->serverPort());
        QVERIFY(client.waitForConnected(kWaitMs));
        // What a TLS client sends first; the gate must not answer it.
        client.write(QByteArray::fromHex("16030100"));
        QVERIFY(closed.wait(kWaitMs));
        QCOMPARE(client.readAll(), QByteArray());
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(judged, QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost)});
        QCOMPARE(handshakes.size(), 0);
        QCOMPARE(pending.size(), 0);
        QCOMPARE(gate->refusedCount(), quint64{1});
    }

    // A TLS client that is refused sees the connection end during its handshake, never encrypted.
    void refusedTlsClientNeverGetsEncrypted() {
        auto gate = listeningGate();
        gate->setAdmission([](const QHostAddress&) { return false; });
        QSslSocket client;
        client.setSslConfiguration(clientConfiguration());
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        QSignalSpy closed(&client, &QSslSocket::disconnected);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), gate->serverPort());
        QVERIFY(closed.wait(kWaitMs));
        QCOMPARE(encrypted.size(), 0);
        QCOMPARE(client.peerCertificate(), QSslCertificate());
    }

    // An admitted client completes TLS and its socket reaches nextPendingConnection().
    void admittedPeerGetsTls() {
        auto gate = listeningGate();
        gate->setAdmission(
            [](const QHostAddress& peer) { return peer == QHostAddress(QHostAddress::LocalHost); });
        QSignalSpy pending(gate.get(), &QTcpServer::pendingConnectionAvailable);
        QSslSocket client;
        client.setSslConfiguration(clientConfiguration());
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), gate->serverPort());
        // Waits in the event loop: the server side of the handshake runs on this thread too.
        QVERIFY2(encrypted.wait(kWaitMs), qPrintable(client.errorString()));
        QVERIFY(pending.wait(kWaitMs) || pending.size() > 0);
        auto* accepted = qobject_cast<QSslSocket*>(gate->nextPendingConnection());
        QVERIFY(accepted != nullptr);
        QVERIFY(accepted->isEncrypted());
        QSignalSpy readable(accepted, &QSslSocket::readyRead);
        client.write("ping");
        QVERIFY(readable.wait(kWaitMs));
        QCOMPARE(accepted->readAll(), QByteArray("ping"));
        QCOMPARE(gate->refusedCount(), quint64{0});
    }

    // The platform filter through setFilter(): an allow list naming nobody still admits this
    // machine (loopback is always permitted so a local admin can repair the list).
    void filterKeepsLoopbackReachable() {
        auto gate = listeningGate();
        auto filter = AddressFilter::create(AddressFilter::Mode::Allow, {QStringLiteral("203.0.113.0/24")});
        QVERIFY(filter.ok());
        gate->setFilter(filter.value());
        QSslSocket client;
        client.setSslConfiguration(clientConfiguration());
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), gate->serverPort());
        // Waits in the event loop: the server side of the handshake runs on this thread too.
        QVERIFY2(encrypted.wait(kWaitMs), qPrintable(client.errorString()));
        QCOMPARE(gate->refusedCount(), quint64{0});
    }

    // The wiring the access gateway uses on Qt 6.4: QHttpServer::bind() with the gate, whose own
    // QSslConfiguration does the TLS (sslSetup() only affects QHttpServer::listen()).
    void servesHttpThroughQHttpServerBind() {
        QHttpServer http;
        http.route(QStringLiteral("/hello"), [] { return QStringLiteral("hello"); });
        auto* gate = listeningGate().release();
        const quint16 port = gate->serverPort();
        http.bind(gate);  // the HTTP server owns the gate from here on
        QCOMPARE(gate->parent(), &http);

        QNetworkAccessManager manager;
        auto get = [&manager, port, this]() {
            QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/hello").arg(port)));
            request.setSslConfiguration(clientConfiguration());
            std::unique_ptr<QNetworkReply> reply(manager.get(request));
            QSignalSpy done(reply.get(), &QNetworkReply::finished);
            if (!done.wait(kWaitMs)) {
                return std::make_pair(QNetworkReply::TimeoutError, QByteArray());
            }
            return std::make_pair(reply->error(), reply->readAll());
        };

        const auto admitted = get();
        QCOMPARE(admitted.first, QNetworkReply::NoError);
        QCOMPARE(admitted.second, QByteArray("hello"));

        gate->setAdmission([](const QHostAddress&) { return false; });
        manager.clearConnectionCache();
        const auto refused = get();
        QVERIFY2(refused.first != QNetworkReply::NoError, "a refused client got an answer");
        QCOMPARE(refused.second, QByteArray());
        QCOMPARE(gate->refusedCount(), quint64{1});
    }
};

QTEST_GUILESS_MAIN(TestAddressGateServer)
#include "tst_address_gate_server.moc"
