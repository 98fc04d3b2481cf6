#pragma once
// MailSender: sends e-mails with core::net::SmtpClient, one client per message so a slow server
// never holds up the next message. Used for the password-reset code (SEC-1.3) and the SMTP test.

#include <QObject>
#include <functional>

#include "common/result.h"
#include "net/mail_message.h"
#include "net/smtp_client.h"

namespace vigil::server {

class MailSender : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const core::Status& status)>;

    explicit MailSender(QObject* parent = nullptr) : QObject(parent) {}

    // Starts sending; `done` comes exactly once with the outcome, unless this returns an error (the
    // settings or the message are invalid), in which case nothing started.
    core::Status send(const core::net::SmtpSettings& settings, const core::net::MailMessage& message,
                      Done done);

    // Sends and turns the event loop until the server has answered (at most the settings' timeout
    // per step), for the settings' test button, whose answer is the server's verdict.
    core::Status sendAndWait(const core::net::SmtpSettings& settings, const core::net::MailMessage& message);
};

}  // namespace vigil::server
