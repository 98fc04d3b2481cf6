#include "net/smtp_client.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <utility>

namespace vigil::core::net {

namespace {

Q_LOGGING_CATEGORY(lcSmtp, "vigil.core.smtp")

constexpr int kMaxNameLength = 100;
constexpr int kAuthLoginPasswordRound = 2;

Error settingsError(const QString& what) {
    return Error::make(QStringLiteral("smtp_settings_invalid"), what);
}

bool hasControl(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return true;
        }
    }
    return false;
}

QByteArray base64(const QString& text) {
    return text.toUtf8().toBase64();
}

// "[192.0.2.1]" or "[IPv6:2001:db8::1]": an address literal names us in EHLO without guessing a
// host name the server might try (and fail) to resolve (RFC 5321 4.1.3).
QByteArray helloName(const QHostAddress& local) {
    bool isIpv4 = false;
    const quint32 ipv4 = local.toIPv4Address(&isIpv4);
    if (isIpv4) {
        return '[' + QHostAddress(ipv4).toString().toLatin1() + ']';
    }
    if (local.protocol() == QAbstractSocket::IPv6Protocol) {
        QHostAddress plain(local.toIPv6Address());
        return "[IPv6:" + plain.toString().toLatin1() + ']';
    }
    return "[127.0.0.1]";
}

}  // namespace

Status SmtpSettings::validate() const {
    if (host.trimmed().isEmpty() || host.contains(u' ') || hasControl(host) || host.size() > 253) {
        return settingsError(
            QStringLiteral("The SMTP server \"%1\" is not a host name or address; enter the mail "
                           "server's name, such as smtp.example.com.")
                .arg(host.left(kMaxNameLength)));
    }
    if (port == 0) {
        return settingsError(QStringLiteral("The SMTP port is 0; use 587 for STARTTLS or 465 for TLS."));
    }
    if (timeoutMs < kMinTimeoutMs || timeoutMs > kMaxTimeoutMs) {
        return settingsError(QStringLiteral("The SMTP timeout must be from %1 to %2 seconds.")
                                 .arg(kMinTimeoutMs / 1000)
                                 .arg(kMaxTimeoutMs / 1000));
    }
    if (Status sender = MailMessage::validateAddress(from, QStringLiteral("sender")); !sender) {
        return settingsError(sender.error().message);
    }
    if (fromName.size() > kMaxNameLength || hasControl(fromName)) {
        return settingsError(
            QStringLiteral("The sender name must be one line of at most %1 characters.").arg(kMaxNameLength));
    }
    // NUL separates the fields of AUTH PLAIN; line breaks would end the command early.
    if (hasControl(user) || user.contains(QChar(0)) || password.contains(QChar(0)) ||
        password.contains(u'\r') || password.contains(u'\n')) {
        return settingsError(
            QStringLiteral("The SMTP user name or password contains a control character; retype them."));
    }
    if (user.isEmpty() && !password.isEmpty()) {
        return settingsError(
            QStringLiteral("An SMTP password is set without a user name; enter the user name."));
    }
    return {};
}

QString SmtpSettings::securityName(Security security) {
    return security == Security::ImplicitTls ? QStringLiteral("tls") : QStringLiteral("starttls");
}

Result<SmtpSettings::Security> SmtpSettings::parseSecurity(const QString& name) {
    for (const Security security : {Security::StartTls, Security::ImplicitTls}) {
        if (name == securityName(security)) {
            return security;
        }
    }
    return settingsError(QStringLiteral("\"%1\" is not an SMTP security mode; use \"starttls\" (port 587) or "
                                        "\"tls\" (port 465). Unencrypted SMTP is not offered.")
                             .arg(name.left(kMaxNameLength)));
}

SmtpClient::SmtpClient(QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString SmtpClient::stepName(Step step) {
    switch (step) {
        case Step::Idle:
            return QStringLiteral("idle");
        case Step::Connecting:
            return QStringLiteral("connecting");
        case Step::Greeting:
            return QStringLiteral("waiting for the greeting");
        case Step::Hello:
            return QStringLiteral("saying EHLO");
        case Step::StartingTls:
            return QStringLiteral("asking for STARTTLS");
        case Step::TlsHandshake:
            return QStringLiteral("in the TLS handshake");
        case Step::Authenticating:
            return QStringLiteral("logging in");
        case Step::Addressing:
            return QStringLiteral("giving sender and recipients");
        case Step::Transferring:
            return QStringLiteral("sending the message");
        case Step::Quitting:
            return QStringLiteral("saying QUIT");
    }
    return {};
}

Status SmtpClient::send(const SmtpSettings& settings, const MailMessage& message) {
    if (isBusy()) {
        return Error::make(
            QStringLiteral("smtp_busy"),
            QStringLiteral("An e-mail is already being sent by this client; wait for it to finish."));
    }
    if (Status valid = settings.validate(); !valid) {
        return valid;
    }
    if (Status valid = message.validate(); !valid) {
        return valid;
    }
    m_settings = settings;
    m_message = message;
    m_parser.reset();
    m_sslErrors.clear();
    m_rendered = {};
    m_eightBitMime = false;
    m_useLogin = false;
    m_authRound = 0;
    m_nextRecipient = -1;
    m_dataSent = false;
    m_accepted = false;
    connectSocket();
    return {};
}

void SmtpClient::cancel() {
    if (isBusy()) {
        finish(Error::make(QStringLiteral("smtp_cancelled"),
                           m_accepted
                               ? QStringLiteral("Sending was cancelled after the server accepted the e-mail.")
                               : QStringLiteral("Sending the e-mail was cancelled; it was not sent.")));
    }
}

QString SmtpClient::serverName() const {
    return m_settings.host + QLatin1Char(':') + QString::number(m_settings.port);
}

void SmtpClient::connectSocket() {
    m_socket = std::make_unique<QSslSocket>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Setting the list turns off Qt's on-demand loading of the system store, so both go in here.
    tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_settings.extraCaCertificates);
    m_socket->setSslConfiguration(tls);
    // The certificate must name the host as written in the settings, whatever it resolves to.
    m_socket->setPeerVerifyName(m_settings.host);
    connect(m_socket.get(), &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket.get(), &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket.get(), &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket.get(), &QSslSocket::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors = errors; });
    // A long message takes longer than one step's time to write: progress keeps the step alive.
    connect(m_socket.get(), &QSslSocket::bytesWritten, this, [this] {
        if (m_step == Step::Transferring) {
            m_timer.start(m_settings.timeoutMs);
        }
    });
    setStep(Step::Connecting);
    if (!isBusy()) {
        return;  // cancelled from progress()
    }
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    } else {
        m_socket->connectToHost(m_settings.host, m_settings.port);
    }
}

void SmtpClient::setStep(Step step) {
    m_step = step;
    if (step == Step::Idle) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_settings.timeoutMs);
    emit progress(step);
}

void SmtpClient::sendCommand(const QByteArray& line) {
    // progress() listeners may have cancelled: then there is no conversation to continue.
    if (!isBusy() || !m_socket) {
        return;
    }
    m_timer.start(m_settings.timeoutMs);
    m_socket->write(line + "\r\n");
}

void SmtpClient::sendHello() {
    setStep(Step::Hello);
    if (!isBusy()) {
        return;
    }
    sendCommand("EHLO " + helloName(m_socket->localAddress()));
}

void SmtpClient::onConnected() {
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        setStep(Step::TlsHandshake);  // the greeting comes after the handshake
    } else {
        setStep(Step::Greeting);
    }
}

void SmtpClient::onEncrypted() {
    qCDebug(lcSmtp).noquote() << "TLS with" << serverName() << m_socket->sessionCipher().name();
    if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
        setStep(Step::Greeting);
    } else {
        // RFC 3207 4.2: forget everything learnt before TLS and ask again.
        sendHello();
    }
}

void SmtpClient::onReadyRead() {
    if (!m_socket || !isBusy()) {
        return;
    }
    // During the STARTTLS handshake QSslSocket consumes the bytes itself; anything readable here is
    // application data.
    if (Status fed = m_parser.feed(m_socket->readAll()); !fed) {
        finish(fed.error());
        return;
    }
    while (isBusy() && m_parser.hasReply()) {
        handleReply(m_parser.takeReply());
    }
}

void SmtpClient::handleReply(const SmtpReply& reply) {
    qCDebug(lcSmtp).noquote() << serverName() << "replied" << reply.code << "while" << stepName(m_step);
    switch (m_step) {
        case Step::Greeting:
            handleGreeting(reply);
            return;
        case Step::Hello:
            handleHello(reply);
            return;
        case Step::StartingTls:
            handleStartTls(reply);
            return;
        case Step::Authenticating:
            handleAuthentication(reply);
            return;
        case Step::Addressing:
            handleAddressing(reply);
            return;
        case Step::Transferring:
            handleTransfer(reply);
            return;
        case Step::Quitting:
            finish({});
            return;
        case Step::Idle:
        case Step::Connecting:
        case Step::TlsHandshake:
            break;
    }
    finish(replyError(QStringLiteral("smtp_protocol_error"), QStringLiteral("answered unasked"), reply,
                      QStringLiteral("Check that the host and port point at a mail submission server.")));
}

Error SmtpClient::replyError(const QString& code, const QString& what, const SmtpReply& reply,
                             const QString& advice) const {
    return Error::make(
        code,
        QStringLiteral("The SMTP server %1 %2: \"%3\". %4").arg(serverName(), what, reply.text(), advice));
}

void SmtpClient::handleGreeting(const SmtpReply& reply) {
    if (reply.code != 220) {
        finish(replyError(QStringLiteral("smtp_rejected"), QStringLiteral("refused the connection"), reply,
                          QStringLiteral("Try again later or ask the mail server's administrator.")));
        return;
    }
    sendHello();
}

void SmtpClient::handleHello(const SmtpReply& reply) {
    if (!reply.isPositive()) {
        finish(replyError(QStringLiteral("smtp_rejected"), QStringLiteral("refused EHLO"), reply,
                          QStringLiteral("Vigil needs an ESMTP server that offers TLS.")));
        return;
    }
    if (!m_socket->isEncrypted()) {
        if (!reply.offers(QStringLiteral("STARTTLS"))) {
            // SEC-4.2: no TLS, no mail. Nothing was sent but EHLO: no credentials, no addresses.
            quitAndFinish(Error::make(
                QStringLiteral("smtp_starttls_unavailable"),
                QStringLiteral(
                    "The SMTP server %1 does not offer STARTTLS (it answered EHLO with \"%2\"), and "
                    "Vigil sends e-mail only over TLS. Enable STARTTLS on the server, or use its "
                    "implicit-TLS port (usually 465) with the security setting \"tls\".")
                    .arg(serverName(), reply.text())));
            return;
        }
        setStep(Step::StartingTls);
        sendCommand("STARTTLS");
        return;
    }
    m_eightBitMime = reply.offers(QStringLiteral("8BITMIME"));
    if (m_settings.user.isEmpty()) {
        sendMailFrom();
        return;
    }
    if (!reply.offers(QStringLiteral("AUTH"), QStringLiteral("PLAIN")) &&
        !reply.offers(QStringLiteral("AUTH"), QStringLiteral("LOGIN"))) {
        quitAndFinish(Error::make(
            QStringLiteral("smtp_auth_unsupported"),
            QStringLiteral(
                "The SMTP server %1 offers neither AUTH PLAIN nor AUTH LOGIN over TLS (it answered EHLO "
                "with \"%2\"). Enable one of them on the server, or clear the user name if the "
                "server accepts mail from this machine without logging in.")
                .arg(serverName(), reply.text())));
        return;
    }
    m_useLogin = !reply.offers(QStringLiteral("AUTH"), QStringLiteral("PLAIN"));
    startAuthentication();
}

void SmtpClient::handleStartTls(const SmtpReply& reply) {
    if (reply.code != 220) {
        quitAndFinish(
            replyError(QStringLiteral("smtp_starttls_unavailable"), QStringLiteral("refused STARTTLS"), reply,
                       QStringLiteral("Vigil sends e-mail only over TLS; fix TLS on the server or use "
                                      "its implicit-TLS port (usually 465) with the setting \"tls\".")));
        return;
    }
    // Bytes after the "220" arrived in clear text and would be read as if they came over TLS: a
    // man in the middle's injection (RFC 3207 section 5, CVE-2011-0411 in reverse). Refuse.
    if (m_parser.holdsPartialReply() || m_parser.hasReply() || m_socket->bytesAvailable() > 0) {
        finish(Error::make(
            QStringLiteral("smtp_protocol_error"),
            QStringLiteral("The SMTP server %1 sent data after agreeing to STARTTLS, before the TLS "
                           "handshake. Something between Vigil and the server is tampering with "
                           "the connection; check the network path.")
                .arg(serverName())));
        return;
    }
    m_parser.reset();
    setStep(Step::TlsHandshake);
    if (isBusy()) {
        m_socket->startClientEncryption();
    }
}

void SmtpClient::startAuthentication() {
    // Belt and braces: the steps only lead here over TLS, and credentials never go out without it.
    if (!m_socket->isEncrypted()) {
        finish(Error::make(QStringLiteral("smtp_protocol_error"),
                           QStringLiteral("Refusing to send SMTP credentials over an unencrypted connection. "
                                          "This is a defect; report it.")));
        return;
    }
    setStep(Step::Authenticating);
    m_authRound = 0;
    if (m_useLogin) {
        sendCommand("AUTH LOGIN");
        return;
    }
    QByteArray plain;
    plain += '\0';
    plain += m_settings.user.toUtf8();
    plain += '\0';
    plain += m_settings.password.toUtf8();
    sendCommand("AUTH PLAIN " + plain.toBase64());
}

void SmtpClient::handleAuthentication(const SmtpReply& reply) {
    if (reply.code == 235) {
        sendMailFrom();
        return;
    }
    const bool loginChallenge = m_useLogin && reply.code == 334 && m_authRound < kAuthLoginPasswordRound;
    if (loginChallenge) {
        ++m_authRound;
        sendCommand(m_authRound == 1 ? base64(m_settings.user) : base64(m_settings.password));
        return;
    }
    quitAndFinish(replyError(QStringLiteral("smtp_auth_failed"), QStringLiteral("refused the login"), reply,
                             QStringLiteral("Check the user name and password in the SMTP settings.")));
}

void SmtpClient::sendMailFrom() {
    m_rendered = m_message.render(m_settings.from, m_settings.fromName, QDateTime::currentDateTimeUtc(),
                                  m_eightBitMime);
    setStep(Step::Addressing);
    m_nextRecipient = -1;
    QByteArray command = "MAIL FROM:<" + m_settings.from.toLatin1() + '>';
    if (m_rendered.eightBit) {
        command += " BODY=8BITMIME";
    }
    sendCommand(command);
}

void SmtpClient::handleAddressing(const SmtpReply& reply) {
    if (!reply.isPositive()) {
        if (m_nextRecipient < 0) {
            quitAndFinish(
                replyError(QStringLiteral("smtp_rejected"),
                           QStringLiteral("refused the sender %1").arg(m_settings.from), reply,
                           QStringLiteral("Check the sender address in the SMTP settings; many servers "
                                          "accept only the logged-in user's own address.")));
        } else {
            quitAndFinish(
                replyError(QStringLiteral("smtp_recipient_refused"),
                           QStringLiteral("refused the recipient %1").arg(m_message.to.at(m_nextRecipient)),
                           reply, QStringLiteral("Check the address.")));
        }
        return;
    }
    ++m_nextRecipient;
    if (m_nextRecipient < m_message.to.size()) {
        sendCommand("RCPT TO:<" + m_message.to.at(m_nextRecipient).toLatin1() + '>');
        return;
    }
    setStep(Step::Transferring);
    m_dataSent = false;
    sendCommand("DATA");
}

void SmtpClient::handleTransfer(const SmtpReply& reply) {
    if (!m_dataSent && reply.code == 354) {
        m_dataSent = true;
        m_timer.start(m_settings.timeoutMs);
        m_socket->write(MailMessage::dotStuff(m_rendered.bytes));
        return;
    }
    if (m_dataSent && reply.isPositive()) {
        m_accepted = true;
        setStep(Step::Quitting);
        sendCommand("QUIT");
        return;
    }
    quitAndFinish(
        replyError(QStringLiteral("smtp_rejected"),
                   m_dataSent ? QStringLiteral("refused the message") : QStringLiteral("refused DATA"), reply,
                   QStringLiteral("Read the server's reason; the e-mail was not sent.")));
}

void SmtpClient::onSocketError() {
    if (!m_socket || !isBusy()) {
        return;
    }
    const QAbstractSocket::SocketError error = m_socket->error();
    // After the server took the message, a connection that ends before QUIT's answer changes nothing.
    if (m_accepted) {
        finish({});
        return;
    }
    if (!m_sslErrors.isEmpty()) {
        QStringList reasons;
        for (const QSslError& sslError : std::as_const(m_sslErrors)) {
            reasons.append(sslError.errorString());
        }
        finish(Error::make(
            QStringLiteral("smtp_certificate_untrusted"),
            QStringLiteral("The SMTP server %1 presented a certificate Vigil does not trust (%2), "
                           "so nothing was sent. If the server uses a private CA, add that CA's "
                           "certificate to the SMTP settings; otherwise fix the server's certificate.")
                .arg(serverName(), reasons.join(QStringLiteral("; ")))));
        return;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError || m_step == Step::TlsHandshake) {
        finish(Error::make(
            QStringLiteral("smtp_tls_failed"),
            QStringLiteral("The TLS handshake with the SMTP server %1 failed (%2), so nothing was "
                           "sent. Check that the port and the security setting match: 587 with "
                           "\"starttls\", 465 with \"tls\"; Vigil needs TLS 1.2 or later.")
                .arg(serverName(), m_socket->errorString())));
        return;
    }
    if (m_step == Step::Connecting) {
        finish(Error::make(
            QStringLiteral("smtp_connect_failed"),
            QStringLiteral("Cannot connect to the SMTP server %1: %2. Check the host and port in the "
                           "SMTP settings and that the server is running and reachable.")
                .arg(serverName(), m_socket->errorString())));
        return;
    }
    finish(Error::make(
        QStringLiteral("smtp_connection_lost"),
        QStringLiteral("The connection to the SMTP server %1 ended while %2: %3. The e-mail was not "
                       "sent; try again.")
            .arg(serverName(), stepName(m_step), m_socket->errorString())));
}

void SmtpClient::onTimeout() {
    if (!isBusy()) {
        return;
    }
    if (m_accepted) {
        finish({});
        return;
    }
    finish(Error::make(
        QStringLiteral("smtp_timeout"),
        QStringLiteral("The SMTP server %1 did not answer within %2 s while Vigil was %3; the e-mail "
                       "was not sent. Check the host, port and security setting, or raise the "
                       "timeout for a slow server.")
            .arg(serverName(), QString::number(m_settings.timeoutMs / 1000.0), stepName(m_step))));
}

void SmtpClient::quitAndFinish(Status status) {
    // Polite but not waited for: the outcome is already known.
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write("QUIT\r\n");
        m_socket->flush();
    }
    finish(std::move(status));
}

void SmtpClient::finish(Status status) {
    if (!isBusy()) {
        return;
    }
    setStep(Step::Idle);
    if (m_socket) {
        m_socket->disconnect(this);
        // A cancelled, stalled or confused conversation is cut at once; the server then drops any
        // half-sent message. Otherwise the connection ends normally after what was written (QUIT).
        const bool cut = !status.ok() && (status.error().code == QStringLiteral("smtp_cancelled") ||
                                          status.error().code == QStringLiteral("smtp_timeout") ||
                                          status.error().code == QStringLiteral("smtp_protocol_error"));
        if (cut) {
            m_socket->abort();
        } else {
            m_socket->disconnectFromHost();
        }
        // Deleted later: this may run inside one of the socket's own signals.
        m_socket.release()->deleteLater();
    }
    if (status.ok()) {
        qCInfo(lcSmtp).noquote() << "e-mail to" << m_message.to.join(QStringLiteral(", ")) << "accepted by"
                                 << serverName();
    } else {
        qCInfo(lcSmtp).noquote() << "e-mail not sent:" << status.error().code;
    }
    emit finished(status);
}

}  // namespace vigil::core::net
