#pragma once
// SmtpClient: sends one e-mail through a submission server, only ever over TLS (SEC-4.2): either
// STARTTLS on a plain connection (port 587), refused when the server does not offer it or the
// upgrade fails, or implicit TLS from the first byte (port 465). The server certificate must chain
// to a trusted CA (the system's plus any given in the settings) and name the host. Credentials go
// out only once the connection is encrypted (AUTH PLAIN, else LOGIN). Used for the password-reset
// code (SEC-1.3) and alarm e-mails.
//
// Asynchronous: send() starts, progress() reports each step, finished() comes exactly once with
// success or an error that says what happened, quoting the server's reply where there is one.

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QTimer>
#include <memory>

#include "common/result.h"
#include "net/mail_message.h"
#include "net/smtp_reply.h"

class QSslSocket;

namespace vigil::core::net {

struct SmtpSettings {
    enum class Security {
        StartTls,     // plain connection upgraded with STARTTLS, usually port 587
        ImplicitTls,  // TLS from the first byte, usually port 465
    };

    static constexpr int kDefaultTimeoutMs = 30'000;
    static constexpr int kMinTimeoutMs = 1'000;
    static constexpr int kMaxTimeoutMs = 600'000;

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user;  // empty: no AUTH (a relay that trusts this machine)
    QString password;
    QString from;  // sender address, envelope and header
    QString fromName = QStringLiteral("Vigil");
    int timeoutMs = kDefaultTimeoutMs;           // per step: connect, each reply, the handshake
    QList<QSslCertificate> extraCaCertificates;  // a private CA; the system's CAs are trusted too

    Status validate() const;

    static QString securityName(Security security);  // "starttls" | "tls"
    static Result<Security> parseSecurity(const QString& name);
};

class SmtpClient : public QObject {
    Q_OBJECT
public:
    enum class Step {
        Idle,
        Connecting,
        Greeting,
        Hello,
        StartingTls,
        TlsHandshake,
        Authenticating,
        Addressing,    // MAIL FROM, RCPT TO
        Transferring,  // DATA and the message
        Quitting,
    };
    Q_ENUM(Step)

    explicit SmtpClient(QObject* parent = nullptr);
    ~SmtpClient() override;

    // Starts sending. An error here (invalid settings or message, already busy) means nothing
    // started and finished() will not come; otherwise finished() comes exactly once.
    Status send(const SmtpSettings& settings, const MailMessage& message);
    // Stops at once; finished() reports smtp_cancelled. A message is only delivered if the server
    // had already accepted it.
    void cancel();

    bool isBusy() const { return m_step != Step::Idle; }
    Step step() const { return m_step; }
    static QString stepName(Step step);

signals:
    void progress(vigil::core::net::SmtpClient::Step step);
    void finished(const vigil::core::Status& status);

private:
    void connectSocket();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onTimeout();

    void handleReply(const SmtpReply& reply);
    void handleGreeting(const SmtpReply& reply);
    void handleHello(const SmtpReply& reply);
    void handleStartTls(const SmtpReply& reply);
    void startAuthentication();
    void handleAuthentication(const SmtpReply& reply);
    void sendMailFrom();
    void handleAddressing(const SmtpReply& reply);
    void handleTransfer(const SmtpReply& reply);

    void setStep(Step step);
    void sendCommand(const QByteArray& line);
    void sendHello();
    void finish(Status status);
    void quitAndFinish(Status status);

    Error replyError(const QString& code, const QString& what, const SmtpReply& reply,
                     const QString& advice) const;
    QString serverName() const;

    SmtpSettings m_settings;
    MailMessage m_message;
    std::unique_ptr<QSslSocket> m_socket;
    SmtpReplyParser m_parser;
    QTimer m_timer;
    Step m_step = Step::Idle;
    QList<QSslError> m_sslErrors;
    MailMessage::Rendered m_rendered;
    bool m_eightBitMime = false;
    bool m_useLogin = false;   // AUTH LOGIN instead of PLAIN
    int m_authRound = 0;       // LOGIN: 0 sent AUTH, 1 sent user, 2 sent password
    int m_nextRecipient = -1;  // -1: MAIL FROM sent; i: RCPT TO for recipient i sent
    bool m_dataSent = false;   // Transferring: false awaits 354, true awaits the final 250
    bool m_accepted = false;   // the server took the message
};

}  // namespace vigil::core::net
