// SmtpClient against a real SMTP server (tests/support/smtp_peer.py on Debian's aiosmtpd) on
// 127.0.0.1 with certificates made here by OpenSSL: delivery over STARTTLS and implicit TLS
// (SEC-1.3 reset e-mail), and the refusals of SEC-4.2 (SMTP only with TLS): no STARTTLS, an
// untrusted or misnamed certificate, a wrong password, plus cancel, timeouts and an injected reply.
// The delivered .eml is read back with Python's own e-mail parser, an independent judge.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "net/smtp_client.h"

using vigil::core::Status;
using vigil::core::net::MailMessage;
using vigil::core::net::SmtpClient;
using vigil::core::net::SmtpSettings;

namespace {

constexpr int kStartMs = 15000;
constexpr int kSendMs = 20000;
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kUser = QStringLiteral("vigil-mailer");
const QString kPassword = QStringLiteral("correct horse battery staple");

QString peerScript() {
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/support/smtp_peer.py");
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool run(const QString& program, const QStringList& arguments, const QString& directory) {
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(kStartMs) || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments.join(u' ')
                             << "failed:" << process.readAllStandardError();
        return false;
    }
    return true;
}

// One aiosmtpd server process; stopped (SIGTERM to its PID, then SIGKILL) when destroyed.
class SmtpPeer {
public:
    SmtpPeer(const QString& folder, const QStringList& arguments) : m_folder(folder) {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(
            kPython, QStringList{peerScript(), QStringLiteral("--folder"), folder, QStringLiteral("--user"),
                                 kUser, QStringLiteral("--password"), kPassword} +
                         arguments);
        QByteArray output;
        while (m_port == 0 && m_process.waitForReadyRead(kStartMs)) {
            output += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match =
                QRegularExpression(QStringLiteral("PORT (\\d+)\\n")).match(QString::fromLatin1(output));
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
            }
        }
        if (m_port == 0) {
            qWarning().noquote() << "SMTP peer did not start:" << m_process.readAllStandardError();
        }
    }
    ~SmtpPeer() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(kStartMs)) {
                m_process.kill();
                m_process.waitForFinished(kStartMs);
            }
        }
    }
    SmtpPeer(const SmtpPeer&) = delete;
    SmtpPeer& operator=(const SmtpPeer&) = delete;

    quint16 port() const { return m_port; }
    QString file(const QString& name) const { return m_folder + QLatin1Char('/') + name; }
    QByteArray transcript() const { return readFile(file(QStringLiteral("transcript.log"))); }
    QStringList messages() const {
        return QDir(m_folder).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    }

private:
    QString m_folder;
    QProcess m_process;
    quint16 m_port = 0;
};

// A scripted server for what a real one will not do: stay silent, or inject a reply.
class ScriptedPeer : public QObject {
public:
    explicit ScriptedPeer(QList<QByteArray> answers) : m_answers(std::move(answers)) {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            answer(socket);
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                while (socket->canReadLine()) {
                    received.append(socket->readLine().trimmed());
                    answer(socket);
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> received;

private:
    void answer(QTcpSocket* socket) {
        if (!m_answers.isEmpty()) {
            socket->write(m_answers.takeFirst());
        }
    }
    QTcpServer m_server;
    QList<QByteArray> m_answers;
};

struct Outcome {
    bool done = false;
    Status status;
    QList<SmtpClient::Step> steps;
};

}  // namespace

class TestSmtpClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<QSslCertificate> m_ca;
    int m_folders = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString newFolder() { return path(QStringLiteral("peer-%1").arg(++m_folders)); }

    QStringList tlsArguments(const QString& mode,
                             const QString& certificate = QStringLiteral("server")) const {
        return {QStringLiteral("--mode"), mode,
                QStringLiteral("--cert"), path(certificate + QStringLiteral(".pem")),
                QStringLiteral("--key"),  path(certificate + QStringLiteral(".key"))};
    }

    SmtpSettings settings(quint16 port,
                          SmtpSettings::Security security = SmtpSettings::Security::StartTls) const {
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.security = security;
        settings.user = kUser;
        settings.password = kPassword;
        settings.from = QStringLiteral("vigil@site.test");
        settings.fromName = QStringLiteral("Vigil Überwachung");
        settings.timeoutMs = kSendMs / 2;
        settings.extraCaCertificates = m_ca;
        return settings;
    }

    static MailMessage message() {
        MailMessage message;
        message.to = {QStringLiteral("admin@site.test"), QStringLiteral("second@site.test")};
        message.subject = QStringLiteral("Passwort zurücksetzen – Code 482913 ✓ 🔒");
        // Mixed line endings, lines starting with dots, UTF-8, a trailing space, a long line.
        message.body = QStringLiteral("Hello,\r\n.hidden line\n..two dots\r.\nGrüße aus Köln \nend ") +
                       QString(1200, u'x') + QStringLiteral("\n.");
        return message;
    }

    static QString expectedBody() {
        return QStringLiteral("Hello,\n.hidden line\n..two dots\n.\nGrüße aus Köln \nend ") +
               QString(1200, u'x') + QStringLiteral("\n.\n");
    }

    static Outcome send(const SmtpSettings& settings, const MailMessage& mail,
                        const std::function<void(SmtpClient&, SmtpClient::Step)>& onStep = {}) {
        SmtpClient client;
        Outcome outcome;
        QObject::connect(&client, &SmtpClient::progress, &client, [&](SmtpClient::Step step) {
            outcome.steps.append(step);
            if (onStep) {
                onStep(client, step);
            }
        });
        QSignalSpy finished(&client, &SmtpClient::finished);
        QObject::connect(&client, &SmtpClient::finished, &client, [&](const Status& status) {
            outcome.done = true;
            outcome.status = status;
        });
        const Status started = client.send(settings, mail);
        if (!started) {
            outcome.done = true;
            outcome.status = started;
            return outcome;
        }
        if (!outcome.done) {
            finished.wait(kSendMs);
        }
        if (outcome.done && !outcome.status.ok()) {
            qInfo().noquote() << outcome.status.error().code << outcome.status.error().message;
        }
        return outcome;
    }

    // Python's e-mail package parses what the peer received: headers decoded, body decoded.
    static QJsonObject parseWithPython(const QString& eml) {
        const QString code = QStringLiteral(
            "import sys, json, email, email.policy\n"
            "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
            "print(json.dumps({'subject': str(m['subject']), 'from': str(m['from']), 'to': str(m['to']),\n"
            "  'date': str(m['date']), 'message_id': str(m['message-id']), 'type': m.get_content_type(),\n"
            "  'charset': m.get_content_charset(), 'cte': str(m['content-transfer-encoding']),\n"
            "  'body': m.get_content(), 'defects': [str(d) for d in m.defects],\n"
            "  'date_ok': m['date'].datetime is not None}))\n");
        QProcess python;
        python.start(kPython, {QStringLiteral("-c"), code, eml});
        python.waitForFinished(kStartMs);
        return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    }

    static void expectNoCredentialsSent(const SmtpPeer& peer) {
        QVERIFY2(!QFile::exists(peer.file(QStringLiteral("auth.log"))),
                 readFile(peer.file(QStringLiteral("auth.log"))).constData());
        QVERIFY2(!peer.transcript().contains("AUTH"), peer.transcript().constData());
        QVERIFY2(!peer.transcript().toUpper().contains("MAIL FROM"), peer.transcript().constData());
        QVERIFY(peer.messages().isEmpty());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(run(kPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}, m_dir.path()),
                 "python3-aiosmtpd is missing: run tools/install-deps.sh");
        const QString ec = QStringLiteral("ec");
        const QStringList curve{QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")};
        QVERIFY(
            run(QStringLiteral("openssl"),
                QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec} +
                    curve +
                    QStringList{QStringLiteral("-nodes"), QStringLiteral("-subj"),
                                QStringLiteral("/CN=SMTP test CA"), QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                QStringLiteral("-out"), QStringLiteral("ca.pem")},
                m_dir.path()));
        // "server" names 127.0.0.1; "misnamed" only a host name nobody connects to.
        const QList<std::pair<QString, QString>> servers{
            {QStringLiteral("server"),
             QStringLiteral("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")},
            {QStringLiteral("misnamed"),
             QStringLiteral("subjectAltName=DNS:mail.elsewhere.test\nextendedKeyUsage=serverAuth\n")}};
        for (const auto& [name, extensions] : servers) {
            QFile ext(path(name + QStringLiteral(".ext")));
            QVERIFY(ext.open(QIODevice::WriteOnly));
            ext.write(extensions.toLatin1());
            ext.close();
            QVERIFY(run(QStringLiteral("openssl"),
                        QStringList{QStringLiteral("req"), QStringLiteral("-newkey"), ec} + curve +
                            QStringList{QStringLiteral("-nodes"), QStringLiteral("-subj"),
                                        QStringLiteral("/CN=") + name, QStringLiteral("-keyout"),
                                        name + QStringLiteral(".key"), QStringLiteral("-out"),
                                        name + QStringLiteral(".csr")},
                        m_dir.path()));
            QVERIFY(
                run(QStringLiteral("openssl"),
                    {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                     name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                     QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                     name + QStringLiteral(".ext"), QStringLiteral("-out"), name + QStringLiteral(".pem")},
                    m_dir.path()));
        }
        m_ca = QSslCertificate::fromPath(path(QStringLiteral("ca.pem")));
        QCOMPARE(m_ca.size(), 1);
    }

    void deliversOverStartTls() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("starttls")));
        QVERIFY(peer.port() != 0);
        const Outcome outcome = send(settings(peer.port()), message());
        QVERIFY(outcome.done);
        QVERIFY2(outcome.status.ok(), qPrintable(outcome.status.ok() ? QString() : outcome.status.error().message));
        for (const auto step : {SmtpClient::Step::StartingTls, SmtpClient::Step::TlsHandshake,
                                SmtpClient::Step::Authenticating, SmtpClient::Step::Transferring}) {
            QVERIFY2(outcome.steps.contains(step), qPrintable(SmtpClient::stepName(step)));
        }
        QCOMPARE(peer.messages(), QStringList{QStringLiteral("message-1.eml")});

        const QJsonObject envelope =
            QJsonDocument::fromJson(readFile(peer.file(QStringLiteral("message-1.json")))).object();
        QCOMPARE(envelope.value(QStringLiteral("mail_from")).toString(), QStringLiteral("vigil@site.test"));
        QCOMPARE(envelope.value(QStringLiteral("rcpt_tos")).toVariant().toStringList(), message().to);
        QCOMPARE(envelope.value(QStringLiteral("tls")).toBool(), true);

        // The wire form: CRLF only, no line over 998 bytes, the dot-stuffing undone by the server.
        const QByteArray raw = readFile(peer.file(QStringLiteral("message-1.eml")));
        QCOMPARE(raw.count("\r\n"), raw.count('\n'));
        for (const QByteArray& line : raw.split('\n')) {
            QVERIFY(line.size() <= 999);
        }
        QVERIFY2(raw.contains("Subject: =?UTF-8?B?"), raw.left(600).constData());

        const QJsonObject parsed = parseWithPython(peer.file(QStringLiteral("message-1.eml")));
        QCOMPARE(parsed.value(QStringLiteral("defects")).toArray().size(), 0);
        QCOMPARE(parsed.value(QStringLiteral("subject")).toString(), message().subject);
        QCOMPARE(parsed.value(QStringLiteral("from")).toString(),
                 QStringLiteral("Vigil Überwachung <vigil@site.test>"));
        QCOMPARE(parsed.value(QStringLiteral("to")).toString(),
                 QStringLiteral("admin@site.test, second@site.test"));
        QCOMPARE(parsed.value(QStringLiteral("type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(parsed.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QVERIFY(parsed.value(QStringLiteral("date_ok")).toBool());
        QVERIFY(
            parsed.value(QStringLiteral("message_id")).toString().endsWith(QStringLiteral("@site.test>")));
        QCOMPARE(parsed.value(QStringLiteral("body")).toString(), expectedBody());

        const QByteArray transcript = peer.transcript();
        QVERIFY2(transcript.indexOf("STARTTLS") < transcript.indexOf("AUTH PLAIN"), transcript.constData());
        QCOMPARE(readFile(peer.file(QStringLiteral("auth.log"))), QByteArray("PLAIN vigil-mailer ok\n"));
    }

    void deliversOverImplicitTls() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("tls")));
        QVERIFY(peer.port() != 0);
        MailMessage ascii;
        ascii.to = {QStringLiteral("admin@site.test")};
        ascii.subject = QStringLiteral("Camera 3 offline");
        ascii.body = QStringLiteral("Camera 3 stopped answering at 10:00 UTC.\n.\n");
        const Outcome outcome = send(settings(peer.port(), SmtpSettings::Security::ImplicitTls), ascii);
        QVERIFY2(outcome.status.ok(), qPrintable(outcome.status.ok() ? QString() : outcome.status.error().message));
        QVERIFY(!outcome.steps.contains(SmtpClient::Step::StartingTls));
        const QByteArray raw = readFile(peer.file(QStringLiteral("message-1.eml")));
        QVERIFY2(raw.contains("\r\nSubject: Camera 3 offline\r\n"), raw.constData());
        QVERIFY2(raw.contains("Content-Transfer-Encoding: 7bit\r\n"), raw.constData());
        QVERIFY2(raw.endsWith("\r\n\r\nCamera 3 stopped answering at 10:00 UTC.\r\n.\r\n"), raw.constData());
    }

    // Without PLAIN on offer the client logs in with LOGIN, still only after TLS.
    void logsInWithAuthLogin() {
        SmtpPeer peer(newFolder(),
                      tlsArguments(QStringLiteral("starttls")) +
                          QStringList{QStringLiteral("--exclude-auth"), QStringLiteral("PLAIN")});
        QVERIFY(peer.port() != 0);
        const Outcome outcome = send(settings(peer.port()), message());
        QVERIFY2(outcome.status.ok(), qPrintable(outcome.status.ok() ? QString() : outcome.status.error().message));
        QCOMPARE(readFile(peer.file(QStringLiteral("auth.log"))), QByteArray("LOGIN vigil-mailer ok\n"));
    }

    // SEC-4.2: a server without STARTTLS gets nothing but EHLO: no credentials, no addresses.
    void refusesServerWithoutStartTls() {
        SmtpPeer peer(newFolder(), {QStringLiteral("--mode"), QStringLiteral("plain")});
        QVERIFY(peer.port() != 0);
        const Outcome outcome = send(settings(peer.port()), message());
        QVERIFY(outcome.done);
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_starttls_unavailable"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("250")),
                 qPrintable(outcome.status.error().message));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("AUTH")),
                 qPrintable(outcome.status.error().message));
        QTest::qWait(200);  // let the peer write down whatever it might have received
        expectNoCredentialsSent(peer);
    }

    // Implicit TLS towards a plain server: the handshake fails and nothing is sent.
    void refusesPlainServerInTlsMode() {
        SmtpPeer peer(newFolder(), {QStringLiteral("--mode"), QStringLiteral("plain")});
        QVERIFY(peer.port() != 0);
        SmtpSettings tls = settings(peer.port(), SmtpSettings::Security::ImplicitTls);
        tls.timeoutMs = 3000;
        const Outcome outcome = send(tls, message());
        QVERIFY(!outcome.status.ok());
        QVERIFY2(outcome.status.error().code == QStringLiteral("smtp_tls_failed") ||
                     outcome.status.error().code == QStringLiteral("smtp_timeout"),
                 qPrintable(outcome.status.error().message));
        expectNoCredentialsSent(peer);
    }

    void refusesUntrustedCertificate() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("starttls")));
        QVERIFY(peer.port() != 0);
        SmtpSettings untrusting = settings(peer.port());
        untrusting.extraCaCertificates.clear();
        const Outcome outcome = send(untrusting, message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_certificate_untrusted"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("CA")),
                 qPrintable(outcome.status.error().message));
        QTest::qWait(200);
        expectNoCredentialsSent(peer);
    }

    void refusesCertificateForAnotherName() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("tls"), QStringLiteral("misnamed")));
        QVERIFY(peer.port() != 0);
        const Outcome outcome = send(settings(peer.port(), SmtpSettings::Security::ImplicitTls), message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_certificate_untrusted"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("host name")),
                 qPrintable(outcome.status.error().message));
        QTest::qWait(200);
        expectNoCredentialsSent(peer);
    }

    void wrongPasswordQuotesTheServer() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("starttls")));
        QVERIFY(peer.port() != 0);
        SmtpSettings wrong = settings(peer.port());
        wrong.password = QStringLiteral("wrong password");
        const Outcome outcome = send(wrong, message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_auth_failed"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("\"535 5.7.8")),
                 qPrintable(outcome.status.error().message));
        QVERIFY2(!outcome.status.error().message.contains(QStringLiteral("wrong password")),
                 qPrintable(outcome.status.error().message));
        QVERIFY(peer.messages().isEmpty());
    }

    void cancelStopsBeforeDelivery() {
        SmtpPeer peer(newFolder(), tlsArguments(QStringLiteral("starttls")));
        QVERIFY(peer.port() != 0);
        const Outcome outcome =
            send(settings(peer.port()), message(), [](SmtpClient& client, SmtpClient::Step step) {
                if (step == SmtpClient::Step::Transferring) {
                    client.cancel();
                }
            });
        QVERIFY(outcome.done);
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_cancelled"));
        QTest::qWait(300);
        QVERIFY(peer.messages().isEmpty());

        // Cancelling while connecting finishes at once too, and the client can send again after.
        SmtpClient client;
        QSignalSpy finished(&client, &SmtpClient::finished);
        QVERIFY(client.send(settings(peer.port()), message()).ok());
        QVERIFY(client.isBusy());
        QCOMPARE(client.send(settings(peer.port()), message()).error().code, QStringLiteral("smtp_busy"));
        client.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!client.isBusy());
        client.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(client.send(settings(peer.port()), message()).ok());
        QVERIFY(finished.wait(kSendMs));
        QCOMPARE(finished.size(), 2);
        QVERIFY(finished.at(1).at(0).value<Status>().ok());
        QCOMPARE(peer.messages().size(), 1);
    }

    // A server that accepts the connection and says nothing: the step's time runs out.
    void silentServerTimesOut() {
        ScriptedPeer silent({});
        SmtpSettings slow = settings(silent.port());
        slow.timeoutMs = 1000;
        const Outcome outcome = send(slow, message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_timeout"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("greeting")),
                 qPrintable(outcome.status.error().message));
    }

    // Bytes after the "220" to STARTTLS would be read as if they had come over TLS: refused.
    void injectedReplyAfterStartTlsIsRefused() {
        ScriptedPeer injector({"220 mail.test ESMTP\r\n", "250-mail.test\r\n250 STARTTLS\r\n",
                               "220 Ready to start TLS\r\n250-injected\r\n250 AUTH PLAIN\r\n"});
        const Outcome outcome = send(settings(injector.port()), message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_protocol_error"));
        QVERIFY(!injector.received.join(' ').contains("AUTH"));
    }

    void garbageIsNotSmtp() {
        ScriptedPeer http({"HTTP/1.1 400 Bad Request\r\n\r\n"});
        const Outcome outcome = send(settings(http.port()), message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_protocol_error"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("HTTP/1.1 400")),
                 qPrintable(outcome.status.error().message));
    }

    void closedPortFailsToConnect() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const Outcome outcome = send(settings(port), message());
        QVERIFY(!outcome.status.ok());
        QCOMPARE(outcome.status.error().code, QStringLiteral("smtp_connect_failed"));
        QVERIFY2(outcome.status.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(outcome.status.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtp_client.moc"
