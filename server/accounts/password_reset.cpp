#include "accounts/password_reset.h"

#include <QDateTime>
#include <QRandomGenerator>

#include "model/json_fields.h"

namespace vigil::server {

using core::Result;
using core::model::FieldReader;
using core::model::finished;

Result<ResetCodeRequest> ResetCodeRequest::fromRequest(const QJsonObject& body) {
    FieldReader reader(body, QStringLiteral("reset request"), FieldReader::Mode::Request);
    ResetCodeRequest request;
    request.userName = reader.string(QStringLiteral("userName"));
    return finished(reader, request);
}

Result<ResetCompletion> ResetCompletion::fromRequest(const QJsonObject& body) {
    FieldReader reader(body, QStringLiteral("reset completion"), FieldReader::Mode::Request);
    ResetCompletion request;
    request.userName = reader.string(QStringLiteral("userName"));
    request.code = reader.string(QStringLiteral("code")).trimmed();
    request.newPassword = reader.string(QStringLiteral("newPassword"));
    return finished(reader, request);
}

Result<QuestionsReset> QuestionsReset::fromRequest(const QJsonObject& body) {
    const QString context = QStringLiteral("questions reset");
    FieldReader reader(body, context, FieldReader::Mode::Request);
    QuestionsReset request;
    request.userName = reader.string(QStringLiteral("userName"));
    request.answers = reader.stringList(QStringLiteral("answers"));
    request.newPassword = reader.string(QStringLiteral("newPassword"));
    if (reader.ok() && request.answers.size() != kAnswers) {
        return FieldReader::badRequest(
            context, QStringLiteral("answers"),
            QStringLiteral("has %1 answers; send %2, one per security question, in "
                           "their order")
                .arg(request.answers.size())
                .arg(kAnswers));
    }
    return finished(reader, request);
}

QString PasswordReset::newCode() {
    QString code;
    code.reserve(kCodeDigits);
    for (int i = 0; i < kCodeDigits; ++i) {
        code.append(QChar(u'0' + static_cast<char16_t>(QRandomGenerator::system()->bounded(10))));
    }
    return code;
}

core::net::MailMessage PasswordReset::codeMessage(const QString& email, const QString& userName,
                                                  const QString& code, qint64 expiresMs,
                                                  const QHostAddress& requester) {
    core::net::MailMessage message;
    message.to = {email};
    message.subject = QStringLiteral("Vigil password reset code");
    message.body = QStringLiteral(
                       "Someone asked to reset the password of the Vigil user \"%1\" from the address %2.\n\n"
                       "Code: %3\n\n"
                       "Enter it on the password reset screen before %4 (UTC). It works once.\n"
                       "If you did not ask for this, ignore this message; the password stays as it is.\n")
                       .arg(userName, requester.toString(), code,
                            QDateTime::fromMSecsSinceEpoch(expiresMs, Qt::UTC)
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return message;
}

core::net::MailMessage PasswordReset::testMessage(const QString& email) {
    core::net::MailMessage message;
    message.to = {email};
    message.subject = QStringLiteral("Vigil SMTP test");
    message.body = QStringLiteral(
        "This is a test message from Vigil. The SMTP settings work: password reset codes will reach this "
        "address.\n");
    return message;
}

}  // namespace vigil::server
