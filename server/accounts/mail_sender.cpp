#include "accounts/mail_sender.h"

#include <QEventLoop>

namespace vigil::server {

using core::Status;
using core::net::SmtpClient;

Status MailSender::send(const core::net::SmtpSettings& settings, const core::net::MailMessage& message,
                        Done done) {
    auto* client = new SmtpClient(this);
    connect(client, &SmtpClient::finished, this, [client, done = std::move(done)](const Status& status) {
        client->deleteLater();
        done(status);
    });
    if (Status started = client->send(settings, message); !started) {
        delete client;
        return started;
    }
    return {};
}

Status MailSender::sendAndWait(const core::net::SmtpSettings& settings,
                               const core::net::MailMessage& message) {
    QEventLoop loop;
    Status outcome;
    bool finished = false;
    const Status started = send(settings, message, [&](const Status& status) {
        outcome = status;
        finished = true;
        loop.quit();
    });
    if (!started) {
        return started;
    }
    if (!finished) {
        loop.exec();
    }
    return outcome;
}

}  // namespace vigil::server
